import { defineRule } from '../rule.js';
import { CRL_PAGE, SIGN_IN, crlParams, crlPointer, matchedCrls } from './files.js';

export default defineRule({
  id: 'crl.signature-invalid',
  severity: 'error',
  basis: 'entra-cba',
  needs: 'crls',
  citation: `${CRL_PAGE}: AADSTS2205015 "The Certificate Revocation List (CRL) failed signature validation"; RFC 5280 §5.1.1.2, §6.3.3 (g)`,
  description:
    "The CRL's signature does not verify with the CA's key (signed by another CA, or altered), or its two signature algorithm fields differ.",
  signIn: SIGN_IN.signature,
  check(ctx, emit) {
    for (const [a] of matchedCrls(ctx)) {
      if (a.signature?.status === 'invalid') emit({ path: crlPointer(a), params: crlParams(a) });
      else if (a.algorithmMismatch) emit({ path: crlPointer(a), params: crlParams(a), variant: 'algorithm-mismatch' });
    }
  },
});
