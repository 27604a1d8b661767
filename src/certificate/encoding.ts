/**
 * Byte encodings: base64 / base64url (strict, as the JSON field requires), PEM, hex.
 * No dependency on Buffer or atob so the same code runs in browsers and node.
 */

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  LOOKUP[STD.charCodeAt(i)] = i;
  LOOKUP[URL.charCodeAt(i)] = i;
}

/** Why a string is not acceptable base64 inside the JSON `certificate` field. */
export type Base64Problem =
  | { kind: 'empty' }
  | { kind: 'pem' }
  | { kind: 'whitespace'; index: number }
  | { kind: 'character'; index: number; char: string }
  | { kind: 'mixed-alphabets' }
  | { kind: 'padding' }
  | { kind: 'length' };

export type Base64Result = { bytes: Uint8Array; alphabet: 'base64' | 'base64url' } | { problem: Base64Problem };

/**
 * Strict decoding of standard base64 or base64url (OData Edm.Binary), padding optional,
 * no whitespace, no PEM armour, one alphabet only.
 */
export function decodeBase64Strict(text: string, allocate: Allocate = newBytes): Base64Result {
  if (text.length === 0) return { problem: { kind: 'empty' } };
  if (text.includes('-----BEGIN')) return { problem: { kind: 'pem' } };
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  const pad = text.length - end;
  let std = false;
  let url = false;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) return { problem: { kind: 'whitespace', index: i } };
    if (c >= 128 || LOOKUP[c] === -1) return { problem: { kind: 'character', index: i, char: text[i]! } };
    if (c === 43 || c === 47) std = true;
    else if (c === 45 || c === 95) url = true;
  }
  if (std && url) return { problem: { kind: 'mixed-alphabets' } };
  if (end % 4 === 1) return { problem: { kind: 'length' } };
  if (pad > 0 && (pad > 2 || (end + pad) % 4 !== 0)) return { problem: { kind: 'padding' } };
  return { bytes: decodeClean(text, end, allocate), alphabet: url ? 'base64url' : 'base64' };
}

/**
 * Whether a text that {@link decodeBase64Strict} accepted as standard base64 is exactly what {@link encodeBase64}
 * writes for its bytes: padded to a multiple of four, with the unused low bits of the last character zero.
 */
export function isCanonicalBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  if (pad === 0) return true;
  const last = LOOKUP[text.charCodeAt(text.length - pad - 1)]!;
  return (last & (pad === 2 ? 15 : 3)) === 0;
}

/** Where decoded bytes go: a new array by default, or room in a {@link byteSlab}. */
export type Allocate = (size: number) => Uint8Array;
const newBytes: Allocate = (size) => new Uint8Array(size);

/** Bytes over this size get an array of their own from {@link byteSlab}. */
const SLAB_SIZE = 64 * 1024;

/**
 * Room for many short byte strings in few buffers: each one a view of a 64 KiB buffer shared with the next ones. Why:
 * every ArrayBuffer costs about 200 bytes besides its contents (its object, the engine's record of the allocation),
 * a third of a certificate's DER; the certificates of a long list are read together and are released together, so
 * they may share their buffers. Not for bytes kept apart from the rest (a buffer lives as long as any view of it).
 */
export function byteSlab(): Allocate {
  let buffer = new Uint8Array(0);
  let used = 0;
  return (size) => {
    if (size > SLAB_SIZE / 8) return new Uint8Array(size);
    if (used + size > buffer.length) {
      buffer = new Uint8Array(SLAB_SIZE);
      used = 0;
    }
    const view = buffer.subarray(used, used + size);
    used += size;
    return view;
  };
}

function decodeClean(text: string, end: number, allocate: Allocate): Uint8Array {
  const out = allocate(Math.floor((end * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 4 <= end; i += 4) {
    const n =
      (LOOKUP[text.charCodeAt(i)]! << 18) |
      (LOOKUP[text.charCodeAt(i + 1)]! << 12) |
      (LOOKUP[text.charCodeAt(i + 2)]! << 6) |
      LOOKUP[text.charCodeAt(i + 3)]!;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = end - i;
  if (rest >= 2) {
    const n =
      (LOOKUP[text.charCodeAt(i)]! << 18) |
      (LOOKUP[text.charCodeAt(i + 1)]! << 12) |
      (rest === 3 ? LOOKUP[text.charCodeAt(i + 2)]! << 6 : 0);
    out[o++] = n >> 16;
    if (rest === 3) out[o++] = (n >> 8) & 255;
  }
  return out;
}

/** Lenient base64 for files and command-line arguments: whitespace ignored, either alphabet. */
export function decodeBase64Lenient(text: string): Uint8Array | null {
  const clean = text.replace(/[\s]+/g, '');
  const r = decodeBase64Strict(clean);
  return 'bytes' in r ? r.bytes : null;
}

const STD_CODES = Uint8Array.from(STD, (c) => c.charCodeAt(0));
const ASCII = new TextDecoder();

/**
 * Standard base64 with padding. The characters are written into a byte array and decoded once: a string grown with
 * `+=` is a rope of hundreds of pieces per certificate, several times the size of the flat string, and it is kept
 * for as long as the facts are.
 */
export function encodeBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 3 <= bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = STD_CODES[n >> 18]!;
    out[o++] = STD_CODES[(n >> 12) & 63]!;
    out[o++] = STD_CODES[(n >> 6) & 63]!;
    out[o++] = STD_CODES[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = STD_CODES[n >> 18]!;
    out[o++] = STD_CODES[(n >> 12) & 63]!;
    out[o++] = rest === 2 ? STD_CODES[(n >> 6) & 63]! : 61; // '='
    out[o++] = 61;
  }
  return ASCII.decode(out);
}

const HEX_LOWER = '0123456789abcdef';
const HEX_UPPER = '0123456789ABCDEF';

/** Hex digits, written flat for the same reason as {@link encodeBase64}. */
export function toHex(bytes: Uint8Array, upper = false): string {
  const digits = upper ? HEX_UPPER : HEX_LOWER;
  const out = new Uint8Array(bytes.length * 2);
  for (let i = 0; i < bytes.length; i++) {
    out[i * 2] = digits.charCodeAt(bytes[i]! >> 4);
    out[i * 2 + 1] = digits.charCodeAt(bytes[i]! & 15);
  }
  return ASCII.decode(out);
}

export function fromHex(hex: string): Uint8Array | null {
  const clean = hex.replace(/[\s:]/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) return null;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export interface PemBlock {
  label: string;
  bytes: Uint8Array;
}

/** Every PEM block in a text; blocks whose body is not base64 are skipped. */
export function decodePem(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2]!
      .split(/\r?\n/)
      .filter((l) => !/^[A-Za-z-]+:/.test(l))
      .join('');
    const bytes = decodeBase64Lenient(body);
    if (bytes) blocks.push({ label: m[1]!, bytes });
  }
  return blocks;
}

export function encodePem(bytes: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = encodeBase64(bytes);
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
