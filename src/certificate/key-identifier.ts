/**
 * Key identifiers (RFC 5280 §4.2.1.2 methods 1 and 2, RFC 7093 methods 1–3): computed from the subjectPublicKey BIT
 * STRING contents. One implementation for reading certificates (which method made a SKI) and for writing them (the
 * test-certificate builder). SHA-1 and SHA-256 run in-process (sha.ts); SHA-384 and SHA-512 through WebCrypto.
 */
import type { SkiMethod } from '../types.js';
import { sha1, sha256 } from './sha.js';
import { digest } from './verify.js';

export type KeyIdentifierMethod = Exclude<SkiMethod, 'other'>;

/** RFC 5280 method 2: 0100 then the low 60 bits of the SHA-1 of the key. */
export function method2FromSha1(sha1OfKey: Uint8Array): Uint8Array {
  const id = sha1OfKey.slice(12, 20);
  id[0] = (id[0]! & 0x0f) | 0x40;
  return id;
}

export async function keyIdentifier(keyBits: Uint8Array, method: KeyIdentifierMethod, crypto: Crypto): Promise<Uint8Array<ArrayBuffer>> {
  switch (method) {
    case 'rfc5280-method1':
      return sha1(keyBits).slice();
    case 'rfc5280-method2':
      return method2FromSha1(sha1(keyBits)).slice();
    case 'rfc7093-method1':
      return sha256(keyBits).slice(0, 20);
    case 'rfc7093-method2':
      return (await digest(crypto, 'SHA-384', keyBits)).slice(0, 20);
    case 'rfc7093-method3':
      return (await digest(crypto, 'SHA-512', keyBits)).slice(0, 20);
  }
}
