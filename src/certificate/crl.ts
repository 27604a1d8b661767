/**
 * DER → a parsed CRL (RFC 5280 §5), read in one pass without a tree: the header fields and extensions are decoded
 * like a certificate's (parse.ts), while the revoked list — hundreds of thousands of entries in a big CA's CRL — is
 * checked entry by entry for strict DER and kept as a byte range. Lookups scan that range again and allocate only for
 * the serials asked about, so a 20 MB CRL costs its bytes and a few milliseconds per scan, not an object per entry.
 *
 * Why not pkijs's CertificateRevocationList: it decodes through asn1js, whose default limits (10,000 nodes, 16 MiB of
 * content) refuse any CRL of more than about 2,000 entries; with the limits raised it builds several objects per
 * entry (see bench/RESULTS.md for the time and memory measured on a 20 MB CRL). pkijs stays the test-time oracle.
 */
import {
  type SignedObjectParts,
  parseCertificate,
  children,
  content,
  decode,
  isContext,
  isUniversal,
  readAlgorithm,
  readDistributionPoints,
  readName,
  readSignatureInfo,
} from './parse.js';
import { bytesEqual, decodePem, toHex } from './encoding.js';
import { readTlv, type Tlv } from './der.js';
import { readBoolean, readOid } from './values.js';
import { BER_FORMS, derViolation, derViolationAt } from './der-strict.js';

/** Largest CRL read: above every documented download limit (150 MB, Entra's US Government service limit). */
export const MAX_CRL_BYTES = 160 * 1024 * 1024;

export type CrlProblemKind =
  /** The bytes are a PEM text, not DER (the CRL inside was still read when it could be). */
  | 'pem'
  /** BER forms (indefinite or non-minimal lengths, constructed strings) where DER is required. */
  | 'ber'
  /** Not ASN.1 at all, or cut short. */
  | 'malformed'
  /** Well-formed DER, but not a CertificateList (e.g. a certificate given as a CRL). */
  | 'not-crl';

export class CrlParseError extends Error {
  constructor(
    message: string,
    readonly kind: Exclude<CrlProblemKind, 'pem'>,
    /** What, as data for messages in every language: a DerViolation code, `too-large`, `trailing`, `certificate`, `pem-other` … */
    readonly code: string = kind === 'not-crl' ? 'not-a-certificate-list' : 'malformed',
    readonly params: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'CrlParseError';
  }
}

export interface CrlExtension {
  oid: string;
  critical: boolean;
  value: Uint8Array;
}

export interface IssuingDistributionPoint {
  /** fullName URIs of the distribution point, when it names one. */
  urls: string[];
  onlyContainsUserCerts: boolean;
  onlyContainsCACerts: boolean;
  /** The CRL covers only some revocation reasons (a partitioned CRL). */
  onlySomeReasons: boolean;
  indirectCRL: boolean;
  onlyContainsAttributeCerts: boolean;
  critical: boolean;
}

/** `der` is the DER read (for a PEM input, the DER inside it); `version` is 1 (no version field) or 2. */
export interface ParsedCrl extends SignedObjectParts {
  thisUpdate: Date;
  nextUpdate: Date | null;
  extensions: CrlExtension[];
  duplicateExtensions: string[];
  aki: { keyIdentifier: string | null; critical: boolean } | null;
  crlNumber: bigint | null;
  /** deltaCRLIndicator: the base CRL number this delta CRL updates; null for a complete CRL. */
  deltaBaseCrlNumber: bigint | null;
  issuingDistributionPoint: IssuingDistributionPoint | null;
  freshestCrl: string[];
  /** Microsoft's "Next CRL Publish" (1.3.6.1.4.1.311.21.4), which Entra honours for pre-fetching. */
  nextPublish: Date | null;
  /** Critical CRL extensions this reader does not process (RFC 5280 §5.2: such a CRL must not be used). */
  unknownCriticalExtensions: string[];
  /** Critical CRL entry extensions that are not processed (RFC 5280 §5.3), with the serial of the first entry carrying each. */
  unknownCriticalEntryExtensions: string[];
  revokedCount: number;
  /** The entries' byte range inside `der` (the SEQUENCE OF's content), null when the list is absent. */
  revokedRange: { start: number; end: number } | null;
}

