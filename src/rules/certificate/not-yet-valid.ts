import { defineRule } from '../rule.js';
import { certifiedEntries, isoTime, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.not-yet-valid',
  severity: 'warning',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.1.2.5 and §6.1.3 (a)(2)',
  description: 'A CA whose notBefore is in the future cannot validate devices until then.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.cert.notBefore.getTime() > ctx.at.getTime())
        emit({ path: memberPath(e, 'certificate'), params: { notBefore: isoTime(e.cert.notBefore) } });
    }
  },
});
