import { defineRule } from '../rule.js';
import { CRL_PAGE, SIGN_IN, crlParams, crlPointer, givenCrls } from './files.js';

export default defineRule({
  id: 'crl.not-a-crl',
  severity: 'error',
  basis: 'entra-cba',
  needs: 'crls',
  citation: `${CRL_PAGE}: AADSTS500174 "Unable to construct valid Certificate Revocation List (CRL) from response"; RFC 5280 §5.1`,
  description: 'A given CRL is well-formed DER but not a CertificateList (a certificate, a PKCS#7 bundle, another PEM block …).',
  signIn: SIGN_IN.notCrl,
  check(ctx, emit) {
    for (const a of givenCrls(ctx))
      if (a.problem?.kind === 'not-crl') emit({ path: crlPointer(a), params: { ...crlParams(a), reason: a.problem.message } });
  },
});
