/**
 * DER → a parsed certificate: the exact bytes signature checks and name comparison need, and the plain facts rules
 * read. Every field is read as X.509 (RFC 5280 §4.1, Appendix A) defines it — fixed SEQUENCEs with exactly their
 * components, optional fields in their order, times and integers per values.ts — and every extension's value is
 * decoded and checked too. What is BER but not DER, or readable but outside the ASN.1 definitions, is kept in
 * `encodingIssues` with its clause and field; what cannot be read exactly is refused with a CertificateParseError.
 */
import type { DistinguishedName, KeyInfo, NameAttribute, SignatureAlgorithmInfo } from '../types.js';
import { makeDistinguishedName, shortName } from './names.js';
import { bytesEqual, toHex } from './encoding.js';
import { DecodeError, decodeChecked, type EncodingIssue, type IssueSink, type Labeller, valueOctets } from './der-strict.js';
import { type DerNode, latin1, UNIVERSAL } from './der.js';
import { EMPTY, SharedValues } from './shared.js';
import { HASHES, KEY_ALGORITHMS, SIGNATURE_ALGORITHMS, extensionName } from './oids.js';
import {
  components,
  describe,
  expectType,
  readBits,
  readBoolean,
  readInteger,
  readOid,
  readSmallInteger,
  readText,
  readTime,
  STRING_TYPES,
} from './values.js';
import { describeKeyProblem, readKey, type KeyProblem, type RsaKeyFacts } from './keys.js';
import { type ExtensionFacts, type ParsedExtension, readExtensions } from './extensions.js';

export type { ParsedExtension } from './extensions.js';

/** Largest certificate accepted (Entra's PKI store allows 8 KB per CA; real roots stay under 3 KB). */
export const MAX_CERTIFICATE_BYTES = 64 * 1024;

export class CertificateParseError extends Error {
  constructor(
    message: string,
    /** The class of the refusal (`not-ber`, `structure`, `time`, `integer-range`, `trailing`, `too-large`, …). */
    readonly code: string = 'structure',
    /** The field the refusal is about (`keyUsage`, `issuer RDN 2`, `validity.notBefore`, …), when known. */
    readonly where?: string,
    /** The numbers a message needs (`size`, `limit`, `count`, `given` …), so no language reads them out of `message`. */
    readonly params?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'CertificateParseError';
  }
}

export interface AlgorithmIdentifier {
  oid: string;
  /** DER of the parameters, absent when the field is absent. */
  params?: Uint8Array;
  paramsNode?: DerNode;
  /** The whole AlgorithmIdentifier as encoded. */
  der: Uint8Array;
}

