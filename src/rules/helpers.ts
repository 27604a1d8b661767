/** Small shared pieces for rule files. */
import type { EncodingIssue } from '../certificate/der-strict.js';
import { ENTRY_TYPE, RELATED_TYPES, RESOURCE_TYPE, VALIDATOR_RESOURCE, odataTypeName, type RelatedType } from '../graph/model.js';
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
  basis: 'documented',
  citation: 'the update and create pages',
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
    basis: 'inferred',
    citation: "the template documented for 'certificate' (update page), applied to another member",
  };
}

/**
 * Whether the body's read-only top-level member `key` has the current resource's value: true or false when a current
 * resource holds the member, null when there is nothing to compare with. The values are JSON primitives in Graph's
 * model (a string, or null), so they are compared exactly.
 */
export function readOnlyUnchanged(ctx: CheckContext, key: string): boolean | null {
  const current = ctx.current?.value;
  if (!current || !Object.hasOwn(current, key) || !ctx.bodyObject) return null;
  const a = ctx.bodyObject[key];
  const b = current[key];
  return a === b && (a === null || typeof a !== 'object');
}

/** An `@odata.type` on the body or an entry that is not the object's own type. */
export interface OdataTypeMismatch {
  path: string;
  /** The name as given, without `#` (or the JSON of a value that is not a string). */
  type: string;
  /** The type expected there, with `#`. */
  expected: string;
  /** What the named type is, when the model has it (a term key); null when no type of that name exists. */
  known: RelatedType | null;
}

export function odataTypeMismatches(ctx: CheckContext): OdataTypeMismatch[] {
  const out: OdataTypeMismatch[] = [];
  const visit = (obj: Record<string, unknown>, base: string, expected: string): void => {
    if (!Object.hasOwn(obj, '@odata.type')) return;
    const value = obj['@odata.type'];
    const name = odataTypeName(value);
    if (name === expected) return;
    const known =
      name === null
        ? null
        : name === RESOURCE_TYPE
          ? 'resource-on-entry'
          : name === ENTRY_TYPE
            ? 'entry-on-resource'
            : Object.hasOwn(RELATED_TYPES, name)
              ? RELATED_TYPES[name]!
              : null;
    out.push({ path: `${base}/@odata.type`, type: name ?? JSON.stringify(value), expected: `#${expected}`, known });
  };
  if (ctx.bodyObject) visit(ctx.bodyObject, '', RESOURCE_TYPE);
  for (const e of ctx.entries) if (e.object) visit(e.object, e.path, ENTRY_TYPE);
  return out;
}

/**
 * The decoder's reports grouped by kind and code, first occurrence first: a BER certificate can break the same rule in
 * dozens of places, so a finding names the first and counts them all.
 */
export function issueCounts(issues: readonly EncodingIssue[]): { first: EncodingIssue; count: string }[] {
  const byCode = new Map<string, { first: EncodingIssue; count: number }>();
  for (const i of issues) {
    const key = `${i.kind}:${i.code}`;
    const seen = byCode.get(key);
    if (seen) seen.count++;
    else byCode.set(key, { first: i, count: 1 });
  }
  return [...byCode.values()].map(({ first, count }) => ({ first, count: String(count) }));
}
