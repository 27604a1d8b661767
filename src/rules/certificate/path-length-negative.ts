import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.path-length-negative',
  severity: 'error',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.2.1.9: pathLenConstraint is INTEGER (0..MAX)',
  description:
    'A negative pathLenConstraint: OpenSSL marks the extension invalid and rejects every path through the CA; no value below zero means anything.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      const n = e.cert.basicConstraints?.pathLenConstraint;
      if (n !== null && n !== undefined && n < 0) emit({ path: memberPath(e, 'certificate'), params: { value: String(n) } });
    }
  },
});
