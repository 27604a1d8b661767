/**
 * Issuer search among the listed CAs: an index by subject name (RFC 5280 §7.1 key) and by SKI, candidates ordered
 * by key identifier, then the signature decides. Each certificate is verified against its name-matching candidates
 * only, so the work is linear in the list for real hierarchies.
 */
import { verifySignature, type VerifyResult } from '../certificate/verify.js';
import type { EntryContext } from '../rules/context.js';
import { mapWindowed } from '../concurrency.js';

/**
 * Issuer candidates tried per certificate (key-identifier matches first). Real lists hold a few generations of a
 * re-keyed CA at most; without a bound, thousands of CAs sharing one subject name cost a signature check per pair.
 */
export const MAX_ISSUER_CANDIDATES = 4;
/** CAs followed up a chain by {@link pathUp}; Entra itself checks at most 10 CAs from the device certificate. */
export const MAX_CHAIN_WALK = 256;

export /** Finds each non-self-signed entry's issuer among the listed CAs: subject-name index, AKI/SKI, signature. */
async function linkChains(entries: EntryContext[], crypto: Crypto): Promise<void> {
  // One entry per distinct certificate (later copies of the same DER are the same candidate), by name and by name + SKI.
  const bySubject = new Map<string, EntryContext[]>();
  const bySubjectSki = new Map<string, EntryContext[]>();
  const bySki = new Map<string, EntryContext>();
  const seen = new Set<string>();
  const add = (index: Map<string, EntryContext[]>, key: string, e: EntryContext) => {
    const list = index.get(key);
    if (list) list.push(e);
    else index.set(key, [e]);
  };
  for (const e of entries) {
    if (!e.record) continue;
    const thumbprint = e.record.facts.thumbprints.sha256;
    if (seen.has(thumbprint)) continue;
    seen.add(thumbprint);
    const key = e.record.parsed.subject.key;
    const ski = e.record.parsed.ski?.value;
    add(bySubject, key, e);
    if (ski) add(bySubjectSki, `${key}\u0000${ski}`, e);
    if (ski && !bySki.has(ski)) bySki.set(ski, e);
  }
  await mapWindowed(entries, async (e) => {
    const rec = e.record;
    if (!rec) return;
    if (rec.facts.selfSigned === true) {
      e.chain = { status: 'self-signed' };
      return;
    }
    if (rec.facts.selfSigned === null) {
      e.chain = { status: 'self-issued-unverified', reason: rec.facts.selfSignatureError ?? '' };
      return;
    }
    const aki = rec.parsed.aki?.keyIdentifier ?? null;
    const own = rec.facts.thumbprints.sha256;
    // Key identifiers first (RFC 5280 §4.2.1.1): a candidate whose SKI equals the AKI is tried before the others.
    const candidates: EntryContext[] = [];
    const consider = (list: EntryContext[] | undefined) => {
      for (const c of list ?? []) {
        if (candidates.length >= MAX_ISSUER_CANDIDATES) return;
        if (c.record!.facts.thumbprints.sha256 !== own && !candidates.includes(c)) candidates.push(c);
      }
    };
    if (aki) consider(bySubjectSki.get(`${rec.parsed.issuer.key}\u0000${aki}`));
    consider(bySubject.get(rec.parsed.issuer.key));
    if (candidates.length === 0) {
      const byKey = aki ? (bySki.get(aki) ?? null) : null;
      e.chain = { status: 'missing', keyIdMatch: byKey && byKey !== e ? byKey : null };
      return;
    }
    const results: VerifyResult[] = [];
    for (const c of candidates) {
      const r = await verifySignature(rec.parsed, c.record!.parsed.publicKey, crypto);
      if (r.status === 'valid') {
        const ski = c.record!.parsed.ski?.value ?? null;
        e.chain = { status: 'issued', issuer: c, akiMismatch: !!aki && !!ski && aki !== ski };
        return;
      }
      results.push(r);
    }
    const unsupported = results.find((r) => r.status === 'unsupported');
    e.chain =
      unsupported && unsupported.status === 'unsupported'
        ? { status: 'unverifiable', candidates, reason: unsupported.reason }
        : { status: 'bad-signature', candidates };
  });
}

export type PathEnd = 'root' | 'cycle' | 'broken';

/**
 * The entries from `start` up to its root along the issuers found by {@link linkChains}.
 * Terminates on cycles (each entry is visited once) and after {@link MAX_CHAIN_WALK} entries ('broken'), so that
 * every entry of a list of n CAs can be walked in O(n) in total.
 */
export function pathUp(start: EntryContext): { path: EntryContext[]; end: PathEnd } {
  const path: EntryContext[] = [];
  const seen = new Set<EntryContext>();
  let e: EntryContext | null = start;
  while (e) {
    if (path.length >= MAX_CHAIN_WALK) return { path, end: 'broken' };
    if (seen.has(e)) return { path, end: 'cycle' };
    seen.add(e);
    path.push(e);
    const link: EntryContext['chain'] = e.chain;
    if (!link) return { path, end: 'broken' };
    if (link.status === 'self-signed' || link.status === 'self-issued-unverified') return { path, end: 'root' };
    if (link.status !== 'issued') return { path, end: 'broken' };
    e = link.issuer;
  }
  return { path, end: 'broken' };
}
