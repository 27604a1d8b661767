import { defineRule } from '../rule.js';
import { CRL_PAGE, SIGN_IN, crlParams, crlPointer, matchedCrls } from './files.js';

export default defineRule({
  id: 'crl.aki-mismatch',
  severity: 'error',
  basis: 'entra-cba',
  needs: 'crls',
  citation: `${CRL_PAGE}: AADSTS2205015, "The expected SubjectKeyIdentifier {expectedSKI} doesn't match CRL's AuthorityKeyIdentifier {crlAK}"; "PKI configurations must include SubjectKeyIdentifier and Authority Key Identifier values"`,
  description:
    "The CRL's authority key identifier is missing or is not the CA's subject key identifier (issuerSki), so Entra rejects the CRL.",
  signIn: SIGN_IN.signature,
  check(ctx, emit) {
    for (const [a] of matchedCrls(ctx)) {
      if (a.aki === 'mismatch') emit({ path: crlPointer(a), params: crlParams(a) });
      else if (a.aki === 'missing') emit({ path: crlPointer(a), params: crlParams(a), variant: 'missing' });
      else if (a.aki === 'ca-has-no-ski') emit({ path: crlPointer(a), params: crlParams(a), variant: 'ca-has-no-ski' });
    }
  },
});
