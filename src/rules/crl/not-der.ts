import { defineRule } from '../rule.js';
import { CRL_PAGE, SIGN_IN, crlParams, crlPointer, givenCrls } from './files.js';

export default defineRule({
  id: 'crl.not-der',
  severity: 'error',
  basis: 'entra-cba',
  needs: 'crls',
  citation: `${CRL_PAGE}: AADSTS2205011, a CRL must be ASN.1 DER; RFC 5280 §5`,
  description: 'A given CRL is not DER: garbage, cut short, or BER forms (indefinite or non-minimal lengths) that Entra cannot read.',
  signIn: SIGN_IN.notDer,
  check(ctx, emit) {
    for (const a of givenCrls(ctx)) {
      if (!a.problem || a.problem.kind === 'not-crl') continue;
      const params = { ...crlParams(a), reason: a.problem.message };
      if (a.problem.kind === 'ber') emit({ path: crlPointer(a), params, variant: 'ber' });
      else emit({ path: crlPointer(a), params });
    }
  },
});
