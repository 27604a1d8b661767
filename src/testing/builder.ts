/**
 * X.509 certificate builder for tests, test-vector generation, property-test arbitraries and benchmarks.
 *
 * Runs in node and in browsers: no `node:` imports; all cryptography goes through a WebCrypto `Crypto`
 * (default `globalThis.crypto`). The TBSCertificate is written field by field so that every field is under exact
 * control (arbitrary issuer names and algorithm identifiers, v1 certificates, non-minimal serials, critical flags, …),
 * with what the core already has: its DER writer (certificate/der.ts), its reader of typed names (names.ts), its OID
 * tables (oids.ts), key identifiers (key-identifier.ts) and base64/PEM codec (encoding.ts). Keys are generated once ({@link generateKeyPair}) and reused:
 * {@link buildCertificate} only encodes and signs (key identifiers are cached per key).
 *
 * Signers that WebCrypto cannot provide (MD5, Ed448, secp256k1, brainpool, DSA) live in
 * `scripts/lib/node-signers.ts`; any object implementing {@link Signer} works.
 */

import { concat, encodeTlv, readTlv } from '../certificate/der.js';
import { encodeBase64, encodePem } from '../certificate/encoding.js';
import { type KeyIdentifierMethod, keyIdentifier as computeKeyIdentifier } from '../certificate/key-identifier.js';
import { attributeOid, parseNameText } from '../certificate/names.js';
import {
  EKU_NAMES,
  extensionOid,
  HASHES,
  KEY_ALGORITHMS,
  KEY_USAGE_BITS,
  type KeyUsageBit,
  MGF1,
  oidNamed,
  SIGNATURE_ALGORITHMS,
} from '../certificate/oids.js';

// ---------------------------------------------------------------------------------------------------------
// Public types

/** Bytes the builder returns: backed by a plain ArrayBuffer, so they are a valid WebCrypto/pkijs `BufferSource`. */
export type Bytes = Uint8Array<ArrayBuffer>;

export type KeySpec = 'P-256' | 'P-384' | 'P-521' | 'RSA-1024' | 'RSA-2048' | 'RSA-3072' | 'RSA-4096' | 'Ed25519';
export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/** An AlgorithmIdentifier: `params` 'null' writes an ASN.1 NULL, 'absent' (default) writes nothing, bytes are written verbatim (DER). */
export interface AlgorithmIdentifierSpec {
  oid: string;
  params?: 'null' | 'absent' | Uint8Array;
}

export interface Signer {
  /** AlgorithmIdentifier written in the certificate (TBS `signature` and outer `signatureAlgorithm`). */
  algorithm: AlgorithmIdentifierSpec;
  /** Signs the DER of the TBSCertificate; returns the BIT STRING content (DER ECDSA-Sig-Value for ECDSA/DSA). */
  sign(tbs: Uint8Array): Promise<Uint8Array>;
}

export interface KeyPairHandle {
  /** A {@link KeySpec}, or a free-form label for other keys ('Ed448', 'secp256k1', 'DSA-2048', …). */
  spec: KeySpec | string;
  privateKey: CryptoKey | unknown;
  publicKey: CryptoKey | unknown;
  /** SubjectPublicKeyInfo DER written in certificates carrying this key. Replace it (`{ ...key, spki }`) to write another key. */
  spki: Uint8Array;
  signer: Signer;
}

export interface GenerateKeyPairOptions {
  crypto?: Crypto;
  /** Signature hash. Default: SHA-256 for RSA and P-256, SHA-384 for P-384, SHA-512 for P-521; ignored for Ed25519. */
  hash?: HashName;
  /** RSA only: sign with RSASSA-PSS (salt length = hash length) instead of PKCS#1 v1.5. */
  pss?: boolean;
}

export type { KeyUsageBit };

/**
 * How a key identifier is derived from a public key:
 * - method1: SHA-1 of the subjectPublicKey BIT STRING value (RFC 5280 §4.2.1.2 (1));
 * - method2: 0100 followed by the low 60 bits of that SHA-1 (RFC 5280 §4.2.1.2 (2));
 * - rfc7093-1/2/3: leftmost 160 bits of SHA-256/384/512 of the subjectPublicKey BIT STRING value (RFC 7093 §2 methods 1–3).
 */
export type KeyIdMethod = 'method1' | 'method2' | 'rfc7093-1' | 'rfc7093-2' | 'rfc7093-3';

export interface IssuerRef {
  /** The issuer's subject DN (written as this certificate's issuer unless `issuerName` overrides it). */
  subject: string;
  key: KeyPairHandle;
  /** The issuer's SKI, if known; used for 'issuer-ski' AKIs. Default: method1 of the issuer key. A {@link BuiltCertificate} carries it. */
  ski?: Uint8Array | null;
}

