/**
 * The differential test's machinery: structured mutations of CA certificates, the project's reading and OpenSSL's
 * (node:crypto X509Certificate) of the same bytes, and the fields on which the two are compared.
 */
import { X509Certificate } from 'node:crypto';
import type { KeyPairHandle } from '../../src/testing/builder.js';
import { decodeStrictDer, type DerNode } from '../../src/certificate/der.js';
import { describeCertificate } from '../../src/certificate/facts.js';
import { CertificateParseError, parseCertificate, type ParsedCertificate } from '../../src/certificate/parse.js';
import { EKU_NAMES } from '../../src/certificate/oids.js';
import { ascii, cloneTree, cons, type EditNode, prim, readTree, resign, tbsFields, writeTree } from '../../src/testing/der-edit.js';

/** A certificate to mutate: its DER, and its signing key when the test made it (then edits are re-signed). */
export interface Seed {
  name: string;
  der: Uint8Array;
  key: KeyPairHandle | null;
}

/** Random choices a mutation draws on (fast-check supplies them, so failures shrink and replay). */
export interface Draw {
  kind: number;
  a: number;
  b: number;
  c: number;
}

export interface Mutant {
  der: Uint8Array;
  /** What was done, for messages: "tag-swap at 412 (0x02 → 0x04)". */
  label: string;
}

/** Every node of a DER certificate's tree with its depth (strict DER seeds only). */
function nodes(der: Uint8Array): DerNode[] {
  const root = decodeStrictDer(der);
  if (!root) throw new Error('seed is not strict DER');
  const out: DerNode[] = [];
  const walk = (n: DerNode) => {
    out.push(n);
    n.children?.forEach(walk);
  };
  walk(root);
  return out;
}

const headerLength = (n: DerNode) => n.encoded.length - n.content.length;

/** Odd INTEGER contents: zero, negative, non-minimal, empty, 4+ octets, beyond 2^53, beyond 20 octets. */
const ODD_INTEGERS: number[][] = [
  [],
  [0x00],
  [0xff],
  [0x80],
  [0x00, 0x05],
  [0xff, 0x80],
  [0x01],
  [0x7f, 0xff, 0xff, 0xff],
  [0x00, 0xff, 0xff, 0xff, 0xff],
  [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00],
  [0x20, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00],
  Array.from({ length: 21 }, (_, i) => (i === 0 ? 0x40 : i)),
  [0xfe, 0x00],
];

/** Time strings at and past the edges of RFC 5280 §4.1.2.5 and X.680 §46/§47. */
const UTC_TIMES = [
  '240101120000Z',
  '2401011200Z',
  '240101120000+0100',
  '240101120000-0530',
  '2401011200+0000',
  '24010112000AZ',
  '241301120000Z',
  '240132120000Z',
  '240230120000Z',
  '240229120000Z',
  '230229120000Z',
  '240101240000Z',
  '240101236000Z',
  '240101235960Z',
  '20240101120000Z',
  '240101120000',
  '490101000000Z',
  '500101000000Z',
  '240101120000+1300',
  '240101120000+2400',
  ' 40101120000Z',
  '',
];
const GENERALIZED_TIMES = [
  '20240101120000Z',
  '202401011200Z',
  '2024010112Z',
  '20240101120000',
  '20240101120000+0100',
  '20240101120000.5Z',
  '20240101120000.123456Z',
  '20240101120000,5Z',
  '20240101120000.Z',
  '20241301120000Z',
  '20240230120000Z',
  '20240101240000Z',
  '20240101235960Z',
  '99991231235959Z',
  '00000101000000Z',
  '19491231235959Z',
  '20500101000000Z',
  '20240101120000+01',
  '240101120000Z',
];

const BOOLEANS: number[][] = [[0x00], [0x01], [0xff], [], [0xff, 0xff], [0x7f]];

/** Identifier octets a tag swap may write: universal types in both forms, context tags, a high-tag form. */
const TAGS = [
  0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0c, 0x13, 0x16, 0x17, 0x18, 0x1e, 0x30, 0x31, 0x23, 0x24, 0x2c, 0x80, 0x81, 0x82, 0x83, 0xa0, 0xa3,
  0x00,
];

