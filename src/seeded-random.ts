/**
 * A small seeded generator (mulberry32), shared by the test-certificate pool (names, depths, serial numbers, URLs)
 * and the simulator's seeded faults; it sits at the bottom of the layers so that both can use it. Keys and ECDSA signatures come from WebCrypto and stay random; everything the pool decides
 * by itself follows the seed, so the same seed and options give the same pool layout.
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  bytes(n: number): Uint8Array<ArrayBuffer>;
  /** Lower-case hex of `n` random bytes. */
  hex(n: number): string;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const bytes = (n: number): Uint8Array<ArrayBuffer> => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = int(0, 255);
    return out;
  };
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!,
    bytes,
    hex: (n) => Array.from(bytes(n), (b) => b.toString(16).padStart(2, '0')).join(''),
  };
}
