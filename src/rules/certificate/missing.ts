import { defineRule } from '../rule.js';
import { CERTIFICATE_REJECTED, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.missing',
  severity: 'error',
  basis: 'graph-documented',
  citation: 'certificateAuthority resource: certificate Edm.Binary, Nullable="false", "Required."; update page (400 message)',
  description: "Every entry needs its certificate; a missing or null certificate fails the server's certificate validation.",
  server: CERTIFICATE_REJECTED,
  check(ctx, emit) {
    for (const e of ctx.entries) {
      if (e.object && (e.certificate.kind === 'absent' || e.certificate.kind === 'null')) {
        const path = memberPath(e, 'certificate');
        if (e.certificate.kind === 'null') emit({ path, variant: 'null' });
        else emit({ path });
      }
    }
  },
});
