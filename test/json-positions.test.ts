/**
 * parseJsonText finds positions and repeated members without building jsonc-parser's full syntax tree. This checks it
 * against the tree-based walk it replaced (kept here as the reference): for random JSON texts — pretty or compact, with
 * repeated members at any depth, escaped and pointer-special member names — every pointer gets the same position, and
 * `duplicateKeys` is the same list in the same order.
 */
import * as fc from 'fast-check';
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { escapePointerToken, parseJsonText } from '../src/graph/json-text.js';

/** The tree walk parseJsonText used before (same visiting order, same rule for earlier copies of a member). */
function referenceWalk(text: string): { offsets: Map<string, number>; duplicateKeys: string[] } {
  const root = parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
  const offsets = new Map<string, number>();
  const duplicateKeys: string[] = [];
  const stack: [JsonNode, string][] = root ? [[root, '']] : [];
  while (stack.length) {
    const [node, ptr] = stack.pop()!;
    const seen = offsets.get(ptr);
    if (seen !== undefined) {
      duplicateKeys.push(ptr);
      if (node.offset < seen) continue;
    }
    if (seen === undefined || node.offset > seen) offsets.set(ptr, node.offset);
    if (node.type === 'object') {
      for (const prop of node.children ?? []) {
        const [key, val] = prop.children ?? [];
        if (key && val) stack.push([val, `${ptr}/${escapePointerToken(String(key.value))}`]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => {
        stack.push([child, `${ptr}/${i}`]);
      });
    }
  }
  return { offsets, duplicateKeys: [...new Set(duplicateKeys)] };
}

/** The map lookup positionOf made before: the pointer, else its prefixes up to the root. */
function referencePosition(offsets: Map<string, number>, ptr: string): number | undefined {
  let p = ptr;
  for (;;) {
    const off = offsets.get(p);
    if (off !== undefined) return off;
    if (p === '') return undefined;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const names = fc.constantFrom('a', 'b', 'certificate', 'a/b', 'm~n', '', 'é', '\u2028', 'isRootAuthority');
/** Separators between members and elements: compact, spaced, and line breaks of every kind (positions count lines). */
const sep = fc.constantFrom(',', ', ', ',\n  ', ',\r\n\t', ' ,\r ');
/** JSON text with repeated member names: objects are written member by member, names drawn from a small set. */
const { value: text } = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.constant('null'),
      fc.boolean().map(String),
      fc.integer().map(String),
      fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
    ),
    fc.tuple(fc.array(tie('value'), { maxLength: 4 }), sep).map(([xs, s]) => `[${xs.join(s)}]`),
    fc
      .tuple(fc.array(fc.tuple(names, tie('value')), { maxLength: 5 }), sep)
      .map(([ms, s]) => `{${ms.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(s)}}`),
  ),
}));

describe('parseJsonText positions and repeated members', () => {
  it('match the tree walk on random JSON texts', () => {
    fc.assert(
      fc.property(text, (t) => {
        const parsed = parseJsonText(t);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const ref = referenceWalk(t);
        expect(parsed.parsed.duplicateKeys).toEqual(ref.duplicateKeys);
        for (const [ptr, offset] of ref.offsets) expect(parsed.parsed.positionOf(ptr)).toEqual(lineColumn(t, offset));
        // Pointers to absent members (and malformed ones) fall back to the nearest ancestor present, as a map lookup would.
        for (const ptr of ref.offsets.keys()) {
          for (const odd of [`${ptr}/zz`, `${ptr}/0`, `${ptr}/01`, `${ptr}/`, `${ptr}/~2`, `${ptr}/a~1b/0`, `x${ptr}`, ptr.slice(0, -1)]) {
            const at = referencePosition(ref.offsets, odd);
            expect(parsed.parsed.positionOf(odd)).toEqual(at === undefined ? undefined : lineColumn(t, at));
          }
        }
      }),
      { numRuns: 800 },
    );
  });

  it('report each repeated member once, in the order of the reference walk', () => {
    const t = '{"a": {"b": 1, "b": 2, "c": [1, {"d": 0, "d": 1}]}, "x": 0, "a": {"b": 3, "b": 4}, "x": 1}';
    const parsed = parseJsonText(t);
    if (!parsed.ok) throw new Error('not JSON');
    expect(parsed.parsed.duplicateKeys).toEqual(referenceWalk(t).duplicateKeys);
    // Later members are visited first, and an earlier copy is reported without its own members.
    expect(parsed.parsed.duplicateKeys).toEqual(['/a/b', '/x', '/a']);
  });
});
