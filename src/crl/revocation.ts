/**
 * Which certificates the given CRLs revoke: listed CAs revoked by their issuer's CRL (every device under them then
 * fails), or the certificates on a device's path. A delta CRL adds its entries and lifts the holds it marks
 * removeFromCRL (RFC 5280 §5.2.4, §5.3.1); a CRL whose issuingDistributionPoint limits it to end-entity or to CA
 * certificates is only consulted for those (§5.2.5). And, for the certificates on a path, whose status the CRLs given
 * for their issuer cannot decide (`checkRevocation`, RFC 5280 §6.3.3): the one revocation logic of the list check,
 * the device check and the x509-limbo runner.
 */
import { findRevocations, serialKeyOfHex, type Revocation } from '../certificate/crl.js';
import { bytesEqual } from '../certificate/encoding.js';
import type { ParsedCertificate } from '../certificate/parse.js';
import type { AnalysedCrl } from './analyse.js';

export interface CoveredCertificate<K> {
  /** The caller's handle for this certificate (an entry index, "device", …). */
  key: K;
  parsed: ParsedCertificate;
  /** Index of the listed CA that issued it: the CRLs of that CA are consulted. */
  issuerIndex: number;
  /**
   * That CA's certificate. With it, the CRLs matched to another listed certificate of the same CA (same subject, same
   * key: a CA listed twice, e.g. cross-signed by two roots) are consulted too — a CRL is the CA's, not one entry's.
   */
  issuer?: ParsedCertificate;
}

/** The same CA: the same subject (RFC 5280 §7.1 comparison) and the same key. */
function sameCa(a: ParsedCertificate, b: ParsedCertificate): boolean {
  return a.subject.key === b.subject.key && bytesEqual(a.publicKey.spki, b.publicKey.spki);
}

/** The CRL is its issuer's: matched to that listed CA, or to another listed certificate of the same CA. */
function isIssuersCrl<K>(a: AnalysedCrl, c: CoveredCertificate<K>): boolean {
  if (!a.ca) return false;
  return a.ca.index === c.issuerIndex || (c.issuer !== undefined && sameCa(a.ca.parsed, c.issuer));
}

export interface RevocationHit<K> {
  key: K;
  crl: AnalysedCrl;
  revocation: Revocation;
}

/** The device's handle in the results: list positions are 0 and up. */
export const DEVICE = -1;

/**
 * What a verifier checks for revocation on `path` (list positions from the device's issuer up to the anchor, as
 * `validateDevicePath` returns it): the device, issued by `path[0]`, and each CA but the last, issued by the next.
 */