export interface Revocation {
  /** Upper-case hex, leading zero octets dropped. */
  serial: string;
  date: Date;
  /** CRLReason name when the entry has one. */
  reason: string | null;
}

/** The result of reading a CRL file or download: the CRL, and whether it came as PEM. */
export interface CrlRead {
  crl: ParsedCrl;
  pem: boolean;
}

export const CRL_EXTENSIONS = {
  authorityKeyIdentifier: '2.5.29.35',
  issuerAltName: '2.5.29.18',
  crlNumber: '2.5.29.20',
  deltaCrlIndicator: '2.5.29.27',
  issuingDistributionPoint: '2.5.29.28',
  freshestCrl: '2.5.29.46',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  expiredCertsOnCrl: '2.5.29.60',
  msCaVersion: '1.3.6.1.4.1.311.21.1',
  msNextCrlPublish: '1.3.6.1.4.1.311.21.4',
  msPublishedCrlLocations: '1.3.6.1.4.1.311.21.14',
} as const;

/** CRL extensions understood here (a critical one outside this set makes the CRL unusable, RFC 5280 §5.2). */
const RECOGNISED = new Set<string>(Object.values(CRL_EXTENSIONS));

const REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'reason 7',
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
];

/** Content octets of the entry-extension OIDs looked for (2.5.29.21 reasonCode, 2.5.29.24 invalidityDate). */
const ENTRY_REASON = Uint8Array.of(0x55, 0x1d, 0x15);
const ENTRY_INVALIDITY_DATE = Uint8Array.of(0x55, 0x1d, 0x18);

function fail(
  message: string,
  kind: CrlParseError['kind'] = 'not-crl',
  code?: string,
  params: Readonly<Record<string, string>> = {},
): never {
  throw new CrlParseError(message, kind, code, params);
}

interface Header extends Tlv {
  /** Offset of the identifier octet. */
  offset: number;
}

/** A strict DER header, with up to four length octets (a big CRL exceeds the 16 MiB of three). */
function header(bytes: Uint8Array, offset: number, limit: number, what: string): Header {
  const h = readTlv(bytes, offset, limit, 4);
  if (!h) fail(`${what} at offset ${offset} is not a strict DER value`, 'malformed');
  return { ...h, offset };
}

/** The whole TLV of a header, copied (asn1js and the fast decoder read from offset 0). */
function whole(bytes: Uint8Array, h: Header): Uint8Array {
  return bytes.slice(h.offset, h.end);
}

const TIME_DIGITS = { 23: 12, 24: 14 } as const;

/** A UTCTime or GeneralizedTime in the forms RFC 5280 §4.1.2.5 and §5.1.2.4 allow: seconds, `Z`, no fraction. */
function readTime(bytes: Uint8Array, h: Tlv, what: string): Date {
  const digits = h.tag === 0x17 ? TIME_DIGITS[23] : h.tag === 0x18 ? TIME_DIGITS[24] : 0;
  if (!digits) fail(`${what} at offset ${h.start} is not a UTCTime or GeneralizedTime`);
  const c = bytes.subarray(h.start, h.end);
  if (c.length !== digits + 1 || c[digits] !== 0x5a)
    fail(`${what} is not in the form ${digits === 12 ? 'YYMMDDHHMMSSZ' : 'YYYYMMDDHHMMSSZ'}`);
  let v = 0;
  const n = (from: number, count: number): number => {
    v = 0;
    for (let i = from; i < from + count; i++) {
      const d = c[i]! - 48;
      if (d < 0 || d > 9) fail(`${what} has a character that is not a digit`);
      v = v * 10 + d;
    }
    return v;
  };
  const y = digits === 12 ? ((yy) => (yy >= 50 ? 1900 + yy : 2000 + yy))(n(0, 2)) : n(0, 4);
  const o = digits - 10;
  const [mo, d, hh, mm, ss] = [n(o, 2), n(o + 2, 2), n(o + 4, 2), n(o + 6, 2), n(o + 8, 2)];
  const date = new Date(Date.UTC(y, mo - 1, d, hh, mm, ss));
  if (mo < 1 || mo > 12 || d < 1 || hh > 23 || mm > 59 || ss > 59 || date.getUTCDate() !== d) fail(`${what} is not a valid date and time`);
  if (y < 100) date.setUTCFullYear(y);
  return date;
}

