import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.ski-missing',
  severity: 'warning',
  basis: 'rfc5280',
  citation:
    'RFC 5280 §4.2.1.2: conforming CAs MUST include the subject key identifier in all CA certificates; Graph computes issuerSki from it',
  description:
    "A CA certificate without a subjectKeyIdentifier leaves Graph's issuerSki without a value and makes AKI-based chaining impossible.",
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) if (!e.cert.ski) emit({ path: memberPath(e, 'certificate') });
  },
});
