/**
 * X.509 CRL builder (RFC 5280 §5) for tests, test vectors, arbitraries and benchmarks — the CRL counterpart of
 * builder.ts, on the same DER writer and signers, so every field is under exact control: wrong signers, wrong key
 * identifiers, missing CRL numbers, delta indicators, validity windows in the past or the future, and revoked lists of
 * hundreds of thousands of entries (written straight into one buffer, not as one object per entry).
 *
 * No `node:` imports: it runs wherever WebCrypto does.
 */
import {
  encodeAlgorithm,
  encodeInteger,
  encodeName,
  encodeTime,
  extension,
  distributionPoints,
  keyIdentifier,
  seq,
  tlv,
  type AlgorithmIdentifierSpec,
  type Bytes,
  type DistributionPointSpec,
  type IssuerRef,
  type KeyPairHandle,
} from './builder.js';
import { encodePem } from '../certificate/encoding.js';

/** CRLReason (RFC 5280 §5.3.1); 7 is not used. */
export type CrlReason =
  | 'unspecified'
  | 'keyCompromise'
  | 'cACompromise'
  | 'affiliationChanged'
  | 'superseded'
  | 'cessationOfOperation'
  | 'certificateHold'
  | 'removeFromCRL'
  | 'privilegeWithdrawn'
  | 'aACompromise';

const REASON_CODES: Record<CrlReason, number> = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  aACompromise: 10,
};

export const CRL_OID = {
  crlNumber: '2.5.29.20',
  reasonCode: '2.5.29.21',
  invalidityDate: '2.5.29.24',
  deltaCrlIndicator: '2.5.29.27',
  issuingDistributionPoint: '2.5.29.28',
  certificateIssuer: '2.5.29.29',
  authorityKeyIdentifier: '2.5.29.35',
  freshestCrl: '2.5.29.46',
} as const;

export interface RevokedSpec {
  /** The revoked certificate's serial: a number/bigint (minimal two's complement) or the INTEGER content bytes verbatim. */
  serial: number | bigint | Uint8Array;
  /** Default: the CRL's thisUpdate. */
  date?: Date;
  reason?: CrlReason;
}

export interface CrlSpec {
  /** The CA that issues the CRL: its subject is written as the CRL's issuer, its key signs, its SKI is the AKI. */
  issuer: IssuerRef;
  /** Written as the issuer name instead of `issuer.subject`. */
  issuerName?: string;
  /** Sign with this key instead of the issuer's (a CRL from another CA under a borrowed name). */
  signWith?: KeyPairHandle;
  /** Written in both AlgorithmIdentifiers instead of the signer's. */
  signatureAlgorithm?: AlgorithmIdentifierSpec;
  /** Default 2 (v2 CRL, with extensions); 1 writes no version and no extensions. */
  version?: 1 | 2;
  thisUpdate: Date;
  /** null omits nextUpdate (RFC 5280 requires it; some CAs leave it out). */
  nextUpdate: Date | null;
  /** The revoked certificates, in order. Any iterable: a generator of 500,000 entries is never held as objects. */
  revoked?: Iterable<RevokedSpec>;
  /** Default 1; null omits the CRL number extension. */
  crlNumber?: number | bigint | null;
  /** Default 'issuer-ski' (the issuer's SKI, else method 1 of its key); bytes verbatim; null omits the extension. */
  authorityKeyIdentifier?: 'issuer-ski' | Uint8Array | null;
  /** Makes a delta CRL: the deltaCRLIndicator (critical) naming this base CRL number. */
  deltaOf?: number | bigint;
  /** freshestCRL: where the delta CRLs are. */
  freshestCrl?: DistributionPointSpec[];
  /** Appended after the others; `value` is the extnValue content. */
  extraExtensions?: { oid: string; critical?: boolean; value: Uint8Array }[];
  crypto?: Crypto;
}

export interface BuiltCrl {
  der: Bytes;
  pem: string;
  issuer: string;
  thisUpdate: Date;
  nextUpdate: Date | null;
  crlNumber: bigint | null;
  /** The base CRL number of a delta CRL. */
  deltaOf: bigint | null;
  /** Entries written. */
  revokedCount: number;
}

const ENTRY_CHUNK = 1 << 20;

