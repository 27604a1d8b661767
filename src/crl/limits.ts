/**
 * What Entra documents about CRLs at sign-in (entra-docs `concept-certificate-based-authentication-certificate-revocation-list.md`,
 * docs/graph-api.md "Sign-in failures caused by the trust list"): documented for certificate-based authentication,
 * inferred for device mTLS.
 */
import type { Cloud } from '../graph/clouds.js';

/**
 * Largest CRL downloaded during an interactive sign-in: "20 MB in public Microsoft Entra ID and 45 MB in Azure US
 * Government clouds". Whether MB means 10^6 or 2^20 bytes is not documented: the smaller reading is used, so a CRL
 * between the two is reported rather than passed. China (21Vianet) is not named: the public limit is assumed (inferred).
 */
export const CRL_SIGN_IN_LIMIT_BYTES: Record<Cloud, number> = {
  global: 20_000_000,
  usgov: 45_000_000,
  dod: 45_000_000,
  china: 20_000_000,
};

/** "The time required to download the CRL must not exceed 10 seconds." */
export const CRL_DOWNLOAD_SECONDS = 10;

/** "We have a limit of up to 10 CAs from the leaf client certificate for CRL validation in the PKI chain." */
export const CRL_CHAIN_LIMIT = 10;

/** The cloud's limit in the words of a message: "20 MB (global)". */
export function describeLimit(cloud: Cloud): string {
  return `${CRL_SIGN_IN_LIMIT_BYTES[cloud] / 1_000_000} MB (${cloud})`;
}
