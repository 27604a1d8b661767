/**
 * Distinguished names: RFC 4514 strings, the Windows/Graph string, and the RFC 5280 §7.1 comparison key.
 */
import type { DistinguishedName, NameAttribute } from '../types.js';

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

export function makeDistinguishedName(rdns: NameAttribute[][], stringTyped: (a: NameAttribute) => boolean): DistinguishedName {
  const reversed = [...rdns].reverse();
  const rfc4514 = reversed.map((rdn) => rdn.map((a) => `${shortName(a.oid)}=${escapeRfc4514(a.value)}`).join('+')).join(',');
  const windows = reversed
    .map((rdn) => rdn.map((a) => `${WINDOWS_NAMES[a.oid] ?? `OID.${a.oid}`}=${quoteWindows(a.value)}`).join(' + '))
    .join(', ');
  const key = rdns
    .map((rdn) =>
      rdn
        .map((a) => `${a.oid}=${keyValue(stringTyped(a) ? normaliseForMatch(a.value) : a.value)}`)
        .sort()
        .join('+'),
    )
    .join('/');
  return { rfc4514, windows, rdns, key };
}

/**
 * Reads a name typed by a person or echoed by Graph — RFC 4514 (`CN=a,O=b`) or Windows (`CN=a, O=b, S=c`) —
 * into the comparison key used by {@link makeDistinguishedName}. Both styles write the most specific RDN first.
 * Returns null when the text is not a name.
 */
export function parseNameString(text: string): string | null {
  const rdns: string[][] = [];
  let current: string[] = [];
  let i = 0;
  const n = text.length;
  const skipSpace = () => {
    while (i < n && text[i] === ' ') i++;
  };
  while (i < n) {
    skipSpace();
    let type = '';
    while (i < n && text[i] !== '=') type += text[i++];
    if (i >= n) return null;
    i++; // '='
    type = type
      .trim()
      .toUpperCase()
      .replace(/^OID\./, '');
    const oid = /^\d+(\.\d+)+$/.test(type) ? type : NAME_TO_OID[type];
    if (!oid) return null;
    skipSpace();
    let value = '';
    if (text[i] === '"') {
      i++;
      while (i < n) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
          continue;
        }
        if (text[i] === '"') {
          i++;
          break;
        }
        value += text[i++];
      }
      skipSpace();
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '+' && text[i] !== ';') {
        if (text[i] === '\\' && i + 1 < n) {
          const hex = text.slice(i + 1, i + 3);
          if (/^[0-9a-fA-F]{2}$/.test(hex)) {
            value += String.fromCharCode(parseInt(hex, 16));
            i += 3;
          } else {
            value += text[i + 1];
            i += 2;
          }
          continue;
        }
        value += text[i++];
      }
    }
    current.push(`${oid}=${keyValue(normaliseForMatch(value))}`);
    if (i >= n || text[i] === ',' || text[i] === ';') {
      rdns.push(current.sort());
      current = [];
    }
    i++;
  }
  if (current.length) rdns.push(current.sort());
  if (rdns.length === 0) return null;
  return rdns
    .reverse()
    .map((r) => r.join('+'))
    .join('/');
}
