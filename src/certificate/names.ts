/**
 * Distinguished names: RFC 4514 strings, the Windows/Graph string, and the RFC 5280 §7.1 comparison key.
 */
import type { DistinguishedName, NameAttribute } from '../types.js';
import { fromHex, toHex } from './encoding.js';

/** Short names: RFC 4514 §3 plus the ones OpenSSL and Windows print for common attributes. */
const RFC4514_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.9': 'STREET',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '2.5.4.5': 'serialNumber',
  '2.5.4.4': 'SN',
  '2.5.4.42': 'GN',
  '2.5.4.12': 'title',
  '2.5.4.43': 'initials',
  '2.5.4.97': 'organizationIdentifier',
  '2.5.4.17': 'postalCode',
  '2.5.4.15': 'businessCategory',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
};

/** Windows CertNameToStr (X500) keys; unknown attributes print as OID.<dotted>. */
const WINDOWS_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.7': 'L',
  '2.5.4.8': 'S',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.9': 'STREET',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'E',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.4': 'SN',
  '2.5.4.42': 'G',
  '2.5.4.12': 'T',
  '2.5.4.43': 'I',
  '2.5.4.97': 'OID.2.5.4.97',
  '2.5.4.17': 'PostalCode',
  '2.5.4.46': 'DnQualifier',
};

export function shortName(oid: string): string {
  return RFC4514_NAMES[oid] ?? oid;
}

/** Attribute types accepted when reading a typed-in name (either style), mapped to OIDs. */
const NAME_TO_OID: Record<string, string> = {};
for (const [oid, n] of Object.entries(RFC4514_NAMES)) NAME_TO_OID[n.toUpperCase()] = oid;
for (const [oid, n] of Object.entries(WINDOWS_NAMES)) NAME_TO_OID[n.toUpperCase()] ??= oid;
Object.assign(NAME_TO_OID, {
  E: '1.2.840.113549.1.9.1',
  EMAIL: '1.2.840.113549.1.9.1',
  S: '2.5.4.8',
  ST: '2.5.4.8',
  G: '2.5.4.42',
  GIVENNAME: '2.5.4.42',
  T: '2.5.4.12',
  SERIALNUMBER: '2.5.4.5',
});

