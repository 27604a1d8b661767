import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'list.duplicate-certificate',
  severity: 'error',
  basis: 'entra-cba',
  citation: 'Entra PKI-based trust store upload: 400 "Duplicate Certificate exists" (certificatebasedauthpki-upload)',
  description: 'The same certificate (SHA-256 of its DER) is listed twice; the sibling PKI store rejects duplicates.',
  check(ctx, emit) {
    const first = new Map<string, string>();
    for (const e of certifiedEntries(ctx)) {
      const t = e.cert.thumbprint;
      const earlier = first.get(t);
      if (earlier) emit({ path: memberPath(e, 'certificate'), params: { first: earlier, thumbprint: t } });
      else first.set(t, e.path);
    }
  },
});
