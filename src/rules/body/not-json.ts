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
    const p = ctx.jsonError;
    if (!p) return;
    // Each kind of problem is a variant of the catalogue entry, so every language words it (no reason passes through).
    switch (p.kind) {
      case 'bom':
      case 'cycle':
      case 'prototype-literal':
        return emit({ path: '', variant: p.kind });
      case 'too-deep':
        return emit({ path: '', variant: 'too-deep', params: { limit: String(p.limit) } });
      case 'syntax':
        return p.code ? emit({ path: '', variant: p.code }) : emit({ path: '' });
      case 'non-finite':
        return emit({ path: '', variant: 'non-finite', params: { value: p.value } });
      case 'no-json-type':
        return p.type === 'undefined' || p.type === 'function' || p.type === 'symbol' || p.type === 'bigint'
          ? emit({ path: '', variant: p.type })
          : emit({ path: '' });
      case 'class-instance':
        return emit({ path: '', variant: 'class-instance', params: { name: p.name } });
      case 'unreadable':
        return emit({ path: '', variant: 'unreadable', params: { error: p.error } });
    }
  },
});
