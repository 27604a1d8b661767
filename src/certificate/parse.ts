/**
 * DER → a parsed certificate: the raw pieces needed for signature checks and the plain facts needed by rules.
 * Built on asn1js directly: walking the decoded tree is several times cheaper than pkijs's schema comparison,
 * and it keeps the exact bytes (TBS, names, key) that signature checks and RFC 5280 comparisons need.
 */
import * as asn1js from 'asn1js';
import type { DistinguishedName, KeyInfo, NameAttribute, SignatureAlgorithmInfo } from '../types.js';
import { makeDistinguishedName, shortName } from './names.js';
import { bytesEqual, toHex } from './encoding.js';
import { derViolation } from './der-strict.js';
import { CURVES, HASHES, KEY_ALGORITHMS, KEY_USAGE_BITS, SIGNATURE_ALGORITHMS, EKU_NAMES } from './oids.js';
import { decodeStrictDer } from './der.js';

/** Largest certificate accepted (Entra's PKI store allows 8 KB per CA; real roots stay under 3 KB). */
export const MAX_CERTIFICATE_BYTES = 64 * 1024;

export class CertificateParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateParseError';
  }
}

export type Node = asn1js.AsnType & {
  idBlock: { tagClass: number; tagNumber: number; isConstructed: boolean };
  valueBlock: { value?: unknown; valueHexView?: Uint8Array; unusedBits?: number };
  valueBeforeDecodeView: Uint8Array;
};

export interface AlgorithmIdentifier {
  oid: string;
  /** DER of the parameters, absent when the field is absent. */
  params?: Uint8Array;
  paramsNode?: Node;
}

export interface ParsedExtension {
  oid: string;
  critical: boolean;
  value: Uint8Array;
}

export interface SubjectPublicKey {
  algorithm: AlgorithmIdentifier;
  /** The whole SubjectPublicKeyInfo DER (what WebCrypto imports as `spki`). */
  spki: Uint8Array;
  /** The subjectPublicKey BIT STRING contents without the unused-bits byte (what SKI methods hash). */
  keyBits: Uint8Array;
  info: KeyInfo;
}

/** What certificates and CRLs share (RFC 5280 §4.1 and §5.1): DER, the signed part and its signature, the issuer. */
export interface SignedObjectParts {
  der: Uint8Array;
  tbs: Uint8Array;
  version: number;
  /** The algorithm inside the signed part, and the outer one (which must be identical). */
  signature: AlgorithmIdentifier;
  signatureAlgorithm: AlgorithmIdentifier;
  signatureInfo: SignatureAlgorithmInfo;
  signatureValue: Uint8Array;
  issuer: DistinguishedName;
  issuerDer: Uint8Array;
}

export interface ParsedCertificate extends SignedObjectParts {
  serialNumber: string;
  subject: DistinguishedName;
  subjectDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  publicKey: SubjectPublicKey;
  extensions: ParsedExtension[];
  /** The first X.690 DER violation (non-minimal or indefinite length, constructed string), or null. */
  derViolation: string | null;
  /** Extension OIDs that appear more than once (RFC 5280 §4.2 forbids it). */
  duplicateExtensions: string[];
  skiBytes: Uint8Array | null;
  ski: { value: string; critical: boolean } | null;
  aki: { keyIdentifier: string | null; critical: boolean } | null;
  basicConstraints: { cA: boolean; pathLenConstraint: number | null; critical: boolean } | null;
  keyUsage: { bits: string[]; critical: boolean } | null;
  extendedKeyUsage: string[] | null;
  crlDistributionPoints: string[];
  freshestCrl: string[];
  selfIssued: boolean;
}

const UNIVERSAL = 1;
const CONTEXT = 3;

/**
 * A copy of an array built with push, at its exact length: V8 grows such arrays 17 slots at a time, and a certificate's
 * names, URLs and key-usage bits are kept as long as its facts — slack that reached a kilobyte per certificate.
 */
function exact<T>(items: T[]): T[] {
  return items.slice();
}

function fail(what: string): never {
  throw new CertificateParseError(what);
}

