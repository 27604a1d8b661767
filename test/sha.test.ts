/**
 * The in-process SHA-1 and SHA-256 (src/certificate/sha.ts) give the bytes node:crypto (OpenSSL) gives, for every
 * length around the 64-byte block and padding boundaries and for random inputs; and the FIPS 180-4 examples.
 */
import { createHash } from 'node:crypto';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha1, sha256 } from '../src/certificate/sha.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const openssl = (alg: string, b: Uint8Array) => createHash(alg).update(b).digest('hex');

describe('sha1 and sha256', () => {
  it('match the FIPS 180-4 examples', () => {
    const abc = new TextEncoder().encode('abc');
    expect(hex(sha256(abc))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha1(abc))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha256(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('match node:crypto at every length from 0 to 300 bytes', () => {
    for (let n = 0; n <= 300; n++) {
      const data = new Uint8Array(n).map((_, i) => (i * 131 + n) & 255);
      expect(hex(sha256(data))).toBe(openssl('sha256', data));
      expect(hex(sha1(data))).toBe(openssl('sha1', data));
    }
  });

  it('match node:crypto on random inputs, views into larger buffers included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), fc.nat(16), (bytes, skip) => {
        const view = bytes.subarray(Math.min(skip, bytes.length));
        expect(hex(sha256(view))).toBe(openssl('sha256', view));
        expect(hex(sha1(view))).toBe(openssl('sha1', view));
      }),
      { numRuns: 300 },
    );
  });
});