export interface SubjectAltNameSpec {
  dns?: string[];
  uri?: string[];
  ip?: string[];
  email?: string[];
  /** RFC 5280 §4.2.1.6: critical when the subject is empty. Default false. */
  critical?: boolean;
}

/** One distribution point: a URI, or several URIs (one fullName with several GeneralNames). */
export type DistributionPointSpec = string | string[];

export interface CertificateSpec {
  /**
   * RFC 4514 DN, most specific first: "CN=Root CA, O=Example, C=US". Types: CN, O, OU, C, ST (S), L, STREET, emailAddress (E),
   * serialNumber, DC, UID, title, GN, SN, … or a dotted OID. C and serialNumber are PrintableString, emailAddress and DC IA5String,
   * others UTF8String; `TYPE=#<hex>` writes the DER value verbatim. `+` joins multi-valued RDNs; "" is the empty name.
   */
  subject: string;
  /** Default 'self': self-signed with `key`. A {@link BuiltCertificate} can be passed directly. */
  issuer?: IssuerRef | 'self';
  key: KeyPairHandle;
  /** Sign with this key instead of the issuer's (forged signature). The algorithm identifier is this key's. */
  signWith?: KeyPairHandle;
  /** Issuer DN written in the certificate instead of the issuer's subject (name mismatch). */
  issuerName?: string;
  /** Written in both TBS `signature` and outer `signatureAlgorithm`, instead of the signer's. */
  signatureAlgorithm?: AlgorithmIdentifierSpec;
  /** Written only in the TBS `signature` field (mismatch with the outer one). Default: `signatureAlgorithm`. */
  tbsSignatureAlgorithm?: AlgorithmIdentifierSpec;
  /** Number/bigint: minimal two's complement. Bytes: the INTEGER content verbatim. Default: 16 random bytes, positive. */
  serialNumber?: Uint8Array | number | bigint;
  /** Default: now − 1 day. UTCTime before 2050, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5). */
  notBefore?: Date;
  /** Default: now + 10 years. */
  notAfter?: Date;
  /** Default { cA: true, critical: true }; `critical` defaults to true; null omits the extension. */
  basicConstraints?: { cA: boolean; pathLenConstraint?: number; critical?: boolean } | null;
  /** Default keyCertSign + cRLSign; `critical` defaults to true; null omits the extension. */
  keyUsage?: { bits: KeyUsageBit[]; critical?: boolean } | null;
  /** Default method1, not critical; null omits the extension. */
  subjectKeyIdentifier?: KeyIdMethod | Uint8Array | { value: KeyIdMethod | Uint8Array; critical?: boolean } | null;
  /**
   * Default: 'issuer-ski' (the issuer's SKI, else method1 of the issuer key) for certificates that are not self-signed,
   * omitted for self-signed ones ('self') unless given. Not critical unless asked. null omits it.
   */
  authorityKeyIdentifier?: 'issuer-ski' | Uint8Array | { keyIdentifier: 'issuer-ski' | Uint8Array; critical?: boolean } | null;
  /** CRL distribution points (fullName URIs), not critical. */
  crlDistributionPoints?: DistributionPointSpec[];
  /** Freshest CRL (delta CRL) distribution points, not critical. */
  freshestCrl?: DistributionPointSpec[];
  /** Extended key usage OIDs, not critical. */
  extendedKeyUsage?: string[];
  /** subjectAltName entries, in this order: dNSName, uniformResourceIdentifier, iPAddress (IPv4 or IPv6 text), rfc822Name. Not critical unless asked. */
  subjectAltName?: SubjectAltNameSpec;
  /** Appended after the others; `value` is the extnValue content (DER of the extension value). */
  extraExtensions?: { oid: string; critical?: boolean; value: Uint8Array }[];
  /** 1 = v1 certificate: no version field and no extensions at all. Default 3. */
  version?: 1 | 3;
  /** For key-identifier digests and random serials. Default globalThis.crypto. Signing uses the key's own signer. */
  crypto?: Crypto;
}

export interface BuiltCertificate {
  der: Bytes;
  /** Base64 of the DER, no line breaks (the Graph `certificate` member). */
  base64: string;
  pem: string;
  subject: string;
  /** The issuer DN as written in the certificate. */
  issuer: string;
  key: KeyPairHandle;
  /** The SKI written in the certificate, or null when omitted. */
  ski: Bytes | null;
  notBefore: Date;
  notAfter: Date;
}

