import { defineRule } from '../rule.js';
import { term } from '../../report/catalogue/index.js';
import { certifiedEntries, isoTime, memberPath } from '../helpers.js';
import { daysBetween, firstToExpire } from '../expiry.js';

export default defineRule({
  id: 'certificate.expires-soon',
  severity: 'warning',
  basis: 'entra-cba',
  citation:
    'Entra CBA (how-to-configure-certificate-authorities): "Upload of a new CA fails if any existing CA expired"; an expired CA anchors no path (RFC 5280 §6.1.3 (a)(2))',
  description:
    'A CA that expires within the warning horizon (30 days unless --warn-expiry-days says otherwise): renew or replace it before then.',
  check(ctx, emit) {
    const first = firstToExpire(ctx);
    for (const e of certifiedEntries(ctx)) {
      const days = daysBetween(ctx.at, e.cert.notAfter);
      if (e.cert.notAfter.getTime() < ctx.at.getTime() || days >= ctx.warnExpiryDays) continue;
      const params = {
        subject: e.cert.subject.rfc4514 || term('empty-subject'),
        notAfter: isoTime(e.cert.notAfter),
        days: String(days),
        horizon: String(ctx.warnExpiryDays),
      };
      if (first === e) emit({ path: memberPath(e, 'certificate'), params, variant: 'first' });
      else emit({ path: memberPath(e, 'certificate'), params });
    }
  },
});
