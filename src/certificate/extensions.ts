/**
 * The extensions a certificate's facts come from, read as RFC 5280 §4.2 defines them: fixed SEQUENCEs with exactly
 * their components, optional fields in order, DEFAULT values that DER omits (X.690 §11.5), named bit lists without
 * trailing zero bits (§11.2.2), and BER forms (constructed strings, indefinite lengths) read correctly and reported.
 * Every other extension's value is decoded too, only to check that it is the DER that RFC 5280 §4.1 says it is.
 */
import { toHex } from './encoding.js';
import { concat, type DerNode, latin1, UNIVERSAL } from './der.js';
import { DecodeError, decodeChecked, type IssueSink } from './der-strict.js';
import { EKU_NAMES, extensionName, KEY_USAGE_BITS } from './oids.js';
import { EMPTY, orEmpty, SharedValues, shareStrings } from './shared.js';
import { components, describe, expectType, readBits, readBoolean, readOctets, readOid, readSmallInteger } from './values.js';

/** The values of a tagged SEQUENCE OF (IMPLICIT, so the tag's form must be constructed). */
function constructedList(node: DerNode, where: string): DerNode[] {
  if (!node.isConstructed) fail(`${where} is primitive, but it is a SEQUENCE OF and so constructed (X.690 §8.10.1)`, 'not-ber');
  return node.children!;
}

function fail(what: string, code = 'structure'): never {
  // Every message here starts with the extension's name: that is the field.
  throw new DecodeError(what, code, what.split(' ')[0]);
}

const exact = <T>(items: T[]): T[] => items.slice();

/** An extension's value, decoded and checked; `opaque` for one that is only checked, never read. */
function decodeInner(value: Uint8Array, where: string, sink: IssueSink, opaque = false): DerNode {
  return decodeChecked(value, () => where, sink, { opaque });
}

/** The OIDs read below; every other extension is only checked. */
const READ = new Set(['2.5.29.14', '2.5.29.35', '2.5.29.19', '2.5.29.15', '2.5.29.37', '2.5.29.31', '2.5.29.46', '2.5.29.32']);

/** Context-tagged fields whose content is in order: each tag at most once, ascending, none outside `allowed`. */
function taggedFields(node: DerNode, where: string, allowed: number): Map<number, DerNode> {
  const out = new Map<number, DerNode>();
  let last = -1;
  for (const f of node.children!) {
    if (f.tagClass !== 3 || f.tagNumber > allowed || f.tagNumber <= last)
      fail(`${where} has ${describe(f)} where its definition has [0]..[${allowed}], each at most once and in order`);
    last = f.tagNumber;
    out.set(f.tagNumber, f);
  }
  return out;
}

/** An IMPLICIT OCTET STRING or IA5String under a context tag: its octets, the BER constructed form read and reported. */
function implicitOctets(node: DerNode, where: string, sink: IssueSink): Uint8Array {
  if (!node.isConstructed) return node.content;
  sink.issues.push({ kind: 'der', code: 'constructed-string', clause: 'X.690 §10.2', where });
  const parts: Uint8Array[] = [];
  const walk = (n: DerNode): void => {
    if (n.tagClass !== UNIVERSAL || n.tagNumber !== 4)
      fail(`${where} is a constructed string with a ${describe(n)} segment (X.690 §8.7.3.2)`, 'not-ber');
    if (n.children) n.children.forEach(walk);
    else parts.push(n.content);
  };
  node.children!.forEach(walk);
  return concat(...parts);
}

function emptyList(sink: IssueSink, where: string, clause: string): void {
  sink.issues.push({ kind: 'schema', code: 'empty-sequence', clause, where });
}

/** An IMPLICIT INTEGER's content: present and minimal (X.690 §8.3). */
function implicitInteger(node: DerNode, where: string, sink: IssueSink): bigint {
  const c = implicitOctets(node, where, sink);
  if (c.length === 0 || (c.length > 1 && ((c[0] === 0 && !(c[1]! & 0x80)) || (c[0] === 0xff && c[1]! & 0x80))))
    fail(`${where} is not a minimal INTEGER (X.690 §8.3)`, 'not-ber');
  let v = 0n;
  for (const b of c) v = (v << 8n) | BigInt(b);
  return c[0]! & 0x80 ? v - (1n << BigInt(8 * c.length)) : v;
}

