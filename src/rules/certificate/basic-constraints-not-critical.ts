import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.basic-constraints-not-critical',
  severity: 'warning',
  basis: 'rfc5280',
  citation:
    'RFC 5280 §4.2.1.9: conforming CAs MUST mark basicConstraints critical in CA certificates that contain public keys used to validate signatures',
  description: 'basicConstraints present but not marked critical in a CA certificate.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.cert.basicConstraints?.cA && !e.cert.basicConstraints.critical) emit({ path: memberPath(e, 'certificate') });
    }
  },
});
