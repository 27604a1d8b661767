/**
 * A plan: the PATCH `patch` would print, with what it was computed from — the resource as read and the hash of its
 * writable members — and what it intends, so that `apply` can refuse when the live resource is no longer that base.
 * Written as JSON by `ca-preflight plan --out`, read back by `readPlan`, which checks that its parts hold together
 * (a plan edited by hand is refused, never half-trusted). The format is versioned (docs/update.md "The plan file").
 */
import type { Finding } from '../types.js';
import { defaultCrypto } from '../certificate/verify.js';
import { CONFIGURATIONS_PATH, isCloud, type Cloud } from '../graph/clouds.js';
import { hasOwn, isPlainObject } from '../graph/model.js';
import type { ConfigurationDiff } from '../diff/diff.js';
import { planPatch, type PatchOptions, type PatchPlan, type PatchRequest } from '../diff/request.js';
import { readResource } from '../diff/read.js';
import { HASH_FORM, resourceAfter, writableHash } from './canonical.js';
import { readVersioned } from './versioned.js';

export const PLAN_KIND = 'ca-preflight.plan';
export const PLAN_VERSION = 1;

export interface Plan {
  kind: typeof PLAN_KIND;
  version: typeof PLAN_VERSION;
  /** The tool that made it, e.g. "ca-preflight 0.1.0". */
  createdBy: string;
  createdAt: string;
  configuration: { id: string; cloud: Cloud };
  /** The canonical form the hashes are computed on. */
  hashForm: typeof HASH_FORM;
  /** The resource as read when the plan was made, and the hash of its writable members. */
  base: { hash: string; resource: Record<string, unknown> };
  /** The hash of the writable members once the request is accepted. */
  intended: { hash: string };
  request: PatchRequest;
  /** How the plan was checked; `apply` checks again with the same. `allowRemoval` may list the SHA-256 thumbprints that may go. */
  options: { allowRemoval: boolean | string[]; allowUndocumentedCloud: boolean; strict: boolean };
  diff: ConfigurationDiff;
  /** The checks of the request body (warnings and notes; a plan with errors is never written). */
  findings: Finding[];
  notes: string[];
  /** Present on a plan that reverts an apply: the receipt's before and after hashes. */
  undoes?: { before: string; after: string; finishedAt: string };
}

/** The options of `buildPatchRequest`, and what the plan records about its making. */
export interface PlanOptions extends PatchOptions {
  /** Recorded as `createdBy`; default "ca-preflight". */
  tool?: string;
  /** The clock for `createdAt`; default now. */
  now?: () => number;
}

export type PlanResult =
  /** `plan` is null when nothing changes. */
  { ok: true; plan: Plan | null; patch: PatchPlan } | { ok: false; patch: PatchPlan };

/**
 * Plans the update of `current` (a GET response) to `desiredOrOperations`, as `buildPatchRequest` does — refusing
 * exactly where it refuses — and records the base and the intended hashes. Never throws for bad input.
 */
export async function createPlan(current: unknown, desiredOrOperations: unknown, options: PlanOptions = {}): Promise<PlanResult> {
  const crypto = options.crypto ?? (await defaultCrypto());
  const patch = await planPatch(current, desiredOrOperations, { ...options, crypto });
  const result = patch.result;
  if (!result.ok) return { ok: false, patch };
  if (!result.request) return { ok: true, plan: null, patch };
  const base = readResource(current, 'current', options.id);
  const id = (options.id ?? base.id) as string;
  const plan: Plan = {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    createdBy: options.tool ?? 'ca-preflight',
    createdAt: new Date(options.now ? options.now() : Date.now()).toISOString(),
    configuration: { id, cloud: options.cloud ?? 'global' },
    hashForm: HASH_FORM,
    base: { hash: await writableHash(base, { crypto }), resource: base },
    intended: { hash: await writableHash(resourceAfter(base, result.request.body), { crypto }) },
    request: result.request,
    options: {
      allowRemoval: Array.isArray(options.allowRemoval) ? [...options.allowRemoval] : !!options.allowRemoval,
      allowUndocumentedCloud: !!options.allowUndocumentedCloud,
      strict: !!options.strict,
    },
    diff: result.changes,
    findings: result.report.findings,
    notes: result.notes,
  };
  return { ok: true, plan, patch };
}