function escapeRfc4514(value: string): string {
  let out = value
    .replace(/[\\,+"<>;=]/g, (c) => `\\${c}`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: RFC 4514 §2.4 escapes control characters, so it must match them.
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`);
  if (out.startsWith('#') || out.startsWith(' ')) out = `\\${out}`;
  if (out.endsWith(' ') && !out.endsWith('\\ ')) out = `${out.slice(0, -1)}\\ `;
  return out;
}

function quoteWindows(value: string): string {
  // Windows quotes values holding , + = " newline < > # ; or edge spaces; a backslash is quoted too, so that the
  // string reads back unambiguously with the RFC 4514 escapes parseNameString also accepts.
  return /[,+="\n<>#;\\]|^\s|\s$/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * RFC 5280 §7.1 / RFC 4518 matching, approximated as Windows and OpenSSL do it: Unicode NFKC,
 * case folded, leading/trailing space removed and inner runs of space collapsed.
 */
export function normaliseForMatch(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Escapes the separators of the comparison key inside a value, so different names never share a key. */
function keyValue(value: string): string {
  return value.replace(/[%+/=]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The strings and comparison key of a name read from a certificate. An empty RDN (an X.501 violation parse.ts reports)
 * is left out of the strings and of `rdns`, as OpenSSL prints such a name, but keeps its place in the key.
 */
export function makeDistinguishedName(all: NameAttribute[][], stringTyped: (a: NameAttribute) => boolean): DistinguishedName {
  const rdns = all.some((r) => r.length === 0) ? all.filter((r) => r.length > 0) : all;
  const reversed = [...rdns].reverse();
  const rfc4514 = reversed.map((rdn) => rdn.map((a) => `${shortName(a.oid)}=${escapeRfc4514(a.value)}`).join('+')).join(',');
  const windows = reversed
    .map((rdn) => rdn.map((a) => `${WINDOWS_NAMES[a.oid] ?? `OID.${a.oid}`}=${quoteWindows(a.value)}`).join(' + '))
    .join(', ');
  const key = all
    .map((rdn) =>
      rdn.length === 0
        ? '\u2205' // an empty RDN: no attribute entry ("oid=value") can look like this
        : rdn
            .map((a) => `${a.oid}=${keyValue(stringTyped(a) ? normaliseForMatch(a.value) : a.value)}`)
            .sort()
            .join('+'),
    )
    .join('/');
  return { rfc4514, windows, rdns, key };
}

/** One attribute of a name read from text: its type as written, and its value unescaped — or its DER for a `#hex` value. */
export interface TextAttribute {
  type: string;
  value: string;
  /** The attribute value's DER, for an RFC 4514 `#hex` value. */
  der?: Uint8Array;
}

export class NameSyntaxError extends Error {
  constructor(text: string, what: string, at: number) {
    super(`invalid distinguished name ${JSON.stringify(text)}: ${what} at ${at}`);
    this.name = 'NameSyntaxError';
  }
}

const UTF8 = new TextEncoder();

/**
 * Reads a distinguished name written as text, most specific RDN first, into its RDNs (as written). One reader for both
 * styles a person or Graph writes: RFC 4514 (`CN=a\,b+OU=c,O=d`, `\XX` escapes of UTF-8 octets, `#hex` values) and the
 * Windows one (`CN=a, O=b, S=c`, values in double quotes with `""` for a quote, `;` between RDNs). Unescaped spaces
 * around a value are dropped. Throws a {@link NameSyntaxError} that says where.
 */
export function parseNameText(text: string): TextAttribute[][] {
  const rdns: TextAttribute[][] = [];
  if (text.trim() === '') return rdns;
  const n = text.length;
  let i = 0;
  let rdn: TextAttribute[] = [];
  const fail = (what: string): never => {
    throw new NameSyntaxError(text, what, i);
  };
  const skipSpace = () => {
    while (text[i] === ' ') i++;
  };
  for (;;) {
    skipSpace();
    const eq = text.indexOf('=', i);
    if (eq < 0) fail('missing "="');
    const type = text.slice(i, eq).trim();
    if (!type) fail('empty attribute type');
    i = eq + 1;
    skipSpace();
    const attribute: TextAttribute = { type, value: '' };
    if (text[i] === '#') {
      let j = i + 1;
      while (j < n && /[0-9a-fA-F]/.test(text[j]!)) j++;
      const der = fromHex(text.slice(i + 1, j));
      if (!der || der.length === 0) fail('a "#" value that is not hex');
      attribute.value = text.slice(i, j);
      attribute.der = der!;
      i = j;
    } else if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) fail('unterminated quoted value');
        if (text[i] === '"' && text[i + 1] === '"') {
          attribute.value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else attribute.value += text[i++];
      }
    } else {
      const bytes: number[] = [];
      let keep = 0; // octets up to the last escaped or non-space character
      while (i < n && text[i] !== ',' && text[i] !== ';' && text[i] !== '+') {
        if (text[i] === '\\') {
          const hex = text.slice(i + 1, i + 3);
          if (/^[0-9a-fA-F]{2}$/.test(hex)) {
            bytes.push(parseInt(hex, 16));
            i += 3;
          } else if (i + 1 < n) {
            const next = String.fromCodePoint(text.codePointAt(i + 1)!);
            bytes.push(...UTF8.encode(next));
            i += 1 + next.length;
          } else fail('a "\\" at the end');
          keep = bytes.length;
        } else {
          const ch = String.fromCodePoint(text.codePointAt(i)!);
          bytes.push(...UTF8.encode(ch));
          if (ch !== ' ') keep = bytes.length;
          i += ch.length;
        }
      }
      try {
        attribute.value = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes.slice(0, keep)));
      } catch {
        fail('escapes that are not UTF-8');
      }
    }
    skipSpace();
    rdn.push(attribute);
    if (i >= n) {
      rdns.push(rdn);
      return rdns;
    }
    const separator = text[i++];
    if (separator === ',' || separator === ';') {
      rdns.push(rdn);
      rdn = [];
    } else if (separator !== '+') fail(`unexpected ${JSON.stringify(separator)}`);
  }
}

/** The OID of an attribute type as people write it (CN, S, E, emailAddress, OID.2.5.4.3, 2.5.4.3 …); null when unknown. */
export function attributeOid(type: string): string | null {
  const t = type
    .trim()
    .toUpperCase()
    .replace(/^OID\./, '');
  return /^\d+(\.\d+)+$/.test(t) ? t : (NAME_TO_OID[t] ?? null);
}

/**
 * Reads a name typed by a person or echoed by Graph — RFC 4514 (`CN=a,O=b`) or Windows (`CN=a, O=b, S=c`) —
 * into the comparison key used by {@link makeDistinguishedName}. Both styles write the most specific RDN first.
 * Returns null when the text is not a name.
 */
export function parseNameString(text: string): string | null {
  let rdns: TextAttribute[][];
  try {
    rdns = parseNameText(text);
  } catch {
    return null;
  }
  if (rdns.length === 0) return null;
  const keys: string[] = [];
  for (const rdn of rdns.reverse()) {
    const parts: string[] = [];
    for (const a of rdn) {
      const oid = attributeOid(a.type);
      if (!oid) return null;
      parts.push(`${oid}=${keyValue(a.der ? `#${toHex(a.der)}` : normaliseForMatch(a.value))}`);
    }
    keys.push(parts.sort().join('+'));
  }
  return keys.join('/');
}