/** A Name's shape inside a GeneralName: SEQUENCE OF SET OF SEQUENCE { type, value } (the values were checked by der-strict.ts). */
function checkName(node: DerNode | undefined, where: string): void {
  for (const rdn of expectType(node, 16, where).children!)
    for (const atv of expectType(rdn, 17, where).children!) readOid(components(atv, where, 2)[0], where);
}

/** One GeneralName (RFC 5280 §4.2.1.6); returns the URI of a uniformResourceIdentifier. */
function checkGeneralName(gn: DerNode, where: string, sink: IssueSink): string | null {
  if (gn.tagClass !== 3 || gn.tagNumber > 8) fail(`${where} holds ${describe(gn)}, not a GeneralName`);
  const t = gn.tagNumber;
  if (t === 0 || t === 3 || t === 4 || t === 5) {
    if (!gn.isConstructed) fail(`${where} [${t}] is primitive; this GeneralName is constructed`);
    if (t === 4) {
      if (gn.children!.length !== 1) fail(`${where} directoryName holds ${gn.children!.length} values, not one Name`);
      checkName(gn.children![0], `${where} directoryName`);
    } else if (t === 0) {
      const [type, value] = gn.children!;
      readOid(type, `${where} otherName type-id`);
      if (gn.children!.length !== 2 || !value?.isContext(0) || !value.isConstructed || value.children!.length !== 1)
        fail(`${where} otherName is not { type-id, [0] value }`);
    }
    return null;
  }
  if (t === 8) {
    const c = implicitOctets(gn, `${where} registeredID`, sink);
    if (c.length === 0 || c[c.length - 1]! & 0x80 || c.some((b, i) => b === 0x80 && (i === 0 || !(c[i - 1]! & 0x80))))
      fail(`${where} registeredID is not an OBJECT IDENTIFIER (X.690 §8.19)`, 'not-ber');
    return null;
  }
  const bytes = implicitOctets(gn, where, sink);
  if (t !== 7 && bytes.some((b) => b > 0x7f)) sink.issues.push({ kind: 'schema', code: 'alphabet-22', clause: 'X.680 §41.4', where });
  return t === 6 ? latin1(bytes) : null;
}

/** GeneralNames: SEQUENCE SIZE (1..MAX) OF GeneralName (given as the list of names). */
function checkGeneralNames(names: readonly DerNode[], where: string, sink: IssueSink): string[] {
  if (names.length === 0) emptyList(sink, where, 'RFC 5280 §4.2.1.6 (GeneralNames SIZE (1..MAX))');
  const uris: string[] = [];
  for (const gn of names) {
    const uri = checkGeneralName(gn, where, sink);
    if (uri !== null) uris.push(uri);
  }
  return uris;
}

function readGeneralNameUris(names: readonly DerNode[], where: string, sink: IssueSink): string[] {
  return checkGeneralNames(names, where, sink);
}

function generalSubtrees(node: DerNode, where: string, sink: IssueSink): void {
  constructedList(node, where);
  if (node.children!.length === 0) emptyList(sink, where, 'RFC 5280 §4.2.1.10 (GeneralSubtrees SIZE (1..MAX))');
  for (const sub of node.children!) {
    const [base, ...rest] = components(sub, `${where} subtree`, 1, 3);
    checkGeneralName(base!, `${where} base`, sink);
    let last = -1;
    for (const f of rest) {
      if (f.tagClass !== 3 || f.tagNumber > 1 || f.tagNumber <= last)
        fail(`${where} subtree has ${describe(f)} where minimum [0] and maximum [1] may be`);
      last = f.tagNumber;
      const v = implicitInteger(f, `${where} ${f.tagNumber ? 'maximum' : 'minimum'}`, sink);
      if (f.tagNumber === 0 && v === 0n)
        sink.issues.push({ kind: 'der', code: 'default-encoded', clause: 'X.690 §11.5', where: `${where} minimum` });
    }
  }
}

