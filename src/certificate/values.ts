/**
 * Typed readers over decoded nodes: each reads a value from its content octets exactly as X.690 and RFC 5280 define
 * it, or refuses it with the field and the clause. INTEGERs are read as big integers (a serial number has up to 20
 * octets, a pathLenConstraint may be 2147483647) and bounded only where a small value is meant; times follow
 * X.680 §46/§47 with RFC 5280 §4.1.2.5's year mapping, calendar-checked.
 */
import { type DerNode, latin1, UNIVERSAL } from './der.js';
import { DecodeError, type IssueSink, typeName, valueOctets } from './der-strict.js';

function fail(where: string, what: string, code = 'structure'): never {
  throw new DecodeError(`${where} ${what}`, code, where);
}

/** The node, when it is the universal type `tag`; refuses otherwise. */
export function expectType(node: DerNode | undefined, tag: number, where: string): DerNode {
  if (!node) fail(where, `is missing (expected ${article(typeName(tag))})`);
  if (!node.is(tag)) fail(where, `is ${describe(node)}, not ${article(typeName(tag))}`);
  return node;
}

function article(name: string): string {
  return /^[AEIOU]/.test(name) ? `an ${name}` : `a ${name}`;
}

export function describe(node: DerNode): string {
  if (node.tagClass === UNIVERSAL) return article(typeName(node.tagNumber));
  const cls = ['', 'universal', 'application', 'context-specific', 'private'][node.tagClass];
  return `a ${cls} [${node.tagNumber}] value`;
}

/** The components of a SEQUENCE with exactly `min`..`max` of them (X.680 §25: a fixed SEQUENCE has no room for more). */
export function components(node: DerNode | undefined, where: string, min: number, max: number = min): DerNode[] {
  const seq = expectType(node, 16, where);
  const c = seq.children!;
  if (c.length < min || c.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    fail(where, `has ${c.length} component(s); its definition has ${want}`);
  }
  return c;
}

export function readBoolean(node: DerNode): boolean {
  return node.content[0] !== 0; // any non-zero octet is TRUE in BER (X.690 §8.2.2); der-strict.ts reports it
}

/** Two's complement, any length. */
export function readInteger(node: DerNode, where: string): bigint {
  expectType(node, 2, where);
  const c = node.content;
  let v = 0n;
  for (let i = 0; i < c.length; i++) v = (v << 8n) | BigInt(c[i]!);
  return c[0]! & 0x80 ? v - (1n << BigInt(8 * c.length)) : v;
}

/** An INTEGER that is meant to be small: read exactly, refused beyond `max` (and below `min`) with the field named. */
export function readSmallInteger(node: DerNode, where: string, min: number, max: number): number {
  const v = readInteger(node, where);
  if (v < BigInt(min) || v > BigInt(max)) fail(where, `is ${v}, outside the range ${min}..${max} this field can hold`, 'integer-range');
  return Number(v);
}

const OID_TEXT = new Map<string, string>();
const MAX_OID_TEXTS = 4096;

/** Dotted form, arcs of any size (X.690 §8.19). */
export function readOid(node: DerNode | undefined, where: string): string {
  const c = expectType(node, 6, where).content;
  const key = c.length <= 16 ? latin1(c) : null;
  const cached = key === null ? undefined : OID_TEXT.get(key);
  if (cached !== undefined) return cached;
  const arcs: string[] = [];
  let v = 0;
  let big: bigint | null = null;
  for (let i = 0; i < c.length; i++) {
    const b = c[i]! & 0x7f;
    if (big !== null) big = big * 128n + BigInt(b);
    else if (v > (Number.MAX_SAFE_INTEGER - b) / 128) big = BigInt(v) * 128n + BigInt(b);
    else v = v * 128 + b;
    if (c[i]! & 0x80) continue;
    if (arcs.length === 0) {
      const first = big ?? BigInt(v);
      arcs.push(first < 40n ? `0.${first}` : first < 80n ? `1.${first - 40n}` : `2.${first - 80n}`);
    } else arcs.push(big !== null ? big.toString() : String(v));
    v = 0;
    big = null;
  }
  const out = arcs.join('.');
  if (key !== null && OID_TEXT.size < MAX_OID_TEXTS) OID_TEXT.set(key, out);
  return out;
}

/** A BIT STRING's bits (in either form): the data octets and the count of unused bits in the last one. */
export function readBits(node: DerNode | undefined, where: string): { bytes: Uint8Array; unused: number } {
  const v = valueOctets(expectType(node, 3, where));
  return { bytes: v.subarray(1), unused: v[0]! };
}

