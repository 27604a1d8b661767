import { defineRule } from '../rule.js';
import { CRL_PAGE, crlParams, crlPointer, matchedCrls } from './files.js';

export default defineRule({
  id: 'crl.delta-without-base-crl',
  severity: 'warning',
  basis: 'entra-cba',
  needs: 'crls',
  citation: `${CRL_PAGE}: "Base + Delta CRL: When both are configured, both must be valid and accessible"; RFC 5280 §5.2.4`,
  description: 'A delta CRL was given without a complete CRL of the same CA, so the revocations it updates cannot be checked.',
  check(ctx, emit) {
    for (const [a] of matchedCrls(ctx)) if (a.role === 'delta' && !a.base) emit({ path: crlPointer(a), params: crlParams(a) });
  },
});