export interface HierarchyOptions {
  /** Number of certificates: 1 = root only, 2 = root + intermediate (or leaf), … */
  depth: number;
  /** Default 'P-256'. */
  keySpec?: KeySpec;
  /** Default 'Test': "CN=Test Root CA, O=Test, C=US", "CN=Test Intermediate CA 1, …", "CN=Test Leaf, …". */
  namePrefix?: string;
  /** When set, every non-root certificate gets a CRL DP `${crlBase}/root.crl` or `${crlBase}/intermediate-<n>.crl` (its issuer's CRL). */
  crlBase?: string;
  notBefore?: Date;
  notAfter?: Date;
  crypto?: Crypto;
  /** keys[i] is used for certificate i (root = 0); missing ones are generated with `keySpec`. */
  keys?: KeyPairHandle[];
  /** Make the last certificate an end-entity (cA false, digitalSignature). Needs depth ≥ 2. */
  leaf?: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// OIDs

const signatureOid = (name: string) => oidNamed(SIGNATURE_ALGORITHMS, name);
const hashOid = (name: HashName) => oidNamed(HASHES, name);

/** OIDs by name, for specs and extensions; read from the core's tables (certificate/oids.ts), not written again. */
export const OID = {
  rsaEncryption: oidNamed(KEY_ALGORITHMS, 'RSA'),
  md5WithRSAEncryption: signatureOid('md5WithRSAEncryption'),
  sha1WithRSAEncryption: signatureOid('sha1WithRSAEncryption'),
  sha256WithRSAEncryption: signatureOid('sha256WithRSAEncryption'),
  sha384WithRSAEncryption: signatureOid('sha384WithRSAEncryption'),
  sha512WithRSAEncryption: signatureOid('sha512WithRSAEncryption'),
  rsassaPss: signatureOid('RSASSA-PSS'),
  mgf1: MGF1,
  ecdsaWithSHA1: signatureOid('ecdsa-with-SHA1'),
  ecdsaWithSHA256: signatureOid('ecdsa-with-SHA256'),
  ecdsaWithSHA384: signatureOid('ecdsa-with-SHA384'),
  ecdsaWithSHA512: signatureOid('ecdsa-with-SHA512'),
  dsaWithSHA1: signatureOid('dsa-with-sha1'),
  dsaWithSHA256: signatureOid('dsa-with-sha256'),
  ed25519: signatureOid('Ed25519'),
  ed448: signatureOid('Ed448'),
  sha1: hashOid('SHA-1'),
  sha256: hashOid('SHA-256'),
  sha384: hashOid('SHA-384'),
  sha512: hashOid('SHA-512'),
  basicConstraints: extensionOid('basicConstraints'),
  keyUsage: extensionOid('keyUsage'),
  subjectKeyIdentifier: extensionOid('subjectKeyIdentifier'),
  authorityKeyIdentifier: extensionOid('authorityKeyIdentifier'),
  crlDistributionPoints: extensionOid('cRLDistributionPoints'),
  freshestCrl: extensionOid('freshestCRL'),
  extKeyUsage: extensionOid('extKeyUsage'),
  subjectAltName: extensionOid('subjectAltName'),
  ekuServerAuth: oidNamed(EKU_NAMES, 'serverAuth'),
  ekuClientAuth: oidNamed(EKU_NAMES, 'clientAuth'),
} as const;

const HASH_LEN: Record<HashName, number> = { 'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };
const RSA_PKCS1_OID: Record<HashName, string> = {
  'SHA-1': OID.sha1WithRSAEncryption,
  'SHA-256': OID.sha256WithRSAEncryption,
  'SHA-384': OID.sha384WithRSAEncryption,
  'SHA-512': OID.sha512WithRSAEncryption,
};
const ECDSA_OID: Record<HashName, string> = {
  'SHA-1': OID.ecdsaWithSHA1,
  'SHA-256': OID.ecdsaWithSHA256,
  'SHA-384': OID.ecdsaWithSHA384,
  'SHA-512': OID.ecdsaWithSHA512,
};

// ---------------------------------------------------------------------------------------------------------
// DER writer

const EMPTY: Bytes = new Uint8Array(0);

/** Tag-length-value with the given contents concatenated: the core's DER writer (certificate/der.ts). */
export const tlv = encodeTlv;
export const concatBytes = concat;

/** A DER SEQUENCE of the given contents. */
export const seq = (...c: Uint8Array[]): Bytes => tlv(0x30, ...c);
const DER_NULL: Bytes = new Uint8Array([0x05, 0x00]);
const DER_TRUE: Bytes = new Uint8Array([0x01, 0x01, 0xff]);

const oidCache = new Map<string, Bytes>();

/** DER of an OBJECT IDENTIFIER (cached). */
export function encodeOid(oid: string): Bytes {
  const hit = oidCache.get(oid);
  if (hit) return hit;
  const arcs = oid.split('.').map((a) => {
    if (!/^\d+$/.test(a)) throw new Error(`invalid OID ${JSON.stringify(oid)}`);
    return BigInt(a);
  });
  if (arcs.length < 2 || arcs[0]! > 2n || (arcs[0]! < 2n && arcs[1]! > 39n)) throw new Error(`invalid OID ${JSON.stringify(oid)}`);
  const body: number[] = [];
  const push = (v: bigint): void => {
    const tmp = [Number(v & 0x7fn)];
    v >>= 7n;
    while (v > 0n) {
      tmp.unshift(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    body.push(...tmp);
  };
  push(arcs[0]! * 40n + arcs[1]!);
  for (const a of arcs.slice(2)) push(a);
  const der = tlv(0x06, new Uint8Array(body));
  oidCache.set(oid, der);
  return der;
}

/** Minimal two's-complement INTEGER content of a number/bigint. */
function integerContent(v: number | bigint): Bytes {
  if (typeof v === 'number' && !Number.isSafeInteger(v)) throw new Error(`not a safe integer: ${v}`);
  let n = BigInt(v);
  const out: number[] = [];
  // Emit bytes until the remaining value is pure sign extension of the last emitted byte.
  for (;;) {
    const b = Number(n & 0xffn);
    out.unshift(b);
    n >>= 8n;
    if ((n === 0n && (b & 0x80) === 0) || (n === -1n && (b & 0x80) !== 0)) break;
  }
  return new Uint8Array(out);
}

export function encodeInteger(v: number | bigint | Uint8Array): Bytes {
  return tlv(0x02, typeof v === 'number' || typeof v === 'bigint' ? integerContent(v) : v);
}

/** INTEGER from unsigned big-endian magnitude bytes (as in ECDSA r/s). */
function unsignedInteger(mag: Uint8Array): Bytes {
  let i = 0;
  while (i < mag.length - 1 && mag[i] === 0) i++;
  const m = mag.subarray(i);
  return (m[0] ?? 0) & 0x80 ? tlv(0x02, new Uint8Array([0]), m) : tlv(0x02, m.length ? m : new Uint8Array([0]));
}

export function encodeAlgorithm(alg: AlgorithmIdentifierSpec): Bytes {
  const p = alg.params;
  if (p === 'null') return seq(encodeOid(alg.oid), DER_NULL);
  if (p === undefined || p === 'absent') return seq(encodeOid(alg.oid));
  return seq(encodeOid(alg.oid), p);
}

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5), seconds precision, Z. */
export function encodeTime(d: Date): Bytes {
  if (Number.isNaN(d.getTime())) throw new Error('invalid Date');
  const y = d.getUTCFullYear();
  const rest =
    twoDigits(d.getUTCMonth() + 1) +
    twoDigits(d.getUTCDate()) +
    twoDigits(d.getUTCHours()) +
    twoDigits(d.getUTCMinutes()) +
    twoDigits(d.getUTCSeconds()) +
    'Z';
  if (y >= 1950 && y < 2050) return tlv(0x17, ascii(twoDigits(y % 100) + rest));
  if (y < 0 || y > 9999) throw new Error(`year ${y} cannot be encoded`);
  return tlv(0x18, ascii(String(y).padStart(4, '0') + rest));
}

export function ascii(s: string): Bytes {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

const utf8 = new TextEncoder();

/** The subjectPublicKey BIT STRING value (without the unused-bits byte) of an SPKI. */
export function subjectPublicKeyBits(spki: Uint8Array): Uint8Array {
  const outer = readTlv(spki, 0);
  if (outer?.tag !== 0x30) throw new Error('SPKI is not a DER SEQUENCE');
  const alg = readTlv(spki, outer.start, outer.end);
  const bits = alg && readTlv(spki, alg.end, outer.end);
  if (bits?.tag !== 0x03) throw new Error('SPKI subjectPublicKey is not a BIT STRING');
  return spki.subarray(bits.start + 1, bits.end);
}

// ---------------------------------------------------------------------------------------------------------
// Names

/** The string type each attribute is written with: PrintableString where X.520 or RFC 5280 asks for it, IA5String for
 * e-mail and domain components, UTF8String otherwise (RFC 5280 §4.1.2.4). */
const PRINTABLE = new Set(['2.5.4.6', '2.5.4.5', '2.5.4.46']);
const IA5 = new Set(['1.2.840.113549.1.9.1', '0.9.2342.19200300.100.1.25']);

function attributeValue(oid: string, value: string): Bytes {
  if (PRINTABLE.has(oid)) return tlv(0x13, ascii(value));
  if (IA5.has(oid)) return tlv(0x16, ascii(value));
  return tlv(0x0c, utf8.encode(value));
}

const nameCache = new Map<string, Bytes>();

/** DER of the Name for an RFC 4514 string (RDNs reversed into certificate order). Cached. */
export function encodeName(dn: string): Bytes {
  const hit = nameCache.get(dn);
  if (hit) return hit;
  // The core's reader of typed names (RFC 4514 and the Windows style), RDNs reversed into certificate order.
  const rdns = parseNameText(dn).reverse();
  const der = seq(
    ...rdns.map((rdn) => {
      const avas = rdn.map((ava) => {
        const oid = attributeOid(ava.type);
        if (!oid) throw new Error(`unknown attribute type ${JSON.stringify(ava.type)} in ${JSON.stringify(dn)}`);
        return seq(encodeOid(oid), ava.der ?? attributeValue(oid, ava.value));
      });
      // DER: SET OF sorted by encoding
      avas.sort(compareBytes);
      return tlv(0x31, ...avas);
    }),
  );
  if (nameCache.size > 4096) nameCache.clear();
  nameCache.set(dn, der);
  return der;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

// ---------------------------------------------------------------------------------------------------------
// Key identifiers

const kidCache = new WeakMap<Uint8Array, Map<KeyIdMethod, Promise<Bytes>>>();

function toArrayBufferView(u: Uint8Array): Bytes {
  return u.buffer instanceof ArrayBuffer ? (u as Bytes) : new Uint8Array(u);
}

/** The key identifier of an SPKI by the given method (cached per SPKI object). */
export function keyIdentifier(spki: Uint8Array, method: KeyIdMethod = 'method1', crypto: Crypto = globalThis.crypto): Promise<Bytes> {
  let perKey = kidCache.get(spki);
  if (!perKey) {
    perKey = new Map();
    kidCache.set(spki, perKey);
  }
  let p = perKey.get(method);
  if (!p) {
    p = computeKeyIdentifier(subjectPublicKeyBits(spki), KEY_ID_METHODS[method], crypto);
    perKey.set(method, p);
    p.catch(() => perKey.delete(method));
  }
  return p;
}

const KEY_ID_METHODS: Record<KeyIdMethod, KeyIdentifierMethod> = {
  method1: 'rfc5280-method1',
  method2: 'rfc5280-method2',
  'rfc7093-1': 'rfc7093-method1',
  'rfc7093-2': 'rfc7093-method2',
  'rfc7093-3': 'rfc7093-method3',
};

// ---------------------------------------------------------------------------------------------------------
// Signers and keys

/** IEEE P1363 r||s → DER ECDSA-Sig-Value. */
export function p1363ToDer(sig: Uint8Array): Bytes {
  const n = sig.length / 2;
  return seq(unsignedInteger(sig.subarray(0, n)), unsignedInteger(sig.subarray(n)));
}

/** DER RSASSA-PSS-params for the given hash, MGF1 with the same hash, salt length = hash length (defaults omitted, as DER requires). */
export function rsaPssParams(hash: HashName): Bytes {
  if (hash === 'SHA-1') return seq();
  const hashAlg = encodeAlgorithm({ oid: hashOid(hash), params: 'null' });
  return seq(tlv(0xa0, hashAlg), tlv(0xa1, encodeAlgorithm({ oid: OID.mgf1, params: hashAlg })), tlv(0xa2, encodeInteger(HASH_LEN[hash])));
}

const CURVE_HASH: Record<string, HashName> = { 'P-256': 'SHA-256', 'P-384': 'SHA-384', 'P-521': 'SHA-512' };

function rsaBits(spec: string): number | undefined {
  const m = /^RSA-(\d+)$/.exec(spec);
  return m ? Number(m[1]) : undefined;
}

/** A signer over WebCrypto keys. `privateKey.algorithm` decides the scheme (ECDSA, RSASSA-PKCS1-v1_5, RSA-PSS, Ed25519). */
export function webCryptoSigner(privateKey: CryptoKey, opts: { crypto?: Crypto; hash?: HashName } = {}): Signer {
  const subtle = (opts.crypto ?? globalThis.crypto).subtle;
  const alg = privateKey.algorithm as KeyAlgorithm & { hash?: { name: string }; namedCurve?: string };
  const name = alg.name.toUpperCase();
  if (name === 'ECDSA') {
    const hash = opts.hash ?? CURVE_HASH[alg.namedCurve ?? ''] ?? 'SHA-256';
    const params = { name: 'ECDSA', hash };
    return {
      algorithm: { oid: ECDSA_OID[hash] },
      sign: async (tbs) => p1363ToDer(new Uint8Array(await subtle.sign(params, privateKey, toArrayBufferView(tbs)))),
    };
  }
  if (name === 'RSASSA-PKCS1-V1_5') {
    const hash = (alg.hash?.name ?? 'SHA-256') as HashName;
    return {
      algorithm: { oid: RSA_PKCS1_OID[hash], params: 'null' },
      sign: async (tbs) => new Uint8Array(await subtle.sign('RSASSA-PKCS1-v1_5', privateKey, toArrayBufferView(tbs))),
    };
  }
  if (name === 'RSA-PSS') {
    const hash = (alg.hash?.name ?? 'SHA-256') as HashName;
    const params = { name: 'RSA-PSS', saltLength: HASH_LEN[hash] };
    return {
      algorithm: { oid: OID.rsassaPss, params: rsaPssParams(hash) },
      sign: async (tbs) => new Uint8Array(await subtle.sign(params, privateKey, toArrayBufferView(tbs))),
    };
  }
  if (name === 'ED25519' || (name === 'EDDSA' && alg.namedCurve === 'Ed25519')) {
    const params = alg.name;
    return {
      algorithm: { oid: OID.ed25519 },
      sign: async (tbs) => new Uint8Array(await subtle.sign(params, privateKey, toArrayBufferView(tbs))),
    };
  }
  throw new Error(`no signer for WebCrypto algorithm ${alg.name}`);
}

function importParams(spec: KeySpec | string, opts: GenerateKeyPairOptions): RsaHashedImportParams | EcKeyImportParams | Algorithm {
  if (spec === 'Ed25519') return { name: 'Ed25519' };
  if (spec in CURVE_HASH) return { name: 'ECDSA', namedCurve: spec };
  if (rsaBits(spec) !== undefined) return { name: opts.pss ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5', hash: opts.hash ?? 'SHA-256' };
  throw new Error(`unsupported key spec ${JSON.stringify(spec)}`);
}

/** Generates a key pair (extractable, so that {@link exportPkcs8} and {@link withSignatureHash} work). */
export async function generateKeyPair(spec: KeySpec, opts: GenerateKeyPairOptions = {}): Promise<KeyPairHandle> {
  const crypto = opts.crypto ?? globalThis.crypto;
  const imp = importParams(spec, opts);
  const bits = rsaBits(spec);
  const gen = bits !== undefined ? { ...imp, modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]) } : imp;
  const pair = (await crypto.subtle.generateKey(gen, true, ['sign', 'verify'])) as CryptoKeyPair;
  return handleFromPair(spec, pair, crypto, opts.hash);
}

async function handleFromPair(
  spec: KeySpec | string,
  pair: CryptoKeyPair,
  crypto: Crypto,
  hash: HashName | undefined,
): Promise<KeyPairHandle> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const sOpts: { crypto: Crypto; hash?: HashName } = { crypto };
  if (hash) sOpts.hash = hash;
  return { spec, privateKey: pair.privateKey, publicKey: pair.publicKey, spki, signer: webCryptoSigner(pair.privateKey, sOpts) };
}

/** PKCS#8 DER of a WebCrypto handle's private key (for committing deterministic test keys). */
export async function exportPkcs8(key: KeyPairHandle, crypto: Crypto = globalThis.crypto): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.exportKey('pkcs8', key.privateKey as CryptoKey));
}

/** A handle from a PKCS#8 private key (the public key is derived through JWK). */
export async function importKeyPair(spec: KeySpec, pkcs8: Uint8Array, opts: GenerateKeyPairOptions = {}): Promise<KeyPairHandle> {
  const crypto = opts.crypto ?? globalThis.crypto;
  const imp = importParams(spec, opts);
  const privateKey = await crypto.subtle.importKey('pkcs8', toArrayBufferView(pkcs8), imp, true, ['sign']);
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  const pub: JsonWebKey = { kty: jwk.kty, ext: true };
  for (const k of ['crv', 'x', 'y', 'n', 'e', 'alg'] as const) if (jwk[k] !== undefined) pub[k] = jwk[k];
  const publicKey = await crypto.subtle.importKey('jwk', pub, imp, true, ['verify']);
  return handleFromPair(spec, { privateKey, publicKey }, crypto, opts.hash);
}

/**
 * The same key pair signing with another hash (and/or PSS for RSA): same SPKI, new signer. Needs an extractable
 * WebCrypto private key (as {@link generateKeyPair} makes) for RSA; ECDSA only switches the hash.
 */
export async function withSignatureHash(
  key: KeyPairHandle,
  hash: HashName,
  opts: { pss?: boolean; crypto?: Crypto } = {},
): Promise<KeyPairHandle> {
  const crypto = opts.crypto ?? globalThis.crypto;
  const priv = key.privateKey as CryptoKey;
  if (typeof priv?.algorithm?.name !== 'string') throw new Error(`withSignatureHash needs a WebCrypto key, not a ${key.spec} key`);
  if (priv.algorithm.name === 'ECDSA') return { ...key, signer: webCryptoSigner(priv, { crypto, hash }) };
  if (rsaBits(key.spec) === undefined) throw new Error(`cannot change the hash of a ${key.spec} key`);
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', priv);
  const name = opts.pss ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5';
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name, hash }, true, ['sign']);
  return { ...key, privateKey, signer: webCryptoSigner(privateKey, { crypto }) };
}