export function coveredOnPath(
  device: ParsedCertificate,
  path: readonly number[],
  parsedAt: (index: number) => ParsedCertificate,
): CoveredCertificate<number>[] {
  if (path.length === 0) return [];
  return [
    { key: DEVICE, parsed: device, issuerIndex: path[0]!, issuer: parsedAt(path[0]!) },
    ...path.slice(0, -1).map((i, k) => ({ key: i, parsed: parsedAt(i), issuerIndex: path[k + 1]!, issuer: parsedAt(path[k + 1]!) })),
  ];
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
  const withIssuer = certs.filter((c) => c.issuer !== undefined);
  const revoked = new Map<K, RevocationHit<K>>();
  const lifted = new Set<K>();
  const lookup = (a: AnalysedCrl): { cert: CoveredCertificate<K>; revocation: Revocation }[] => {
    const sameCaElsewhere = withIssuer.filter((c) => c.issuerIndex !== a.ca!.index && isIssuersCrl(a, c));
    const covered = [...(byIssuer.get(a.ca!.index) ?? []), ...sameCaElsewhere].filter((c) => inScope(a, c.parsed));
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

/**
 * Why a complete CRL given for a certificate's issuer cannot say that the certificate is not revoked (RFC 5280 §6.3.3):
 * - `unread`: the bytes are not a CRL;
 * - `signature`: the issuer's key does not verify it (§6.3.3 (g)), or the two signature algorithms differ (§5.1.1.2);
 * - `unknown-critical-extension`: a critical extension that is not processed (§5.2: the CRL "MUST NOT" be used);
 * - `no-crl-sign`: the issuer's keyUsage lacks cRLSign (§6.3.3 (f));
 * - `expired`, `not-yet-valid`: the CRL is not current at the validation time (§6.3.3 (a), §5.1.2.4, §5.1.2.5);
 * - `some-reasons`: it covers only some revocation reasons (§5.2.5 onlySomeReasons; §6.3.3 (k) leaves the rest undetermined);
 * - with `strict`, the §5 profile that conforming CRL issuers follow: `crl-number-missing` and `crl-number-critical`
 *   (§5.2.3: "CRL issuers conforming to this profile MUST include this extension in all CRLs and MUST mark this
 *   extension as non-critical"), as the strict path validation holds certificates to the §4 profile.
 */
export type CrlRefusal =
  | 'unread'
  | 'signature'
  | 'unknown-critical-extension'
  | 'no-crl-sign'
  | 'expired'
  | 'not-yet-valid'
  | 'some-reasons'
  | 'crl-number-missing'
  | 'crl-number-critical';

/** The clause behind each refusal, for messages. */
export const CRL_REFUSAL_CLAUSE: Record<CrlRefusal, string> = {
  unread: 'RFC 5280 §5.1',
  signature: 'RFC 5280 §6.3.3 (g)',
  'unknown-critical-extension': 'RFC 5280 §5.2',
  'no-crl-sign': 'RFC 5280 §6.3.3 (f)',
  expired: 'RFC 5280 §6.3.3 (a)',
  'not-yet-valid': 'RFC 5280 §5.1.2.4',
  'some-reasons': 'RFC 5280 §6.3.3 (k)',
  'crl-number-missing': 'RFC 5280 §5.2.3',
  'crl-number-critical': 'RFC 5280 §5.2.3',
};

const CRL_NUMBER = '2.5.29.20';

/** Why `a` cannot establish that a certificate of its CA is not revoked, or null when it can. */
export function crlRefusal(a: AnalysedCrl, options: { strict?: boolean } = {}): CrlRefusal | null {
  const crl = a.crl;
  if (!crl) return 'unread';
  if (a.signature?.status === 'invalid' || a.algorithmMismatch) return 'signature';
  if (crl.unknownCriticalExtensions.length) return 'unknown-critical-extension';
  if (a.caLacksCrlSign) return 'no-crl-sign';
  if (a.window !== 'valid') return a.window;
  if (crl.issuingDistributionPoint?.onlySomeReasons) return 'some-reasons';
  if (options.strict) {
    const number = crl.extensions.find((e) => e.oid === CRL_NUMBER);
    if (!number) return 'crl-number-missing';
    if (number.critical) return 'crl-number-critical';
  }
  return null;
}

export interface UndeterminedStatus<K> {
  key: K;
  /** Every complete CRL given for the certificate's issuer, each with why it cannot decide. */
  refused: { crl: AnalysedCrl; why: CrlRefusal }[];
}

export interface PathRevocation<K> {
  /** The certificates a usable CRL lists (findRevoked). */
  revoked: RevocationHit<K>[];
  /**
   * The certificates, not revoked, for whose issuer complete CRLs were given but none can decide: their status is
   * UNDETERMINED (RFC 5280 §6.3.3 (k)). A certificate whose issuer has no CRL given is in neither list.
   */
  undetermined: UndeterminedStatus<K>[];
}

/**
 * The revocation status of `certs` against the CRLs given: which are revoked, and which cannot be decided because every
 * complete CRL of their issuer is refused (`crlRefusal`).
 */
export function checkRevocation<K>(
  analysed: readonly AnalysedCrl[],
  certs: readonly CoveredCertificate<K>[],
  options: { strict?: boolean } = {},
): PathRevocation<K> {
  const revoked = findRevoked(analysed, certs);
  const hit = new Set(revoked.map((r) => r.key));
  const undetermined: UndeterminedStatus<K>[] = [];
  for (const c of certs) {
    if (hit.has(c.key)) continue;
    const given = analysed.filter((a) => isIssuersCrl(a, c) && a.role === 'base' && (!a.crl || inScope(a, c.parsed)));
    if (given.length === 0) continue;
    const refused = given.map((crl) => ({ crl, why: crlRefusal(crl, options) }));
    if (refused.every((r) => r.why !== null)) undetermined.push({ key: c.key, refused: refused as UndeterminedStatus<K>['refused'] });
  }
  return { revoked, undetermined };
}
