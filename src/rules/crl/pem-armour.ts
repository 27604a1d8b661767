import { defineRule } from '../rule.js';
import { CRL_PAGE, SIGN_IN, crlParams, crlPointer, givenCrls } from './files.js';

export default defineRule({
  id: 'crl.pem-armour',
  severity: 'error',
  basis: 'entra-cba',
  needs: 'crls',
  citation: `${CRL_PAGE}: AADSTS2205011, the downloaded CRL must be ASN.1 DER ("improper base64/PEM encoding")`,
  description:
    'A CRL in PEM text (-----BEGIN X509 CRL-----): an error when a distribution point serves it, a warning for a file (the URL must serve the DER).',
  signIn: SIGN_IN.notDer,
  check(ctx, emit) {
    for (const a of givenCrls(ctx)) {
      if (!a.pem) continue;
      if (a.input.from) emit({ path: crlPointer(a), params: crlParams(a) });
      else emit({ path: crlPointer(a), params: crlParams(a), severity: 'warning', variant: 'file' });
    }
  },
});
