/**
 * Values many certificates of a list hold alike — names, algorithm identifiers, basic constraints, key usages, the
 * list of extensions, CRL URLs — made once and shared by every certificate that reads the same. Why: a check keeps each
 * certificate's view to the end, and a 10,000-CA list held 10,000 copies of its 60 issuer names, its two signature
 * algorithms and its few extension lists; each small object or array costs 30 to 100 bytes of heap, and there were
 * about fifty per certificate.
 *
 * A shared value is frozen all the way down (its plain objects and arrays): every holder sees the same object, so nobody may change it. Each table is
 * bounded (the least recently used entry goes first), keyed by what the value is made from (its DER, or its fields),
 * and emptied by {@link clearSharedValues} (with the certificate cache: tests and cold benchmark runs).
 */

const tables: SharedValues<unknown>[] = [];

/** One table of shared values. */
export class SharedValues<T> {
  readonly #values = new Map<string, T>();

  constructor(readonly limit: number) {
    tables.push(this as SharedValues<unknown>);
  }

  /** The value kept for `key`, if any. */
  find(key: string): T | undefined {
    const known = this.#values.get(key);
    if (known !== undefined) {
      // Map iteration order is insertion order: re-inserting marks the entry as most recently used.
      this.#values.delete(key);
      this.#values.set(key, known);
    }
    return known;
  }

  /** Keeps `value` (frozen) for `key` and returns it. */
  keep(key: string, value: T): T {
    deepFreeze(value);
    this.#values.set(key, value);
    if (this.#values.size > this.limit) this.#values.delete(this.#values.keys().next().value!);
    return value;
  }

  /** The value kept for `key`, or `value` kept for it: `key` must say everything `value` holds. */
  share(key: string, value: T): T {
    return this.find(key) ?? this.keep(key, value);
  }

  get size(): number {
    return this.#values.size;
  }

  clear(): void {
    this.#values.clear();
  }
}

/** Empties every table of shared values. */
export function clearSharedValues(): void {
  for (const table of tables) table.clear();
}

/** The one empty list every certificate without items holds (frozen). */
export const EMPTY: readonly never[] = Object.freeze([]);

/** `list`, or {@link EMPTY} when it is empty. */
export function orEmpty<T>(list: T[]): T[] {
  return list.length === 0 ? (EMPTY as unknown as T[]) : list;
}

/** Lists of strings (CRL URLs, extended key usages, policy OIDs) shared by content. */
const stringLists = new SharedValues<string[]>(1024);
/** Lists longer than this are not shared (no real certificate comes near it; the key would cost more than it saves). */
const MAX_SHARED_LIST = 16;

/** The shared list equal to `list` ({@link EMPTY} when empty). */
export function shareStrings(list: string[]): string[] {
  if (list.length === 0) return EMPTY as unknown as string[];
  if (list.length > MAX_SHARED_LIST) return list;
  return stringLists.share(JSON.stringify(list), list);
}

/** Freezes plain objects and arrays, and those inside them; other objects (byte arrays, decoder nodes) are left as they are. */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  Object.freeze(value);
}
