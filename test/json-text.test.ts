import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseJsonText, checkJsonValue, pointer, MAX_JSON_DEPTH } from '../src/graph/json-text.js';

describe('JSON text with positions', () => {
  it('gives the value JSON.parse gives for any JSON text (law)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : undefined);
        const r = parseJsonText(text);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.parsed.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 200 },
    );
  });

  it('maps pointers to 1-based line and column of the value', () => {
    const text = '{\n  "a": [\n    {"b~/c": true}\n  ]\n}';
    const r = parseJsonText(text);
    if (!r.ok) throw new Error('parse failed');
    expect(r.parsed.positionOf('/a')).toEqual({ line: 2, column: 8 });
    expect(r.parsed.positionOf(pointer('a', 0, 'b~/c'))).toEqual({ line: 3, column: 14 });
    // An absent member falls back to its nearest present ancestor.
    expect(r.parsed.positionOf('/a/0/missing')).toEqual({ line: 3, column: 5 });
  });

  it('reports duplicate keys and keeps the last value, as JSON.parse does', () => {
    const r = parseJsonText('{"x": 1, "y": 2, "x": 3}');
    if (!r.ok) throw new Error('parse failed');
    expect(r.parsed.value).toEqual({ x: 3, y: 2 });
    expect(r.parsed.duplicateKeys).toEqual(['/x']);
    expect(r.parsed.positionOf('/x')).toEqual({ line: 1, column: 23 });
  });

  it('refuses a trailing comma, a byte order mark and deep nesting with a position or reason', () => {
    const trailing = parseJsonText('{\n  "displayName": "x",\n}');
    expect(trailing.ok).toBe(false);
    if (!trailing.ok) expect(trailing.position?.line).toBe(3);
    const bom = parseJsonText('\uFEFF{}');
    expect(bom.ok === false && bom.reason).toMatch(/byte order mark/);
    const deep = parseJsonText('['.repeat(MAX_JSON_DEPTH + 5) + ']'.repeat(MAX_JSON_DEPTH + 5));
    expect(deep.ok === false && deep.reason).toMatch(/nesting/);
  });

  it('tells why a parsed value is not JSON data', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(checkJsonValue(cyclic)).toEqual({ kind: 'cycle' });
    expect(checkJsonValue({ a: () => 1 })).toEqual({ kind: 'no-json-type', type: 'function' });
    expect(checkJsonValue({ a: Number.NaN })).toEqual({ kind: 'non-finite', value: 'NaN' });
    expect(checkJsonValue({ a: new Date() })).toEqual({ kind: 'class-instance', name: 'Date' });
    expect(checkJsonValue({ a: [1, 'x', null, { b: true }] })).toBeNull();
    const shared = { k: 1 };
    expect(checkJsonValue({ a: shared, b: shared })).toBeNull(); // shared, not cyclic
  });
});