export interface SubjectPublicKey {
  algorithm: AlgorithmIdentifier;
  /** The whole SubjectPublicKeyInfo DER (what WebCrypto imports as `spki`). */
  spki: Uint8Array;
  /** The subjectPublicKey BIT STRING contents without the unused-bits byte (what SKI methods hash). */
  keyBits: Uint8Array;
  info: KeyInfo;
  /** Why these bytes are not a key of their algorithm (then nothing verifies with it), or null. */
  problem: string | null;
  /** The same, as data. */
  why: KeyProblem | null;
  rsa: RsaKeyFacts | null;
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

export interface ParsedCertificate extends SignedObjectParts, ExtensionFacts {
  der: Uint8Array;
  tbs: Uint8Array;
  /** 1, 2 or 3. */
  version: number;
  /** Upper-case hex without the sign octet DER adds before a high bit; a negative serial starts with "-" (as OpenSSL prints). */
  serialNumber: string;
  /** The serial's INTEGER content octets (two's complement), for the profile rules. */
  serialOctets: Uint8Array;
  signature: AlgorithmIdentifier;
  signatureAlgorithm: AlgorithmIdentifier;
  signatureInfo: SignatureAlgorithmInfo;
  signatureValue: Uint8Array;
  /** The signature BIT STRING's unused bits: a signature is whole octets, so anything but 0 makes it invalid. */
  signatureUnusedBits: number;
  issuer: DistinguishedName;
  issuerDer: Uint8Array;
  subject: DistinguishedName;
  subjectDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  publicKey: SubjectPublicKey;
  extensions: ParsedExtension[];
  /** BER that is not DER (kind `der`) and values the ASN.1 definitions do not allow (kind `schema`), with field and clause. */
  encodingIssues: EncodingIssue[];
  /** issuerUniqueID and subjectUniqueID (RFC 5280 §4.1.2.8: conforming CAs must not generate them). */
  uniqueIdentifiers: { issuer: boolean; subject: boolean };
  selfIssued: boolean;
}

/**
 * A copy of an array built with push, at its exact length: V8 grows such arrays 17 slots at a time, and a certificate's
 * names, URLs and key-usage bits are kept as long as its facts — slack that reached a kilobyte per certificate.
 */
export function exact<T>(items: T[]): T[] {
  return items.slice();
}

export function fail(what: string, code = 'structure'): never {
  throw new CertificateParseError(what, code);
}

/** A DER value (an extension's, a CRL field's) decoded with the checks of der-strict.ts; refusals are CertificateParseErrors. */
export function decode(bytes: Uint8Array, what: string, sink: IssueSink = { issues: [] }): DerNode {
  return guard(() => decodeChecked(bytes, () => what, sink));
}

/** A constructed value's components. */
export function children(node: DerNode | undefined, what: string): DerNode[] {
  if (!node?.isConstructed) fail(`${what} is not a constructed value`);
  return node.children!;
}

export const isUniversal = (node: DerNode | undefined, tag: number): node is DerNode => !!node?.is(tag);
export const isContext = (node: DerNode | undefined, tag: number): node is DerNode => !!node?.isContext(tag);
/** The octets a string type holds (a BIT STRING's after its unused-bits octet). */
export function content(node: DerNode): Uint8Array {
  const v = valueOctets(node);
  return node.is(3) ? v.subarray(1) : v;
}

export { readDistributionPoints } from './extensions.js';

export function guard<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof DecodeError) throw new CertificateParseError(e.message, e.code, e.where, e.params);
    throw e;
  }
}

const TBS_FIELDS = ['serialNumber', 'signature', 'issuer', 'validity', 'subject', 'subjectPublicKeyInfo'];

/** Names the field of the certificate a node belongs to, from its ancestors (for messages). */
const certificateLabel: Labeller = (chain) => {
  const [root, tbs, field, inner, deeper] = chain;
  if (!root || !tbs) return 'certificate';
  const top = root.children?.indexOf(tbs) ?? -1;
  if (top === 1) return 'signatureAlgorithm';
  if (top === 2) return 'signatureValue';
  if (top !== 0) return 'certificate';
  if (!field) return 'tbsCertificate';
  const fields = tbs.children ?? [];
  const index = fields.indexOf(field);
  const names = fields[0]?.isContext(0) ? ['version', ...TBS_FIELDS] : TBS_FIELDS;
  const name =
    names[index] ??
    (field.isContext(1) ? 'issuerUniqueID' : field.isContext(2) ? 'subjectUniqueID' : field.isContext(3) ? 'extensions' : 'tbsCertificate');
  if (!inner) return name;
  if (name === 'issuer' || name === 'subject') return `${name} RDN ${(field.children?.indexOf(inner) ?? 0) + 1}`;
  if (name === 'validity') return ['validity.notBefore', 'validity.notAfter'][field.children?.indexOf(inner) ?? -1] ?? name;
  if (name === 'extensions' && deeper) {
    try {
      return `extension ${extensionName(readOid(deeper.children?.[0], ''))}`.replace('extension extension', 'extension');
    } catch {
      return name;
    }
  }
  return name;
};

export function readAlgorithm(node: DerNode | undefined, where: string): AlgorithmIdentifier {
  const parts = components(node, where, 1, 2);
  const oid = readOid(parts[0], `${where} algorithm`);
  const p = parts[1];
  return p ? { oid, params: p.encoded, paramsNode: p, der: node!.encoded } : { oid, der: node!.encoded };
}

/** AlgorithmIdentifiers by their DER (a list uses a handful); see shared.ts. */
const algorithms = new SharedValues<AlgorithmIdentifier>(256);
const MAX_SHARED_ALGORITHM_BYTES = 128;

/**
 * {@link readAlgorithm} for a certificate's signature and key algorithms, shared by DER: the same bytes always read the
 * same. The shared one is read from a copy of its bytes, so that it holds no certificate's DER.
 */
