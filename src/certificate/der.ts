/**
 * The decoded tree every reader walks, the strict-DER fast path that builds it for the common case, and the small DER
 * writer the signature checks and the test-certificate builder share.
 *
 * A {@link DerNode} is one tag-length-value: its tag, the exact bytes of the whole encoding and of its content (views
 * into the input, never copies), and its children when constructed. Two decoders build it: {@link decodeStrictDer}
 * here, for input that is DER in every respect the generic X.690 checks look at, and asn1js behind those checks
 * (der-strict.ts) for everything else. The fast path returns null whenever it is not sure, so it can only make a
 * decision faster, never a different one (test/der-fast-path.test.ts holds the two to the same trees and verdicts).
 */

export interface Tlv {
  /** The identifier octet: class (bits 8–7), constructed (bit 6), tag number (bits 5–1, below 31). */
  tag: number;
  /** Offset of the first content octet. */
  start: number;
  /** Offset just past the last content octet. */
  end: number;
}

/**
 * The header at `offset`, or null when it is not strict DER or runs past `limit`. `maxLengthOctets` (default 3, 16 MiB)
 * bounds the long form: certificates never need more, a big CRL needs 4.
 */
export function readTlv(bytes: Uint8Array, offset: number, limit: number = bytes.length, maxLengthOctets = 3): Tlv | null {
  if (offset + 2 > limit) return null;
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) return null; // high tag numbers: never in a certificate's hot path
  let length = bytes[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    // 0x80 is the indefinite form (BER only); more length octets than asked for is beyond what the caller accepts.
    if (count === 0 || count > maxLengthOctets || start + count > limit) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i]!;
    start += count;
    // DER: the long form only when needed, and with no leading zero octet.
    if (length < 0x80 || bytes[offset + 2] === 0) return null;
  }
  const end = start + length;
  if (end > limit) return null;
  return { tag, start, end };
}

