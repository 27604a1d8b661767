/**
 * subjectAltName (RFC 5280 §4.2.1.6) → the identities RFC 8705 §2.1.2 lets a client register: dNSName,
 * uniformResourceIdentifier, iPAddress and rfc822Name, in certificate order. Other GeneralName forms (otherName such as
 * Microsoft's UPN, directoryName, registeredID) are counted, not read.
 */
import type { ParsedCertificate } from './parse.js';
import { children, content, decode, isContext, isUniversal } from './parse.js';

export interface SubjectAltNames {
  dns: string[];
  uri: string[];
  /** IPv4 dotted quads; IPv6 in RFC 5952 text (lower case, the longest run of zero groups as "::"). */
  ip: string[];
  email: string[];
  /** GeneralNames of other forms. */
  others: number;
  critical: boolean;
}

const SAN_OID = '2.5.29.17';

function ipText(b: Uint8Array): string {
  if (b.length === 4) return Array.from(b).join('.');
  if (b.length !== 16) return `(${b.length}-octet address)`;
  const groups = Array.from({ length: 8 }, (_, i) => (b[2 * i]! << 8) | b[2 * i + 1]!);
  // RFC 5952 §4.2: compress the longest run of two or more zero groups (the first one on a tie).
  let best = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      best = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLength).join(':')}`;
}

/** The certificate's subjectAltName entries; null when it has none. Throws CertificateParseError on a malformed one. */
export function subjectAltNames(cert: Pick<ParsedCertificate, 'extensions'>): SubjectAltNames | null {
  const ext = cert.extensions.find((e) => e.oid === SAN_OID);
  if (!ext) return null;
  const out: SubjectAltNames = { dns: [], uri: [], ip: [], email: [], others: 0, critical: ext.critical };
  const seq = decode(ext.value, 'subjectAltName');
  if (!isUniversal(seq, 16)) return out;
  const latin1 = new TextDecoder('latin1');
  for (const gn of children(seq, 'subjectAltName')) {
    if (isContext(gn, 1)) out.email.push(latin1.decode(content(gn)));
    else if (isContext(gn, 2)) out.dns.push(latin1.decode(content(gn)));
    else if (isContext(gn, 6)) out.uri.push(latin1.decode(content(gn)));
    else if (isContext(gn, 7)) out.ip.push(ipText(content(gn)));
    else out.others++;
  }
  return out;
}