function readSharedAlgorithm(node: DerNode | undefined, where: string): AlgorithmIdentifier {
  const der = node?.encoded;
  const key = der && der.length <= MAX_SHARED_ALGORITHM_BYTES ? latin1(der) : null;
  const known = key === null ? undefined : algorithms.find(key);
  if (known) return known;
  const read = readAlgorithm(node, where);
  if (key === null) return read;
  let own: AlgorithmIdentifier;
  try {
    own = readAlgorithm(decode(read.der.slice(), where), where);
  } catch {
    return read;
  }
  return algorithms.keep(key, own);
}

const signatureInfos = new SharedValues<SignatureAlgorithmInfo>(256);
const keyInfos = new SharedValues<KeyInfo>(256);
const uniqueIdentifierFlags = new SharedValues<{ issuer: boolean; subject: boolean }>(4);

/** X.520 DirectoryString: TeletexString, PrintableString, UniversalString, UTF8String, BMPString. */
const DIRECTORY_STRING = new Set([20, 19, 28, 12, 30]);
const PRINTABLE_ONLY = new Set([19]);
const IA5_ONLY = new Set([22]);
/** Attribute types whose syntax is not DirectoryString (RFC 5280 Appendix A.1). */
const ATTRIBUTE_SYNTAX: Record<string, Set<number>> = {
  '2.5.4.6': PRINTABLE_ONLY, // countryName
  '2.5.4.5': PRINTABLE_ONLY, // serialNumber
  '2.5.4.46': PRINTABLE_ONLY, // dnQualifier
  '1.2.840.113549.1.9.1': IA5_ONLY, // emailAddress
  '0.9.2342.19200300.100.1.25': IA5_ONLY, // domainComponent
};

/**
 * Names read before, by their DER: a list names each CA once as a subject and again as the issuer of every certificate
 * under it (the 10,000 issuer names of the benchmark's list are 60 distinct ones), and the same bytes always read as the
 * same name. Only names that read without an issue are kept (so a name found here has none to report); see shared.ts.
 */
const names = new SharedValues<DistinguishedName>(1024);
/** Names longer than this are read each time (no real name comes near it; the key would cost more than it saves). */
const MAX_SHARED_NAME_BYTES = 512;

export function readName(
  node: DerNode | undefined,
  what: string,
  sink: IssueSink = { issues: [] },
): { dn: DistinguishedName; der: Uint8Array } {
  const seq = expectType(node, 16, what);
  const der = seq.encoded;
  const key = der.length <= MAX_SHARED_NAME_BYTES ? latin1(der) : null;
  const known = key === null ? undefined : names.find(key);
  if (known) return { dn: known, der };
  const issuesBefore = sink.issues.length;
  const dn = readNameValue(seq, what, sink);
  return { dn: key !== null && sink.issues.length === issuesBefore ? names.keep(key, dn) : dn, der };
}

/**
 * RDNs by their DER, with which of their attributes are strings: names differ in their common name and share the rest
 * (`O=…`, `C=…`). Kept only when read without an issue, like names.
 */
const rdnTable = new SharedValues<{ rdn: NameAttribute[]; strings: boolean[] }>(1024);
const MAX_SHARED_RDN_BYTES = 256;

