/**
 * Distinguished names for pooled certificates, written independently of the library's own name code so that the
 * `issuer` echoes the arbitraries produce are an oracle, not a copy: RFC 4514 (for the builder and for echoes) and the
 * Windows X500 style Graph returns (`CN=…, OU=…, O=…, L=…, S=…, C=…`, most specific first).
 */
import type { SeededRandom } from '../seeded-random.js';

/** [type, value] pairs, most specific first, as both styles write them. Types use RFC 4514 short names. */
export type NameParts = readonly (readonly [type: 'CN' | 'OU' | 'O' | 'L' | 'ST' | 'C', value: string])[];

/** Organisation names that exercise escaping and quoting: commas, quotes, plus, semicolons, equals, non-ASCII. */
const ORGANISATIONS = [
  'Contoso',
  'Fabrikam, Inc.',
  'Northwind "Traders"',
  'Zoë Société Générale',
  'Tailspin + Toys',
  'Wide World Importers',
  '東京テスト株式会社',
  'Adatum; Ltd',
  'Proseware = Labs',
  'Litware #1',
] as const;
const UNITS = [null, 'PKI', 'Device Trust', 'Sécurité'] as const;
const PLACES = [null, ['Redmond', 'WA'], ['Paris', 'Île-de-France'], ['München', 'Bayern']] as const;
const COUNTRIES = ['US', 'FR', 'DE', 'JP', 'GB', 'NL'] as const;

export interface Organisation {
  /** Everything after the CN, most specific first. */
  tail: NameParts;
  /** A short form for common names and URLs. */
  label: string;
}

export function randomOrganisation(rng: SeededRandom, index: number): Organisation {
  const o = ORGANISATIONS[(index + rng.int(0, ORGANISATIONS.length - 1)) % ORGANISATIONS.length]!;
  const unit = rng.pick(UNITS);
  const place = rng.pick(PLACES);
  const tail: [NameParts[number][0], string][] = [];
  if (unit) tail.push(['OU', unit]);
  tail.push(['O', o]);
  if (place) tail.push(['L', place[0]], ['ST', place[1]]);
  tail.push(['C', rng.pick(COUNTRIES)]);
  return { tail, label: o.replace(/[^A-Za-z0-9]+/g, ' ').trim() || 'Org' };
}

function escapeRfc4514Value(value: string): string {
  let out = value.replace(/[\\,+"<>;=]/g, (c) => `\\${c}`);
  if (out.startsWith('#') || out.startsWith(' ')) out = `\\${out}`;
  if (out.endsWith(' ')) out = `${out.slice(0, -1)}\\ `;
  return out;
}

/** RFC 4514 string, most specific first, `, ` separated (accepted by RFC 4514 readers and by the test builder). */
export function rfc4514(parts: NameParts): string {
  return parts.map(([t, v]) => `${t}=${escapeRfc4514Value(v)}`).join(', ');
}

/** The RFC 4514 string as RFC 4514 writes it (§2.1: RDNs separated by a bare comma), the form Entra's subject DN takes. */
export function rfc4514Compact(parts: NameParts): string {
  return parts.map(([t, v]) => `${t}=${escapeRfc4514Value(v)}`).join(',');
}

const WINDOWS_TYPE: Record<NameParts[number][0], string> = { CN: 'CN', OU: 'OU', O: 'O', L: 'L', ST: 'S', C: 'C' };

/** Windows CertNameToStr X500 style, as Graph echoes `issuer`: values with special characters are double-quoted. */
export function windowsName(parts: NameParts): string {
  return parts
    .map(([t, v]) => `${WINDOWS_TYPE[t]}=${/[,+="\n<>#;]|^\s|\s$/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v}`)
    .join(', ');
}
