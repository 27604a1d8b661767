import { defineRule } from '../rule.js';
import { hasOwn } from '../../graph/model.js';
import { parseNameString } from '../../certificate/names.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'echo.issuer',
  severity: 'warning',
  basis: 'graph-documented',
  citation: 'certificateAuthority resource: issuer "calculated from the certificate value. Read-only."',
  description:
    "issuer is read-only: the server computes it. A value that names neither the certificate's issuer nor its subject (RFC 4514 or Windows style) is a sign of a pasted or stale entry.",
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (!e.object || !hasOwn(e.object, 'issuer') || e.object.issuer === null) continue; // null: entry.null-not-nullable
      const given = e.object.issuer;
      const path = memberPath(e, 'issuer');
      const computed = e.cert.issuer.windows;
      const key = typeof given === 'string' ? parseNameString(given) : null;
      if (key !== null && key === e.cert.issuer.key) emit({ path, severity: 'info', variant: 'match' });
      else if (key !== null && key === e.cert.subject.key)
        emit({ path, severity: 'info', variant: 'subject', params: { computed, subject: e.cert.subject.windows } });
      else emit({ path, params: { given: typeof given === 'string' ? given : JSON.stringify(given), computed } });
    }
  },
});