function readNameValue(seq: DerNode, what: string, sink: IssueSink): DistinguishedName {
  const rdns: NameAttribute[][] = [];
  const stringTyped = new WeakSet<NameAttribute>();
  seq.children!.forEach((set, r) => {
    const key = set.encoded.length <= MAX_SHARED_RDN_BYTES ? latin1(set.encoded) : null;
    const known = key === null ? undefined : rdnTable.find(key);
    if (known) {
      known.rdn.forEach((a, i) => {
        if (known.strings[i]) stringTyped.add(a);
      });
      rdns.push(known.rdn);
      return;
    }
    const issuesBefore = sink.issues.length;
    const where = `${what} RDN ${r + 1}`;
    const rdn: NameAttribute[] = [];
    for (const atv of expectType(set, 17, where).children!) {
      const [typeNode, valueNode] = components(atv, `${where} attribute`, 2);
      const oid = readOid(typeNode, `${where} attribute type`);
      const isString = valueNode!.tagClass === UNIVERSAL && STRING_TYPES.has(valueNode!.tagNumber);
      // X.501 lets an attribute value be of any type (ANY DEFINED BY its type); a value that is not a string is kept as
      // RFC 4514 §2.4 writes it, '#' and the hex of its encoding.
      const value = isString ? readText(valueNode!, `${where} ${shortName(oid)}`) : `#${toHex(valueNode!.encoded)}`;
      const syntax = ATTRIBUTE_SYNTAX[oid] ?? (shortName(oid) !== oid ? DIRECTORY_STRING : null);
      if (syntax && !(valueNode!.tagClass === UNIVERSAL && syntax.has(valueNode!.tagNumber)))
        sink.issues.push({
          kind: 'schema',
          code: 'attribute-syntax',
          clause: 'RFC 5280 Appendix A.1 (X.520)',
          where: `${where} ${shortName(oid)}`,
        });
      const attr: NameAttribute = { oid, type: shortName(oid), value };
      if (isString) stringTyped.add(attr);
      rdn.push(attr);
    }
    // X.501 defines an RDN as a SET SIZE (1..MAX). OpenSSL reads a name with an empty one (and prints it without), so
    // it is read and reported; it stays in the comparison key, so the name never matches the one without it.
    if (rdn.length === 0)
      sink.issues.push({ kind: 'schema', code: 'empty-rdn', clause: 'RFC 5280 §4.1.2.4 (X.501: RDN SIZE (1..MAX))', where });
    const read = exact(rdn);
    if (key !== null && sink.issues.length === issuesBefore)
      rdnTable.keep(key, { rdn: read, strings: read.map((a) => stringTyped.has(a)) });
    rdns.push(read);
  });
  return makeDistinguishedName(exact(rdns), (a) => stringTyped.has(a));
}

function readPublicKey(node: DerNode | undefined, sink: IssueSink): SubjectPublicKey {
  const [algNode, bitsNode] = components(node, 'subjectPublicKeyInfo', 2);
  const algorithm = readSharedAlgorithm(algNode, 'subjectPublicKeyInfo algorithm');
  const bits = readBits(bitsNode, 'subjectPublicKey');
  const keyBits = bits.bytes;
  const name = KEY_ALGORITHMS[algorithm.oid] ?? algorithm.oid;
  const key = readKey(name, algorithm.paramsNode, keyBits, sink);
  // Every key encoding (RFC 3279, RFC 5480, RFC 8410) is whole octets: unused bits make the BIT STRING another key.
  const why: KeyProblem | null = bits.unused ? { code: 'unused-bits', count: bits.unused } : key.why;
  const problem = why && describeKeyProblem(why);
  if (problem) key.info.problem = problem;
  const info = keyInfos.share(JSON.stringify(key.info), key.info);
  return { algorithm, spki: node!.encoded, keyBits, info, problem, why, rsa: key.rsa };
}

export function readSignatureInfo(alg: AlgorithmIdentifier, sink?: IssueSink): SignatureAlgorithmInfo {
  const known = SIGNATURE_ALGORITHMS[alg.oid];
  const info: SignatureAlgorithmInfo = { oid: alg.oid, name: known?.name ?? alg.oid };
  if (known?.hash) info.hash = known.hash;
  if (alg.oid === '1.2.840.113549.1.1.10') {
    const pss = readPssParams(alg, sink);
    if (pss) info.hash = pss.hash;
  }
  return signatureInfos.share(`${info.oid} ${info.name} ${info.hash ?? ''}`, info);
}

