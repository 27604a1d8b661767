import { defineRule } from '../rule.js';
import { CRL_PAGE, SIGN_IN, crlParams, crlPointer, givenCrls } from './files.js';

export default defineRule({
  id: 'crl.expired',
  severity: 'error',
  basis: 'entra-cba',
  needs: 'crls',
  citation: `${CRL_PAGE}: AADSTS500172 (expired CRLs), "Authentication fails if the CRL has expired and can't be refreshed"; RFC 5280 §5.1.2.5`,
  description: "The CRL's nextUpdate is past (at the check time): sign-ins that need it fail until the CA publishes a new one.",
  signIn: SIGN_IN.window,
  check(ctx, emit) {
    for (const a of givenCrls(ctx)) if (a.crl && a.window === 'expired') emit({ path: crlPointer(a), params: crlParams(a) });
  },
});