/** INTEGER content as a bigint (two's complement). */
function bigIntOf(c: Uint8Array): bigint {
  if (c.length === 0) return 0n;
  let v = 0n;
  for (const b of c) v = (v << 8n) | BigInt(b);
  return c[0]! & 0x80 ? v - (1n << BigInt(8 * c.length)) : v;
}

/** A serial as the key lookups compare: upper-case hex of the INTEGER content without leading zero octets. */
export function serialKey(c: Uint8Array): string {
  let i = 0;
  while (i < c.length - 1 && c[i] === 0) i++;
  return toHex(c.subarray(i), true);
}

/** The same key from a certificate's serialNumber (upper-case hex as parse.ts gives it). */
export function serialKeyOfHex(hex: string): string {
  const h = hex.toUpperCase().replace(/^(00)+(?=..)/, '');
  return h.length % 2 ? `0${h}` : h;
}

interface EntryExtensions {
  reason: number | null;
  unknownCritical: string[];
}

/** One entry's crlEntryExtensions, read from headers (the common case, a lone reasonCode, never gets here when parsing). */
function readEntryExtensions(bytes: Uint8Array, start: number, end: number, serial: Uint8Array): EntryExtensions {
  const out: EntryExtensions = { reason: null, unknownCritical: [] };
  const bad = (at: number, what: string, kind: CrlParseError['kind'] = 'not-crl'): never =>
    fail(`the CRL entry extension at offset ${at} ${what}`, kind);
  for (let at = start; at < end; ) {
    if (!head(bytes, at, end) || H.tag !== 0x30) bad(at, 'is not a DER SEQUENCE');
    const extEnd = H.end;
    if (!head(bytes, H.start, extEnd) || H.tag !== 0x06) bad(at, 'has no OBJECT IDENTIFIER');
    const oidOffset = H.start - 2;
    const oidStart = H.start;
    const oidEnd = H.end;
    if (!head(bytes, oidEnd, extEnd)) bad(at, 'is cut short');
    let critical = false;
    if (H.tag === 0x01) {
      if (H.end - H.start !== 1 || bytes[H.start] !== 0xff) bad(at, 'encodes "critical" other than as DER TRUE', 'ber');
      critical = true;
      if (!head(bytes, H.end, extEnd)) bad(at, 'is cut short');
    }
    if (H.tag !== 0x04 || H.end !== extEnd) bad(at, 'has no OCTET STRING value');
    const valueStart = H.start;
    const valueEnd = H.end;
    const is = (oid: Uint8Array) => oidEnd - oidStart === oid.length && bytesEqual(bytes.subarray(oidStart, oidEnd), oid);
    if (is(ENTRY_REASON)) {
      if (!head(bytes, valueStart, valueEnd) || H.tag !== 0x0a || H.end - H.start !== 1 || H.end !== valueEnd)
        bad(at, 'is a reasonCode that is not one ENUMERATED octet');
      out.reason = bytes[H.start]!;
    } else if (critical && !is(ENTRY_INVALIDITY_DATE)) {
      // certificateIssuer (indirect CRLs) and anything else critical: the entry cannot be interpreted here.
      const name = readOid(decode(bytes.slice(oidOffset, oidEnd), 'entry extension id'), 'entry extension id');
      out.unknownCritical.push(`${name} (entry ${serialKey(serial)})`);
    }
    at = extEnd;
  }
  return out;
}

/**
 * Header of the value at `offset` into {@link H} (no object per call: the revoked list is walked hundreds of thousands
 * of times per CRL). Strict DER: definite minimal lengths of up to four octets, low tag numbers. False when not.
 */
const H = { tag: 0, start: 0, end: 0 };
function head(bytes: Uint8Array, offset: number, limit: number): boolean {
  if (offset + 2 > limit) return false;
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) return false;
  let length = bytes[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > limit || bytes[start] === 0) return false;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i]!;
    start += count;
    if (length < 0x80) return false;
  }
  if (start + length > limit) return false;
  H.tag = tag;
  H.start = start;
  H.end = start + length;
  return true;
}