/** The revokedCertificates SEQUENCE OF, written into growing chunks so that a huge list costs its bytes, not its objects. */
function encodeRevoked(entries: Iterable<RevokedSpec>, defaultDate: Date): { der: Bytes | null; count: number } {
  const chunks: Uint8Array[] = [];
  let chunk = new Uint8Array(ENTRY_CHUNK);
  let used = 0;
  let count = 0;
  let total = 0;
  const timeCache = new Map<number, Bytes>();
  const time = (d: Date): Bytes => {
    let t = timeCache.get(d.getTime());
    if (!t) {
      t = encodeTime(d);
      if (timeCache.size < 1024) timeCache.set(d.getTime(), t);
    }
    return t;
  };
  for (const e of entries) {
    const reason = e.reason ? seq(extension(CRL_OID.reasonCode, false, tlv(0x0a, new Uint8Array([REASON_CODES[e.reason]])))) : null;
    const entry = seq(encodeInteger(e.serial), time(e.date ?? defaultDate), ...(reason ? [reason] : []));
    if (used + entry.length > chunk.length) {
      chunks.push(chunk.subarray(0, used));
      chunk = new Uint8Array(Math.max(ENTRY_CHUNK, entry.length));
      used = 0;
    }
    chunk.set(entry, used);
    used += entry.length;
    total += entry.length;
    count++;
  }
  if (count === 0) return { der: null, count };
  chunks.push(chunk.subarray(0, used));
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { der: tlv(0x30, out), count };
}

/** Builds and signs one CRL. */
export async function buildCrl(spec: CrlSpec): Promise<BuiltCrl> {
  const crypto = spec.crypto ?? globalThis.crypto;
  const signer = (spec.signWith ?? spec.issuer.key).signer;
  const alg = spec.signatureAlgorithm ?? signer.algorithm;
  const v2 = (spec.version ?? 2) === 2;
  const crlNumber = spec.crlNumber === undefined ? 1n : spec.crlNumber === null ? null : BigInt(spec.crlNumber);
  const deltaOf = spec.deltaOf === undefined ? null : BigInt(spec.deltaOf);

  const exts: Uint8Array[] = [];
  if (v2) {
    const akiSpec = spec.authorityKeyIdentifier === undefined ? 'issuer-ski' : spec.authorityKeyIdentifier;
    if (akiSpec !== null) {
      const id = akiSpec === 'issuer-ski' ? (spec.issuer.ski ?? (await keyIdentifier(spec.issuer.key.spki, 'method1', crypto))) : akiSpec;
      exts.push(extension(CRL_OID.authorityKeyIdentifier, false, seq(tlv(0x80, id))));
    }
    if (crlNumber !== null) exts.push(extension(CRL_OID.crlNumber, false, encodeInteger(crlNumber)));
    if (deltaOf !== null) exts.push(extension(CRL_OID.deltaCrlIndicator, true, encodeInteger(deltaOf)));
    if (spec.freshestCrl?.length) exts.push(extension(CRL_OID.freshestCrl, false, distributionPoints(spec.freshestCrl)));
    for (const x of spec.extraExtensions ?? []) exts.push(extension(x.oid, x.critical ?? false, x.value));
  }
  const revoked = encodeRevoked(spec.revoked ?? [], spec.thisUpdate);
  const parts: Uint8Array[] = [];
  if (v2) parts.push(encodeInteger(1));
  parts.push(encodeAlgorithm(alg), encodeName(spec.issuerName ?? spec.issuer.subject), encodeTime(spec.thisUpdate));
  if (spec.nextUpdate) parts.push(encodeTime(spec.nextUpdate));
  if (revoked.der) parts.push(revoked.der);
  if (exts.length) parts.push(tlv(0xa0, seq(...exts)));
  const tbs = seq(...parts);
  const signature = await signer.sign(tbs);
  const der = seq(tbs, encodeAlgorithm(alg), tlv(0x03, new Uint8Array([0]), signature));
  return {
    der,
    pem: encodePem(der, 'X509 CRL'),
    issuer: spec.issuerName ?? spec.issuer.subject,
    thisUpdate: spec.thisUpdate,
    nextUpdate: spec.nextUpdate,
    crlNumber,
    deltaOf,
    revokedCount: revoked.count,
  };
}

/** `count` entries with serials 1…count (or `first`…), all revoked at `date`: the shape of a big CA's CRL. */
export function* sequentialRevocations(count: number, date: Date, first = 1n, reason?: CrlReason): Generator<RevokedSpec> {
  // 16-octet serials like real CAs write (RFC 5280 allows up to 20), counting up from a fixed high prefix.
  const base = (0x4a5b6c7dn << 96n) + first;
  for (let i = 0n; i < BigInt(count); i++) yield reason ? { serial: base + i, date, reason } : { serial: base + i, date };
}