// ---------------------------------------------------------------------------------------------------------
// Extensions

/** DER BIT STRING of a NamedBitList (trailing zero bits removed). */
function namedBits(bits: number[]): Bytes {
  if (bits.length === 0) return new Uint8Array([0x03, 0x01, 0x00]);
  const max = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(max / 8) + 1);
  for (const b of bits) bytes[b >> 3]! |= 0x80 >> (b & 7);
  const unused = 7 - (max & 7);
  return tlv(0x03, new Uint8Array([unused]), bytes);
}

/** One Extension: extnID, critical (written only when true, as DER requires), extnValue. */
export function extension(oid: string, critical: boolean, value: Uint8Array): Bytes {
  return critical ? seq(encodeOid(oid), DER_TRUE, tlv(0x04, value)) : seq(encodeOid(oid), tlv(0x04, value));
}

/** GeneralNames of a subjectAltName: dNSName [2], uniformResourceIdentifier [6], iPAddress [7], rfc822Name [1]. */
function subjectAltName(san: SubjectAltNameSpec): Bytes {
  return seq(
    ...(san.dns ?? []).map((d) => tlv(0x82, ascii(d))),
    ...(san.uri ?? []).map((u) => tlv(0x86, ascii(u))),
    ...(san.ip ?? []).map((ip) => tlv(0x87, ipAddressBytes(ip))),
    ...(san.email ?? []).map((e) => tlv(0x81, ascii(e))),
  );
}