/** The shapes of extensions the project does not read but strict verifiers decode (RFC 5280 §4.2.1.6–§4.2.2.2). */
const SHAPES: Record<string, (value: DerNode, where: string, sink: IssueSink) => void> = {
  '2.5.29.17': (v, w, sink) => void checkGeneralNames(expectType(v, 16, w).children!, w, sink),
  '2.5.29.18': (v, w, sink) => void checkGeneralNames(expectType(v, 16, w).children!, w, sink),
  '2.5.29.30': (v, w, sink) => {
    const f = taggedFields(expectType(v, 16, w), w, 1);
    if (f.size === 0) emptyList(sink, w, 'RFC 5280 §4.2.1.10 (permittedSubtrees or excludedSubtrees MUST be present)');
    for (const [tag, node] of f) generalSubtrees(node, `${w} ${tag ? 'excludedSubtrees' : 'permittedSubtrees'}`, sink);
  },
  '2.5.29.36': (v, w, sink) => {
    const f = taggedFields(expectType(v, 16, w), w, 1);
    if (f.size === 0) emptyList(sink, w, 'RFC 5280 §4.2.1.11 (MUST NOT be an empty sequence)');
    for (const [tag, node] of f)
      if (implicitInteger(node, `${w} [${tag}]`, sink) < 0n) fail(`${w} [${tag}] is negative; SkipCerts is INTEGER (0..MAX)`);
  },
  '2.5.29.54': (v, w) => {
    expectType(v, 2, w);
    if (v.content[0]! & 0x80) fail(`${w} is negative; SkipCerts is INTEGER (0..MAX)`);
  },
  '2.5.29.33': (v, w, sink) => {
    const list = expectType(v, 16, w).children!;
    if (list.length === 0) emptyList(sink, w, 'RFC 5280 §4.2.1.5 (SIZE (1..MAX))');
    for (const m of list) for (const oid of components(m, `${w} mapping`, 2)) readOid(oid, `${w} mapping`);
  },
  // Netscape's certificate type (a BIT STRING), which OpenSSL still decodes into a certificate's purposes.
  '2.16.840.1.113730.1.1': (v, w) => void readBits(v, w),
  '1.3.6.1.5.5.7.1.1': accessDescriptions,
  '1.3.6.1.5.5.7.1.11': accessDescriptions,
};

function accessDescriptions(v: DerNode, w: string, sink: IssueSink): void {
  const list = expectType(v, 16, w).children!;
  if (list.length === 0) emptyList(sink, w, 'RFC 5280 §4.2.2.1 (SIZE (1..MAX))');
  for (const ad of list) {
    const [method, location] = components(ad, `${w} access description`, 2);
    readOid(method, `${w} accessMethod`);
    checkGeneralName(location!, `${w} accessLocation`, sink);
  }
}

export function readDistributionPoints(value: Uint8Array, what: string, sink: IssueSink = { issues: [] }): string[] {
  const list = expectType(decodeInner(value, what, sink), 16, what).children!;
  if (list.length === 0) emptyList(sink, what, 'RFC 5280 §4.2.1.13 (SIZE (1..MAX))');
  const urls: string[] = [];
  list.forEach((dp, n) => {
    const where = `${what} point ${n + 1}`;
    const fields = taggedFields(expectType(dp, 16, where), where, 2);
    const issuer = fields.get(2);
    if (issuer) {
      checkGeneralNames(constructedList(issuer, `${where} cRLIssuer`), `${where} cRLIssuer`, sink);
    }
    const name = fields.get(0);
    if (!name) return;
    // DistributionPointName is a CHOICE, so its [0] tag is explicit: one value, fullName [0] or nameRelativeToCRLIssuer [1].
    if (!name.isConstructed || name.children!.length !== 1) fail(`${where} distributionPoint must hold exactly one name`);
    const choice = name.children![0]!;
    if (choice.isContext(0)) {
      urls.push(...readGeneralNameUris(constructedList(choice, `${where} fullName`), `${where} fullName`, sink));
    } else if (!choice.isContext(1))
      fail(`${where} distributionPoint holds ${describe(choice)}, not fullName [0] or nameRelativeToCRLIssuer [1]`);
  });
  return exact(urls);
}

