import { defineRule } from '../rule.js';

export const MAX_CAS = 250;

export default defineRule({
  id: 'body.too-many-cas',
  severity: 'warning',
  basis: 'entra-cba',
  citation: 'Entra PKI-based trust store: up to 250 CAs (how-to-configure-certificate-authorities)',
  description: `More than ${MAX_CAS} CAs exceeds the limit documented for the sibling PKI trust store.`,
  check(ctx, emit) {
    const list = ctx.bodyObject?.certificateAuthorities;
    if (Array.isArray(list) && list.length > MAX_CAS)
      emit({ path: '/certificateAuthorities', params: { count: String(list.length), max: String(MAX_CAS) } });
  },
});
