import { defineRule } from '../rule.js';
import { CRL_PAGE, SIGN_IN, crlParams, crlPointer, givenCrls } from './files.js';

export default defineRule({
  id: 'crl.download-timeout',
  severity: 'error',
  basis: 'entra-cba',
  needs: 'crls',
  citation: `${CRL_PAGE}: "The time required to download the CRL must not exceed 10 seconds"; AADSTS2205012`,
  description: 'A configured CRL URL took longer than the 10 seconds Entra allows for the download.',
  signIn: SIGN_IN.timeout,
  check(ctx, emit) {
    for (const a of givenCrls(ctx)) {
      const f = a.input.failure;
      if (f?.kind === 'timeout') emit({ path: crlPointer(a), params: { ...crlParams(a), seconds: String(f.seconds) } });
    }
  },
});
