/**
 * Which certificates the given CRLs revoke: listed CAs revoked by their issuer's CRL (every device under them then
 * fails), or the certificates on a device's path. A delta CRL adds its entries and lifts the holds it marks
 * removeFromCRL (RFC 5280 §5.2.4, §5.3.1); a CRL whose issuingDistributionPoint limits it to end-entity or to CA
 * certificates is only consulted for those (§5.2.5).
 */
import { findRevocations, serialKeyOfHex, type Revocation } from '../certificate/crl.js';
import type { ParsedCertificate } from '../certificate/parse.js';
import type { AnalysedCrl } from './analyse.js';

export interface CoveredCertificate<K> {
  /** The caller's handle for this certificate (an entry index, "device", …). */
  key: K;
  parsed: ParsedCertificate;
  /** Index of the listed CA that issued it: the CRLs of that CA are consulted. */
  issuerIndex: number;
}

export interface RevocationHit<K> {
  key: K;
  crl: AnalysedCrl;
  revocation: Revocation;
}

function inScope(a: AnalysedCrl, cert: ParsedCertificate): boolean {
  const idp = a.crl!.issuingDistributionPoint;
  if (!idp) return true;
  const isCa = cert.basicConstraints?.cA === true;
  return !((idp.onlyContainsUserCerts && isCa) || (idp.onlyContainsCACerts && !isCa) || idp.onlyContainsAttributeCerts);
}

/** The revoked ones among `certs`, one hit per certificate (the first CRL that lists it). */
export function findRevoked<K>(analysed: readonly AnalysedCrl[], certs: readonly CoveredCertificate<K>[]): RevocationHit<K>[] {
  const byIssuer = new Map<number, CoveredCertificate<K>[]>();
  for (const c of certs) {
    const l = byIssuer.get(c.issuerIndex);
    if (l) l.push(c);
    else byIssuer.set(c.issuerIndex, [c]);
  }
  const revoked = new Map<K, RevocationHit<K>>();
  const lifted = new Set<K>();
  const lookup = (a: AnalysedCrl): { cert: CoveredCertificate<K>; revocation: Revocation }[] => {
    const covered = (byIssuer.get(a.ca!.index) ?? []).filter((c) => inScope(a, c.parsed));
    if (covered.length === 0) return [];
    const keyed = new Map(covered.map((c) => [serialKeyOfHex(c.parsed.serialNumber), c]));
    return [...findRevocations(a.crl!, keyed.keys())].map(([serial, revocation]) => ({ cert: keyed.get(serial)!, revocation }));
  };
  const usable = analysed.filter((a) => a.usable && a.ca && a.crl);
  for (const a of usable.filter((x) => x.role === 'base'))
    for (const { cert, revocation } of lookup(a)) if (!revoked.has(cert.key)) revoked.set(cert.key, { key: cert.key, crl: a, revocation });
  for (const d of usable.filter((x) => x.role === 'delta')) {
    for (const { cert, revocation } of lookup(d)) {
      if (revocation.reason === 'removeFromCRL') lifted.add(cert.key);
      else if (!revoked.has(cert.key)) revoked.set(cert.key, { key: cert.key, crl: d, revocation });
    }
  }
  for (const k of lifted) {
    const hit = revoked.get(k);
    if (hit && hit.crl.role === 'base' && hit.revocation.reason === 'certificateHold') revoked.delete(k);
  }
  return [...revoked.values()];
}
