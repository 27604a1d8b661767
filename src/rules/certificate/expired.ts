import { defineRule } from '../rule.js';
import { certifiedEntries, isoTime, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.expired',
  severity: 'error',
  basis: 'entra-cba',
  citation:
    'Entra CBA (how-to-configure-certificate-authorities): "Upload of a new CA fails if any existing CA expired"; RFC 5280 §4.1.2.5',
  description: 'A CA whose notAfter is in the past (at the check time) makes uploads to the trust store fail and cannot anchor any path.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.cert.notAfter.getTime() < ctx.at.getTime())
        emit({ path: memberPath(e, 'certificate'), params: { notAfter: isoTime(e.cert.notAfter), subject: e.cert.subject.rfc4514 } });
    }
  },
});
