import { defineRule } from '../rule.js';
import { crlParams, givenCrls } from './files.js';

export default defineRule({
  id: 'crl.unmatched',
  severity: 'warning',
  basis: 'best-practice',
  needs: 'crls',
  citation: 'RFC 5280 §6.3.3 (b): a CRL is matched to its CA by issuer name and authorityKeyIdentifier',
  description:
    'A given CRL whose issuer name and authority key identifier match no listed CA: it cannot be checked, and no listed CA uses it.',
  check(ctx, emit) {
    for (const a of givenCrls(ctx)) if (a.crl && !a.ca && !a.input.from) emit({ path: '', params: crlParams(a) });
  },
});