export type PlanReading = { ok: true; plan: Plan } | { ok: false; problems: string[] };

function problemsOfShape(v: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const need = (cond: boolean, what: string): void => {
    if (!cond) problems.push(what);
  };
  const conf = v.configuration as Record<string, unknown> | undefined;
  need(isPlainObject(conf) && typeof conf.id === 'string' && conf.id !== '', '"configuration.id" must be the configuration id');
  need(isPlainObject(conf) && isCloud(conf.cloud), '"configuration.cloud" must be global, usgov, dod or china');
  need(v.hashForm === HASH_FORM, `"hashForm" must be "${HASH_FORM}"`);
  const base = v.base as Record<string, unknown> | undefined;
  need(isPlainObject(base) && typeof base.hash === 'string' && isPlainObject(base.resource), '"base" must hold "hash" and "resource"');
  const intended = v.intended as Record<string, unknown> | undefined;
  need(isPlainObject(intended) && typeof intended.hash === 'string', '"intended.hash" is missing');
  const request = v.request as Record<string, unknown> | undefined;
  need(
    isPlainObject(request) && request.method === 'PATCH' && typeof request.url === 'string' && isPlainObject(request.body),
    '"request" must be a PATCH with "url" and "body"',
  );
  const options = v.options as Record<string, unknown> | undefined;
  need(
    isPlainObject(options) &&
      (typeof options.allowRemoval === 'boolean' ||
        (Array.isArray(options.allowRemoval) && options.allowRemoval.every((t) => typeof t === 'string'))) &&
      typeof options.allowUndocumentedCloud === 'boolean' &&
      typeof options.strict === 'boolean',
    '"options" must hold "allowRemoval" (true, false or a list of thumbprints), "allowUndocumentedCloud" and "strict"',
  );
  need(isPlainObject(v.diff) && Array.isArray(v.findings) && Array.isArray(v.notes), '"diff", "findings" and "notes" are missing');
  return problems;
}

/**
 * Reads a plan (parsed JSON or its text) and checks that it holds together: its kind and version, its shape, that
 * `base.hash` is the hash of `base.resource`, that `intended.hash` is what `request.body` makes of it, and that the
 * request's URL names the configuration. Problems are listed; nothing is thrown.
 */
export async function readPlan(input: unknown, options: { crypto?: Crypto } = {}): Promise<PlanReading> {
  const read = readVersioned(input, 'plan', PLAN_KIND, PLAN_VERSION, {
    'ca-preflight.receipt': 'it is a receipt, not a plan: to revert the apply that wrote it, use --undo',
  });
  if (!read.ok) return read;
  const v = read.value;
  const problems = problemsOfShape(v);
  if (problems.length) return { ok: false, problems };
  const plan = v as unknown as Plan;
  const crypto = options.crypto ?? (await defaultCrypto());
  try {
    if ((await writableHash(plan.base.resource, { crypto })) !== plan.base.hash)
      problems.push('"base.hash" is not the hash of "base.resource" (the file was edited after it was made)');
    if ((await writableHash(resourceAfter(plan.base.resource, plan.request.body), { crypto })) !== plan.intended.hash)
      problems.push('"intended.hash" is not what "request.body" makes of the base (the request was edited after the plan was made)');
  } catch (e) {
    problems.push(`"base.resource" cannot be read: ${(e as Error).message}`);
  }
  let path = '';
  try {
    path = new URL(plan.request.url).pathname;
  } catch {
    problems.push(`"request.url" is not a URL`);
  }
  if (path && path !== `${CONFIGURATIONS_PATH}/${encodeURIComponent(plan.configuration.id)}`)
    problems.push(`"request.url" does not name the configuration ${plan.configuration.id}`);
  if (hasOwn(plan.base.resource, 'id') && plan.base.resource.id !== plan.configuration.id)
    problems.push('"base.resource.id" is not "configuration.id"');
  return problems.length ? { ok: false, problems } : { ok: true, plan };
}
