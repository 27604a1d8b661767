/** Small shared pieces for rule files. */
import { VALIDATOR_RESOURCE } from '../graph/model.js';
import type { CertifiedEntry, CheckContext, EntryContext } from './context.js';
import type { ServerBehaviour } from './rule.js';

export function memberPath(e: EntryContext, member: string): string {
  return `${e.path}/${member}`;
}

function isCertified(e: EntryContext): e is CertifiedEntry {
  return e.cert !== null && e.chain !== null;
}

/** Entries whose certificate decoded and parsed (`e.cert` and `e.chain` are set). */
export function* certifiedEntries(ctx: CheckContext): Generator<CertifiedEntry> {
  for (const e of ctx.entries) if (isCertified(e)) yield e;
}

/** The entry at a position a chain link names (an issuer, a candidate): its certificate always parsed. */
export function certifiedAt(ctx: CheckContext, index: number): CertifiedEntry {
  const e = ctx.entries[index];
  if (!e || !isCertified(e)) throw new Error(`chain link to ${index}, which is not a listed CA with a certificate`);
  return e;
}

/** A time as messages show it (ISO 8601, UTC). */
export function isoTime(d: Date): string {
  return d.toISOString();
}

/** Graph's documented answer to a certificate that fails validation (update and create pages). */
export const CERTIFICATE_REJECTED: ServerBehaviour = {
  step: 4,
  status: 400,
  code: 'Request_BadRequest',
  message: () => `Invalid value specified for property 'certificate' of resource '${VALIDATOR_RESOURCE}'.`,
  target: () => 'certificate',
};

/** The same template for other members (docs/graph-api.md: inferred): the member the finding names in `property`. */
export function invalidValue(step: 3 | 4): ServerBehaviour<{ property: string }>;
/** The same template for one fixed member. */
export function invalidValue(step: 3 | 4, property: string): ServerBehaviour;
export function invalidValue(step: 3 | 4, property?: string): ServerBehaviour<{ property: string }> {
  return {
    step,
    status: 400,
    code: 'Request_BadRequest',
    message: (p) => `Invalid value specified for property '${property ?? p.property}' of resource '${VALIDATOR_RESOURCE}'.`,
    target: (p) => property ?? p.property,
  };
}