export function decode(bytes: Uint8Array, what: string): Node {
  // Strict DER (every real certificate) takes a small walker that gives the same values as asn1js several times
  // faster and without its per-node objects; anything else — and every error message — comes from asn1js.
  const fast = decodeStrictDer(bytes);
  if (fast) return fast as unknown as Node;
  const r = asn1js.fromBER(bytes);
  if (r.offset === -1)
    fail(what ? `${what}: ${describeAsn1Error(r.result.error, bytes.length)}` : describeAsn1Error(r.result.error, bytes.length));
  if (r.offset !== bytes.length) fail(`${what ? `${what}: ` : ''}${bytes.length - r.offset} trailing byte(s) after the DER value`);
  return r.result as Node;
}

function describeAsn1Error(error: string, length: number): string {
  if (/End of input reached|inconsistent offset and length/i.test(error))
    return `the DER is cut short: a length field announces more than the ${length} bytes given`;
  if (/Zero buffer length/i.test(error)) return 'no bytes';
  return error || 'not valid DER';
}

export function children(node: Node | undefined, what: string): Node[] {
  if (!node?.idBlock.isConstructed || !Array.isArray(node.valueBlock.value)) fail(`${what} is not a constructed value`);
  return node.valueBlock.value as Node[];
}

export function isUniversal(node: Node | undefined, tag: number): node is Node {
  return !!node && node.idBlock.tagClass === UNIVERSAL && node.idBlock.tagNumber === tag;
}

export function isContext(node: Node | undefined, tag: number): node is Node {
  return !!node && node.idBlock.tagClass === CONTEXT && node.idBlock.tagNumber === tag;
}

function expect(node: Node | undefined, tag: number, what: string): Node {
  if (!isUniversal(node, tag)) fail(`${what} is missing or has the wrong type`);
  return node;
}

function oidOf(node: Node | undefined, what: string): string {
  const n = expect(node, 6, what) as unknown as asn1js.ObjectIdentifier;
  return n.valueBlock.toString();
}

export function content(node: Node): Uint8Array {
  return node.valueBlock.valueHexView ?? new Uint8Array(0);
}

export function readAlgorithm(node: Node | undefined, what: string): AlgorithmIdentifier {
  const parts = children(expect(node, 16, what), what);
  const oid = oidOf(parts[0], `${what} algorithm`);
  const p = parts[1];
  return p ? { oid, params: p.valueBeforeDecodeView, paramsNode: p } : { oid };
}

function readTime(node: Node | undefined, what: string): Date {
  if (!node || (!isUniversal(node, 23) && !isUniversal(node, 24))) fail(`${what} is not a UTCTime or GeneralizedTime`);
  const d = (node as unknown as asn1js.UTCTime).toDate();
  if (Number.isNaN(d.getTime())) fail(`${what} is not a valid time`);
  return d;
}

const STRING_TAGS = new Set([12, 18, 19, 20, 22, 26, 27, 28, 30]);

export function readName(node: Node | undefined, what: string): { dn: DistinguishedName; der: Uint8Array } {
  const seq = expect(node, 16, what);
  const rdns: NameAttribute[][] = [];
  const stringTyped = new WeakSet<NameAttribute>();
  for (const set of children(seq, what)) {
    const rdn: NameAttribute[] = [];
    for (const atv of children(expect(set, 17, `${what} RDN`), `${what} RDN`)) {
      const [typeNode, valueNode] = children(expect(atv, 16, `${what} attribute`), `${what} attribute`);
      const oid = oidOf(typeNode, `${what} attribute type`);
      if (!valueNode) fail(`${what} attribute ${oid} has no value`);
      let value: string;
      let isString = false;
      if (valueNode.idBlock.tagClass === UNIVERSAL && STRING_TAGS.has(valueNode.idBlock.tagNumber)) {
        const v = (valueNode as unknown as { valueBlock: { value: unknown } }).valueBlock.value;
        value = typeof v === 'string' ? v : toHex(content(valueNode));
        isString = typeof v === 'string';
      } else {
        value = `#${toHex(valueNode.valueBeforeDecodeView)}`;
      }
      const attr: NameAttribute = { oid, type: shortName(oid), value };
      if (isString) stringTyped.add(attr);
      rdn.push(attr);
    }
    if (rdn.length === 0) fail(`${what} has an empty RDN`);
    rdns.push(exact(rdn));
  }
  const dn = makeDistinguishedName(exact(rdns), (a) => stringTyped.has(a));
  return { dn, der: seq.valueBeforeDecodeView };
}

