import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.duplicate-extension',
  severity: 'error',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.2: a certificate MUST NOT include more than one instance of a particular extension',
  description: 'The same extension appears twice, so verifiers may read different values.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      for (const oid of new Set(e.cert.duplicateExtensions)) emit({ path: memberPath(e, 'certificate'), params: { oid } });
    }
  },
});
