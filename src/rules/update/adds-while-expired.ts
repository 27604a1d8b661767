import { defineRule } from '../rule.js';
import { withRecords } from '../helpers.js';

export default defineRule({
  id: 'update.adds-while-expired',
  severity: 'error',
  basis: 'entra-cba',
  citation: 'Entra CBA (how-to-configure-certificate-authorities): "Upload of a new CA fails if any existing CA expired"',
  description:
    'The body adds a CA while it keeps a CA from the current resource that has expired; remove or replace the expired CA in the same update.',
  check(ctx, emit) {
    const cur = ctx.current;
    if (!cur) return;
    const existing = new Set(cur.entries.flatMap((c) => (c.record ? [c.record.facts.thumbprints.sha256] : [])));
    const records = [...withRecords(ctx)];
    const added = records.filter(([, r]) => !existing.has(r.facts.thumbprints.sha256));
    if (added.length === 0) return;
    for (const [e, r] of records) {
      if (existing.has(r.facts.thumbprints.sha256) && r.parsed.notAfter.getTime() < ctx.at.getTime()) {
        emit({
          path: e.path,
          params: { notAfter: r.facts.notAfter, subject: r.facts.subject.rfc4514, added: added.map(([a]) => a.path).join(', ') },
        });
      }
    }
  },
});