function readPublicKey(node: Node | undefined): SubjectPublicKey {
  const seq = expect(node, 16, 'subjectPublicKeyInfo');
  const [algNode, bitsNode] = children(seq, 'subjectPublicKeyInfo');
  const algorithm = readAlgorithm(algNode, 'subjectPublicKeyInfo algorithm');
  const bits = expect(bitsNode, 3, 'subjectPublicKey');
  const keyBits = content(bits).slice(0);
  const name = KEY_ALGORITHMS[algorithm.oid] ?? algorithm.oid;
  const info: KeyInfo = { algorithm: name };
  try {
    if (name === 'RSA' || name === 'RSA-PSS') {
      const rsa = children(decode(keyBits, 'RSA public key'), 'RSA public key');
      const modulus = content(expect(rsa[0], 2, 'RSA modulus'));
      let i = 0;
      while (i < modulus.length && modulus[i] === 0) i++;
      info.size = i < modulus.length ? (modulus.length - i - 1) * 8 + (32 - Math.clz32(modulus[i]!)) : 0;
    } else if (name === 'EC' && algorithm.paramsNode && isUniversal(algorithm.paramsNode, 6)) {
      const curveOid = oidOf(algorithm.paramsNode, 'EC curve');
      const curve = CURVES[curveOid];
      info.curve = curve?.name ?? curveOid;
      if (curve) info.size = curve.bits;
    } else if (name === 'Ed25519') info.size = 256;
    else if (name === 'Ed448') info.size = 456;
  } catch {
    // An unreadable key is reported by the rules that need its size; the certificate still parses.
  }
  return { algorithm, spki: seq.valueBeforeDecodeView, keyBits, info };
}

function readGeneralNameUris(names: Node[]): string[] {
  const out: string[] = [];
  for (const gn of names) {
    if (isContext(gn, 6)) out.push(new TextDecoder('latin1').decode(content(gn)));
  }
  return out;
}

export function readDistributionPoints(value: Uint8Array, what: string): string[] {
  const urls: string[] = [];
  for (const dp of children(expect(decode(value, what), 16, what), what)) {
    const dpName = children(dp, `${what} point`).find((n) => isContext(n, 0));
    if (!dpName) continue;
    const full = children(dpName, `${what} name`).find((n) => isContext(n, 0));
    if (full) urls.push(...readGeneralNameUris(children(full, `${what} fullName`)));
  }
  return exact(urls);
}

export function readSignatureInfo(alg: AlgorithmIdentifier): SignatureAlgorithmInfo {
  const known = SIGNATURE_ALGORITHMS[alg.oid];
  const info: SignatureAlgorithmInfo = { oid: alg.oid, name: known?.name ?? alg.oid };
  if (known?.hash) info.hash = known.hash;
  if (alg.oid === '1.2.840.113549.1.1.10') {
    const pss = readPssParams(alg);
    if (pss) info.hash = pss.hash;
  }
  return info;
}

/** RSASSA-PSS-params (RFC 4055 §3.1); null when they cannot be read. */
export function readPssParams(alg: AlgorithmIdentifier): { hash: string; mgfHash: string; saltLength: number } | null {
  try {
    let hash = 'SHA-1';
    let mgfHash = 'SHA-1';
    let saltLength = 20;
    const seq = alg.paramsNode;
    if (!seq || !isUniversal(seq, 16)) return null;
    for (const field of children(seq, 'RSASSA-PSS params')) {
      const inner = children(field, 'RSASSA-PSS param')[0];
      if (isContext(field, 0)) hash = HASHES[readAlgorithm(inner, 'PSS hash').oid] ?? 'unknown';
      else if (isContext(field, 1)) {
        const mgf = readAlgorithm(inner, 'PSS mask generation');
        mgfHash = mgf.paramsNode ? (HASHES[readAlgorithm(mgf.paramsNode, 'MGF1 hash').oid] ?? 'unknown') : 'unknown';
      } else if (isContext(field, 2)) saltLength = Number((inner as unknown as asn1js.Integer).valueBlock.valueDec);
    }
    return { hash, mgfHash, saltLength };
  } catch {
    return null;
  }
}

