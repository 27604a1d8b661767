/**
 * The facts reuse the body's own base64 string for `certificateAuthority.certificate` when it is exactly what
 * encodeBase64 would write. The law: for every text decodeBase64Strict accepts as standard base64,
 * isCanonicalBase64(text) holds exactly when encodeBase64(decoded bytes) === text.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Strict, encodeBase64, isCanonicalBase64 } from '../src/certificate/encoding.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64-looking texts: canonical encodings, with padding dropped or doubled, last character changed, or random. */
const texts = fc.oneof(
  fc.uint8Array({ maxLength: 40 }).map((b) => encodeBase64(b)),
  fc.uint8Array({ minLength: 1, maxLength: 40 }).map((b) => encodeBase64(b).replace(/=+$/, '')),
  fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat(63)).map(([b, c]) => {
    const t = encodeBase64(b);
    const i = t.replace(/=+$/, '').length - 1;
    return t.slice(0, i) + ALPHABET[c] + t.slice(i + 1);
  }),
  fc.array(fc.constantFrom(...ALPHABET, '='), { maxLength: 24 }).map((cs) => cs.join('')),
);

describe('isCanonicalBase64', () => {
  it('holds exactly for the texts encodeBase64 writes', () => {
    let checked = 0;
    fc.assert(
      fc.property(texts, (text) => {
        const decoded = decodeBase64Strict(text);
        if (!('bytes' in decoded) || decoded.alphabet !== 'base64') return;
        checked++;
        expect(isCanonicalBase64(text)).toBe(encodeBase64(decoded.bytes) === text);
      }),
      { numRuns: 3000 },
    );
    expect(checked).toBeGreaterThan(1000);
  });
});
