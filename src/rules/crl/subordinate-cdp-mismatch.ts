import { defineRule } from '../rule.js';
import { certifiedAt, certifiedEntries, memberPath } from '../helpers.js';
import { baseCrlUrl } from './urls.js';

export default defineRule({
  id: 'crl.subordinate-cdp-mismatch',
  severity: 'warning',
  basis: 'entra-cba',
  citation:
    'Entra CBA (certificate-based-authentication-faq): the configured CRL is the one issued by the CA (CRL issuer = CA subject); RFC 5280 §4.2.1.13',
  description:
    "A subordinate in the list points its CRL distribution points elsewhere than its issuer's configured CRL URL, so the configured CRL is probably not the one that covers it.",
  check(ctx, emit) {
    const norm = (u: string) => u.trim().toLowerCase();
    for (const e of certifiedEntries(ctx)) {
      if (e.chain.status !== 'issued') continue;
      const points = e.cert.crlDistributionPoints;
      const issuer = certifiedAt(ctx, e.chain.issuer);
      const configured = baseCrlUrl(issuer);
      if (!configured || points.length === 0) continue;
      if (!points.some((p) => norm(p) === norm(configured))) {
        emit({
          path: memberPath(issuer, 'certificateRevocationListUrl'),
          params: { url: configured, subordinate: e.path, points: points.join(', ') },
        });
      }
    }
  },
});
