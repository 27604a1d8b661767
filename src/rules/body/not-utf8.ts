import { defineRule } from '../rule.js';

export default defineRule({
  id: 'body.not-utf8',
  severity: 'error',
  basis: 'graph-inferred',
  citation:
    'RFC 8259 §8.1 (JSON text exchanged between systems MUST be UTF-8, without a byte order mark); the update page sends Content-Type: application/json with no charset',
  description:
    'The body, given as the bytes to send, is not UTF-8 (UTF-16 as Windows PowerShell 5 writes it, or bytes that are no UTF-8); it is checked as decoded, but what Graph does with those bytes is not documented.',
  check(ctx, emit) {
    const e = ctx.encoding;
    if (!e) return;
    if (e.kind === 'invalid-utf-8') emit({ path: '', variant: 'invalid', params: { offset: String(e.offset) } });
    else {
      const encoding = e.encoding === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
      if (e.bom) emit({ path: '', variant: 'utf-16-bom', params: { encoding } });
      else emit({ path: '', params: { encoding } });
    }
  },
});
