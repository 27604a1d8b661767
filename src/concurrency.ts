/**
 * Bounded concurrency for the per-certificate work of a check. Starting every certificate of a 10,000-CA list at once
 * keeps 10,000 decodings, signature jobs and their buffers alive together; a small window keeps the crypto thread pool
 * just as busy while the main thread decodes the next certificates, and holds memory to what the window needs.
 */

/** Certificates in flight at once: enough to keep WebCrypto's worker threads fed on any machine. */
export const CERTIFICATE_WINDOW = 64;

/** `items.map(fn)` with at most `limit` calls in flight; results in input order. `fn` must not throw for one item to stop the rest. */
export async function mapWindowed<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => Promise<R>,
  limit = CERTIFICATE_WINDOW,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
