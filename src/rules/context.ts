/**
 * Everything the rules look at, computed once per check: the body's entries, each certificate decoded,
 * parsed and described, the chains among the listed CAs, and the current resource when one is given.
 */
import type { CertificateRecord, CertificateView } from '../certificate/facts.js';
import type { SubjectPublicKey } from '../certificate/parse.js';
import { readCertificateValue, readCertificateValues, type CertificateState, type CertificateValue } from '../certificate/reader.js';
import { mapWindowed } from '../concurrency.js';
import { worthCaching } from '../certificate/cache.js';
import { byteSlab } from '../certificate/encoding.js';
import { type ChainCertificate, type ChainLink, linkChains } from '../chain/link.js';
import { isPlainObject, hasOwn } from '../graph/model.js';
import { pointer, type JsonProblem } from '../graph/json-text.js';
import type { Cloud } from '../graph/clouds.js';
import type { AnalysedCrl } from '../crl/analyse.js';
import type { RevocationHit } from '../crl/revocation.js';
import type { CrlInput, ListedCa } from '../crl/types.js';

export type { CertificateState } from '../certificate/reader.js';

export interface EntryContext {
  index: number;
  /** `/certificateAuthorities/<index>` */
  path: string;
  value: unknown;
  /** The entry when it is a JSON object. */
  object: Record<string, unknown> | null;
  /** How the `certificate` member read. */
  certificate: CertificateState;
  /** The certificate, when it decoded and parsed: the one view of it that rules read. */
  cert: CertificateView | null;
  /** How the certificate chains to the other listed CAs; present exactly when `cert` is. */
  chain: ChainLink | null;
}

/** An entry whose certificate decoded and parsed. */
export interface CertifiedEntry extends EntryContext {
  cert: CertificateView;
  chain: ChainLink;
}

export interface CurrentEntry {
  index: number;
  value: unknown;
  cert: CertificateView | null;
}

export interface CurrentContext {
  value: Record<string, unknown>;
  entries: CurrentEntry[];
}

/** A body this library does not read: longer than it reads, in characters of text or bytes. */
export interface BodyTooLarge {
  unit: 'characters' | 'bytes';
  size: number;
  limit: number;
}

/** Bytes that are not the UTF-8 JSON text RFC 8259 §8.1 says systems exchange. */
export type BodyEncoding = { kind: 'utf-16'; encoding: 'utf-16le' | 'utf-16be'; bom: boolean } | { kind: 'invalid-utf-8'; offset: number };

/** The body was a collection response (`GET …/mutualTlsOauthConfigurations`): which configuration of it is checked. */
export interface CollectionContext {
  /** The ids of its configurations, in order. */
  ids: string[];
  /** The configuration checked (then `body` is it, and findings are reported under `/value/<index>`), or null when none was. */
  index: number | null;
  /** The id it was chosen by, or the id that matched none. */
  id: string | null;
}

export interface CheckContext {
  body: unknown;
  /** Set when the body was a collection response. */
  collection: CollectionContext | null;
  /** The body when it is a JSON object. */
  bodyObject: Record<string, unknown> | null;
  at: Date;
  strict: boolean;
  /** `certificateAuthorities` entries; empty when the member is absent or not an array. */
  entries: EntryContext[];
  /** `entries[i].chain`, as one list for walking up chains (`pathUp(ctx.links, i)`). */
  links: readonly (ChainLink | null)[];
  /** Pointers of members written more than once in the JSON text. */
  duplicateKeys: string[];
  current: CurrentContext | null;
  /** Why the body is not JSON, when it is not (then `body` is undefined and there are no entries). */
  jsonError: JsonProblem | null;
  /** The body was longer than the library reads (then it was not read: `body` is undefined). */
  tooLarge: BodyTooLarge | null;
  /** The body was given as bytes that are not UTF-8 JSON (then `body` is what they decode to). */
  encoding: BodyEncoding | null;
  /** Whose documented limits apply (CRL size at sign-in). */
  cloud: Cloud;
  /** Expiry horizon in days: CAs that expire within it are warned about. */
  warnExpiryDays: number;
  /** The CRLs given (files or downloads), checked against the listed CAs; null when none were given. */
  crl: CrlContext | null;
}

export interface CrlContext {
  analysed: AnalysedCrl[];
  /** Listed CAs that a given CRL of their issuer revokes (key: entry index). */
  revoked: RevocationHit<number>[];
  /** The CRLs came from downloads of the configured URLs (not from files). */
  fetched: boolean;
}

export { typeOfJson } from '../certificate/reader.js';

