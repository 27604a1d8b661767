import { defineRule } from '../rule.js';
import { certifiedEntries, isoTime } from '../helpers.js';

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
    const existing = new Set(cur.entries.flatMap((c) => (c.cert ? [c.cert.thumbprint] : [])));
    const listed = [...certifiedEntries(ctx)];
    const added = listed.filter((e) => !existing.has(e.cert.thumbprint));
    if (added.length === 0) return;
    for (const e of listed) {
      if (existing.has(e.cert.thumbprint) && e.cert.notAfter.getTime() < ctx.at.getTime()) {
        emit({
          path: e.path,
          params: { notAfter: isoTime(e.cert.notAfter), subject: e.cert.subject.rfc4514, added: added.map((a) => a.path).join(', ') },
        });
      }
    }
  },
});