function pick<T>(items: readonly T[], n: number): T {
  return items[n % items.length]!;
}

function withBytes(der: Uint8Array, at: number, remove: number, insert: number[]): Uint8Array {
  return Uint8Array.from([...der.subarray(0, at), ...insert, ...der.subarray(at + remove)]);
}

/** Edits of the TBS tree (re-signed when the seed's key is known). */
type TreeEdit = (cert: EditNode, d: Draw) => string;

function field(cert: EditNode, name: keyof ReturnType<typeof tbsFields>['index']): EditNode | undefined {
  const { tbs, index } = tbsFields(cert);
  return index[name] < 0 ? undefined : tbs.children![index[name]];
}

function extensionList(cert: EditNode): EditNode[] | null {
  const ext = field(cert, 'extensions');
  return ext ? ext.children![0]!.children! : null;
}

function oidOf(ext: EditNode): string {
  return Buffer.from(ext.children![0]!.content!).toString('hex');
}

const OID_HEX = { basicConstraints: '551d13', keyUsage: '551d0f', extKeyUsage: '551d25', ski: '551d0e', aki: '551d23', cdp: '551d1f' };

function extension(cert: EditNode, oidHex: string): EditNode | undefined {
  return extensionList(cert)?.find((e) => oidOf(e) === oidHex);
}

function setValue(ext: EditNode, value: EditNode | Uint8Array): void {
  ext.children![ext.children!.length - 1]!.content = value instanceof Uint8Array ? value : writeTree(value);
}

/** Every attribute value of a name, as [RDN index, attribute index]. */
function attributeValues(name: EditNode): EditNode[] {
  return name.children!.flatMap((rdn) => rdn.children!.map((atv) => atv));
}

const STRINGS: EditNode[] = [
  prim(0x0c, [0xc3, 0x28]),
  prim(0x0c, [0xed, 0xa0, 0x80]),
  prim(0x0c, [0xc0, 0xaf]),
  prim(0x0c, Array.from(Buffer.from('Zürich', 'utf8'))),
  prim(0x1e, [0x00, 0x41, 0x00]),
  prim(0x1e, [0x00, 0x41, 0x00, 0xe9]),
  prim(0x1c, [0, 0, 0, 0x41]),
  prim(0x1c, [0, 0x11, 0, 0x41]),
  prim(0x13, ascii('a@b&c')),
  prim(0x13, ascii('Plain Name')),
  prim(0x16, [0x41, 0xe9]),
  prim(0x14, [0x41, 0xe9, 0x00]),
  prim(0x0c, ascii('a,b+c"d\\e<f>g;h')),
  prim(0x0c, ascii(' #lead and trail ')),
  prim(0x0c, [0x41, 0x0a, 0x42, 0x00]),
  cons(0x2c, [prim(0x04, ascii('Seg')), prim(0x04, ascii('ments'))]),
  cons(0x2c, [prim(0x0c, ascii('a')), prim(0x0c, ascii('b'))]),
  cons(0x33, [prim(0x04, ascii('X'))]),
  prim(0x02, [0x05]),
  prim(0x0c, []),
];

/** Every node of the TBS tree. */
function tbsNodes(cert: EditNode): EditNode[] {
  const all: EditNode[] = [];
  const walk = (n: EditNode) => {
    all.push(n);
    n.children?.forEach(walk);
  };
  walk(cert.children![0]!);
  return all;
}

