import { defineRule } from '../rule.js';

export default defineRule({
  id: 'body.too-large',
  severity: 'error',
  basis: 'best-practice',
  citation:
    "ca-preflight's own input limit (docs/limits.md): a bound on the work one check does; Graph documents no request size for this endpoint",
  description:
    'A body longer than this checker reads (16 MiB of text, or less when the caller asks) is not checked; what Graph would answer is not known.',
  check(ctx, emit) {
    const t = ctx.tooLarge;
    if (!t) return;
    const params = { size: String(t.size), limit: String(t.limit) };
    if (t.unit === 'bytes') emit({ path: '', variant: 'bytes', params });
    else emit({ path: '', params });
  },
});
