/** Where a finding about a given CRL points (kept apart from the CRL reader, which is loaded on demand). */
import type { AnalysedCrl } from './analyse.js';

/** Its configured URL member, else the CA it belongs to, else the whole body. */
export function crlPointer(a: AnalysedCrl): string {
  if (a.input.from) return `/certificateAuthorities/${a.input.from.index}/${a.input.from.member}`;
  if (!a.ca) return '';
  return a.member ? `/certificateAuthorities/${a.ca.index}/${a.member}` : `/certificateAuthorities/${a.ca.index}`;
}