async function buildCurrent(current: unknown, crypto: Crypto): Promise<CurrentContext | null> {
  if (!isPlainObject(current)) return null;
  const list = Array.isArray(current.certificateAuthorities) ? current.certificateAuthorities : [];
  // Read as a stored resource is matched: PEM or white space would still be the same certificate.
  const read = await readCertificateValues(
    list.map((value) => (isPlainObject(value) ? value.certificate : undefined)),
    crypto,
    'lenient',
  );
  // e.g. the update page's "certificate": "Binary" reads as no certificate: it cannot be matched by thumbprint.
  return { value: current, entries: list.map((value, index) => ({ index, value, cert: read[index]!.record?.view ?? null })) };
}

/**
 * What linking reads of a listed certificate, holding the certificate's DER and where its parts are in it instead of a
 * view of each part: a check keeps one per listed CA until the chains are linked, and four byte views and a key
 * object were a third of it. The parts are cut out when asked for; the key object is made once (the imported key is
 * kept per key object, verify.ts), and only for a certificate that turns out to be some other's issuer candidate.
 */
class ListedCertificate implements ChainCertificate {
  readonly signatureAlgorithm: ChainCertificate['signatureAlgorithm'];
  readonly signatureUnusedBits: number;
  /** Names, key identifiers and what is known of the certificate come from the view the check keeps anyway. */
  readonly #view: CertificateView;
  readonly #der: Uint8Array;
  /** Start and end in the DER of the signed part, the signature, the SubjectPublicKeyInfo and its key bits. */
  readonly #tbs: number;
  readonly #tbsEnd: number;
  readonly #signature: number;
  readonly #signatureEnd: number;
  readonly #spki: number;
  readonly #spkiEnd: number;
  readonly #keyBits: number;
  readonly #keyBitsEnd: number;
  readonly #keyAlgorithm: SubjectPublicKey['algorithm'];
  readonly #rsa: SubjectPublicKey['rsa'];
  #publicKey: SubjectPublicKey | undefined;
  /** The parts themselves when one is not a slice of the DER (a BER value the decoder put together). */
  readonly #parts: Pick<ChainCertificate, 'tbs' | 'signatureValue' | 'publicKey'> | null = null;

  constructor({ parsed: p, view }: CertificateRecord) {
    this.signatureAlgorithm = p.signatureAlgorithm;
    this.signatureUnusedBits = p.signatureUnusedBits;
    this.#view = view;
    const { der, tbs, signatureValue, publicKey } = p;
    const { spki, keyBits } = publicKey;
    this.#der = der;
    this.#keyAlgorithm = publicKey.algorithm;
    this.#rsa = publicKey.rsa;
    const inside = (part: Uint8Array) =>
      part.buffer === der.buffer && part.byteOffset >= der.byteOffset && part.byteOffset + part.length <= der.byteOffset + der.length;
    // The view holds the key's facts as parse.ts made them: its info (with the problem, if any) and why it is not a key.
    const sameKey =
      view.key === publicKey.info && view.keyProblem === publicKey.why && (publicKey.problem ?? undefined) === publicKey.info.problem;
    if (!sameKey || ![tbs, signatureValue, spki, keyBits].every(inside)) this.#parts = { tbs, signatureValue, publicKey };
    const at = (part: Uint8Array) => part.byteOffset - der.byteOffset;
    this.#tbs = at(tbs);
    this.#tbsEnd = this.#tbs + tbs.length;
    this.#signature = at(signatureValue);
    this.#signatureEnd = this.#signature + signatureValue.length;
    this.#spki = at(spki);
    this.#spkiEnd = this.#spki + spki.length;
    this.#keyBits = at(keyBits);
    this.#keyBitsEnd = this.#keyBits + keyBits.length;
  }

  get subject(): ChainCertificate['subject'] {
    return this.#view.subject;
  }

  get issuer(): ChainCertificate['issuer'] {
    return this.#view.issuer;
  }

  get ski(): ChainCertificate['ski'] {
    return this.#view.ski;
  }

  get aki(): ChainCertificate['aki'] {
    return this.#view.aki;
  }

  get thumbprint(): string {
    return this.#view.thumbprint;
  }

  get selfSigned(): boolean | null {
    return this.#view.selfSigned;
  }

  get selfSignatureError(): string | null {
    return this.#view.selfSignatureError;
  }

  get selfSignatureWhy(): ChainCertificate['selfSignatureWhy'] {
    return this.#view.selfSignatureWhy;
  }

  get tbs(): Uint8Array {
    return this.#parts?.tbs ?? this.#der.subarray(this.#tbs, this.#tbsEnd);
  }

  get signatureValue(): Uint8Array {
    return this.#parts?.signatureValue ?? this.#der.subarray(this.#signature, this.#signatureEnd);
  }