export function readOctets(node: DerNode | undefined, where: string): Uint8Array {
  return valueOctets(expectType(node, 4, where));
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Character string types a name attribute or a URI may use. */
export const STRING_TYPES = new Set([12, 18, 19, 20, 22, 26, 27, 28, 30]);

/** A character string's text: UTF-8, UCS-2 (BMPString), UCS-4 (UniversalString), or one character per octet. */
export function readText(node: DerNode, where: string): string {
  const c = valueOctets(node);
  switch (node.tagNumber) {
    case 12:
      return UTF8.decode(c);
    case 30: {
      let s = '';
      for (let i = 0; i + 1 < c.length; i += 2) s += String.fromCharCode((c[i]! << 8) | c[i + 1]!);
      return s;
    }
    case 28: {
      let s = '';
      for (let i = 0; i + 3 < c.length; i += 4) {
        const cp = ((c[i]! << 24) | (c[i + 1]! << 16) | (c[i + 2]! << 8) | c[i + 3]!) >>> 0;
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
          fail(where, `holds U+${cp.toString(16).toUpperCase()}, which is not a character`, 'not-ber');
        s += String.fromCodePoint(cp);
      }
      return s;
    }
    default:
      return latin1(c);
  }
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

/**
 * A UTCTime or GeneralizedTime. RFC 5280 §4.1.2.5 allows only `YYMMDDHHMMSSZ` and `YYYYMMDDHHMMSSZ`; the other forms
 * X.680 defines are read exactly and reported: no seconds or an offset from UTC (X.690 §11.7, §11.8: DER requires
 * both seconds and `Z`), fractional seconds (RFC 5280 §4.1.2.5.2), a GeneralizedTime for 1950–2049 (RFC 5280
 * §4.1.2.5). A local time (no `Z`, no offset) is refused: it names no instant. So are letters, missing minutes and
 * fields outside the calendar (month 13, 30 February, hour 24, second 60), which would otherwise roll over.
 */
export function readTime(node: DerNode | undefined, where: string, sink: IssueSink): Date {
  if (!node || (!node.is(23) && !node.is(24)))
    fail(where, `is ${node ? describe(node) : 'missing'}, not a UTCTime or GeneralizedTime`, 'time');
  const utc = node.tagNumber === 23;
  const c = node.content;
  // The two forms RFC 5280 allows (every real certificate), read without a regular expression.
  if (!node.isConstructed && c.length === (utc ? 13 : 15) && c[c.length - 1] === 0x5a) {
    const d = (i: number) => (c[i]! - 48) * 10 + (c[i + 1]! - 48);
    let ok = true;
    for (let i = 0; i < c.length - 1; i++) if (c[i]! < 48 || c[i]! > 57) ok = false;
    if (ok) {
      const yy = utc ? d(0) : d(0) * 100 + d(2);
      const year = utc ? (yy >= 50 ? 1900 + yy : 2000 + yy) : yy;
      const k = utc ? 2 : 4;
      const [month, day, hour, minute, second] = [d(k), d(k + 2), d(k + 4), d(k + 6), d(k + 8)];
      if (month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59) {
        if (!utc && year >= 1950 && year < 2050)
          sink.issues.push({ kind: 'schema', code: 'time-generalized-for-utc', clause: 'RFC 5280 §4.1.2.5', where });
        const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
        date.setUTCFullYear(year);
        return date;
      }
    }
  }
  const text = latin1(valueOctets(node));
  const name = utc ? 'UTCTime' : 'GeneralizedTime';
  const bad = (why: string): never => fail(where, `${name} "${text.slice(0, 40)}" is not a valid time: ${why}`, 'time');
  const m = utc
    ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:(Z)|([+-])(\d{2})(\d{2}))$/.exec(text)
    : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d+))?(?:(Z)|([+-])(\d{2})(\d{2}))$/.exec(text);
  if (!m) {
    if (!utc && /^\d{10,14}(?:[.,]\d+)?$/.test(text)) bad('it has no "Z" or offset, so it is a local time that names no instant');
    bad(`it is not ${utc ? 'YYMMDDHHMM[SS](Z|±HHMM)' : 'YYYYMMDDHHMM[SS[.f]](Z|±HHMM)'} (X.680 §${utc ? 47 : 46}; RFC 5280 §4.1.2.5)`);
  }
  const g = m!.slice(1);
  const fraction = utc ? undefined : g[6];
  const [zulu, sign, oh, om] = utc ? g.slice(6) : g.slice(7);
  const yy = Number(g[0]);
  const year = utc ? (yy >= 50 ? 1900 + yy : 2000 + yy) : yy;
  const [month, day, hour, minute] = [g[1], g[2], g[3], g[4]].map(Number) as [number, number, number, number];
  const second = g[5] === undefined ? 0 : Number(g[5]);
  if (month < 1 || month > 12) bad(`month ${month} does not exist`);
  if (day < 1 || day > daysIn(year, month)) bad(`day ${day} does not exist in ${year}-${String(month).padStart(2, '0')}`);
  if (hour > 23) bad(`hour ${hour} does not exist (RFC 5280 §4.1.2.5.1: hours run 00 to 23)`);
  if (minute > 59) bad(`minute ${minute} does not exist`);
  if (second > 59) bad(`second ${second} does not exist (RFC 5280 §4.1.2.5: seconds run 00 to 59)`);
  let offsetMinutes = 0;
  if (!zulu) {
    if (Number(oh) > 23 || Number(om) > 59) bad(`the offset ${sign}${oh}${om} is not an offset from UTC`);
    offsetMinutes = (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om));
  }
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  // Local time = UTC + offset (X.680 §46.3 c), so UTC = local − offset.
  let ms = date.getTime() - offsetMinutes * 60_000;
  if (fraction !== undefined) ms += Math.floor(Number(`0.${fraction}`) * 1000);
  if (g[5] === undefined)
    sink.issues.push({ kind: 'der', code: 'time-no-seconds', clause: utc ? 'X.690 §11.8.2' : 'X.690 §11.7.2', where });
  if (!zulu) sink.issues.push({ kind: 'der', code: 'time-offset', clause: utc ? 'X.690 §11.8.1' : 'X.690 §11.7.1', where });
  if (fraction !== undefined) sink.issues.push({ kind: 'schema', code: 'time-fraction', clause: 'RFC 5280 §4.1.2.5.2', where });
  // UTCTime covers 1950–2049; RFC 5280 requires it there (GeneralizedTime before 1950 is the only way to write such a date).
  if (!utc && year >= 1950 && year < 2050)
    sink.issues.push({ kind: 'schema', code: 'time-generalized-for-utc', clause: 'RFC 5280 §4.1.2.5', where });
  return new Date(ms);
}
