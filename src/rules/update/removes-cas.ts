import { defineRule } from '../rule.js';
import { certifiedEntries } from '../helpers.js';

export default defineRule({
  id: 'update.removes-cas',
  severity: 'warning',
  basis: 'graph-documented',
  citation:
    'update page: "repost the entire contents of the certificateAuthorities attribute list … Excluding a subset of objects removes them from the collection"',
  description: 'Compared with the current resource, the body leaves out CAs, and the server will delete them.',
  check(ctx, emit) {
    const cur = ctx.current;
    const list = ctx.bodyObject?.certificateAuthorities;
    if (!cur || !Array.isArray(list)) return;
    const kept = new Set<string>();
    for (const e of certifiedEntries(ctx)) kept.add(e.cert.thumbprint);
    const removed = cur.entries.flatMap((c) => (c.cert && !kept.has(c.cert.thumbprint) ? [c.cert] : []));
    if (removed.length === 0) return;
    emit({
      path: '/certificateAuthorities',
      params: {
        count: String(removed.length),
        list: removed.map((c) => `${c.subject.rfc4514} (SHA-256 ${c.thumbprint})`).join('; '),
      },
    });
  },
});