const TREE_EDITS: Record<string, TreeEdit> = {
  'bad-time': (cert, d) => {
    const v = field(cert, 'validity')!;
    const which = d.a % 2;
    const utc = d.b % 3 !== 0;
    const text = utc ? pick(UTC_TIMES, d.c) : pick(GENERALIZED_TIMES, d.c);
    v.children![which] = prim(utc ? 0x17 : 0x18, ascii(text));
    return `${which ? 'notAfter' : 'notBefore'} ${utc ? 'UTCTime' : 'GeneralizedTime'} "${text}"`;
  },
  'odd-integer': (cert, d) => {
    const content = pick(ODD_INTEGERS, d.c);
    const target = d.a % 3;
    if (target === 0) {
      tbsFields(cert).tbs.children![tbsFields(cert).index.serialNumber] = prim(0x02, content);
      return `serialNumber ${Buffer.from(content).toString('hex') || '(empty)'}`;
    }
    if (target === 1) {
      const { tbs, index } = tbsFields(cert);
      const version = cons(0xa0, [prim(0x02, content)]);
      if (index.version >= 0) tbs.children![0] = version;
      else tbs.children!.unshift(version);
      return `version ${Buffer.from(content).toString('hex') || '(empty)'}`;
    }
    const bc = extension(cert, OID_HEX.basicConstraints);
    if (!bc) return 'no basicConstraints';
    setValue(bc, cons(0x30, [prim(0x01, [0xff]), prim(0x02, content)]));
    return `pathLenConstraint ${Buffer.from(content).toString('hex') || '(empty)'}`;
  },
  'odd-boolean': (cert, d) => {
    const content = pick(BOOLEANS, d.c);
    const list = extensionList(cert);
    if (!list?.length) return 'no extensions';
    if (d.a % 2) {
      const bc = extension(cert, OID_HEX.basicConstraints);
      if (!bc) return 'no basicConstraints';
      setValue(bc, cons(0x30, [prim(0x01, content)]));
      return `cA ${Buffer.from(content).toString('hex') || '(empty)'}`;
    }
    const ext = pick(list, d.b);
    if (ext.children!.length === 3) ext.children![1] = prim(0x01, content);
    else ext.children!.splice(1, 0, prim(0x01, content));
    return `critical ${Buffer.from(content).toString('hex') || '(empty)'} on ${oidOf(ext)}`;
  },
  'duplicate-extension': (cert, d) => {
    const list = extensionList(cert);
    if (!list?.length) return 'no extensions';
    const ext = pick(list, d.a);
    list.splice(d.b % (list.length + 1), 0, cloneTree(ext));
    return `duplicate ${oidOf(ext)}`;
  },
  'extra-component': (cert, d) => {
    const targets = [
      () => field(cert, 'validity')!,
      () => field(cert, 'signature')!,
      () => field(cert, 'subjectPublicKeyInfo')!,
      () => pick(extensionList(cert) ?? [field(cert, 'validity')!], d.b),
      () => pick(attributeValues(field(cert, 'subject')!), d.b),
      () => cert,
    ];
    const t = pick(targets, d.a)();
    const extra = pick([prim(0x05, []), prim(0x17, ascii('300101000000Z')), prim(0x02, [1]), prim(0x04, [])], d.c);
    t.children!.push(extra);
    return `extra component in node with tag ${t.id[0]!.toString(16)}`;
  },
  'name-string': (cert, d) => {
    const name = field(cert, d.a % 2 ? 'issuer' : 'subject')!;
    const atvs = attributeValues(name);
    if (!atvs.length) return 'empty name';
    const atv = pick(atvs, d.b);
    atv.children![1] = cloneTree(pick(STRINGS, d.c));
    return `${d.a % 2 ? 'issuer' : 'subject'} value ${Buffer.from(writeTree(atv.children![1]!)).toString('hex')}`;
  },
  'name-shape': (cert, d) => {
    const name = field(cert, d.a % 2 ? 'issuer' : 'subject')!;
    const op = d.b % 4;
    if (op === 0) name.children!.splice(d.c % (name.children!.length + 1), 0, cons(0x31, []));
    else if (op === 1) name.children = [];
    else if (op === 2 && name.children!.length > 1) {
      // A multi-valued RDN, out of DER order.
      const [x, y] = name.children!.splice(0, 2);
      name.children!.unshift(cons(0x31, [...y!.children!, ...x!.children!]));
    } else name.children!.reverse();
    return `${d.a % 2 ? 'issuer' : 'subject'} shape ${op}`;
  },
  'key-usage': (cert, d) => {
    const ku = extension(cert, OID_HEX.keyUsage);
    if (!ku) return 'no keyUsage';
    const values = [
      prim(0x03, [0x01, 0x06]),
      prim(0x03, [0x00, 0x06]),
      prim(0x03, [0x00, 0x06, 0x00]),
      prim(0x03, [0x07, 0x06, 0x00]),
      prim(0x03, [0x01, 0x07]),
      prim(0x03, [0x00]),
      prim(0x03, []),
      prim(0x03, [0x08, 0x06]),
      cons(0x23, [prim(0x03, [0x00, 0x04]), prim(0x03, [0x01, 0x02])]),
      cons(0x23, [prim(0x03, [0x01, 0x06])]),
      prim(0x04, [0x01, 0x06]),
      prim(0x03, [0x07, 0x80, 0x80]),
    ];
    const v = pick(values, d.c);
    setValue(ku, v);
    return `keyUsage ${Buffer.from(writeTree(v)).toString('hex')}`;
  },
  'key-identifiers': (cert, d) => {
    const ski = extension(cert, OID_HEX.ski);
    const aki = extension(cert, OID_HEX.aki);
    const values = [
      cons(0x24, [prim(0x04, [1, 2]), prim(0x04, [3])]),
      prim(0x04, []),
      prim(0x03, [0, 1, 2]),
      cons(0x30, [prim(0x80, [1, 2, 3])]),
      cons(0x30, [cons(0xa0, [prim(0x04, [1, 2])])]),
      cons(0x30, [prim(0x82, [0x01]), prim(0x80, [1])]),
      cons(0x30, [prim(0x80, [1]), prim(0x80, [2])]),
      cons(0x30, []),
    ];
    const v = pick(values, d.c);
    if (d.a % 2 && ski) setValue(ski, v);
    else if (aki) setValue(aki, v);
    else if (ski) setValue(ski, v);
    else return 'no key identifiers';
    return `key identifier ${Buffer.from(writeTree(v)).toString('hex')}`;
  },
  'extension-value': (cert, d) => {
    const list = extensionList(cert);
    if (!list?.length) return 'no extensions';
    const ext = pick(list, d.a);
    const values = [
      cons(0x30, []),
      prim(0x05, []),
      Uint8Array.of(0x30, 0x03, 0x02, 0x01),
      Uint8Array.of(0x30, 0x80, 0x05, 0x00, 0x00, 0x00),
      Uint8Array.of(0x30, 0x81, 0x02, 0x05, 0x00),
      Uint8Array.of(0x06, 0x00),
      Uint8Array.of(0x30, 0x02, 0x06, 0x00),
      Uint8Array.of(0x30, 0x03, 0x06, 0x01, 0x80),
      Uint8Array.of(0x30, 0x04, 0x06, 0x02, 0x80, 0x01),
      Uint8Array.of(),
      Uint8Array.of(0x30, 0x00, 0x00),
    ];
    const v = pick(values, d.c);
    setValue(ext, v);
    return `${oidOf(ext)} value ${Buffer.from(v instanceof Uint8Array ? v : writeTree(v)).toString('hex')}`;
  },
  'length-form': (cert, d) => {
    // A BER length (long form or indefinite) on any node of the TBS tree, signed again.
    const n = pick(tbsNodes(cert), d.a);
    n.length = n.children && d.b % 2 ? 'indefinite' : { octets: 1 + (d.c % 3) };
    return `${n.length === 'indefinite' ? 'indefinite' : `long-form(${(n.length as { octets: number }).octets})`} length on tag ${n.id[0]!.toString(16)}`;
  },
  'high-tag': (cert, d) => {
    // A low tag number written in the multi-octet form (X.690 §8.1.2.2 allows only the one-octet form).
    const n = pick(tbsNodes(cert), d.a);
    const id = n.id[0]!;
    n.id = d.b % 4 === 0 ? Uint8Array.of(id | 0x1f, 0x80, id & 0x1f) : Uint8Array.of(id | 0x1f, id & 0x1f);
    return `multi-octet tag for 0x${id.toString(16)}`;
  },
  'unique-id': (cert, d) => {
    const { tbs, index } = tbsFields(cert);
    const at = index.extensions >= 0 ? index.extensions : tbs.children!.length;
    const ids = [prim(0x81, [0x00, 0x01]), prim(0x82, [0x00, 0x02]), prim(0x81, []), cons(0xa1, [])];
    tbs.children!.splice(at, 0, pick(ids, d.c));
    if (d.b % 2) tbs.children!.splice(at, 0, prim(0x82, [0x00, 0x03]));
    return `unique identifier ${d.c % ids.length}${d.b % 2 ? ' after a subjectUniqueID' : ''}`;
  },
  'key-bits': (cert, d) => {
    const spki = field(cert, 'subjectPublicKeyInfo')!;
    const bits = spki.children![1]!;
    const c = bits.content!.slice();
    const op = d.b % 4;
    if (op === 0) c[1 + (d.a % (c.length - 1))]! ^= 1 << (d.c % 8);
    else if (op === 1) bits.content = c.subarray(0, c.length - 1 - (d.a % 3));
    else if (op === 2) spki.children![0]!.children!.push(prim(0x05, []));
    else bits.content = Uint8Array.of(...c, 0);
    if (op === 0) bits.content = c;
    return `subjectPublicKey edit ${op}`;
  },
};