/** A DER header (minimal definite length) plus the contents, concatenated. */
export function encodeTlv(tag: number, ...contents: Uint8Array[]): Uint8Array<ArrayBuffer> {
  let n = 0;
  for (const c of contents) n += c.length;
  const head =
    n < 0x80
      ? [tag, n]
      : n < 0x100
        ? [tag, 0x81, n]
        : n < 0x10000
          ? [tag, 0x82, n >> 8, n & 255]
          : n < 0x1000000
            ? [tag, 0x83, n >> 16, (n >> 8) & 255, n & 255]
            : [tag, 0x84, (n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255];
  const out = new Uint8Array(head.length + n);
  out.set(head);
  let o = head.length;
  for (const c of contents) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** The magnitude of a DER INTEGER's content when it is minimal and positive (sign octet dropped), else null. */
export function positiveIntegerMagnitude(content: Uint8Array): Uint8Array | null {
  if (content.length === 0 || content[0]! & 0x80) return null;
  if (content[0] === 0) {
    if (content.length === 1 || !(content[1]! & 0x80)) return null; // zero, or a non-minimal leading zero
    return content.subarray(1);
  }
  return content;
}

export const UNIVERSAL = 1;
export const CONTEXT = 3;
const EMPTY = new Uint8Array(0);

/** One decoded value. Class numbering is asn1js's: 1 universal, 2 application, 3 context-specific, 4 private. */
export class DerNode {
  constructor(
    readonly tagClass: number,
    readonly tagNumber: number,
    readonly isConstructed: boolean,
    /** The whole encoding: identifier, length, content (and the end-of-contents octets of an indefinite length). */
    readonly encoded: Uint8Array,
    /** Offset of `encoded` in the input the tree was decoded from. */
    readonly offset: number,
    private readonly headerLength: number,
    private readonly trailerLength: number,
    readonly children: DerNode[] | null,
  ) {}

  /** The content octets (for a constructed value, its children's encodings). */
  get content(): Uint8Array {
    return this.encoded.subarray(this.headerLength, this.encoded.length - this.trailerLength);
  }

  /** Whether this is the universal type `tag` (in either form). */
  is(tag: number): boolean {
    return this.tagClass === UNIVERSAL && this.tagNumber === tag;
  }

  isContext(tag: number): boolean {
    return this.tagClass === CONTEXT && this.tagNumber === tag;
  }
}

/** One character per octet. Written flat (a `+=` rope costs tens of bytes a character). */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  return s;
}

/**
 * asn1js counts at most one node per two input bytes, also inside the BIT STRINGs it decodes speculatively, and
 * fails past 10,000 nodes: under this size it cannot hit that limit, so the fast path never accepts what it refuses.
 */
const MAX_FAST_BYTES = 20_000;
/** asn1js fails past a nesting depth of 100; deeper input is left to it. */
const MAX_FAST_DEPTH = 64;
/** Universal primitive types the fast path checks exactly as der-strict.ts does; any other universal type goes the slow way. */
const FAST_PRIMITIVES = new Set([1, 2, 3, 4, 5, 6, 12, 18, 19, 20, 22, 23, 24, 26, 27, 28, 30]);

/**
 * Whether a primitive universal value passes every content check of der-strict.ts with nothing to report: the
 * BER rules (X.690 §8) and the DER rules (§11) for BOOLEAN, INTEGER, BIT STRING, NULL and OBJECT IDENTIFIER, the
 * character sets of the string types. Times are only shape-checked here; their readers check the calendar.
 */
export function primitiveIsClean(tagNumber: number, c: Uint8Array): boolean {
  switch (tagNumber) {
    case 1:
      return c.length === 1 && (c[0] === 0 || c[0] === 0xff);
    case 2:
      return c.length > 0 && !(c.length > 1 && ((c[0] === 0 && !(c[1]! & 0x80)) || (c[0] === 0xff && c[1]! & 0x80)));
    case 3: {
      if (c.length === 0 || c[0]! > 7 || (c.length === 1 && c[0] !== 0)) return false;
      return (c[c.length - 1]! & ((1 << c[0]!) - 1)) === 0;
    }
    case 5:
      return c.length === 0;
    case 6: {
      if (c.length === 0 || c[c.length - 1]! & 0x80) return false;
      for (let i = 0; i < c.length; i++) if (c[i] === 0x80 && (i === 0 || !(c[i - 1]! & 0x80))) return false;
      return true;
    }
    case 12:
      return isUtf8(c);
    case 18:
      for (let i = 0; i < c.length; i++) if (c[i] !== 0x20 && (c[i]! < 0x30 || c[i]! > 0x39)) return false;
      return true;
    case 19:
      for (let i = 0; i < c.length; i++) if (!PRINTABLE[c[i]!]) return false;
      return true;
    case 22:
      for (let i = 0; i < c.length; i++) if (c[i]! > 0x7f) return false;
      return true;
    case 26:
      for (let i = 0; i < c.length; i++) if (c[i]! < 0x20 || c[i]! > 0x7e) return false;
      return true;
    case 28:
      return c.length % 4 === 0 && utf32Ok(c);
    case 30:
      return c.length % 2 === 0;
    case 23:
      return c.length === 13 && digits(c, 0, 12) && c[12] === 0x5a;
    case 24:
      return c.length === 15 && digits(c, 0, 14) && c[14] === 0x5a;
    default:
      return true; // TeletexString (20), GeneralString (27): any octets
  }
}

/** PrintableString's alphabet (X.680 §41.4, Table 10). */
export const PRINTABLE: boolean[] = (() => {
  const t = new Array<boolean>(256).fill(false);
  for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 '()+,-./:=?") t[ch.charCodeAt(0)] = true;
  return t;
})();

function digits(c: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (c[i]! < 48 || c[i]! > 57) return false;
  return true;
}

/** Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. */
export function isUtf8(c: Uint8Array): boolean {
  for (let i = 0; i < c.length; ) {
    const b = c[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [n, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [n, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [n, min, cp] = [3, 0x10000, b & 0x07];
    else return false;
    for (let k = 1; k <= n; k++) {
      const x = c[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += n + 1;
  }
  return true;
}

function utf32Ok(c: Uint8Array): boolean {
  for (let i = 0; i < c.length; i += 4) {
    const cp = ((c[i]! << 24) | (c[i + 1]! << 16) | (c[i + 2]! << 8) | c[i + 3]!) >>> 0;
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
  }
  return true;
}

/** Whether the children's encodings are in ascending order, as DER requires of a SET OF (X.690 §11.6). */
export function setIsOrdered(children: readonly DerNode[]): boolean {
  for (let i = 1; i < children.length; i++) if (compareEncodings(children[i - 1]!.encoded, children[i]!.encoded) > 0) return false;
  return true;
}

/** X.690 §11.6: octet by octet, the shorter padded with trailing zero octets. */
export function compareEncodings(a: Uint8Array, b: Uint8Array): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x - y;
  }
  return 0;
}

function decodeAt(bytes: Uint8Array, offset: number, limit: number, depth: number): DerNode | null {
  if (depth > MAX_FAST_DEPTH) return null;
  const h = readTlv(bytes, offset, limit);
  if (!h) return null;
  const { tag, start, end } = h;
  const constructed = (tag & 0x20) !== 0;
  const number = tag & 0x1f;
  const tagClass = (tag >> 6) + 1;
  if (tagClass === UNIVERSAL) {
    if (constructed ? number !== 16 && number !== 17 : !FAST_PRIMITIVES.has(number)) return null;
    // OCTET STRING, TeletexString and GeneralString take any octets: no view of their content is needed.
    if (!constructed && number !== 4 && number !== 20 && number !== 27 && !primitiveIsClean(number, bytes.subarray(start, end)))
      return null;
  }
  let children: DerNode[] | null = null;
  if (constructed) {
    children = [];
    for (let at = start; at < end; ) {
      const child = decodeAt(bytes, at, end, depth + 1);
      if (!child) return null;
      children.push(child);
      at += child.encoded.length;
    }
    if (tagClass === UNIVERSAL && number === 17 && !setIsOrdered(children)) return null;
  }
  return new DerNode(tagClass, number, constructed, bytes.subarray(offset, end), offset, start - offset, 0, children);
}

/**
 * Decodes one value that fills `bytes` exactly, when it is strict DER that the generic checks of der-strict.ts pass
 * with nothing to report; null otherwise, and the caller then decodes with asn1js and those checks.
 */
export function decodeStrictDer(bytes: Uint8Array): DerNode | null {
  if (bytes.length === 0 || bytes.length > MAX_FAST_BYTES) return null;
  const node = decodeAt(bytes, 0, bytes.length, 0);
  return node && node.encoded.length === bytes.length ? node : null;
}

export { EMPTY as EMPTY_BYTES };
