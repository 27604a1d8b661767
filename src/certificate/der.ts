/**
 * Strict DER, the small part the hot path needs: read one tag-length-value header (definite, minimal lengths, low tag
 * numbers only) and write one (the signature checks and the test-certificate builder share the writer). Anything outside that subset reads as `null`, and the caller falls back to the general
 * BER decoder (asn1js), which decides — so these helpers can only ever make a decision faster, never a different one.
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

/**
 * asn1js counts at most one node per two input bytes, also inside the BIT STRINGs it decodes speculatively (their
 * nodes' headers lie in disjoint byte ranges), and fails past 10,000 nodes: under this size it cannot hit that limit.
 */
const MAX_FAST_BYTES = 20_000;
/** asn1js fails past a nesting depth of 100; deeper input is left to it. */
const MAX_FAST_DEPTH = 64;
const EMPTY = new Uint8Array(0);
const UNIVERSAL_PRIMITIVES = new Set([1, 2, 3, 4, 5, 6, 12, 18, 19, 20, 22, 23, 24, 26, 27]);
const LATIN1_STRINGS = new Set([18, 19, 20, 22, 26, 27]);
/**
 * Dotted forms of the object identifiers seen so far, by content octets: a certificate names a dozen OIDs, nearly all
 * the same from one certificate to the next, and every parsed certificate keeps them — one shared string each.
 */
const OID_TEXT = new Map<string, string>();
const MAX_OID_TEXTS = 4096;

/**
 * One decoded value, shaped like the parts of an asn1js block that parse.ts reads — `idBlock` and `valueBlock` are the
 * node itself — and with the values asn1js 3.1 gives for them (strings, booleans, small integers, object identifiers,
 * times). Built only from strict DER that asn1js decodes without error; see {@link decodeStrictDer}.
 */
export class DerNode {
  readonly tagClass: number;
  readonly tagNumber: number;
  readonly isConstructed: boolean;
  readonly valueBeforeDecodeView: Uint8Array;
  readonly children: DerNode[] | null;
  /** Where the content starts in {@link valueBeforeDecodeView}: views are made on demand, most nodes never need one. */
  private readonly headerLength: number;

  constructor(tag: number, tlv: Uint8Array, headerLength: number, children: DerNode[] | null) {
    this.tagClass = (tag >> 6) + 1;
    this.tagNumber = tag & 0x1f;
    this.isConstructed = (tag & 0x20) !== 0;
    this.valueBeforeDecodeView = tlv;
    this.headerLength = headerLength;
    this.children = children;
  }

  private get content(): Uint8Array {
    return this.valueBeforeDecodeView.subarray(this.headerLength);
  }

  /** The content (without the unused-bits octet for a BIT STRING); empty for constructed values, NULL and OIDs, as in asn1js. */
  get valueHexView(): Uint8Array {
    if (this.children || (this.tagClass === 1 && (this.tagNumber === 5 || this.tagNumber === 6))) return EMPTY;
    return this.valueBeforeDecodeView.subarray(this.tagClass === 1 && this.tagNumber === 3 ? this.headerLength + 1 : this.headerLength);
  }

  get unusedBits(): number {
    return this.tagClass === 1 && this.tagNumber === 3 ? this.valueBeforeDecodeView[this.headerLength]! : 0;
  }

  get idBlock(): this {
    return this;
  }
  get valueBlock(): this {
    return this;
  }

  /** Children of a constructed value; the text of a string; the truth of a BOOLEAN. */
  get value(): DerNode[] | string | boolean | undefined {
    if (this.children) return this.children;
    if (this.tagClass !== 1) return undefined;
    if (this.tagNumber === 1) return this.content[0]! > 0;
    if (this.tagNumber === 12) return utf8String(this.content);
    if (LATIN1_STRINGS.has(this.tagNumber)) return latin1(this.content);
    return undefined;
  }

  getValue(): DerNode[] | string | boolean | undefined {
    return this.tagClass === 1 && this.tagNumber === 6 ? this.toString() : this.value;
  }

  /** An INTEGER's value as asn1js reads it: two's complement below four octets, 0 from four octets on ("hex only"). */
  get valueDec(): number {
    const c = this.content;
    if (c.length >= 4 || c.length === 0) return 0;
    let v = 0;
    for (let i = 0; i < c.length; i++) v = v * 256 + c[i]!;
    return c[0]! & 0x80 ? v - 2 ** (8 * c.length) : v;
  }

