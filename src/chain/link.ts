/**
 * How each listed CA chains to the others: its issuer among the listed CAs, found through the issuer index (subject
 * name, then key identifiers) and decided by the signature. Each certificate is verified against its name-matching
 * candidates only, so the work is linear in the list for real hierarchies. The result is a list of links by position,
 * which callers keep beside their own view of the list.
 */
import type { SubjectPublicKey } from '../certificate/parse.js';
import { type SignedObject, type UnsupportedWhy, type VerifyResult, verifySignature } from '../certificate/verify.js';
import { mapWindowed } from '../concurrency.js';
import { type IndexedCertificate, type IssuedCertificate, IssuerIndex } from './issuer-index.js';

/**
 * Issuer candidates tried per certificate (key-identifier matches first). Real lists hold a few generations of a
 * re-keyed CA at most; without a bound, thousands of CAs sharing one subject name cost a signature check per pair.
 */
export const MAX_ISSUER_CANDIDATES = 4;
/** CAs followed up a chain by {@link pathUp}; Entra itself checks at most 10 CAs from the device certificate. */
export const MAX_CHAIN_WALK = 256;

/** How a listed certificate chains to the other listed CAs; issuers and candidates are positions in the list. */
export type ChainLink =
  | { status: 'self-signed' }
  /** Self-issued, but its own signature could not be checked (unsupported algorithm). */
  | { status: 'self-issued-unverified'; reason: string; why: UnsupportedWhy }
  | { status: 'issued'; issuer: number; akiMismatch: boolean }
  | { status: 'unverifiable'; candidates: number[]; reason: string; why: UnsupportedWhy }
  | { status: 'bad-signature'; candidates: number[] }
  /** No listed CA has the issuer's name; `keyIdMatch` is one whose SKI equals the AKI all the same. */
  | { status: 'missing'; keyIdMatch: number | null };

/** What linking reads of a listed certificate: its names and key identifiers, its signed part and key, what is known of it. */
export interface ChainCertificate extends IndexedCertificate, IssuedCertificate, SignedObject {
  publicKey: SubjectPublicKey;
  /** SHA-256 of the DER: copies of one certificate are one candidate. */
  thumbprint: string;
  /** Verified with its own key: true, false, or null when the algorithm cannot be checked here. */
  selfSigned: boolean | null;
  selfSignatureError: string | null;
  /** The same, as data. */
  selfSignatureWhy: UnsupportedWhy | null;
}

const SELF_SIGNED: ChainLink = Object.freeze({ status: 'self-signed' });

/**
 * Links every readable certificate of the list (null where `certificates[i]` is null) to its issuer among the others.
 * The links that say the same are one frozen object (a list of 10,000 CAs under 60 issuers has 60-odd distinct ones).
 */
export async function linkChains(certificates: readonly (ChainCertificate | null)[], crypto: Crypto): Promise<(ChainLink | null)[]> {
  const thumbprint = (i: number) => certificates[i]!.thumbprint;
  const index = new IssuerIndex(certificates, { identity: thumbprint });
  const issuedLinks = new Map<number, ChainLink>();
  const issued = (issuer: number, akiMismatch: boolean): ChainLink => {
    const key = issuer * 2 + (akiMismatch ? 1 : 0);
    const known = issuedLinks.get(key);
    if (known) return known;
    const link: ChainLink = Object.freeze({ status: 'issued', issuer, akiMismatch });
    issuedLinks.set(key, link);
    return link;
  };
  return mapWindowed(certificates, async (cert, i): Promise<ChainLink | null> => {
    if (!cert) return null;
    if (cert.selfSigned === true) return SELF_SIGNED;
    if (cert.selfSigned === null && cert.selfSignatureWhy)
      return { status: 'self-issued-unverified', reason: cert.selfSignatureError ?? '', why: cert.selfSignatureWhy };
    const aki = cert.aki?.keyIdentifier ?? null;
    const own = thumbprint(i);
    const candidates: number[] = [];
    for (const c of index.candidates(cert)) {
      if (candidates.length >= MAX_ISSUER_CANDIDATES) break;
      if (thumbprint(c) !== own) candidates.push(c);
    }
    if (candidates.length === 0) {
      const byKey = aki ? index.withKeyId(aki) : null;
      return { status: 'missing', keyIdMatch: byKey !== null && byKey !== i ? byKey : null };
    }
    const results: VerifyResult[] = [];
    for (const c of candidates) {
      const issuer = certificates[c]!;
      const r = await verifySignature(cert, issuer.publicKey, crypto);
      if (r.status === 'valid') {
        const ski = issuer.ski?.value ?? null;
        return issued(c, !!aki && !!ski && aki !== ski);
      }
      results.push(r);
    }
    const unsupported = results.find((r) => r.status === 'unsupported');
    return unsupported?.status === 'unsupported'
      ? { status: 'unverifiable', candidates, reason: unsupported.reason, why: unsupported.why }
      : { status: 'bad-signature', candidates };
  });
}

export type PathEnd = 'root' | 'cycle' | 'broken';

/**
 * The positions from `start` up to its root along the issuers found by {@link linkChains}.
 * Terminates on cycles (each position is visited once) and after {@link MAX_CHAIN_WALK} CAs ('broken'), so that
 * every CA of a list of n can be walked in O(n) in total.
 */
export function pathUp(links: readonly (ChainLink | null)[], start: number): { path: number[]; end: PathEnd } {
  const path: number[] = [];
  const seen = new Set<number>();
  let i: number | null = start;
  while (i !== null) {
    if (path.length >= MAX_CHAIN_WALK) return { path, end: 'broken' };
    if (seen.has(i)) return { path, end: 'cycle' };
    seen.add(i);
    path.push(i);
    const link: ChainLink | null | undefined = links[i];
    if (!link) return { path, end: 'broken' };
    if (link.status === 'self-signed' || link.status === 'self-issued-unverified') return { path, end: 'root' };
    if (link.status !== 'issued') return { path, end: 'broken' };
    i = link.issuer;
  }
  return { path, end: 'broken' };
}
