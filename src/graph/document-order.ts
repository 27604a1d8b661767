/**
 * Document order for JSON Pointers into a value: a pre-order walk numbers every member in the order it is written,
 * so findings sort the same whether the body came as text or as a parsed value.
 *
 * The rank of a pointer is computed when asked, from the sizes of the subtrees written before it, rather than by
 * numbering every value up front: a 10,000-CA body has some 50,000 values and its check usually ranks a handful.
 */
import { escapePointerToken } from './json-text.js';

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/** What the walk knows about one container once asked: its member names, and the values written before each member. */
interface Container {
  /** Member names in walk order (Object.keys); null for an array. */
  names: string[] | null;
  before: number[];
  /** Member position by escaped name, for objects with many members. */
  byToken: Map<string, number> | null;
}

export function documentOrder(value: unknown): (pointer: string) => number {
  /** Number of values in each container's subtree, itself included. */
  const sizes = new WeakMap<object, number>();
  const containers = new WeakMap<object, Container>();

  const size = (root: unknown): number => {
    if (typeof root !== 'object' || root === null) return 1;
    const known = sizes.get(root);
    if (known !== undefined) return known;
    let count = 0;
    const stack: unknown[] = [root];
    while (stack.length) {
      const v = stack.pop();
      count++;
      if (typeof v !== 'object' || v === null) continue;
      for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push(child);
    }
    sizes.set(root, count);
    return count;
  };

  const container = (v: object): Container => {
    let c = containers.get(v);
    if (!c) {
      const names = Array.isArray(v) ? null : Object.keys(v);
      const members: unknown[] = names ? names.map((k) => (v as Record<string, unknown>)[k]) : (v as unknown[]);
      const before = new Array<number>(members.length);
      let written = 0;
      for (let i = 0; i < members.length; i++) {
        before[i] = written;
        written += size(members[i]);
      }
      const byToken = names && names.length > 16 ? new Map(names.map((k, i) => [escapePointerToken(k), i])) : null;
      c = { names, before, byToken };
      containers.set(v, c);
    }
    return c;
  };

  /** Position of the member a pointer token names, or -1. */
  const memberIndex = (c: Container, length: number, token: string): number => {
    if (!c.names) return ARRAY_INDEX.test(token) && Number(token) < length ? Number(token) : -1;
    if (c.byToken) return c.byToken.get(token) ?? -1;
    return c.names.findIndex((k) => escapePointerToken(k) === token);
  };

  return (ptr) => {
    // A pointer to an absent member ranks just after its nearest present ancestor (a string that does not start
    // with '/' has only the root as an ancestor).
    if (ptr === '') return 0;
    if (ptr[0] !== '/') return 0.5;
    let v: unknown = value;
    let rank = 0;
    for (const token of ptr.slice(1).split('/')) {
      if (typeof v !== 'object' || v === null) return rank + 0.5;
      const c = container(v);
      const i = memberIndex(c, c.before.length, token);
      if (i < 0) return rank + 0.5;
      rank += 1 + c.before[i]!;
      v = (v as Record<string, unknown>)[c.names ? c.names[i]! : i];
    }
    return rank;
  };
}