  /** An OBJECT IDENTIFIER in dotted form (asn1js's rendering of the first arc included). */
  toString(): string {
    if (this.tagClass !== 1 || this.tagNumber !== 6) return '';
    const c = this.content;
    const cached = c.length <= 16 ? OID_TEXT.get(latin1(c)) : undefined;
    if (cached !== undefined) return cached;
    let out = '';
    let v = 0;
    let first = true;
    for (let i = 0; i < c.length; i++) {
      v = v * 128 + (c[i]! & 0x7f);
      if (c[i]! & 0x80) continue;
      if (first) {
        out = v <= 39 ? `0.${v}` : v <= 79 ? `1.${v - 40}` : `2.${v - 80}`;
        first = false;
      } else out += `.${v}`;
      v = 0;
    }
    if (c.length <= 16 && OID_TEXT.size < MAX_OID_TEXTS) OID_TEXT.set(latin1(c), out);
    return out;
  }

  /** A UTCTime or GeneralizedTime (only the `Z` forms are ever decoded here). */
  toDate(): Date {
    const c = this.content;
    const n = (from: number, count: number) => {
      let v = 0;
      for (let i = from; i < from + count; i++) v = v * 10 + (c[i]! - 48);
      return v;
    };
    if (this.tagNumber === 23) {
      const yy = n(0, 2);
      return new Date(Date.UTC(yy >= 50 ? 1900 + yy : 2000 + yy, n(2, 2) - 1, n(4, 2), n(6, 2), n(8, 2), n(10, 2)));
    }
    return new Date(Date.UTC(n(0, 4), n(4, 2) - 1, n(6, 2), n(8, 2), n(10, 2), n(12, 2), 0));
  }
}

/** One character per octet, as asn1js reads the simple string types; written flat (a `+=` rope costs tens of bytes a character). */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  return s;
}

/** UTF8String as asn1js (pvtsutils) decodes it: strict UTF-8, or the raw octets as Latin-1 when it is not UTF-8. */
function utf8String(bytes: Uint8Array): string {
  const binary = latin1(bytes);
  let ascii = true;
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i]! >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) return binary;
  try {
    return decodeURIComponent(escape(binary));
  } catch {
    return binary;
  }
}

function digits(c: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (c[i]! < 48 || c[i]! > 57) return false;
  return true;
}

/** Whether asn1js decodes this primitive universal value without error (and this class renders it the same way). */
function primitiveOk(tagNumber: number, c: Uint8Array): boolean {
  switch (tagNumber) {
    case 1:
      return c.length === 1;
    case 2:
      return c.length > 0;
    case 3:
      return c.length > 0 && c[0]! <= 7;
    case 5:
      return c.length === 0;
    case 6: {
      if (c.length === 0 || c[c.length - 1]! & 0x80) return false;
      let run = 0;
      for (let i = 0; i < c.length; i++) {
        run = c[i]! & 0x80 ? run + 1 : 0;
        if (run >= 7) return false; // arcs of more than 49 bits: asn1js rounds or switches to hex
      }
      return true;
    }
    case 23:
      return c.length === 13 && digits(c, 0, 12) && c[12] === 0x5a;
    case 24:
      return c.length === 15 && digits(c, 0, 14) && c[14] === 0x5a;
    default:
      return true;
  }
}

function decodeAt(bytes: Uint8Array, offset: number, limit: number, depth: number): DerNode | null {
  if (depth > MAX_FAST_DEPTH) return null;
  const h = readTlv(bytes, offset, limit);
  if (!h) return null;
  const { tag, start, end } = h;
  const constructed = (tag & 0x20) !== 0;
  const number = tag & 0x1f;
  const content = bytes.subarray(start, end);
  if (tag >> 6 === 0) {
    if (constructed ? number !== 16 && number !== 17 : !UNIVERSAL_PRIMITIVES.has(number) || !primitiveOk(number, content)) return null;
  }
  let children: DerNode[] | null = null;
  if (constructed) {
    children = [];
    for (let at = start; at < end; ) {
      const child = decodeAt(bytes, at, end, depth + 1);
      if (!child) return null;
      children.push(child);
      at += child.valueBeforeDecodeView.length;
    }
  }
  return new DerNode(tag, bytes.subarray(offset, end), start - offset, children);
}

/**
 * Decodes one value that fills `bytes` exactly, when it is strict DER of the kinds a certificate holds; null otherwise
 * (BER forms, unusual string or time types, anything asn1js might reject or read differently), and the caller then
 * decodes with asn1js. Views point into `bytes`; nothing is copied.
 */
export function decodeStrictDer(bytes: Uint8Array): DerNode | null {
  if (bytes.length === 0 || bytes.length > MAX_FAST_BYTES) return null;
  const node = decodeAt(bytes, 0, bytes.length, 0);
  return node && node.valueBeforeDecodeView.length === bytes.length ? node : null;
}
