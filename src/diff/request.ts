/**
 * The ready-to-send PATCH: the whole list (Graph replaces `certificateAuthorities` as a whole) in current order with
 * additions appended, only writable members, guarded against silent removals and checked by `preflight` against the
 * current resource. Never throws for bad input: every problem comes back as a refusal reason.
 */
import type { CaSummary, Lang, Report } from '../types.js';
import { encodeBase64 } from '../certificate/encoding.js';
import { defaultCrypto } from '../certificate/verify.js';
import { runPreflight } from '../preflight.js';
import { hasOwn, WRITABLE_ENTRY } from '../graph/model.js';
import {
  CLOUD_AVAILABILITY_SOURCE,
  CLOUD_AVAILABILITY_TABLE,
  CLOUD_BASE_URLS,
  CLOUD_NAMES,
  configurationUrl,
  isCloud,
  isDocumentedCloud,
  PATCH_PERMISSION,
  type Cloud,
} from '../graph/clouds.js';
import { compareConfigurations, listChanges, resultingMember, type Comparison, type ConfigurationDiff, type DiffEntry } from './diff.js';
import { applyOperations, parseThumbprint, type PatchOperation } from './operations.js';
import { readResource, ResourceInputError, type ListedCa } from './read.js';

export interface PatchOptions {
  /**
   * Allow a request that removes CAs from the current list (default: refuse it): `true` for any, or the SHA-256
   * thumbprints (any case, colons allowed) of exactly the CAs that may go — any other removal is still refused.
   */
  allowRemoval?: boolean | readonly string[];
  /** The configuration id when `current` has none; must agree with `current.id` when both are given. */
  id?: string;
  /** National cloud of the URL; default global. */
  cloud?: Cloud;
  /**
   * Build the request for a cloud where Microsoft does not document this API as available (today every national cloud:
   * see CLOUD_AVAILABILITY_SOURCE); without it such a request is refused. For when you know better than the documentation.
   */
  allowUndocumentedCloud?: boolean;
  /** Operations applied after the desired configuration (when the second argument is one rather than a list of operations). */
  operations?: readonly PatchOperation[];
  /** Passed to preflight: the clock for validity, strict mode, WebCrypto, message language. */
  at?: Date | string | number;
  strict?: boolean;
  crypto?: Crypto;
  lang?: Lang;
}

export interface PatchBody {
  displayName?: unknown;
  certificateAuthorities?: unknown[];
  [member: string]: unknown;
}

export interface PatchRequest {
  method: 'PATCH';
  url: string;
  headers: { 'Content-Type': 'application/json' };
  body: PatchBody;
}

/**
 * Why a request is refused. `removal`, `findings` and `cloud` are refusals of a well-formed update (CLI exit 1);
 * `operation` (an operation that matches nothing or is malformed) and `input` (unusable current/desired, no id)
 * are trouble with what was asked (CLI exit 2).
 */
export type RefusalReason =
  | { kind: 'removal'; message: string; removed: DiffEntry[] }
  | { kind: 'findings'; message: string; errors: number }
  | { kind: 'cloud'; message: string; cloud: Cloud; source: string }
  | { kind: 'operation'; message: string; operation: number }
  | { kind: 'input'; message: string };

export interface Refusal {
  reasons: RefusalReason[];
  /** The checks of the body that would have been sent, when one was built. */
  report?: Report;
}

export type PatchResult =
  | { ok: true; request: PatchRequest; changes: ConfigurationDiff; permission: string; report: Report; notes: string[] }
  | { ok: true; request: null; changes: ConfigurationDiff; notes: string[] }
  | { ok: false; refusal: Refusal };

/** {@link PatchResult} plus what a formatter needs to print the findings like `check` does. */
export interface PatchPlan {
  result: PatchResult;
  /** The body that was checked (also when refused). */
  body: PatchBody | null;
  cas: CaSummary[];
}

export const TROUBLE_KINDS: ReadonlySet<RefusalReason['kind']> = new Set(['operation', 'input']);

function entryBody(kept: Comparison['kept'][number]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const record = kept.current.record;
  // The server stores the binary: the same DER goes back as standard base64 whichever alphabet either side used.
  out.certificate = record ? encodeBase64(record.parsed.der) : kept.current.object?.certificate;
  for (const member of WRITABLE_ENTRY) if (member !== 'certificate') out[member] = resultingMember(kept, member);
  return out;
}

