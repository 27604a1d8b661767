import { NOT_JSON_MESSAGE } from '../../graph/model.js';
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
    message: () => NOT_JSON_MESSAGE,
    basis: 'observed',
    citation: 'microsoft-graph-docs-contrib#6337 (a body that is not JSON)',
  },
  check(ctx, emit) {
    if (ctx.jsonError) emit({ path: '', params: { reason: ctx.jsonError } });
  },
});
