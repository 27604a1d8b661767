import { defineRule } from '../rule.js';
import { CRL_PAGE, SIGN_IN, crlParams, crlPointer, givenCrls } from './files.js';

export default defineRule({
  id: 'crl.not-yet-valid',
  severity: 'error',
  basis: 'entra-cba',
  needs: 'crls',
  citation: `${CRL_PAGE}: AADSTS500172 ("incorrectly configured publication/validity times"); RFC 5280 §5.1.2.4`,
  description: "The CRL's thisUpdate is in the future (at the check time): a clock problem at the CA, and the CRL is not valid yet.",
  signIn: SIGN_IN.window,
  check(ctx, emit) {
    for (const a of givenCrls(ctx)) if (a.crl && a.window === 'not-yet-valid') emit({ path: crlPointer(a), params: crlParams(a) });
  },
});
