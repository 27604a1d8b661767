/**
 * Certificates already described, so that checking an unchanged list again (a pipeline re-run, a browser UI checking on
 * every keystroke, the current resource and the body sharing most CAs) does not parse, hash and verify them again.
 *
 * Safe across calls because everything cached depends on the bytes alone: the facts of a certificate are a function of
 * its DER (the key is the SHA-256 of the DER), and nothing time-dependent is cached — validity against `at` is judged by
 * the rules on every call. One cache per `Crypto` object: the self-signature result and the imported keys belong to the
 * implementation that produced them. Bounded (least recently used entries go first); the same record is handed to every
 * later caller, so records are frozen and nothing may change them.
 */
import { parseCertificate } from './parse.js';
import { clearSharedValues } from './shared.js';
import { describeCertificate, type CertificateRecord } from './facts.js';
import { sha256 } from './sha.js';
import { toHex } from './encoding.js';

/** Enough for several full lists (Entra allows 250 CAs per store) and the current resource beside each. */
export const CERTIFICATE_CACHE_SIZE = 2048;

/** Replaced, not cleared, by {@link clearCertificateCache}: a WeakMap cannot be enumerated. */
let caches = new WeakMap<Crypto, Map<string, Promise<CertificateRecord>>>();

function cacheFor(crypto: Crypto): Map<string, Promise<CertificateRecord>> {
  let cache = caches.get(crypto);
  if (!cache) {
    cache = new Map();
    caches.set(crypto, cache);
  }
  return cache;
}

/**
 * Whether the records of a list of `size` certificates are worth storing. A list longer than the cache evicts its own
 * records before any later call reaches them (least-recently-used under a scan larger than itself never hits), so
 * storing them only moves every record of it into the old generation of the heap, to die there: a 10,000-CA check
 * kept 14 MB more at its peak for no hit.
 */
export function worthCaching(size: number): boolean {
  return size <= CERTIFICATE_CACHE_SIZE;
}

/**
 * Parses and describes a DER certificate, or returns the record made earlier for the same bytes with the same `crypto`.
 * `base64`: see {@link describeCertificate}. `store` false: a record found is used, a new one is not kept (see
 * {@link worthCaching}).
 * Throws what {@link parseCertificate} throws (a parse failure is not cached: the next call parses again and throws the same).
 */
export async function describeCertificateBytes(der: Uint8Array, crypto: Crypto, base64?: string, store = true): Promise<CertificateRecord> {
  const digest = sha256(der);
  const key = toHex(digest);
  const cache = cacheFor(crypto);
  const hit = cache.get(key);
  if (hit) {
    // Map iteration order is insertion order: re-inserting marks the entry as most recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const parsed = parseCertificate(der);
  // A stored record does not keep the caller's string: the body's strings share the characters of the whole body text
  // (graph/json-text.ts), which a record kept for later checks would keep alive; its facts encode their own when asked.
  const known = base64 === undefined || store ? { sha256: digest } : { sha256: digest, base64 };
  const pending = describeCertificate(parsed, crypto, known).then(freezeRecord);
  if (!store) return pending;
  cache.set(key, pending);
  if (cache.size > CERTIFICATE_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  // A description never rejects for a parsed certificate (verification failures are results), but if it does, forget it.
  pending.catch(() => {
    if (cache.get(key) === pending) cache.delete(key);
  });
  return pending;
}

/** Empties every cache, the values shared among certificates included (tests and the benchmark's cold runs). */
export function clearCertificateCache(): void {
  caches = new WeakMap();
  clearSharedValues();
}

/** The record and its facts are frozen (shallowly: deep freezing cost more than the rest of a cache hit). */
function freezeRecord(record: CertificateRecord): CertificateRecord {
  Object.freeze(record.view); // the facts freeze themselves when they are made
  return Object.freeze(record);
}