const BYTE_EDITS = 6;

/** Byte-level edits at TLV boundaries (never re-signed: the signature check is part of what is compared). */
function byteEdit(der: Uint8Array, d: Draw): Mutant {
  const all = nodes(der);
  const n = pick(all, d.a);
  const lenAt = n.offset + 1;
  switch (d.kind % BYTE_EDITS) {
    case 0: {
      const at = d.b % der.length;
      const out = der.slice();
      out[at]! ^= 1 << (d.c % 8);
      return { der: out, label: `bit flip at ${at}` };
    }
    case 1: {
      // The node's length changed by ±1 (or set to an odd form) without fixing its containers.
      const h = headerLength(n);
      const len = n.content.length;
      const choices = [len + 1, len - 1, 0x80, 0x7f, 0xff];
      const v = pick(choices, d.b);
      if (h === 2 && v >= 0 && v <= 0xff && !(v & 0x80 && v !== 0x80)) {
        const out = der.slice();
        out[lenAt] = v;
        return { der: out, label: `length ${len} → ${v} at ${n.offset}` };
      }
      const out = der.slice();
      out[n.offset + h - 1] = (out[n.offset + h - 1]! + (d.b % 2 ? 1 : 255)) & 0xff;
      return { der: out, label: `long-form length nudged at ${n.offset}` };
    }
    case 2: {
      const t = pick(TAGS, d.b);
      const out = der.slice();
      out[n.offset] = t;
      return { der: out, label: `tag swap at ${n.offset} (0x${der[n.offset]!.toString(16)} → 0x${t.toString(16)})` };
    }
    case 3: {
      const at = pick([n.offset, n.offset + headerLength(n), n.offset + n.encoded.length, n.offset + (d.c % n.encoded.length)], d.b);
      return { der: der.slice(0, Math.max(1, Math.min(at, der.length - 1))), label: `truncated at ${at}` };
    }
    case 4: {
      // One whole value cut out, its containers' lengths unchanged.
      if (n.offset === 0) return { der: der.slice(0, der.length - 1), label: 'last byte cut' };
      return { der: withBytes(der, n.offset, n.encoded.length, []), label: `value at ${n.offset} removed` };
    }
    default: {
      const extra = pick([[0x00], [0x00, 0x00], [0x05, 0x00], [0x30, 0x00], [0xff]], d.b);
      return { der: Uint8Array.from([...der, ...extra]), label: `${extra.length} trailing byte(s)` };
    }
  }
}

