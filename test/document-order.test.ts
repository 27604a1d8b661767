/**
 * documentOrder ranks pointers on demand instead of numbering every value first. The law: for any JSON value and any
 * pointer — present, absent, escaped, malformed — the rank equals that of the numbering walk it replaced (kept here as
 * the reference): pre-order position for a present value, nearest present ancestor + 0.5 otherwise.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentOrder } from '../src/graph/document-order.js';
import { escapePointerToken } from '../src/graph/json-text.js';

function referenceOrder(value: unknown): (pointer: string) => number {
  const ranks = new Map<string, number>();
  let next = 0;
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [v, ptr] = stack.pop()!;
    ranks.set(ptr, next++);
    if (typeof v !== 'object' || v === null) continue;
    const keys = Array.isArray(v) ? v.map((_, i) => String(i)) : Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      stack.push([(v as Record<string, unknown>)[k], `${ptr}/${escapePointerToken(k)}`]);
    }
  }
  return (ptr) => {
    let p = ptr;
    for (;;) {
      const r = ranks.get(p);
      if (r !== undefined) return p === ptr ? r : r + 0.5;
      if (p === '') return -1;
      p = p.slice(0, p.lastIndexOf('/'));
    }
  };
}

function pointers(value: unknown, out: string[] = [], at = ''): string[] {
  out.push(at);
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) pointers(v, out, `${at}/${escapePointerToken(k)}`);
  }
  return out;
}

const key = fc.oneof(fc.constantFrom('a', 'b', '0', '1', '01', '', 'a/b', 'm~n', '~1', 'certificate'), fc.string({ maxLength: 4 }));
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 4 })),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 8 }),
  ),
}));

describe('documentOrder', () => {
  it('ranks every pointer as the numbering walk does', () => {
    fc.assert(
      fc.property(value, fc.array(fc.string({ maxLength: 6 }), { maxLength: 4 }), (v, extra) => {
        const ours = documentOrder(v);
        const ref = referenceOrder(v);
        for (const p of pointers(v)) {
          for (const q of [p, `${p}/zz`, `${p}/0`, `${p}/01`, `${p}/`, `${p}/~2`, `${p}/a~1b`, `x${p}`, p.slice(0, -1)]) {
            expect(ours(q)).toBe(ref(q));
          }
        }
        for (const q of extra) expect(ours(q)).toBe(ref(q));
      }),
      { numRuns: 400 },
    );
  });

  it('ranks members of large objects and arrays', () => {
    const big = {
      list: Array.from({ length: 300 }, (_, i) => ({ id: i, tags: ['x', 'y'] })),
      map: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [i % 3 ? `k${i}` : `k/${i}~`, { v: i }])),
    };
    const ours = documentOrder(big);
    const ref = referenceOrder(big);
    for (const p of pointers(big)) expect(ours(p)).toBe(ref(p));
  });
});
