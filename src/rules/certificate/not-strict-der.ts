import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.not-strict-der',
  severity: 'warning',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.1 (the certificate is DER-encoded); X.690 §10 (definite, minimal lengths; primitive strings)',
  description:
    "The certificate parses as BER but is not DER (indefinite or non-minimal length, constructed string): strict verifiers reject it and its thumbprint differs from the DER form's.",
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.cert.derViolation) emit({ path: memberPath(e, 'certificate'), params: { problem: e.cert.derViolation } });
    }
  },
});
