import { defineRule } from '../rule.js';
import { withRecords } from '../helpers.js';

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
    for (const [, r] of withRecords(ctx)) kept.add(r.facts.thumbprints.sha256);
    const removed = cur.entries.filter((c) => c.record && !kept.has(c.record.facts.thumbprints.sha256));
    if (removed.length === 0) return;
    emit({
      path: '/certificateAuthorities',
      params: {
        count: String(removed.length),
        list: removed.map((c) => `${c.record!.facts.subject.rfc4514} (SHA-256 ${c.record!.facts.thumbprints.sha256})`).join('; '),
      },
    });
  },
});
