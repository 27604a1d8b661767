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

/** An entry of a table, on its list from the most to the least recently used. */
interface Slot<T> {
  key: string;
  value: T;
  newer: Slot<T> | null;
  older: Slot<T> | null;
}

/**
 * One table of shared values. The order of use is a list of slots beside the map, and the least recently used slot is
 * reused for the next new key, so that a hit changes no map and, once the table is full, a new key costs one delete and
 * one set (the map is rebuilt about once per `limit` new keys, no longer every few hits). Why:
 * a table that lives long sits in the old generation of the heap, and V8 puts the new backing store of such a map there
 * too whenever it is rebuilt; marking an entry as recently used by deleting and re-inserting it rebuilt the small
 * tables every few hits and the large ones every thousand, a 10,000-CA check leaving about 15 MB of dead tables in the
 * old generation (a heap profile of what survives the young generation).
 */
export class SharedValues<T> {
  readonly #slots = new Map<string, Slot<T>>();
  #newest: Slot<T> | null = null;
  #oldest: Slot<T> | null = null;

  constructor(readonly limit: number) {
    tables.push(this as SharedValues<unknown>);
  }

  /** The value kept for `key`, if any (it becomes the most recently used). */
  find(key: string): T | undefined {
    const slot = this.#slots.get(key);
    if (slot === undefined) return undefined;
    this.#touch(slot);
    return slot.value;
  }

  /** Keeps `value` (frozen) for `key` and returns it. */
  keep(key: string, value: T): T {
    deepFreeze(value);
    const known = this.#slots.get(key);
    if (known !== undefined) {
      known.value = value;
      this.#touch(known);
      return value;
    }
    if (this.limit < 1) return value;
    let slot: Slot<T>;
    const oldest = this.#oldest;
    if (this.#slots.size >= this.limit && oldest !== null) {
      // Full: the least recently used entry goes, and its slot holds the new one.
      this.#slots.delete(oldest.key);
      this.#unlink(oldest);
      oldest.key = key;
      oldest.value = value;
      slot = oldest;
    } else slot = { key, value, newer: null, older: null };
    this.#pushNewest(slot);
    this.#slots.set(key, slot);
    return value;
  }

  /** The value kept for `key`, or `value` kept for it: `key` must say everything `value` holds. */
  share(key: string, value: T): T {
    return this.find(key) ?? this.keep(key, value);
  }

  get size(): number {
    return this.#slots.size;
  }

  clear(): void {
    this.#slots.clear();
    this.#newest = null;
    this.#oldest = null;
  }

  #touch(slot: Slot<T>): void {
    if (slot === this.#newest) return;
    this.#unlink(slot);
    this.#pushNewest(slot);
  }

  #unlink(slot: Slot<T>): void {
    if (slot.newer) slot.newer.older = slot.older;
    else this.#newest = slot.older;
    if (slot.older) slot.older.newer = slot.newer;
    else this.#oldest = slot.newer;
    slot.newer = null;
    slot.older = null;
  }

  #pushNewest(slot: Slot<T>): void {
    slot.older = this.#newest;
    slot.newer = null;
    if (this.#newest) this.#newest.newer = slot;
    else this.#oldest = slot;
    this.#newest = slot;
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