/** RSASSA-PSS-params (RFC 4055 §3.1); null when they cannot be read. A DEFAULT written out is reported to `sink` (X.690 §11.5). */
export function readPssParams(alg: AlgorithmIdentifier, sink?: IssueSink): { hash: string; mgfHash: string; saltLength: number } | null {
  try {
    let hash = 'SHA-1';
    let mgfHash = 'SHA-1';
    let saltLength = 20;
    const seq = alg.paramsNode;
    if (!seq?.is(16)) return null;
    let last = -1;
    const defaultWritten = () =>
      sink?.issues.push({ kind: 'der', code: 'default-encoded', clause: 'X.690 §11.5', where: 'RSASSA-PSS parameters' });
    for (const field of seq.children!) {
      const tag = field.tagClass === 3 && field.isConstructed ? field.tagNumber : -1;
      if (tag < 0 || tag > 3 || tag <= last || field.children!.length !== 1) return null;
      last = tag;
      const inner = field.children![0]!;
      if (tag === 0) {
        hash = HASHES[readAlgorithm(inner, 'PSS hash').oid] ?? 'unknown';
        if (hash === 'SHA-1') defaultWritten();
      } else if (tag === 1) {
        const mgf = readAlgorithm(inner, 'PSS mask generation');
        mgfHash = mgf.paramsNode ? (HASHES[readAlgorithm(mgf.paramsNode, 'MGF1 hash').oid] ?? 'unknown') : 'unknown';
        if (mgfHash === 'SHA-1') defaultWritten();
      } else if (tag === 2) {
        saltLength = readSmallInteger(inner, 'PSS saltLength', 0, 65_536);
        if (saltLength === 20) defaultWritten();
      } else if (readSmallInteger(inner, 'PSS trailerField', 1, 1) === 1) defaultWritten();
    }
    return { hash, mgfHash, saltLength };
  } catch {
    return null;
  }
}

/** Parses one DER certificate strictly: exactly one value, no trailing bytes. Throws CertificateParseError. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  if (der.length > MAX_CERTIFICATE_BYTES)
    throw new CertificateParseError(
      `the certificate is ${der.length} bytes, more than the ${MAX_CERTIFICATE_BYTES} accepted`,
      'too-large',
      undefined,
      { size: String(der.length), limit: String(MAX_CERTIFICATE_BYTES) },
    );
  const sink: IssueSink = { issues: [] };
  let root: DerNode;
  try {
    root = decodeChecked(der, certificateLabel, sink);
  } catch (e) {
    if (e instanceof DecodeError) throw new CertificateParseError(e.message.replace(/^certificate: /, ''), e.code, e.where, e.params);
    fail(`certificate: ${(e as Error).message}`, 'not-ber'); // e.g. stack exhaustion on absurd nesting
  }
  return guard(() => readCertificate(der, root, sink));
}

function readCertificate(der: Uint8Array, root: DerNode, sink: IssueSink): ParsedCertificate {
  const [tbsNode, sigAlgNode, sigNode] = components(root, 'certificate', 3);
  const tbsFields = expectType(tbsNode, 16, 'tbsCertificate').children!;
  let i = 0;
  let version = 1;
  if (tbsFields[0]?.isContext(0)) {
    version = readSmallInteger(explicitInner(tbsFields[0], 'version'), 'version', 0, 2) + 1;
    if (version === 1) sink.issues.push({ kind: 'der', code: 'default-encoded', clause: 'X.690 §11.5', where: 'version' });
    i = 1;
  }
  const serialNode = expectType(tbsFields[i++], 2, 'serialNumber');
  const signature = readSharedAlgorithm(tbsFields[i++], 'tbsCertificate signature');
  const before = sink.issues.length;
  const issuer = readName(tbsFields[i++], 'issuer', sink);
  const issuerIssues = sink.issues.slice(before);
  const [nb, na] = components(tbsFields[i++], 'validity', 2);
  const notBefore = readTime(nb, 'validity.notBefore', sink);
  const notAfter = readTime(na, 'validity.notAfter', sink);
  const subjectNode = tbsFields[i++];
  // A self-issued certificate repeats its issuer name byte for byte: the same bytes read the same, so one object serves both.
  const same = subjectNode?.is(16) && bytesEqual(subjectNode.encoded, issuer.der);
  if (same) for (const issue of issuerIssues) sink.issues.push({ ...issue, where: issue.where.replace(/^issuer/, 'subject') });
  const subject = same ? { dn: issuer.dn, der: subjectNode!.encoded } : readName(subjectNode, 'subject', sink);
  const publicKey = readPublicKey(tbsFields[i++], sink);
  const uniqueIdentifiers = { issuer: false, subject: false };
  let extensions: ParsedExtension[] = [];
  let lastTag = 0;
  for (; i < tbsFields.length; i++) {
    const f = tbsFields[i]!;
    const tag = f.tagClass === 3 ? f.tagNumber : -1;
    if (tag < 1 || tag > 3 || tag <= lastTag)
      fail(
        `tbsCertificate has ${describe(f)} where only issuerUniqueID [1], subjectUniqueID [2] and extensions [3] may follow, in that order`,
      );
    lastTag = tag;
    if (tag === 3) extensions = readExtensionList(f, sink);
    else {
      const where = tag === 1 ? 'issuerUniqueID' : 'subjectUniqueID';
      if (f.isConstructed) fail(`${where} is constructed; it is an IMPLICIT BIT STRING`);
      const c = f.content;
      if (c.length === 0 || c[0]! > 7 || (c.length === 1 && c[0] !== 0))
        throw new DecodeError(`${where}: not a BIT STRING: its unused-bits octet is missing or wrong (X.690 §8.6.2)`, 'not-ber', where);
      if (c[c.length - 1]! & ((1 << c[0]!) - 1)) sink.issues.push({ kind: 'der', code: 'bits-padding', clause: 'X.690 §11.2.1', where });
      uniqueIdentifiers[tag === 1 ? 'issuer' : 'subject'] = true;
    }
  }
  const signatureAlgorithm = readSharedAlgorithm(sigAlgNode, 'signatureAlgorithm');
  const sigBits = readBits(sigNode, 'signatureValue');
  const parsed: ParsedCertificate = {
    der,
    tbs: tbsNode!.encoded,
    version,
    serialNumber: serialHex(readInteger(serialNode, 'serialNumber')),
    serialOctets: serialNode.content,
    signature,
    signatureAlgorithm,
    signatureInfo: readSignatureInfo(signatureAlgorithm, sink),
    signatureValue: sigBits.bytes,
    signatureUnusedBits: sigBits.unused,
    issuer: issuer.dn,
    issuerDer: issuer.der,
    subject: subject.dn,
    subjectDer: subject.der,
    notBefore,
    notAfter,
    publicKey,
    extensions,
    uniqueIdentifiers: uniqueIdentifierFlags.share(`${uniqueIdentifiers.issuer} ${uniqueIdentifiers.subject}`, uniqueIdentifiers),
    ...readExtensions(extensions, sink),
    encodingIssues: sink.issues.length ? exact(sink.issues) : (EMPTY as unknown as EncodingIssue[]),
    selfIssued: issuer.dn.key === subject.dn.key,
  };
  return parsed;
}

/** The one value inside an EXPLICIT tag. */
export function explicitInner(node: DerNode, where: string): DerNode {
  if (!node.isConstructed || node.children!.length !== 1)
    fail(`${where} is an EXPLICIT tag, which holds exactly one value; this one holds ${node.children?.length ?? 'no'} value(s)`);
  return node.children![0]!;
}

