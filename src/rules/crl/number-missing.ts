import { defineRule } from '../rule.js';
import { CRL_PAGE, crlParams, crlPointer, givenCrls } from './files.js';

export default defineRule({
  id: 'crl.number-missing',
  severity: 'warning',
  basis: 'entra-cba',
  needs: 'crls',
  citation: `${CRL_PAGE}: "Microsoft Entra strictly enforces CRL versioning: … its CRL Number must be higher than the previous version"; RFC 5280 §5.2.3`,
  description: 'The CRL has no CRL number, which RFC 5280 requires and on which Entra orders successive CRLs.',
  check(ctx, emit) {
    for (const a of givenCrls(ctx)) if (a.crl && a.crl.crlNumber === null) emit({ path: crlPointer(a), params: crlParams(a) });
  },
});
