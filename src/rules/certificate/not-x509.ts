import { defineRule } from '../rule.js';
import { CERTIFICATE_REJECTED, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.not-x509',
  severity: 'error',
  basis: 'graph-documented',
  citation: 'update page: "If a validation failure occurs during the certificate validation steps … 400 Bad Request"; RFC 5280 §4.1',
  description: 'The base64 must decode to exactly one DER X.509 certificate, with no bytes after it.',
  server: CERTIFICATE_REJECTED,
  check(ctx, emit) {
    for (const e of ctx.entries) {
      if (e.certificate.kind === 'not-x509') emit({ path: memberPath(e, 'certificate'), params: { reason: e.certificate.reason } });
    }
  },
});
