/**
 * Revocation along a validated path: the certificates a verifier checks (the device and every CA below the trust
 * anchor, which RFC 5280 §6.1.1 (d) takes as an input and never checks), each against the CRLs given for its issuer.
 * The x509-limbo runner checks paths here; `ca-preflight device` decides with the same `checkRevocation` on the CRLs
 * `preflight` has analysed — one answer to "is this path revoked?": the CRLs read, matched and verified by
 * `analyseCrls`, the path decided by `checkRevocation`.
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
 * The revocation check of paths through `list` (list positions, as `validateDevicePath` gives them) against CRL files:
 * the CRLs are read, matched (by AKI, else issuer name, as `check --crl` matches files; no CA configures a URL here)
 * and verified once, and each path is then decided by `checkRevocation` — fit for `validateDevicePath`'s `acceptPath`.
 * A listed certificate that could not be read (null) is matched to no CRL.
 */
export async function pathRevocationCheck(
  list: readonly (ParsedCertificate | null)[],
  device: ParsedCertificate,
  crls: readonly CrlInput[],
  options: PathRevocationOptions,
): Promise<{ analysed: AnalysedCrl[]; check: (path: readonly number[]) => PathRevocation<number> }> {
  const cas: ListedCa[] = list.flatMap((parsed, index) => (parsed ? [{ index, parsed, baseUrl: null, deltaUrl: null }] : []));
  const analysed = await analyseCrls(cas, crls, { at: options.at, crypto: options.crypto });
  const strict = options.strict ?? false;
  return {
    analysed,
    check: (path) =>
      checkRevocation(
        analysed,
        coveredOnPath(device, path, (i) => list[i]!),
        { strict },
      ),
  };
}
