import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.key-cert-sign-missing',
  severity: 'error',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.2.1.3 and §6.1.4 (n): when keyUsage is present, a CA key must assert keyCertSign',
  description: 'A CA certificate whose keyUsage extension lacks keyCertSign cannot sign certificates.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      const ku = e.cert.keyUsage;
      if (ku && !ku.bits.includes('keyCertSign'))
        emit({ path: memberPath(e, 'certificate'), params: { bits: ku.bits.join(', ') || 'none' } });
    }
  },
});