/** Whether the UTCTime/GeneralizedTime content at [start, end) is in RFC 5280's form (digits, seconds, `Z`) with plausible fields. */
function timeOk(bytes: Uint8Array, tag: number, start: number, end: number): boolean {
  const digits = tag === 0x17 ? 12 : tag === 0x18 ? 14 : -1;
  if (digits < 0 || end - start !== digits + 1 || bytes[end - 1] !== 0x5a) return false;
  for (let i = start; i < end - 1; i++) if (bytes[i]! < 48 || bytes[i]! > 57) return false;
  const o = start + digits - 10;
  const two = (i: number) => (bytes[i]! - 48) * 10 + bytes[i + 1]! - 48;
  const mo = two(o);
  const d = two(o + 2);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && two(o + 4) <= 23 && two(o + 6) <= 59 && two(o + 8) <= 59;
}

/** The content of a crlEntryExtensions holding only a non-critical reasonCode, up to the reason's octet. */
const REASON_ONLY = Uint8Array.of(0x30, 0x0a, 0x06, 0x03, 0x55, 0x1d, 0x15, 0x04, 0x03, 0x0a, 0x01);

/** The common entry extensions — one reasonCode, nothing else — recognised without reading them field by field. */
function isReasonOnly(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start !== REASON_ONLY.length + 1) return false;
  for (let i = 0; i < REASON_ONLY.length; i++) if (bytes[start + i] !== REASON_ONLY[i]) return false;
  return true;
}

/** Walks the revoked list once, checking each entry for strict DER, and counts the entries. */
function walkRevoked(bytes: Uint8Array, range: { start: number; end: number }): { count: number; unknownCritical: string[] } {
  let count = 0;
  const unknownCritical: string[] = [];
  const bad = (at: number, what: string, kind: CrlParseError['kind'] = 'not-crl'): never =>
    fail(`the revoked-certificate entry at offset ${at} ${what}`, kind);
  for (let at = range.start; at < range.end; ) {
    if (!head(bytes, at, range.end)) bad(at, 'is not a strict DER value', 'malformed');
    if (H.tag !== 0x30) bad(at, 'is not a SEQUENCE');
    const entryStart = H.start;
    const entryEnd = H.end;
    if (!head(bytes, entryStart, entryEnd) || H.tag !== 0x02) bad(at, 'does not start with a DER INTEGER serial number');
    const serialStart = H.start;
    const serialEnd = H.end;
    const n = serialEnd - serialStart;
    if (
      n === 0 ||
      (n > 1 &&
        ((bytes[serialStart] === 0 && !(bytes[serialStart + 1]! & 0x80)) ||
          (bytes[serialStart] === 0xff && bytes[serialStart + 1]! & 0x80)))
    )
      bad(at, 'has a serial number that is not a minimal DER INTEGER', 'ber');
    if (!head(bytes, serialEnd, entryEnd)) bad(at, 'has no DER revocation date');
    if (!timeOk(bytes, H.tag, H.start, H.end))
      bad(at, 'has a revocation date that is not a UTCTime or GeneralizedTime of the form RFC 5280 requires');
    if (H.end < entryEnd) {
      const dateEnd = H.end;
      if (!head(bytes, dateEnd, entryEnd) || H.tag !== 0x30 || H.end !== entryEnd)
        bad(at, 'has bytes after its revocation date that are not crlEntryExtensions');
      if (!isReasonOnly(bytes, H.start, H.end)) {
        const ext = readEntryExtensions(bytes, H.start, H.end, bytes.subarray(serialStart, serialEnd));
        for (const u of ext.unknownCritical) if (unknownCritical.length < 10) unknownCritical.push(u);
      }
    } else if (H.end !== entryEnd) bad(at, 'is cut short');
    count++;
    at = entryEnd;
  }
  return { count, unknownCritical };
}

function readExtensions(node: ReturnType<typeof decode>): { list: CrlExtension[]; duplicates: string[] } {
  const list: CrlExtension[] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const seq = children(node, 'crlExtensions')[0];
  if (!isUniversal(seq, 16)) fail('crlExtensions is not a SEQUENCE of extensions');
  for (const ext of children(seq, 'crlExtensions')) {
    const parts = children(ext, 'CRL extension');
    if (!isUniversal(parts[0], 6)) fail('a CRL extension has no OBJECT IDENTIFIER');
    const oid = readOid(parts[0], 'CRL extension id');
    let critical = false;
    let valueNode = parts[1];
    if (isUniversal(valueNode, 1)) {
      critical = readBoolean(valueNode!);
      valueNode = parts[2];
    }
    if (!isUniversal(valueNode, 4)) fail(`the CRL extension ${oid} has no OCTET STRING value`);
    if (seen.has(oid)) duplicates.push(oid);
    seen.add(oid);
    list.push({ oid, critical, value: content(valueNode) });
  }
  return { list, duplicates };
}

