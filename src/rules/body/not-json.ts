import { defineRule } from '../rule.js';

export default defineRule({
  id: 'body.not-json',
  severity: 'error',
  basis: 'graph-documented',
  citation: 'microsoft-graph-docs-contrib#6337 (observed response); RFC 8259',
  description: 'The request body must be valid JSON.',
  server: {
    step: 1,
    status: 400,
    code: 'BadRequest',
    message: () => 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
  },
  check(ctx, emit) {
    if (ctx.jsonError) emit({ path: '', params: { reason: ctx.jsonError } });
  },
});
