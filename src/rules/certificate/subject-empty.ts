import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.subject-empty',
  severity: 'error',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.1.2.6: if the subject is a CA, the subject field MUST be populated with a non-empty distinguished name',
  description:
    'A CA certificate with an empty subject: the certificates it issues cannot name it as their issuer, so no path finds it by name.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.cert.basicConstraints?.cA && e.cert.subject.rdns.length === 0) emit({ path: memberPath(e, 'certificate') });
    }
  },
});
