/**
 * Issuer search among the listed CAs: an index by subject name (RFC 5280 §7.1 key) and by SKI, candidates ordered
 * by key identifier, then the signature decides. Each certificate is verified against its name-matching candidates
 * only, so the work is linear in the list for real hierarchies.
 */
import { verifySignature, type VerifyResult } from '../certificate/verify.js';
import type { EntryContext } from '../rules/context.js';

export /** Finds each non-self-signed entry's issuer among the listed CAs: subject-name index, AKI/SKI, signature. */
async function linkChains(entries: EntryContext[], crypto: Crypto): Promise<void> {
  const bySubject = new Map<string, EntryContext[]>();
  const bySki = new Map<string, EntryContext>();
  for (const e of entries) {
    if (!e.record) continue;
    const key = e.record.parsed.subject.key;
    const list = bySubject.get(key);
    if (list) list.push(e);
    else bySubject.set(key, [e]);
    const ski = e.record.parsed.ski?.value;
    if (ski && !bySki.has(ski)) bySki.set(ski, e);
  }
  await Promise.all(entries.map(async (e) => {
    const rec = e.record;
    if (!rec) return;
    if (rec.facts.selfSigned === true) { e.chain = { status: 'self-signed' }; return; }
    if (rec.facts.selfSigned === null) { e.chain = { status: 'self-issued-unverified', reason: rec.facts.selfSignatureError ?? '' }; return; }
    const aki = rec.parsed.aki?.keyIdentifier ?? null;
    const own = rec.facts.thumbprints.sha256;
    const candidates = (bySubject.get(rec.parsed.issuer.key) ?? [])
      .filter((c) => c.record!.facts.thumbprints.sha256 !== own)
      // Key identifiers first (RFC 5280 §4.2.1.1): a candidate whose SKI equals the AKI is tried before the others.
      .sort((a, b) => Number(b.record!.parsed.ski?.value === aki) - Number(a.record!.parsed.ski?.value === aki));
    if (candidates.length === 0) {
      const byKey = aki ? bySki.get(aki) ?? null : null;
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
    e.chain = unsupported && unsupported.status === 'unsupported'
      ? { status: 'unverifiable', candidates, reason: unsupported.reason }
      : { status: 'bad-signature', candidates };
  }));
}

export type PathEnd = 'root' | 'cycle' | 'broken';

/**
 * The entries from `start` up to its root along the issuers found by {@link linkChains}.
 * Terminates on cycles (each entry is visited once).
 */
export function pathUp(start: EntryContext): { path: EntryContext[]; end: PathEnd } {
  const path: EntryContext[] = [];
  const seen = new Set<EntryContext>();
  let e: EntryContext | null = start;
  while (e) {
    if (seen.has(e)) return { path, end: 'cycle' };
    seen.add(e);
    path.push(e);
    const link: EntryContext["chain"] = e.chain;
    if (!link) return { path, end: 'broken' };
    if (link.status === 'self-signed' || link.status === 'self-issued-unverified') return { path, end: 'root' };
    if (link.status !== 'issued') return { path, end: 'broken' };
    e = link.issuer;
  }
  return { path, end: 'broken' };
}