function integerExtension(value: Uint8Array, what: string): bigint {
  const n = decode(value, what);
  if (!isUniversal(n, 2)) fail(`${what} is not an INTEGER`);
  return bigIntOf(content(n));
}

function readIdp(value: Uint8Array, critical: boolean): IssuingDistributionPoint {
  const idp: IssuingDistributionPoint = {
    urls: [],
    onlyContainsUserCerts: false,
    onlyContainsCACerts: false,
    onlySomeReasons: false,
    indirectCRL: false,
    onlyContainsAttributeCerts: false,
    critical,
  };
  const seq = decode(value, 'issuingDistributionPoint');
  if (!isUniversal(seq, 16)) fail('issuingDistributionPoint is not a SEQUENCE');
  const flag = (n: ReturnType<typeof decode>) => content(n)[0] === 0xff;
  for (const f of children(seq, 'issuingDistributionPoint')) {
    if (isContext(f, 0)) {
      const full = children(f, 'issuingDistributionPoint name').find((n) => isContext(n, 0));
      if (full)
        for (const gn of children(full, 'issuingDistributionPoint fullName'))
          if (isContext(gn, 6)) idp.urls.push(new TextDecoder('latin1').decode(content(gn)));
    } else if (isContext(f, 1)) idp.onlyContainsUserCerts = flag(f);
    else if (isContext(f, 2)) idp.onlyContainsCACerts = flag(f);
    else if (isContext(f, 3)) idp.onlySomeReasons = true;
    else if (isContext(f, 4)) idp.indirectCRL = flag(f);
    else if (isContext(f, 5)) idp.onlyContainsAttributeCerts = flag(f);
  }
  return idp;
}

function readAki(value: Uint8Array, critical: boolean): ParsedCrl['aki'] {
  const seq = decode(value, 'authorityKeyIdentifier');
  if (!isUniversal(seq, 16)) fail('authorityKeyIdentifier is not a SEQUENCE');
  const keyId = children(seq, 'authorityKeyIdentifier').find((n) => isContext(n, 0));
  return { keyIdentifier: keyId ? toHex(content(keyId), true) : null, critical };
}

/** Parses one DER CRL strictly: exactly one CertificateList, DER throughout, no trailing bytes. Throws CrlParseError. */
export function parseCrl(der: Uint8Array): ParsedCrl {
  if (der.length > MAX_CRL_BYTES)
    fail(`the CRL is ${der.length} bytes, more than the ${MAX_CRL_BYTES} accepted`, 'malformed', 'too-large', {
      size: String(der.length),
      limit: String(MAX_CRL_BYTES),
    });
  try {
    return parseStrict(der);
  } catch (e) {
    // Anything thrown while reading (asn1js on a deep or odd structure included) is a statement about the bytes.
    // Say what kind of bytes these are: BER forms (DER required), not ASN.1, or a well-formed value that is not a CRL.
    if (!der.length) throw new CrlParseError('there are no bytes', 'malformed', 'empty');
    const violation = derViolationAt(der);
    if (violation)
      throw new CrlParseError(derViolation(der)!, BER_FORMS.has(violation.code) ? 'ber' : 'malformed', violation.code, {
        offset: String(violation.offset),
      });
    if (e instanceof CrlParseError && e.kind !== 'not-crl') throw e;
    const cert = certificateIn(der);
    if (cert !== null)
      throw new CrlParseError(`it is an X.509 certificate (${cert || 'empty subject'}), not a CRL`, 'not-crl', 'certificate', {
        subject: cert,
      });
    throw new CrlParseError((e as Error).message, 'not-crl', e instanceof CrlParseError ? e.code : 'not-a-certificate-list');
  }
}

/** The subject of the certificate a well-formed DER value that is not a CRL is, when it is one (null: it is not). */
function certificateIn(der: Uint8Array): string | null {
  try {
    return parseCertificate(der).subject.rfc4514;
  } catch {
    return null;
  }
}