function readExtensionList(field: DerNode, sink: IssueSink): ParsedExtension[] {
  const items = expectType(explicitInner(field, 'extensions'), 16, 'extensions').children!;
  if (items.length === 0)
    sink.issues.push({ kind: 'schema', code: 'empty-sequence', clause: 'RFC 5280 §4.1 (Extensions SIZE (1..MAX))', where: 'extensions' });
  return exact(
    items.map((ext, n) => {
      const parts = components(ext, `extension ${n + 1}`, 2, 3);
      const oid = readOid(parts[0], `extension ${n + 1} extnID`);
      const name = extensionName(oid);
      let critical = false;
      if (parts.length === 3) {
        critical = readBoolean(expectType(parts[1], 1, `${name} critical`));
        if (!critical) sink.issues.push({ kind: 'der', code: 'default-encoded', clause: 'X.690 §11.5', where: `${name} critical` });
      }
      const value = expectType(parts[parts.length - 1], 4, `${name} extnValue`);
      return { oid, critical, value: valueOctets(value) };
    }),
  );
}

/** Serial as upper-case hex (OpenSSL's and Windows' form): no sign octet; a negative value as "-" and its magnitude. */
function serialHex(value: bigint): string {
  const negative = value < 0n;
  const hex = (negative ? -value : value).toString(16).toUpperCase();
  const even = hex.length % 2 ? `0${hex}` : hex;
  return negative ? `-${even}` : even;
}
