/** The expiry forecast shared by certificate.expires-soon and list.first-expiry. */
import type { CertifiedEntry, CheckContext } from './context.js';
import { certifiedEntries } from './helpers.js';

/** Whole days from `a` to `b`, rounded down. */
export function daysBetween(a: Date, b: Date): number {
  return Math.floor((b.getTime() - a.getTime()) / 86_400_000);
}

/** The listed CA, not yet expired at the check time, whose notAfter comes first (the first in the list on a tie). */
export function firstToExpire(ctx: CheckContext): CertifiedEntry | null {
  let first: CertifiedEntry | null = null;
  for (const e of certifiedEntries(ctx)) {
    const t = e.cert.notAfter.getTime();
    if (t < ctx.at.getTime()) continue;
    if (!first || t < first.cert.notAfter.getTime()) first = e;
  }
  return first;
}
