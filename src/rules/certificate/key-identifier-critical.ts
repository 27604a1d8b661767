import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.key-identifier-critical',
  severity: 'warning',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.2.1.1 and §4.2.1.2: conforming CAs MUST mark the authority and subject key identifier extensions non-critical',
  description: 'A subjectKeyIdentifier or authorityKeyIdentifier extension marked critical.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.cert.ski?.critical) emit({ path: memberPath(e, 'certificate'), params: { extension: 'subjectKeyIdentifier' } });
      if (e.cert.aki?.critical) emit({ path: memberPath(e, 'certificate'), params: { extension: 'authorityKeyIdentifier' } });
    }
  },
});
