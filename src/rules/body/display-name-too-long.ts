import { defineRule } from '../rule.js';

export const MAX_DISPLAY_NAME = 256;

export default defineRule({
  id: 'body.display-name-too-long',
  severity: 'warning',
  basis: 'entra-cba',
  citation: 'Entra PKI-based trust store: displayName up to 256 characters (how-to-configure-certificate-authorities)',
  description: `A displayName longer than ${MAX_DISPLAY_NAME} characters exceeds the limit documented for the sibling PKI trust store.`,
  check(ctx, emit) {
    const name = ctx.bodyObject?.displayName;
    if (typeof name === 'string' && name.length > MAX_DISPLAY_NAME) {
      emit({ path: '/displayName', params: { length: String(name.length), max: String(MAX_DISPLAY_NAME) } });
    }
  },
});