/** Parses one DER certificate strictly: exactly one value, no trailing bytes. Throws CertificateParseError. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  if (der.length > MAX_CERTIFICATE_BYTES) fail(`the certificate is ${der.length} bytes, more than the ${MAX_CERTIFICATE_BYTES} accepted`);
  let root: Node;
  try {
    root = decode(der, '');
  } catch (e) {
    if (e instanceof CertificateParseError) throw e;
    fail(`certificate: ${(e as Error).message}`); // e.g. stack exhaustion on absurd nesting
  }
  const [tbsNode, sigAlgNode, sigNode, extra] = children(expect(root, 16, 'certificate'), 'certificate');
  if (extra) fail('certificate has more than three fields');
  const tbsFields = children(expect(tbsNode, 16, 'tbsCertificate'), 'tbsCertificate');
  let i = 0;
  let version = 1;
  if (isContext(tbsFields[0], 0)) {
    const v = children(tbsFields[0], 'version')[0] as unknown as asn1js.Integer | undefined;
    if (!v || !isUniversal(v as unknown as Node, 2)) fail('version is not an INTEGER');
    version = v.valueBlock.valueDec + 1;
    i = 1;
  }
  const serialNode = expect(tbsFields[i++], 2, 'serialNumber');
  const signature = readAlgorithm(tbsFields[i++], 'tbsCertificate signature');
  const issuer = readName(tbsFields[i++], 'issuer');
  const validity = children(expect(tbsFields[i++], 16, 'validity'), 'validity');
  const notBefore = readTime(validity[0], 'notBefore');
  const notAfter = readTime(validity[1], 'notAfter');
  const subjectNode = tbsFields[i++];
  // A self-issued certificate repeats its issuer name byte for byte: the same bytes read the same, so one object serves both.
  const subject =
    subjectNode?.valueBeforeDecodeView && bytesEqual(subjectNode.valueBeforeDecodeView, issuer.der) && isUniversal(subjectNode, 16)
      ? { dn: issuer.dn, der: subjectNode.valueBeforeDecodeView }
      : readName(subjectNode, 'subject');
  const publicKey = readPublicKey(tbsFields[i++]);
  const extensions: ParsedExtension[] = [];
  for (; i < tbsFields.length; i++) {
    const f = tbsFields[i]!;
    if (isContext(f, 3)) {
      for (const ext of children(expect(children(f, 'extensions')[0], 16, 'extensions'), 'extensions')) {
        const parts = children(expect(ext, 16, 'extension'), 'extension');
        const oid = oidOf(parts[0], 'extension id');
        let critical = false;
        let valueNode = parts[1];
        if (isUniversal(valueNode, 1)) {
          critical = (valueNode as unknown as asn1js.Boolean).getValue();
          valueNode = parts[2];
        }
        extensions.push({ oid, critical, value: content(expect(valueNode, 4, `extension ${oid} value`)) });
      }
    } else if (!isContext(f, 1) && !isContext(f, 2)) fail(`unexpected field in tbsCertificate at position ${i}`);
  }
  const signatureAlgorithm = readAlgorithm(sigAlgNode, 'signatureAlgorithm');
  const sigBits = expect(sigNode, 3, 'signatureValue');
  const seen = new Set<string>();
  const duplicateExtensions: string[] = [];
  const byOid = new Map<string, ParsedExtension>();
  for (const e of extensions) {
    if (seen.has(e.oid)) duplicateExtensions.push(e.oid);
    seen.add(e.oid);
    if (!byOid.has(e.oid)) byOid.set(e.oid, e);
  }
  const parsed: ParsedCertificate = {
    der,
    tbs: tbsNode!.valueBeforeDecodeView,
    version,
    serialNumber: serialHex(content(serialNode)),
    signature,
    signatureAlgorithm,
    signatureInfo: readSignatureInfo(signatureAlgorithm),
    signatureValue: content(sigBits),
    issuer: issuer.dn,
    issuerDer: issuer.der,
    subject: subject.dn,
    subjectDer: subject.der,
    notBefore,
    notAfter,
    publicKey,
    extensions: exact(extensions),
    duplicateExtensions,
    derViolation: derViolation(der),
    skiBytes: null,
    ski: null,
    aki: null,
    basicConstraints: null,
    keyUsage: null,
    extendedKeyUsage: null,
    crlDistributionPoints: [],
    freshestCrl: [],
    selfIssued: issuer.dn.key === subject.dn.key,
  };
  readExtensions(parsed, byOid);
  return parsed;
}

/** Serial as upper-case hex without the sign byte DER adds before a high bit (as OpenSSL and Windows print it). */
function serialHex(bytes: Uint8Array): string {
  const trimmed = bytes.length > 1 && bytes[0] === 0 && bytes[1]! >= 0x80 ? bytes.subarray(1) : bytes;
  return toHex(trimmed, true);
}

