/**
 * Document order for JSON Pointers into a value: a pre-order walk numbers every member in the order it is written,
 * so findings sort the same whether the body came as text or as a parsed value.
 */
import { escapePointerToken } from './json-text.js';

export function documentOrder(value: unknown): (pointer: string) => number {
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
      stack.push([(v as Record<string, unknown>)[k], ptr + '/' + escapePointerToken(k)]);
    }
  }
  return (ptr) => {
    // A pointer to an absent member ranks just after its nearest present ancestor.
    let p = ptr;
    for (;;) {
      const r = ranks.get(p);
      if (r !== undefined) return p === ptr ? r : r + 0.5;
      if (p === '') return -1;
      p = p.slice(0, p.lastIndexOf('/'));
    }
  };
}