function parseStrict(der: Uint8Array): ParsedCrl {
  const top = header(der, 0, der.length, 'the CertificateList');
  if (top.tag !== 0x30) fail('it does not start with a SEQUENCE');
  if (top.end !== der.length)
    fail(`${der.length - top.end} byte(s) follow the CertificateList`, 'malformed', 'trailing', { count: String(der.length - top.end) });
  const tbs = header(der, top.start, top.end, 'tbsCertList');
  if (tbs.tag !== 0x30) fail('tbsCertList is not a SEQUENCE');
  const sigAlg = header(der, tbs.end, top.end, 'signatureAlgorithm');
  const sigVal = header(der, sigAlg.end, top.end, 'signatureValue');
  if (sigVal.tag !== 0x03 || sigVal.end !== top.end) fail('the CertificateList does not end with its signature BIT STRING');
  if (sigVal.end === sigVal.start || der[sigVal.start] !== 0) fail('the signature BIT STRING has unused bits');

  const field = (at: number, what: string) => header(der, at, tbs.end, what);
  let h = field(tbs.start, 'the first tbsCertList field');
  let version = 1;
  if (h.tag === 0x02) {
    if (h.end - h.start !== 1 || der[h.start] !== 1) fail('the CRL version is not v2 (1), the only version with a version field');
    version = 2;
    h = field(h.end, 'signature');
  }
  if (h.tag !== 0x30) fail('tbsCertList has no signature AlgorithmIdentifier where expected');
  const signature = readAlgorithm(decode(whole(der, h), 'signature'), 'tbsCertList signature');
  h = field(h.end, 'issuer');
  if (h.tag !== 0x30) fail('tbsCertList has no issuer Name where expected');
  const issuer = readName(decode(whole(der, h), 'issuer'), 'issuer');
  h = field(h.end, 'thisUpdate');
  const thisUpdate = readTime(der, h, 'thisUpdate');
  let nextUpdate: Date | null = null;
  let at = h.end;
  let revokedRange: ParsedCrl['revokedRange'] = null;
  let extensionsNode: ReturnType<typeof decode> | null = null;
  while (at < tbs.end) {
    h = field(at, 'a tbsCertList field');
    if ((h.tag === 0x17 || h.tag === 0x18) && nextUpdate === null && revokedRange === null && extensionsNode === null)
      nextUpdate = readTime(der, h, 'nextUpdate');
    else if (h.tag === 0x30 && revokedRange === null && extensionsNode === null) revokedRange = { start: h.start, end: h.end };
    else if (h.tag === 0xa0 && extensionsNode === null) {
      if (version !== 2) fail('a v1 CRL carries crlExtensions (RFC 5280 §5.1.2.1 requires v2)');
      extensionsNode = decode(whole(der, h), 'crlExtensions');
    } else fail(`unexpected field (tag 0x${h.tag.toString(16)}) in tbsCertList at offset ${at}`);
    at = h.end;
  }
  const { list: extensions, duplicates } = extensionsNode ? readExtensions(extensionsNode) : { list: [], duplicates: [] };
  const revoked = revokedRange ? walkRevoked(der, revokedRange) : { count: 0, unknownCritical: [] };

  const signatureAlgorithm = readAlgorithm(decode(whole(der, sigAlg), 'signatureAlgorithm'), 'signatureAlgorithm');
  const byOid = new Map<string, CrlExtension>();
  for (const e of extensions) if (!byOid.has(e.oid)) byOid.set(e.oid, e);
  const ext = (oid: string) => byOid.get(oid);
  const aki = ext(CRL_EXTENSIONS.authorityKeyIdentifier);
  const number = ext(CRL_EXTENSIONS.crlNumber);
  const delta = ext(CRL_EXTENSIONS.deltaCrlIndicator);
  const idp = ext(CRL_EXTENSIONS.issuingDistributionPoint);
  const fresh = ext(CRL_EXTENSIONS.freshestCrl);
  const publish = ext(CRL_EXTENSIONS.msNextCrlPublish);
  let nextPublish: Date | null = null;
  if (publish) {
    const t = readTlv(publish.value, 0, publish.value.length, 1);
    if (t && t.end === publish.value.length && (t.tag === 0x17 || t.tag === 0x18))
      nextPublish = readTime(publish.value, t, 'Next CRL Publish');
  }
  return {
    der,
    tbs: der.subarray(top.start, tbs.end),
    version,
    signature,
    signatureAlgorithm,
    signatureInfo: readSignatureInfo(signatureAlgorithm),
    signatureValue: der.subarray(sigVal.start + 1, sigVal.end),
    issuer: issuer.dn,
    issuerDer: issuer.der,
    thisUpdate,
    nextUpdate,
    extensions,
    duplicateExtensions: duplicates,
    aki: aki ? readAki(aki.value, aki.critical) : null,
    crlNumber: number ? integerExtension(number.value, 'cRLNumber') : null,
    deltaBaseCrlNumber: delta ? integerExtension(delta.value, 'deltaCRLIndicator') : null,
    issuingDistributionPoint: idp ? readIdp(idp.value, idp.critical) : null,
    freshestCrl: fresh ? readDistributionPoints(fresh.value, 'freshestCRL') : [],
    nextPublish,
    unknownCriticalExtensions: extensions.filter((e) => e.critical && !RECOGNISED.has(e.oid)).map((e) => e.oid),
    unknownCriticalEntryExtensions: revoked.unknownCritical,
    revokedCount: revoked.count,
    revokedRange,
  };
}

