/** Small shared pieces for rule files. */
import type { CertificateRecord } from '../certificate/facts.js';
import type { CheckContext, EntryContext } from './context.js';
import { VALIDATOR_RESOURCE } from '../graph/model.js';
import type { ServerBehaviour } from './rule.js';

export function memberPath(e: EntryContext, member: string): string {
  return `${e.path}/${member}`;
}

/** Entries whose certificate decoded and parsed. */
export function* withRecords(ctx: CheckContext): Generator<[EntryContext, CertificateRecord]> {
  for (const e of ctx.entries) if (e.record) yield [e, e.record];
}

/** Graph's documented answer to a certificate that fails validation (update and create pages). */
export const CERTIFICATE_REJECTED: ServerBehaviour = {
  step: 4,
  status: 400,
  code: 'Request_BadRequest',
  message: () => `Invalid value specified for property 'certificate' of resource '${VALIDATOR_RESOURCE}'.`,
  target: () => 'certificate',
};

/** The same template for other members (docs/graph-api.md: inferred). */
export function invalidValue(step: 3 | 4): ServerBehaviour {
  return {
    step,
    status: 400,
    code: 'Request_BadRequest',
    message: (p) => `Invalid value specified for property '${p.property}' of resource '${VALIDATOR_RESOURCE}'.`,
    target: (p) => p.property ?? null,
  };
}

export function daysBetween(a: Date, b: Date): number {
  return Math.floor((b.getTime() - a.getTime()) / 86_400_000);
}
