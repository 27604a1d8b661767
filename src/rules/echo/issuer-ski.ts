import { defineRule } from '../rule.js';
import { term } from '../../report/catalogue/index.js';
import { hasOwn } from '../../graph/model.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'echo.issuer-ski',
  severity: 'warning',
  basis: 'graph-documented',
  citation:
    'certificateAuthority resource: issuerSki "The subject key identifier of the certificate, calculated from the certificate value. Read-only." (40 upper-case hex digits)',
  description:
    "issuerSki is read-only: the server computes it from the certificate's own subjectKeyIdentifier. A different value is a sign of a pasted or stale entry.",
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (!e.object || !hasOwn(e.object, 'issuerSki') || e.object.issuerSki === null) continue; // null: entry.null-not-nullable
      const given = e.object.issuerSki;
      const computed = e.cert.ski?.value ?? '';
      const path = memberPath(e, 'issuerSki');
      if (typeof given === 'string' && computed && given.toUpperCase() === computed) emit({ path, severity: 'info', variant: 'match' });
      else
        emit({
          path,
          params: {
            given: typeof given === 'string' ? given : JSON.stringify(given),
            computed: computed || term('no-ski'),
          },
        });
    }
  },
});