/** The entries of `crl` whose serials are among `serials` (keys from {@link serialKey} / {@link serialKeyOfHex}). */
export function findRevocations(crl: ParsedCrl, serials: Iterable<string>): Map<string, Revocation> {
  const wanted = new Set(serials);
  const found = new Map<string, Revocation>();
  if (!crl.revokedRange || wanted.size === 0) return found;
  const bytes = crl.der;
  // Most entries are rejected on their length and first octet alone, before any string is made.
  const lengths = new Set<number>();
  const firsts = new Set<number>();
  for (const k of wanted) {
    lengths.add(k.length / 2);
    firsts.add(parseInt(k.slice(0, 2), 16));
  }
  // The list was checked entry by entry when the CRL was parsed: this pass only hops from header to header.
  const { end } = crl.revokedRange;
  for (let at = crl.revokedRange.start; at < end; ) {
    head(bytes, at, end);
    const entryEnd = H.end;
    head(bytes, H.start, entryEnd);
    const serialStart = H.start;
    const serialEnd = H.end;
    at = entryEnd;
    let s = serialStart;
    while (s < serialEnd - 1 && bytes[s] === 0) s++;
    if (!lengths.has(serialEnd - s) || !firsts.has(bytes[s]!)) continue;
    const key = serialKey(bytes.subarray(serialStart, serialEnd));
    if (!wanted.has(key)) continue;
    const date = header(bytes, serialEnd, entryEnd, 'a revocation date');
    const ext = date.end < entryEnd ? header(bytes, date.end, entryEnd, 'crlEntryExtensions') : null;
    const reason = ext ? readEntryExtensions(bytes, ext.start, ext.end, bytes.subarray(serialStart, serialEnd)).reason : null;
    found.set(key, {
      serial: key,
      date: readTime(bytes, date, 'a revocation date'),
      reason: reason === null ? null : (REASONS[reason] ?? `reason ${reason}`),
    });
  }
  return found;
}

const PEM_CRL = /-----BEGIN X509 CRL-----/;

/**
 * Reads a CRL file or download: DER, or PEM (`-----BEGIN X509 CRL-----`), which is reported because Entra downloads
 * the distribution point's bytes and requires DER. Throws CrlParseError.
 */
export function readCrl(bytes: Uint8Array): CrlRead {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64));
  if (/^\s*(\uFEFF|\u00EF\u00BB\u00BF)?\s*-----BEGIN /.test(head) || PEM_CRL.test(head)) {
    const text = new TextDecoder('utf-8').decode(bytes);
    const blocks = decodePem(text).filter((b) => b.label === 'X509 CRL');
    if (blocks.length === 0) {
      const other = decodePem(text)[0]?.label;
      if (other) fail(`it is a PEM "${other}", not a PEM "X509 CRL"`, 'not-crl', 'pem-other', { label: other });
      fail('it is a PEM text with no readable X509 CRL block', 'malformed', 'pem-unreadable');
    }
    if (blocks.length > 1)
      fail(`it holds ${blocks.length} PEM CRLs; give one CRL per file`, 'not-crl', 'pem-several', { count: String(blocks.length) });
    return { crl: parseCrl(blocks[0]!.bytes), pem: true };
  }
  return { crl: parseCrl(bytes), pem: false };
}