  get publicKey(): SubjectPublicKey {
    if (this.#parts) return this.#parts.publicKey;
    const info = this.#view.key;
    this.#publicKey ??= {
      algorithm: this.#keyAlgorithm,
      spki: this.#der.subarray(this.#spki, this.#spkiEnd),
      keyBits: this.#der.subarray(this.#keyBits, this.#keyBitsEnd),
      info,
      problem: info.problem ?? null,
      why: this.#view.keyProblem,
      rsa: this.#rsa,
    };
    return this.#publicKey;
  }
}

export interface ContextOptions {
  at: Date;
  strict: boolean;
  crypto: Crypto;
  current?: unknown;
  duplicateKeys?: string[];
  jsonError?: JsonProblem | null;
  tooLarge?: BodyTooLarge | null;
  encoding?: BodyEncoding | null;
  collection?: CollectionContext | null;
  crls?: readonly CrlInput[];
  cloud?: Cloud;
  warnExpiryDays?: number;
}

/** Default expiry horizon (`--warn-expiry-days`). */
export const DEFAULT_WARN_EXPIRY_DAYS = 30;

function nonEmptyString(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

async function buildCrlContext(
  entries: EntryContext[],
  records: readonly (CertificateRecord | null)[],
  crls: readonly CrlInput[],
  options: ContextOptions,
): Promise<CrlContext> {
  const cas: ListedCa[] = [];
  for (const e of entries) {
    const record = records[e.index];
    if (record)
      cas.push({
        index: e.index,
        parsed: record.parsed,
        baseUrl: nonEmptyString(e.object?.certificateRevocationListUrl),
        deltaUrl: nonEmptyString(e.object?.deltaCertificateRevocationListUrl),
      });
  }
  // Loaded only when CRLs are given: in the browser build the CRL reader is a chunk of its own (scripts/build-browser.mjs).
  const { analyseCrls, findRevoked } = await import('../crl/crl-checks.js');
  const analysed = await analyseCrls(cas, crls, { at: options.at, crypto: options.crypto, cloud: options.cloud ?? 'global' });
  const covered = entries.flatMap((e) => {
    const record = records[e.index];
    return record && e.chain?.status === 'issued' ? [{ key: e.index, parsed: record.parsed, issuerIndex: e.chain.issuer }] : [];
  });
  return { analysed, revoked: findRevoked(analysed, covered), fetched: crls.some((c) => c.from !== undefined) };
}

export async function buildContext(body: unknown, options: ContextOptions): Promise<CheckContext> {
  const bodyObject = isPlainObject(body) ? body : null;
  const list = bodyObject && Array.isArray(bodyObject.certificateAuthorities) ? bodyObject.certificateAuthorities : [];
  // Only the view and what linking needs are kept of each record, so that a long list does not hold every parsed
  // certificate at once (the cache keeps the most recent records whole); CRL checks, when asked for, read whole records.
  const keepRecords = !!options.crls?.length;
  const store = worthCaching(list.length);
  // Records not stored are released with the check: their DER may share buffers (encoding.ts).
  const allocate = store ? undefined : byteSlab();
  // Each entry is made once, its chain filled in when the list is linked; beside it only what linking reads is kept.
  const chains = new Array<ListedCertificate | null>(list.length).fill(null);
  const records = new Array<CertificateRecord | null>(keepRecords ? list.length : 0).fill(null);
  const entries = await mapWindowed(list, async (value, index): Promise<EntryContext> => {
    const object = isPlainObject(value) ? value : null;
    const { state, record }: CertificateValue = object
      ? await readCertificateValue(object.certificate, options.crypto, 'strict', hasOwn(object, 'certificate'), store, allocate)
      : { state: { kind: 'absent' }, record: null };
    chains[index] = record ? new ListedCertificate(record) : null;
    if (keepRecords) records[index] = record;
    return {
      index,
      path: pointer('certificateAuthorities', index),
      value: list[index],
      object,
      certificate: state,
      cert: record?.view ?? null,
      chain: null,
    };
  });
  const links = await linkChains(chains, options.crypto);
  for (const e of entries) e.chain = links[e.index] ?? null;
  return {
    body,
    collection: options.collection ?? null,
    bodyObject,
    at: options.at,
    strict: options.strict,
    entries,
    links,
    duplicateKeys: options.duplicateKeys ?? [],
    jsonError: options.jsonError ?? null,
    tooLarge: options.tooLarge ?? null,
    encoding: options.encoding ?? null,
    current: options.current === undefined ? null : await buildCurrent(options.current, options.crypto),
    cloud: options.cloud ?? 'global',
    warnExpiryDays: options.warnExpiryDays ?? DEFAULT_WARN_EXPIRY_DAYS,
    crl: options.crls?.length ? await buildCrlContext(entries, records, options.crls, options) : null,
  };
}
