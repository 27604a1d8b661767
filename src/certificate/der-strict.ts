/**
 * X.690 DER restrictions that a BER reader (asn1js) accepts silently: definite, minimal lengths and primitive
 * string encodings. A certificate that breaks them still parses, but its thumbprint is not the one a strict
 * verifier computes and RFC 5280 §4.1 requires the signed parts to be DER.
 */

/** Constructed forms of these universal types are BER only (X.690 §10.2). */
const PRIMITIVE_ONLY = new Set([1, 2, 3, 4, 5, 6, 12, 19, 20, 22, 23, 24, 26, 30]);

/** The first DER violation in `bytes` (a description with its offset), or null. Iterative, bounded by the input. */
export function derViolation(bytes: Uint8Array): string | null {
  const stack: [start: number, end: number][] = [[0, bytes.length]];
  while (stack.length) {
    const [start, end] = stack.pop()!;
    let i = start;
    while (i < end) {
      const at = i;
      const id = bytes[i++]!;
      const constructed = (id & 0x20) !== 0;
      let tag = id & 0x1f;
      if (tag === 0x1f) {
        tag = 0;
        if (bytes[i] === 0x80) return `a tag number with a leading zero byte at offset ${at}`;
        while (i < end && bytes[i]! & 0x80) tag = tag * 128 + (bytes[i++]! & 0x7f);
        tag = tag * 128 + (bytes[i++]! & 0x7f);
      }
      if (i >= end) return `a value cut short at offset ${at}`;
      const first = bytes[i++]!;
      let length = first;
      if (first === 0x80) return `an indefinite length at offset ${at}`;
      if (first > 0x80) {
        const n = first & 0x7f;
        if (n > 4 || i + n > end) return `a length field that does not fit at offset ${at}`;
        if (bytes[i] === 0) return `a length with a leading zero byte at offset ${at}`;
        length = 0;
        for (let k = 0; k < n; k++) length = length * 256 + bytes[i++]!;
        if (length < 0x80) return `a long-form length for a short value at offset ${at}`;
      }
      if (i + length > end) return `a length that runs past its container at offset ${at}`;
      const universal = (id & 0xc0) === 0;
      if (universal && constructed && PRIMITIVE_ONLY.has(tag)) return `a constructed (BER) encoding of a primitive type at offset ${at}`;
      if (constructed) stack.push([i, i + length]);
      i += length;
    }
  }
  return null;
}