function readExtensions(p: ParsedCertificate, byOid: Map<string, ParsedExtension>): void {
  const ski = byOid.get('2.5.29.14');
  if (ski) {
    p.skiBytes = content(expect(decode(ski.value, 'subjectKeyIdentifier'), 4, 'subjectKeyIdentifier')).slice(0);
    p.ski = { value: toHex(p.skiBytes, true), critical: ski.critical };
  }
  const aki = byOid.get('2.5.29.35');
  if (aki) {
    const keyId = children(
      expect(decode(aki.value, 'authorityKeyIdentifier'), 16, 'authorityKeyIdentifier'),
      'authorityKeyIdentifier',
    ).find((n) => isContext(n, 0));
    p.aki = { keyIdentifier: keyId ? toHex(content(keyId), true) : null, critical: aki.critical };
  }
  const bc = byOid.get('2.5.29.19');
  if (bc) {
    const fields = children(expect(decode(bc.value, 'basicConstraints'), 16, 'basicConstraints'), 'basicConstraints');
    let cA = false;
    let pathLen: number | null = null;
    for (const f of fields) {
      if (isUniversal(f, 1)) cA = (f as unknown as asn1js.Boolean).getValue();
      else if (isUniversal(f, 2)) pathLen = (f as unknown as asn1js.Integer).valueBlock.valueDec;
    }
    p.basicConstraints = { cA, pathLenConstraint: pathLen, critical: bc.critical };
  }
  const ku = byOid.get('2.5.29.15');
  if (ku) {
    const bitsNode = expect(decode(ku.value, 'keyUsage'), 3, 'keyUsage');
    const bytes = content(bitsNode);
    const bits: string[] = [];
    KEY_USAGE_BITS.forEach((name, bit) => {
      const byte = bytes[bit >> 3];
      if (byte !== undefined && byte & (0x80 >> (bit & 7))) bits.push(name);
    });
    p.keyUsage = { bits: exact(bits), critical: ku.critical };
  }
  const eku = byOid.get('2.5.29.37');
  if (eku) {
    p.extendedKeyUsage = children(expect(decode(eku.value, 'extKeyUsage'), 16, 'extKeyUsage'), 'extKeyUsage').map((n) => {
      const oid = oidOf(n, 'extKeyUsage purpose');
      return EKU_NAMES[oid] ?? oid;
    });
  }
  const cdp = byOid.get('2.5.29.31');
  if (cdp) p.crlDistributionPoints = readDistributionPoints(cdp.value, 'cRLDistributionPoints');
  const fresh = byOid.get('2.5.29.46');
  if (fresh) p.freshestCrl = readDistributionPoints(fresh.value, 'freshestCRL');
}
