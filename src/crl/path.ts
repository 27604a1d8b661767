/**
 * Revocation along a validated path: the certificates a verifier checks (the device and every CA below the trust
 * anchor, which RFC 5280 §6.1.1 (d) takes as an input and never checks), each against the CRLs given for its issuer.
 * The device check and the x509-limbo runner both go through here, so the product has one answer to "is this path
 * revoked?": the CRLs are read, matched and verified by `analyseCrls`, decided by `checkRevocation`.
 */
import type { ParsedCertificate } from '../certificate/parse.js';
import { analyseCrls, type AnalysedCrl } from './analyse.js';
import { checkRevocation, coveredOnPath, type PathRevocation } from './revocation.js';
import type { CrlInput, ListedCa } from './types.js';

export interface PathRevocationOptions {
  at: Date;
  crypto: Crypto;
  /** Also refuse CRLs that break the RFC 5280 §5 profile (see `CrlRefusal`). */
  strict?: boolean;
}

/**
 * The revocation status of a validated path against CRL files: `list` is the CAs the path indexes (none of them
 * configures a CRL URL; the CRLs are matched to them by AKI, else issuer name, as `check --crl` matches files).
 */
export async function checkPathRevocation(
  list: readonly ParsedCertificate[],
  device: ParsedCertificate,
  path: readonly number[],
  crls: readonly CrlInput[],
  options: PathRevocationOptions,
): Promise<PathRevocation<number> & { analysed: AnalysedCrl[] }> {
  const cas: ListedCa[] = list.map((parsed, index) => ({ index, parsed, baseUrl: null, deltaUrl: null }));
  const analysed = await analyseCrls(cas, crls, { at: options.at, crypto: options.crypto });
  const covered = coveredOnPath(device, path, (i) => list[i]!);
  return { ...checkRevocation(analysed, covered, { strict: options.strict ?? false }), analysed };
}
