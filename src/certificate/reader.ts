/**
 * The one certificate reader: a `certificate` member's value → how it reads and, when it is a certificate, its record —
 * length-checked before anything is decoded, decoded strictly (a request body: base64 or base64url only) or leniently
 * (a stored resource: PEM and white space too), then parsed and described once through the shared cache.
 *
 * check (the body and `current`), diff, patch, the simulator, `inspect` and the page all read certificates here or
 * through `describeCertificateBytes` beneath it, so a certificate is parsed once however many of them look at it.
 */
import type { Base64Problem } from './encoding.js';
import { type Allocate, byteSlab, decodeBase64Lenient, decodeBase64Strict, decodePem, isCanonicalBase64 } from './encoding.js';
import { CertificateParseError, MAX_CERTIFICATE_BYTES } from './parse.js';
import type { CertificateRecord } from './facts.js';
import { describeCertificateBytes, worthCaching } from './cache.js';
import { mapWindowed } from '../concurrency.js';

/** How a `certificate` member reads. */
export type CertificateState =
  | { kind: 'absent' }
  | { kind: 'null' }
  | { kind: 'wrong-type'; type: string }
  | { kind: 'pem' }
  | { kind: 'not-base64'; problem: Base64Problem }
  /** Lenient reading only: neither a PEM certificate nor base64, even with white space allowed. */
  | { kind: 'undecodable'; reason: string }
  /**
   * `reason`: the decoder's account, in English (inspect prints it); `code`, `where` and `params` say the same as data, for
   * messages in every language. `bytes`: how many bytes the text decoded to, when it did.
   */
  | { kind: 'not-x509'; reason: string; code: string; where?: string; params?: Readonly<Record<string, string>>; bytes?: number }
  | { kind: 'ok'; alphabet: 'base64' | 'base64url' | 'lenient' };

export interface CertificateValue {
  state: CertificateState;
  /** The described certificate, exactly when `state.kind` is 'ok'. */
  record: CertificateRecord | null;
}

/**
 * `strict`: as the server reads a request body (standard base64 or base64url, nothing else).
 * `lenient`: as a stored resource or a pasted GET response is matched (PEM armour and white space allowed).
 */
export type Decoding = 'strict' | 'lenient';

/** Base64 characters (with padding) of the largest certificate accepted. */
export const MAX_CERTIFICATE_CHARS = Math.ceil(MAX_CERTIFICATE_BYTES / 3) * 4;
/** The same in PEM: a line break every 64 characters, and the armour lines. */
const MAX_LENIENT_CHARS = Math.ceil((MAX_CERTIFICATE_CHARS * 66) / 64) + 128;

/** The JSON type of a value as messages name it: null, array, object, string, number, boolean. */
export function typeOfJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** The state of a certificate that read, one per alphabet (shared by every entry: frozen). */
const OK = {
  base64: Object.freeze({ kind: 'ok', alphabet: 'base64' }),
  base64url: Object.freeze({ kind: 'ok', alphabet: 'base64url' }),
  lenient: Object.freeze({ kind: 'ok', alphabet: 'lenient' }),
} as const;

const failed = (state: Exclude<CertificateState, { kind: 'ok' }>): CertificateValue => ({ state, record: null });

function decodeLenient(text: string): Uint8Array | string {
  const trimmed = text.trim();
  if (trimmed.includes('-----BEGIN')) {
    const blocks = decodePem(trimmed).filter((b) => /CERTIFICATE/.test(b.label));
    if (blocks.length === 1) return blocks[0]!.bytes;
    return blocks.length === 0 ? 'the PEM text holds no CERTIFICATE block' : `the PEM text holds ${blocks.length} certificates`;
  }
  const bytes = decodeBase64Lenient(trimmed);
  return bytes?.length ? bytes : 'it is neither PEM nor base64';
}

/**
 * Reads one `certificate` value. `present` tells an absent member from one set to undefined (default: whether the value is
 * defined). `store` false: the shared cache is read but not filled (a value of a list longer than the cache).
 * Never throws: every problem is a state.
 */
export async function readCertificateValue(
  value: unknown,
  crypto: Crypto,
  decoding: Decoding = 'strict',
  present = value !== undefined,
  store = true,
  allocate?: Allocate,
): Promise<CertificateValue> {
  if (!present) return failed({ kind: 'absent' });
  if (value === null) return failed({ kind: 'null' });
  if (typeof value !== 'string') return failed({ kind: 'wrong-type', type: typeOfJson(value) });
  const limit = decoding === 'strict' ? MAX_CERTIFICATE_CHARS : MAX_LENIENT_CHARS;
  // Refused before decoding or hashing: no certificate the parser accepts needs more text than this.
  if (value.length > limit) {
    return failed({
      kind: 'not-x509',
      reason: `the text is ${value.length} characters long, more than the ${limit} accepted (certificates of up to ${MAX_CERTIFICATE_BYTES} bytes)`,
      code: 'text-too-long',
      params: { size: String(value.length), limit: String(limit), bytes: String(MAX_CERTIFICATE_BYTES) },
    });
  }
  let bytes: Uint8Array;
  let alphabet: 'base64' | 'base64url' | 'lenient';
  let base64: string | undefined;
  if (decoding === 'strict') {
    const decoded = decodeBase64Strict(value, allocate);
    if ('problem' in decoded)
      return failed(decoded.problem.kind === 'pem' ? { kind: 'pem' } : { kind: 'not-base64', problem: decoded.problem });
    bytes = decoded.bytes;
    alphabet = decoded.alphabet;
    // The facts can share the body's own string when it is exactly what encoding the DER gives.
    if (alphabet === 'base64' && isCanonicalBase64(value)) base64 = value;
  } else {
    const decoded = decodeLenient(value);
    if (typeof decoded === 'string') return failed({ kind: 'undecodable', reason: decoded });
    bytes = decoded;
    alphabet = 'lenient';
  }
  try {
    return { state: OK[alphabet], record: await describeCertificateBytes(bytes, crypto, base64, store) };
  } catch (e) {
    if (e instanceof CertificateParseError)
      return failed({
        kind: 'not-x509',
        reason: e.message,
        code: e.code,
        ...(e.where !== undefined ? { where: e.where } : {}),
        ...(e.params ? { params: e.params } : {}),
        bytes: bytes.length,
      });
    return failed({
      kind: 'not-x509',
      reason: `not a DER certificate (${(e as Error)?.message ?? String(e)})`,
      code: 'unknown',
      bytes: bytes.length,
    });
  }
}

/**
 * {@link readCertificateValue} for each value, a bounded number at a time (see concurrency.ts), results in order; the
 * records of a list longer than the cache are not stored in it.
 */
export function readCertificateValues(
  values: readonly unknown[],
  crypto: Crypto,
  decoding: Decoding = 'strict',
): Promise<CertificateValue[]> {
  const store = worthCaching(values.length);
  const allocate = store ? undefined : byteSlab();
  return mapWindowed(values, (v) => readCertificateValue(v, crypto, decoding, v !== undefined, store, allocate));
}