/** One mutant of `seed`. */
export async function mutate(seed: Seed, d: Draw): Promise<Mutant> {
  const names = Object.keys(TREE_EDITS);
  const treeKinds = names.length;
  const choice = d.kind % (treeKinds + BYTE_EDITS);
  if (choice >= treeKinds) return byteEdit(seed.der, { ...d, kind: choice - treeKinds });
  const name = names[choice]!;
  const tree = readTree(seed.der);
  const label = TREE_EDITS[name]!(tree, d);
  const der = seed.key ? await resign(tree, seed.key) : writeTree(tree);
  return { der, label: `${name}: ${label}${seed.key ? '' : ' (not re-signed)'}` };
}

// ---------------------------------------------------------------------------------------------------------------------
// The two readings

/** What a reader makes of the bytes: refused, or the compared fields. */
export type Reading =
  | { ok: false; reason: string; code?: string }
  | {
      ok: true;
      subject: string;
      issuer: string;
      serial: bigint;
      notBefore: number | 'bad';
      notAfter: number | 'bad';
      ca: boolean;
      eku: string[] | null;
      keyOk: boolean;
      /** Self-signature: only for certificates both readers take as self-issued. */
      selfSignature: boolean | null;
    };

const OPENSSL_SHORT: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'serialNumber',
  '2.5.4.4': 'SN',
  '2.5.4.42': 'GN',
  '2.5.4.12': 'title',
  '2.5.4.43': 'initials',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
  '2.5.4.97': 'organizationIdentifier',
  '2.5.4.17': 'postalCode',
  '2.5.4.15': 'businessCategory',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC',
  '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
  '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
  '2.5.4.41': 'name',
  '2.5.4.44': 'generationQualifier',
  '2.5.4.45': 'x500UniqueIdentifier',
  '2.5.4.16': 'postalAddress',
  '2.5.4.18': 'postOfficeBox',
  '2.5.4.20': 'telephoneNumber',
  '2.5.4.51': 'houseIdentifier',
  '2.5.4.13': 'description',
  '2.5.4.72': 'role',
  '2.5.4.58': 'attributeCertificate',
  '2.5.4.92': 'tagAfrica',
};