function addedBody(ca: ListedCa, unknown: string[]): unknown {
  if (!ca.object) return ca.value; // not an object: sent as written so the checks name the problem
  const o = ca.object;
  const out: Record<string, unknown> = {};
  if (ca.record) out.certificate = encodeBase64(ca.record.parsed.der);
  else if (hasOwn(o, 'certificate')) out.certificate = o.certificate;
  if (hasOwn(o, 'isRootAuthority')) out.isRootAuthority = o.isRootAuthority;
  out.certificateRevocationListUrl = o.certificateRevocationListUrl ?? null;
  out.deltaCertificateRevocationListUrl = o.deltaCertificateRevocationListUrl ?? null;
  for (const m of unknown) out[m] = o[m];
  return out;
}

/** The body for a comparison, or null when nothing changes (and nothing unknown was asked for). */
export function bodyOf(c: Comparison): PatchBody | null {
  const body: PatchBody = {};
  if (c.diff.displayName) body.displayName = c.diff.displayName.to;
  const unknownInEntries = c.unknownInEntry.size > 0;
  if (listChanges(c.diff) || unknownInEntries) {
    body.certificateAuthorities = [
      ...c.kept.map((k) => {
        const e = entryBody(k);
        for (const m of (k.desired && c.unknownInEntry.get(k.desired)) ?? []) e[m] = k.desired!.object![m];
        return e;
      }),
      ...c.added.map((ca) => addedBody(ca, c.unknownInEntry.get(ca) ?? [])),
    ];
  }
  // Members the resource does not have go out as written, so the checks report them instead of dropping them silently.
  for (const m of c.unknownTop) body[m] = c.desired[m];
  return Object.keys(body).length ? body : null;
}

/**
 * The refusal for a cloud where Microsoft does not document this API as available (null when it does, or when allowed).
 * Shared by the request builder and the page's request panel, so both refuse alike.
 */
export function cloudRefusal(cloud: Cloud, allowUndocumentedCloud: boolean): Extract<RefusalReason, { kind: 'cloud' }> | null {
  if (isDocumentedCloud(cloud) || allowUndocumentedCloud) return null;
  return {
    kind: 'cloud',
    message: `Microsoft does not document this API as available in ${CLOUD_NAMES[cloud]}: its availability table reads "${CLOUD_AVAILABILITY_TABLE}" (${CLOUD_AVAILABILITY_SOURCE}), and that cloud's Graph metadata has no mutualTlsOauthConfigurations, so ${CLOUD_BASE_URLS[cloud]} would most likely answer that the resource does not exist. If you know it is available there now, allow it (--allow-undocumented-cloud; in the library, allowUndocumentedCloud: true).`,
    cloud,
    source: CLOUD_AVAILABILITY_SOURCE,
  };
}

/** The refusal for a body whose checks found errors (null when none): nothing with an error is sent. */
export function findingsRefusal(report: Report): Extract<RefusalReason, { kind: 'findings' }> | null {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  if (!errors) return null;
  return {
    kind: 'findings',
    message: `the request body has ${errors} error${errors === 1 ? '' : 's'}${report.graphError ? `; Graph would answer ${report.graphError.status} "${report.graphError.body.error.message}"` : ''}`,
    errors,
  };
}

/** The removed CAs that `allow` does not allow. */
function notAllowedRemovals(removed: DiffEntry[], allow: PatchOptions['allowRemoval']): DiffEntry[] {
  if (allow === true) return [];
  if (!Array.isArray(allow)) return removed;
  const allowed = new Set(allow.map((t) => parseThumbprint(String(t))).flatMap((t) => (t?.hash === 'sha256' ? [t.hex] : [])));
  return removed.filter((e) => !(e.thumbprint && allowed.has(e.thumbprint)));
}

function describeRemoved(e: DiffEntry): string {
  return e.thumbprint ? `${e.subject} (SHA-256 ${e.thumbprint})` : `entry #${e.index} (${e.note ?? 'certificate cannot be decoded'})`;
}

function resolveId(current: Record<string, unknown>, id: string | undefined): string {
  const own = typeof current.id === 'string' && current.id !== '' ? current.id : undefined;
  if (id !== undefined && id === '') throw new ResourceInputError('the id is empty');
  if (id !== undefined && own !== undefined && id !== own) {
    throw new ResourceInputError(
      `the id given (${id}) is not the id of the current resource (${own}); the list would be computed from another configuration`,
    );
  }
  const chosen = id ?? own;
  if (chosen === undefined) throw new ResourceInputError('the current resource has no "id"; give the configuration id (--id)');
  return chosen;
}

/**
 * Plans the request: desired body or operations → comparison → body → removal guard and checks.
 * `input` is a desired resource (a body or an edited GET response, parsed or JSON text) or a list of {@link PatchOperation}s.
 */
