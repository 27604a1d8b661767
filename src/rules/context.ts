/**
 * Everything the rules look at, computed once per check: the body's entries, each certificate decoded,
 * parsed and described, the chains among the listed CAs, and the current resource when one is given.
 */
import type { Base64Problem } from '../certificate/encoding.js';
import { decodeBase64Strict, isCanonicalBase64 } from '../certificate/encoding.js';
import { CertificateParseError, MAX_CERTIFICATE_BYTES } from '../certificate/parse.js';
import { readCertificateInput, type CertificateRecord } from '../certificate/facts.js';
import { describeCertificateBytes } from '../certificate/cache.js';
import { mapWindowed } from '../concurrency.js';
import { linkChains } from '../chain/link.js';
import { isPlainObject, hasOwn } from '../graph/model.js';
import { pointer } from '../graph/json-text.js';

export type CertificateState =
  | { kind: 'absent' }
  | { kind: 'null' }
  | { kind: 'wrong-type'; type: string }
  | { kind: 'pem' }
  | { kind: 'not-base64'; problem: Base64Problem }
  | { kind: 'not-x509'; reason: string }
  | { kind: 'ok'; record: CertificateRecord; alphabet: 'base64' | 'base64url' };

export interface EntryContext {
  index: number;
  /** `/certificateAuthorities/<index>` */
  path: string;
  value: unknown;
  /** The entry when it is a JSON object. */
  object: Record<string, unknown> | null;
  certificate: CertificateState;
  /** Shortcut to the described certificate when it decoded and parsed. */
  record: CertificateRecord | null;
  chain: ChainLink | null;
}

/** How an entry's certificate chains to the other listed CAs. */
export type ChainLink =
  | { status: 'self-signed' }
  /** Self-issued, but its own signature could not be checked (unsupported algorithm). */
  | { status: 'self-issued-unverified'; reason: string }
  | { status: 'issued'; issuer: EntryContext; akiMismatch: boolean }
  | { status: 'unverifiable'; candidates: EntryContext[]; reason: string }
  | { status: 'bad-signature'; candidates: EntryContext[] }
  | { status: 'missing'; keyIdMatch: EntryContext | null };

export interface CurrentEntry {
  index: number;
  value: unknown;
  record: CertificateRecord | null;
}

export interface CurrentContext {
  value: Record<string, unknown>;
  entries: CurrentEntry[];
}

export interface CheckContext {
  body: unknown;
  /** The body when it is a JSON object. */
  bodyObject: Record<string, unknown> | null;
  at: Date;
  strict: boolean;
  /** `certificateAuthorities` entries; empty when the member is absent or not an array. */
  entries: EntryContext[];
  /** Pointers of members written more than once in the JSON text. */
  duplicateKeys: string[];
  current: CurrentContext | null;
  /** Why the body is not JSON, when it is not (then `body` is undefined and there are no entries). */
  jsonError: string | null;
}

function typeOfJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

export { typeOfJson };

/** Base64 characters (with padding) of the largest certificate accepted. */
const MAX_CERTIFICATE_CHARS = Math.ceil(MAX_CERTIFICATE_BYTES / 3) * 4;

async function readCertificate(value: unknown, has: boolean, crypto: Crypto): Promise<CertificateState> {
  if (!has) return { kind: 'absent' };
  if (value === null) return { kind: 'null' };
  if (typeof value !== 'string') return { kind: 'wrong-type', type: typeOfJson(value) };
  // Refused before decoding or hashing: no certificate the parser accepts needs more text than this.
  if (value.length > MAX_CERTIFICATE_CHARS) {
    return {
      kind: 'not-x509',
      reason: `the text is ${value.length} characters long, more than the ${MAX_CERTIFICATE_CHARS} accepted (certificates of up to ${MAX_CERTIFICATE_BYTES} bytes)`,
    };
  }
  const decoded = decodeBase64Strict(value);
  if ('problem' in decoded) return decoded.problem.kind === 'pem' ? { kind: 'pem' } : { kind: 'not-base64', problem: decoded.problem };
  try {
    const canonical = decoded.alphabet === 'base64' && isCanonicalBase64(value);
    const record = await describeCertificateBytes(decoded.bytes, crypto, canonical ? value : undefined);
    return { kind: 'ok', record, alphabet: decoded.alphabet };
  } catch (e) {
    const reason = e instanceof CertificateParseError ? e.message : `not a DER certificate (${(e as Error)?.message ?? String(e)})`;
    return { kind: 'not-x509', reason };
  }
}

async function buildCurrent(current: unknown, crypto: Crypto): Promise<CurrentContext | null> {
  if (!isPlainObject(current)) return null;
  const list = Array.isArray(current.certificateAuthorities) ? current.certificateAuthorities : [];
  const entries = await mapWindowed(list, async (value, index): Promise<CurrentEntry> => {
    let record: CertificateRecord | null = null;
    if (isPlainObject(value) && typeof value.certificate === 'string') {
      try {
        record = await describeCertificateBytes(readCertificateInput(value.certificate), crypto);
      } catch {
        record = null; // e.g. the page's "certificate": "Binary" — it cannot be matched by thumbprint
      }
    }
    return { index, value, record };
  });
  return { value: current, entries };
}

export interface ContextOptions {
  at: Date;
  strict: boolean;
  crypto: Crypto;
  current?: unknown;
  duplicateKeys?: string[];
  jsonError?: string | null;
}

export async function buildContext(body: unknown, options: ContextOptions): Promise<CheckContext> {
  const bodyObject = isPlainObject(body) ? body : null;
  const list = bodyObject && Array.isArray(bodyObject.certificateAuthorities) ? bodyObject.certificateAuthorities : [];
  const entries: EntryContext[] = await mapWindowed(list, async (value, index): Promise<EntryContext> => {
    const object = isPlainObject(value) ? value : null;
    const certificate: CertificateState = object
      ? await readCertificate(object.certificate, hasOwn(object, 'certificate'), options.crypto)
      : { kind: 'absent' };
    return {
      index,
      path: pointer('certificateAuthorities', index),
      value,
      object,
      certificate,
      record: certificate.kind === 'ok' ? certificate.record : null,
      chain: null,
    };
  });
  await linkChains(entries, options.crypto);
  return {
    body,
    bodyObject,
    at: options.at,
    strict: options.strict,
    entries,
    duplicateKeys: options.duplicateKeys ?? [],
    jsonError: options.jsonError ?? null,
    current: options.current === undefined ? null : await buildCurrent(options.current, options.crypto),
  };
}
