import { defineRule } from '../rule.js';

export default defineRule({
  id: 'body.empty-list',
  severity: 'warning',
  basis: 'graph-documented',
  citation: 'update page: "Excluding a subset of objects removes them from the collection"',
  description: 'An empty certificateAuthorities array removes every trusted CA from the configuration.',
  check(ctx, emit) {
    const list = ctx.bodyObject?.certificateAuthorities;
    if (Array.isArray(list) && list.length === 0) emit({ path: '/certificateAuthorities' });
  },
});