/** X509_NAME_print_ex with node's flags (RFC 2253 escapes, control characters as \XX, UTF-8, one attribute per line). */
function opensslStyle(p: ParsedCertificate['subject']): string {
  const esc = (v: string) => {
    let out = '';
    [...v].forEach((ch, i, all) => {
      const c = ch.codePointAt(0)!;
      if (',+"\\<>;'.includes(ch) || (i === 0 && (ch === '#' || ch === ' ')) || (i === all.length - 1 && ch === ' ')) out += `\\${ch}`;
      else if (c < 0x20 || c === 0x7f) out += `\\${c.toString(16).toUpperCase().padStart(2, '0')}`;
      else out += ch;
    });
    return out;
  };
  return p.rdns
    .map((rdn) => rdn.map((a) => `${OPENSSL_SHORT[a.oid] ?? a.oid}=${a.value.startsWith('#') ? a.value : esc(a.value)}`).join(' + '))
    .join('\n');
}

/** "-FF" or "0A" → a bigint. */
function hexInteger(text: string): bigint {
  return text.startsWith('-') ? -BigInt(`0x${text.slice(1)}`) : BigInt(`0x${text}`);
}

const EKU_OIDS: Record<string, string> = Object.fromEntries(Object.entries(EKU_NAMES).map(([oid, name]) => [name, oid]));