/** An IPv4 dotted quad or an IPv6 address (with "::" compression) as its 4 or 16 octets. */
export function ipAddressBytes(text: string): Bytes {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const octets = v4.slice(1).map(Number);
    if (octets.some((o) => o > 255)) throw new Error(`invalid IPv4 address ${JSON.stringify(text)}`);
    return new Uint8Array(octets);
  }
  const halves = text.split('::');
  if (halves.length > 2 || !/^[0-9a-fA-F:]+$/.test(text)) throw new Error(`invalid IP address ${JSON.stringify(text)}`);
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const fill = 8 - head.length - tail.length;
  if ((halves.length === 2 ? fill < 1 : fill !== 0) || [...head, ...tail].some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g)))
    throw new Error(`invalid IPv6 address ${JSON.stringify(text)}`);
  const all = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill('0'), ...tail];
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    const v = parseInt(g, 16);
    out[2 * i] = v >> 8;
    out[2 * i + 1] = v & 0xff;
  });
  return out;
}

export function distributionPoints(points: DistributionPointSpec[]): Bytes {
  return seq(
    ...points.map((p) => {
      const uris = (typeof p === 'string' ? [p] : p).map((u) => tlv(0x86, ascii(u)));
      // DistributionPoint { distributionPoint [0] { fullName [0] GeneralNames } }
      return seq(tlv(0xa0, tlv(0xa0, ...uris)));
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Certificates

/** Re-exported for callers of the builder; the codec itself lives in encoding.ts. */
export { encodeBase64 as toBase64, encodePem as toPem };

const DAY = 86_400_000;

function randomSerial(crypto: Crypto): Bytes {
  const s = crypto.getRandomValues(new Uint8Array(16));
  s[0] = (s[0]! & 0x7f) | 0x40; // positive, 16 significant bytes
  return s;
}

/** Builds, signs and encodes one certificate. No key generation; key identifiers are cached per key. */
export async function buildCertificate(spec: CertificateSpec): Promise<BuiltCertificate> {
  const crypto = spec.crypto ?? globalThis.crypto;
  const selfSigned = spec.issuer === undefined || spec.issuer === 'self';
  const issuer: IssuerRef = selfSigned ? { subject: spec.subject, key: spec.key } : (spec.issuer as IssuerRef);
  const issuerName = spec.issuerName ?? issuer.subject;
  const signer = (spec.signWith ?? issuer.key).signer;
  const outerAlg = spec.signatureAlgorithm ?? signer.algorithm;
  const tbsAlg = spec.tbsSignatureAlgorithm ?? outerAlg;
  const now = Date.now();
  const notBefore = spec.notBefore ?? new Date(now - DAY);
  const notAfter = spec.notAfter ?? new Date(now + 3652 * DAY);
  const v3 = (spec.version ?? 3) === 3;

  let ski: Bytes | null = null;
  const exts: Uint8Array[] = [];
  if (v3) {
    const bc = spec.basicConstraints === undefined ? { cA: true } : spec.basicConstraints;
    if (bc) {
      const parts: Uint8Array[] = [];
      if (bc.cA) parts.push(DER_TRUE);
      if (bc.pathLenConstraint !== undefined) parts.push(encodeInteger(bc.pathLenConstraint));
      exts.push(extension(OID.basicConstraints, bc.critical ?? true, seq(...parts)));
    }
    const ku = spec.keyUsage === undefined ? { bits: ['keyCertSign', 'cRLSign'] as KeyUsageBit[] } : spec.keyUsage;
    if (ku) exts.push(extension(OID.keyUsage, ku.critical ?? true, namedBits(ku.bits.map((b) => KEY_USAGE_BITS.indexOf(b)))));

    const skiSpec = spec.subjectKeyIdentifier === undefined ? 'method1' : spec.subjectKeyIdentifier;
    if (skiSpec !== null) {
      const { value, critical } =
        typeof skiSpec === 'string' || skiSpec instanceof Uint8Array ? { value: skiSpec, critical: false } : skiSpec;
      ski = typeof value === 'string' ? await keyIdentifier(spec.key.spki, value, crypto) : toArrayBufferView(value);
      exts.push(extension(OID.subjectKeyIdentifier, critical ?? false, tlv(0x04, ski)));
    }

    const akiSpec = spec.authorityKeyIdentifier === undefined ? (selfSigned ? null : 'issuer-ski') : spec.authorityKeyIdentifier;
    if (akiSpec !== null) {
      const { keyIdentifier: kid, critical } =
        typeof akiSpec === 'string' || akiSpec instanceof Uint8Array ? { keyIdentifier: akiSpec, critical: false } : akiSpec;
      const id =
        kid !== 'issuer-ski'
          ? kid
          : selfSigned
            ? (ski ?? (await keyIdentifier(spec.key.spki, 'method1', crypto)))
            : (issuer.ski ?? (await keyIdentifier(issuer.key.spki, 'method1', crypto)));
      exts.push(extension(OID.authorityKeyIdentifier, critical ?? false, seq(tlv(0x80, id))));
    }
    if (spec.crlDistributionPoints?.length)
      exts.push(extension(OID.crlDistributionPoints, false, distributionPoints(spec.crlDistributionPoints)));
    if (spec.freshestCrl?.length) exts.push(extension(OID.freshestCrl, false, distributionPoints(spec.freshestCrl)));
    if (spec.extendedKeyUsage?.length) exts.push(extension(OID.extKeyUsage, false, seq(...spec.extendedKeyUsage.map(encodeOid))));
    if (spec.subjectAltName)
      exts.push(extension(OID.subjectAltName, spec.subjectAltName.critical ?? false, subjectAltName(spec.subjectAltName)));
    for (const x of spec.extraExtensions ?? []) exts.push(extension(x.oid, x.critical ?? false, x.value));
  }

  const serial = spec.serialNumber ?? randomSerial(crypto);
  const tbs = seq(
    v3 ? tlv(0xa0, encodeInteger(2)) : EMPTY,
    encodeInteger(serial),
    encodeAlgorithm(tbsAlg),
    encodeName(issuerName),
    seq(encodeTime(notBefore), encodeTime(notAfter)),
    encodeName(spec.subject),
    spec.key.spki,
    exts.length ? tlv(0xa3, seq(...exts)) : EMPTY,
  );
  const signature = await signer.sign(tbs);
  const der = seq(tbs, encodeAlgorithm(outerAlg), tlv(0x03, new Uint8Array([0]), signature));
  return {
    der,
    base64: encodeBase64(der),
    pem: encodePem(der),
    subject: spec.subject,
    issuer: issuerName,
    key: spec.key,
    ski,
    notBefore,
    notAfter,
  };
}

/** A valid chain root → intermediates → (optional) leaf, root first. */
export async function buildHierarchy(opts: HierarchyOptions): Promise<BuiltCertificate[]> {
  const { depth } = opts;
  if (!Number.isInteger(depth) || depth < 1) throw new RangeError(`depth must be a positive integer, got ${depth}`);
  if (opts.leaf && depth < 2) throw new RangeError('a leaf needs depth ≥ 2');
  const prefix = opts.namePrefix ?? 'Test';
  const keySpec = opts.keySpec ?? 'P-256';
  const genOpts: GenerateKeyPairOptions = opts.crypto ? { crypto: opts.crypto } : {};
  const crlBase = opts.crlBase?.replace(/\/+$/, '');
  const esc = (s: string): string => s.replace(/([,+"\\<>;=#])/g, '\\$1');
  const org = `O=${esc(prefix)}, C=US`;
  const keys = await Promise.all(Array.from({ length: depth }, (_, i) => opts.keys?.[i] ?? generateKeyPair(keySpec, genOpts)));
  const out: BuiltCertificate[] = [];
  for (let i = 0; i < depth; i++) {
    const isLeaf = opts.leaf === true && i === depth - 1;
    const cn = i === 0 ? `${prefix} Root CA` : isLeaf ? `${prefix} Leaf` : `${prefix} Intermediate CA ${i}`;
    const spec: CertificateSpec = { subject: `CN=${esc(cn)}, ${org}`, key: keys[i]! };
    const parent = out[i - 1];
    if (parent) {
      spec.issuer = parent;
      if (crlBase) spec.crlDistributionPoints = [`${crlBase}/${i === 1 ? 'root' : `intermediate-${i - 1}`}.crl`];
    }
    if (isLeaf) {
      spec.basicConstraints = { cA: false };
      spec.keyUsage = { bits: ['digitalSignature'] };
      spec.extendedKeyUsage = [OID.ekuClientAuth];
    }
    if (opts.notBefore) spec.notBefore = opts.notBefore;
    if (opts.notAfter) spec.notAfter = opts.notAfter;
    if (opts.crypto) spec.crypto = opts.crypto;
    out.push(await buildCertificate(spec));
  }
  return out;
}