export async function planPatch(currentInput: unknown, input: unknown, options: PatchOptions = {}): Promise<PatchPlan> {
  const refuse = (reasons: RefusalReason[], report?: Report, body: PatchBody | null = null, cas: CaSummary[] = []): PatchPlan => ({
    result: { ok: false, refusal: report ? { reasons, report } : { reasons } },
    body,
    cas,
  });
  try {
    const crypto = options.crypto ?? (await defaultCrypto());
    const current = readResource(currentInput, 'current', options.id);
    const id = resolveId(current, options.id);
    const cloud = options.cloud ?? 'global';
    if (!isCloud(cloud)) throw new ResourceInputError(`unknown cloud ${JSON.stringify(cloud)}; use global, usgov, dod or china`);

    let desired: unknown = input;
    let notes: string[] = [];
    const operations: readonly unknown[] = Array.isArray(input) ? input : (options.operations ?? []);
    if (Array.isArray(input) || operations.length) {
      let base = current;
      if (!Array.isArray(input)) {
        const given = readResource(input, 'desired', options.id);
        // Operations edit the desired list; without one, the list they edit is the current one.
        base = hasOwn(given, 'certificateAuthorities') ? given : { ...given, certificateAuthorities: current.certificateAuthorities ?? [] };
      }
      const applied = await applyOperations(base, operations, crypto);
      if (!applied.ok)
        return refuse(
          applied.problems.map((p) => ({
            kind: 'operation',
            message: `operation ${p.operation + 1}: ${p.message}`,
            operation: p.operation,
          })),
        );
      desired = applied.desired;
      notes = applied.notes;
    }
    const comparison = await compareConfigurations(current, desired, { crypto, ...(options.id !== undefined ? { id: options.id } : {}) });
    const body = bodyOf(comparison);
    if (!body) return { result: { ok: true, request: null, changes: comparison.diff, notes }, body: null, cas: [] };

    const reasons: RefusalReason[] = [];
    const removed = notAllowedRemovals(comparison.diff.removed, options.allowRemoval);
    if (removed.length) {
      reasons.push({
        kind: 'removal',
        message: `the request would remove ${removed.length} CA${removed.length === 1 ? '' : 's'} from the current list: ${removed.map(describeRemoved).join('; ')}. Graph deletes every CA the list leaves out; keep ${removed.length === 1 ? 'it' : 'them'} in the list, or allow the removal (--allow-removal; in the library, allowRemoval: true, or the SHA-256 thumbprints of the CAs that may go).`,
        removed,
      });
    }
    if (!isDocumentedCloud(cloud) && options.allowUndocumentedCloud)
      notes.push(
        `the request is for ${CLOUD_NAMES[cloud]}, where Microsoft does not document this API as available (${CLOUD_AVAILABILITY_SOURCE}); built as asked`,
      );
    const cloudReason = cloudRefusal(cloud, !!options.allowUndocumentedCloud);
    if (cloudReason) reasons.push(cloudReason);
    const { report, cas } = await runPreflight(body, {
      current,
      crypto,
      ...(options.at !== undefined ? { at: options.at } : {}),
      ...(options.strict ? { strict: true } : {}),
      ...(options.lang ? { lang: options.lang } : {}),
    });
    const findingsReason = findingsRefusal(report);
    if (findingsReason) reasons.push(findingsReason);
    if (reasons.length) return refuse(reasons, report, body, cas);

    const request: PatchRequest = {
      method: 'PATCH',
      url: configurationUrl(id, cloud),
      headers: { 'Content-Type': 'application/json' },
      body,
    };
    return { result: { ok: true, request, changes: comparison.diff, permission: PATCH_PERMISSION, report, notes }, body, cas };
  } catch (e) {
    return refuse([{ kind: 'input', message: (e as Error)?.message ?? String(e) }]);
  }
}

/**
 * Builds the PATCH for `current` (a GET response) from a desired configuration or a list of operations.
 * Returns `{ ok: true, request, changes }`, `{ ok: true, request: null }` when nothing changes, or
 * `{ ok: false, refusal: { reasons, report? } }`. Never throws for bad input.
 */
export async function buildPatchRequest(current: unknown, desiredOrOperations: unknown, options: PatchOptions = {}): Promise<PatchResult> {
  return (await planPatch(current, desiredOrOperations, options)).result;
}

/** Whether a refusal is trouble with the input (exit 2) rather than a refused update (exit 1). */
export function isTrouble(refusal: Refusal): boolean {
  return refusal.reasons.some((r) => TROUBLE_KINDS.has(r.kind));
}