export interface ParsedExtension {
  oid: string;
  critical: boolean;
  value: Uint8Array;
}

/** What the extensions say, as the certificate's facts hold it. */
export interface ExtensionFacts {
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
  /** Policy OIDs of certificatePolicies, null when the extension is absent. */
  certificatePolicies: string[] | null;
}

const basicConstraintsValues = new SharedValues<NonNullable<ExtensionFacts['basicConstraints']>>(64);
const keyUsageValues = new SharedValues<NonNullable<ExtensionFacts['keyUsage']>>(256);
const authorityKeyIds = new SharedValues<NonNullable<ExtensionFacts['aki']>>(1024);

/**
 * Reads the extensions rules use, and checks the encoding of every other one. Values many certificates hold alike
 * (constraints, key usages, the issuer's key identifier, CRL URLs, empty lists) are shared (shared.ts).
 */
export function readExtensions(extensions: readonly ParsedExtension[], sink: IssueSink): ExtensionFacts {
  const p: ExtensionFacts = {
    duplicateExtensions: [],
    skiBytes: null,
    ski: null,
    aki: null,
    basicConstraints: null,
    keyUsage: null,
    extendedKeyUsage: null,
    crlDistributionPoints: EMPTY as unknown as string[],
    freshestCrl: EMPTY as unknown as string[],
    certificatePolicies: null,
  };
  const seen = new Set<string>();
  const byOid = new Map<string, ParsedExtension>();
  for (const e of extensions) {
    if (seen.has(e.oid)) p.duplicateExtensions.push(e.oid);
    seen.add(e.oid);
    if (!byOid.has(e.oid)) byOid.set(e.oid, e);
    else continue;
    if (READ.has(e.oid)) continue;
    const where = extensionName(e.oid);
    const value = decodeInner(e.value, where, sink, true);
    const shape = SHAPES[e.oid];
    if (!shape || sink.issues.some((i) => i.code === 'value-not-ber' && i.where === where)) continue;
    try {
      shape(value, where, sink);
    } catch (err) {
      if (!(err instanceof DecodeError)) throw err;
      // Not read, so not refused: reported, as strict verifiers that decode it reject the certificate.
      sink.issues.push({ kind: 'schema', code: 'value-not-its-type', clause: `RFC 5280 §4.2 (${where})`, where });
    }
  }
  const ski = byOid.get('2.5.29.14');
  if (ski) {
    p.skiBytes = readOctets(decodeInner(ski.value, 'subjectKeyIdentifier', sink), 'subjectKeyIdentifier').slice(0);
    p.ski = { value: toHex(p.skiBytes, true), critical: ski.critical };
  }
  const aki = byOid.get('2.5.29.35');
  if (aki) {
    const fields = taggedFields(
      expectType(decodeInner(aki.value, 'authorityKeyIdentifier', sink), 16, 'authorityKeyIdentifier'),
      'authorityKeyIdentifier',
      2,
    );
    const keyId = fields.get(0);
    const certIssuer = fields.get(1);
    if (certIssuer) {
      const where = 'authorityKeyIdentifier authorityCertIssuer';
      checkGeneralNames(constructedList(certIssuer, where), where, sink);
    }
    const serial = fields.get(2);
    if (serial) {
      const c = implicitOctets(serial, 'authorityKeyIdentifier authorityCertSerialNumber', sink);
      if (c.length === 0 || (c.length > 1 && ((c[0] === 0 && !(c[1]! & 0x80)) || (c[0] === 0xff && c[1]! & 0x80))))
        fail('authorityKeyIdentifier authorityCertSerialNumber is not a minimal INTEGER (X.690 §8.3)', 'not-ber');
    }
    const keyIdentifier = keyId ? toHex(implicitOctets(keyId, 'authorityKeyIdentifier keyIdentifier', sink), true) : null;
    p.aki = authorityKeyIds.share(`${aki.critical} ${keyIdentifier}`, { keyIdentifier, critical: aki.critical });
  }
  const bc = byOid.get('2.5.29.19');
  if (bc) {
    const fields = components(decodeInner(bc.value, 'basicConstraints', sink), 'basicConstraints', 0, 2);
    let k = 0;
    let cA = false;
    let pathLen: number | null = null;
    if (fields[k]?.is(1)) {
      cA = readBoolean(fields[k++]!);
      // cA is BOOLEAN DEFAULT FALSE: DER leaves a FALSE out.
      if (!cA) sink.issues.push({ kind: 'der', code: 'default-encoded', clause: 'X.690 §11.5', where: 'basicConstraints cA' });
    }
    if (fields[k]) {
      const where = 'basicConstraints pathLenConstraint';
      pathLen = readSmallInteger(expectType(fields[k++], 2, where), where, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    }
    if (k < fields.length) fail(`basicConstraints has ${describe(fields[k]!)} where only cA and pathLenConstraint may be`);
    p.basicConstraints = basicConstraintsValues.share(`${cA} ${pathLen} ${bc.critical}`, {
      cA,
      pathLenConstraint: pathLen,
      critical: bc.critical,
    });
  }
  const ku = byOid.get('2.5.29.15');
  if (ku) {
    const { bytes, unused } = readBits(decodeInner(ku.value, 'keyUsage', sink), 'keyUsage');
    const bits: string[] = [];
    for (let bit = 0; bit < bytes.length * 8 - unused; bit++)
      if (bytes[bit >> 3]! & (0x80 >> (bit & 7))) bits.push(KEY_USAGE_BITS[bit] ?? `bit ${bit}`);
    // A named bit list's DER has no trailing 0 bits (X.690 §11.2.2): its last bit is set.
    if (bytes.length > 0 && !(bytes[bytes.length - 1]! & (1 << unused)))
      sink.issues.push({ kind: 'der', code: 'bits-trailing-zero', clause: 'X.690 §11.2.2', where: 'keyUsage' });
    if (bits.length === 0) sink.issues.push({ kind: 'schema', code: 'no-bits', clause: 'RFC 5280 §4.2.1.3', where: 'keyUsage' });
    p.keyUsage = keyUsageValues.share(`${ku.critical} ${bits.join(',')}`, { bits: exact(bits), critical: ku.critical });
  }
  const eku = byOid.get('2.5.29.37');
  if (eku) {
    const list = expectType(decodeInner(eku.value, 'extKeyUsage', sink), 16, 'extKeyUsage').children!;
    if (list.length === 0) emptyList(sink, 'extKeyUsage', 'RFC 5280 §4.2.1.12 (SIZE (1..MAX))');
    p.extendedKeyUsage = shareStrings(
      list.map((n) => {
        const oid = readOid(n, 'extKeyUsage purpose');
        return EKU_NAMES[oid] ?? oid;
      }),
    );
  }
  const cdp = byOid.get('2.5.29.31');
  if (cdp) p.crlDistributionPoints = shareStrings(readDistributionPoints(cdp.value, 'cRLDistributionPoints', sink));
  const fresh = byOid.get('2.5.29.46');
  if (fresh) p.freshestCrl = shareStrings(readDistributionPoints(fresh.value, 'freshestCRL', sink));
  const cp = byOid.get('2.5.29.32');
  if (cp) {
    const list = expectType(decodeInner(cp.value, 'certificatePolicies', sink), 16, 'certificatePolicies').children!;
    if (list.length === 0) emptyList(sink, 'certificatePolicies', 'RFC 5280 §4.2.1.4 (SIZE (1..MAX))');
    const oids = list.map((info, n) =>
      readOid(components(info, `certificatePolicies policy ${n + 1}`, 1, 2)[0], `certificatePolicies policy ${n + 1}`),
    );
    if (new Set(oids).size !== oids.length)
      sink.issues.push({ kind: 'schema', code: 'duplicate-policy', clause: 'RFC 5280 §4.2.1.4', where: 'certificatePolicies' });
    p.certificatePolicies = shareStrings(oids);
  }
  p.duplicateExtensions = orEmpty(p.duplicateExtensions);
  return p;
}
