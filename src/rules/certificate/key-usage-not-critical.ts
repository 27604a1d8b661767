import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.key-usage-not-critical',
  severity: 'warning',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.2.1.3: when present, conforming CAs SHOULD mark keyUsage as critical',
  description: 'A CA certificate whose keyUsage is not critical: verifiers that do not understand it may ignore the limits it sets.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.cert.basicConstraints?.cA && e.cert.keyUsage && !e.cert.keyUsage.critical) emit({ path: memberPath(e, 'certificate') });
    }
  },
});