export async function ourReading(der: Uint8Array, crypto: Crypto): Promise<Reading> {
  let parsed: ParsedCertificate;
  try {
    parsed = parseCertificate(der);
  } catch (e) {
    if (e instanceof CertificateParseError) return { ok: false, reason: e.message, code: e.code };
    throw e; // a crash is never a disagreement class
  }
  const record = await describeCertificate(parsed, crypto);
  const ku = parsed.keyUsage;
  const bc = parsed.basicConstraints;
  const status = record.selfSignature?.status;
  return {
    ok: true,
    subject: opensslStyle(parsed.subject),
    issuer: opensslStyle(parsed.issuer),
    serial: hexInteger(parsed.serialNumber),
    notBefore: parsed.notBefore.getTime(),
    notAfter: parsed.notAfter.getTime(),
    // X509_check_ca: basicConstraints cA, and keyCertSign when keyUsage is present.
    ca: !!bc?.cA && (!ku || ku.bits.includes('keyCertSign')),
    eku: parsed.extendedKeyUsage?.map((n) => EKU_OIDS[n] ?? n) ?? null,
    keyOk: parsed.publicKey.problem === null,
    selfSignature: parsed.selfIssued && status !== 'unsupported' ? status === 'valid' : null,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Jan  1 12:00:00.5 2024 GMT" → epoch ms; "Bad time value" → 'bad'. */
function opensslTime(text: string): number | 'bad' {
  const m = /^(\w{3}) +(\d+) (\d\d):(\d\d):(\d\d)(\.\d+)? (\d+) GMT$/.exec(text);
  if (!m) return 'bad';
  const d = new Date(Date.UTC(2000, MONTHS.indexOf(m[1]!), +m[2]!, +m[3]!, +m[4]!, +m[5]!));
  d.setUTCFullYear(+m[7]!);
  return d.getTime() + (m[6] ? Math.floor(Number(`0${m[6]}`) * 1000) : 0);
}

export function opensslReading(der: Uint8Array, selfIssued: boolean): Reading {
  let x: X509Certificate;
  try {
    x = new X509Certificate(Buffer.from(der));
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  let keyOk = true;
  let selfSignature: boolean | null = null;
  try {
    const key = x.publicKey;
    if (selfIssued) selfSignature = x.verify(key);
  } catch {
    keyOk = false;
  }
  const serialText = x.serialNumber;
  const serial = hexInteger(serialText);
  return {
    ok: true,
    subject: x.subject ?? '',
    issuer: x.issuer ?? '',
    serial,
    notBefore: opensslTime(x.validFrom),
    notAfter: opensslTime(x.validTo),
    ca: x.ca,
    eku: x.keyUsage ?? null,
    keyOk,
    selfSignature,
  };
}

export type Field = 'accepts' | 'subject' | 'issuer' | 'serial' | 'notBefore' | 'notAfter' | 'ca' | 'eku' | 'keyOk' | 'selfSignature';

export interface Difference {
  field: Field;
  ours: unknown;
  theirs: unknown;
}

/** Where the two readings differ. A time OpenSSL prints as "Bad time value" counts as OpenSSL refusing the certificate. */
export function differences(ours: Reading, theirs: Reading): Difference[] {
  const theirsAccepts = theirs.ok && theirs.notBefore !== 'bad' && theirs.notAfter !== 'bad';
  if (!ours.ok || !theirsAccepts) {
    return ours.ok === theirsAccepts
      ? []
      : [
          {
            field: 'accepts',
            ours: ours.ok ? 'reads' : ours.reason,
            theirs: theirs.ok ? (theirsAccepts ? 'reads' : 'Bad time value') : theirs.reason,
          },
        ];
  }
  if (!theirs.ok) return [];
  const out: Difference[] = [];
  const cmp = (field: Field, a: unknown, b: unknown) => {
    if (
      JSON.stringify(a, (_k, v) => (typeof v === 'bigint' ? `${v}` : v)) !==
      JSON.stringify(b, (_k, v) => (typeof v === 'bigint' ? `${v}` : v))
    )
      out.push({ field, ours: a, theirs: b });
  };
  cmp('subject', ours.subject, theirs.subject);
  cmp('issuer', ours.issuer, theirs.issuer);
  cmp('serial', ours.serial, theirs.serial);
  cmp('notBefore', ours.notBefore, theirs.notBefore);
  cmp('notAfter', ours.notAfter, theirs.notAfter);
  cmp('ca', ours.ca, theirs.ca);
  cmp('eku', ours.eku, theirs.eku);
  cmp('keyOk', ours.keyOk, theirs.keyOk);
  if (ours.selfSignature !== null && theirs.selfSignature !== null) cmp('selfSignature', ours.selfSignature, theirs.selfSignature);
  return out;
}
