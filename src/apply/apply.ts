/**
 * `applyPlan(plan, { fetch, token, … })`: carries out a plan without losing anything. It reads the live resource and
 * refuses when its writable members are no longer the plan's base (the lost-update guard: Graph declares no ETag or
 * If-Match for this resource, so the check is ours); checks the request against the live resource exactly as `patch`
 * would; lets the caller confirm; sends the PATCH (again only after a fresh read shows the base unchanged); verifies
 * by reading until the live resource is the intended one; and returns a receipt that `undoPlan` can revert.
 */
import type { CaSummary, Lang, Report } from '../types.js';
import { defaultCrypto } from '../certificate/verify.js';
import { compareConfigurations, type Comparison } from '../diff/diff.js';
import { cloudRefusal, planPatch, TROUBLE_KINDS, type RefusalReason } from '../diff/request.js';
import { shortHash, writableHash } from './canonical.js';
import { connect, EndpointError, resolveBaseUrl, type ConnectionOptions } from './endpoint.js';
import { readJson, RetryBudget, type Exchange, type Failure } from './graph-client.js';
import { readPlan, type Plan } from './plan.js';
import { configurationUrlOn, RECEIPT_KIND, RECEIPT_VERSION, type Receipt } from './receipt.js';
import { sendPatch, verifyApplied, type SendContext } from './send.js';
import type { TokenPermission } from './token-claims.js';

export interface ApplyOptions extends ConnectionOptions {
  /** Do everything but the PATCH: read, guard, check, review. */
  dryRun?: boolean;
  /** Shown the review before anything is sent; false refuses. Without it, the call itself is the confirmation. */
  confirm?: (review: ApplyReview) => boolean | Promise<boolean>;
  /** Called with the review once the guard and the checks pass (also on a dry run). */
  onReview?: (review: ApplyReview) => void;
  /** How long verification reads (default 60 s). */
  verifyForMs?: number;
  /** The clock of the checks (default now) and their language. */
  at?: Date | string | number;
  lang?: Lang;
  /** Recorded in the receipt as `createdBy`. */
  tool?: string;
  /** Lines for people: each read, the guard, waits, the PATCH, verification. */
  onProgress?: (line: string) => void;
}

/** What is about to be sent, for the confirmation. */
export interface ApplyReview {
  plan: Plan;
  url: string;
  live: Record<string, unknown>;
  /** The live resource → the request body (the change as it will happen). */
  comparison: Comparison;
  report: Report;
  cas: CaSummary[];
  permission: TokenPermission | null;
}

/** The three sides of a lost update: what the plan started from, what is live now, what the plan wants. */
export interface DriftView {
  base: Record<string, unknown>;
  live: Record<string, unknown>;
  baseHash: string;
  liveHash: string;
  /** What changed since the plan was made. */
  baseToLive: Comparison;
  /** What the plan changes. */
  baseToDesired: Comparison;
  /** What sending the plan's request now would do to the live resource (its `removed` would be lost). */
  planOverLive: Comparison;
}

export type ApplyOutcome = 'verified' | 'already-applied' | 'dry-run' | 'refused' | 'failed' | 'unverified';

export interface ApplyResult {
  outcome: ApplyOutcome;
  /** Whether a PATCH left this client (it may or may not have been kept: see `outcome` and `message`). */
  sent: boolean;
  /** One paragraph: what happened, and what to do. */
  message: string;
  refusal: { kind: 'drift' | 'findings' | 'removal' | 'not-confirmed'; reasons: RefusalReason[] } | null;
  failure: Failure | null;
  drift: DriftView | null;
  review: ApplyReview | null;
  /** The last resource read, and its hash. */
  live: Record<string, unknown> | null;
  liveHash: string | null;
  receipt: Receipt | null;
  exchanges: Exchange[];
  permission: TokenPermission | null;
  warnings: string[];
}

async function driftView(plan: Plan, live: Record<string, unknown>, liveHash: string, crypto: Crypto): Promise<DriftView> {
  const base = plan.base.resource;
  return {
    base,
    live,
    baseHash: plan.base.hash,
    liveHash,
    baseToLive: await compareConfigurations(base, live, { crypto }),
    baseToDesired: await compareConfigurations(base, plan.request.body, { crypto }),
    planOverLive: await compareConfigurations(live, plan.request.body, { crypto }),
  };
}

export async function applyPlan(planInput: unknown, options: ApplyOptions = {}): Promise<ApplyResult> {
  const crypto = options.crypto ?? (await defaultCrypto());
  const say = options.onProgress ?? (() => {});
  const exchanges: Exchange[] = [];
  const result: ApplyResult = {
    outcome: 'failed',
    sent: false,
    message: '',
    refusal: null,
    failure: null,
    drift: null,
    review: null,
    live: null,
    liveHash: null,
    receipt: null,
    exchanges,
    permission: null,
    warnings: [],
  };
  const fail = (failure: Failure, message = failure.message): ApplyResult =>
    Object.assign(result, { outcome: 'failed', failure, message: result.sent ? message : `${message} Nothing was sent.` });

  const reading = await readPlan(planInput, { crypto });
  if (!reading.ok)
    return fail({ kind: 'input', message: `the plan cannot be used: ${reading.problems.join('; ')}.`, status: null, graphError: null });
  const plan = reading.plan;
  // A cloud where the API is not documented is refused before the first read, not only when the request is checked.
  const cloud = cloudRefusal(plan.configuration.cloud, plan.options.allowUndocumentedCloud);
  if (cloud) return fail({ kind: 'input', message: cloud.message, status: null, graphError: null });
  let url: string;
  let conn: Awaited<ReturnType<typeof connect>>;
  try {
    url = options.baseUrl !== undefined ? configurationUrlOn(resolveBaseUrl(options.baseUrl), plan.configuration.id) : plan.request.url;
    conn = await connect({
      ...options,
      crypto,
      onExchange: (e) => {
        exchanges.push(e);
        options.onExchange?.(e);
      },
    });
  } catch (e) {
    if (!(e instanceof EndpointError)) throw e;
    return fail({ kind: 'token', message: e.message, status: null, graphError: null });
  }
  const { client, policy } = conn;
  result.permission = conn.permission;
  for (const w of conn.permission?.warnings ?? []) {
    result.warnings.push(w);
    say(`warning: ${w}`);
  }
  const startedAt = new Date(client.now()).toISOString();

  // 1. The guard: the live resource must still be the plan's base.
  const read = await readJson(client, url, new RetryBudget(client, policy), `GET`, say);
  if (!read.ok) return fail(read.failure);
  const before = read.value;
  const liveHash = await writableHash(before, { crypto });
  Object.assign(result, { live: before, liveHash });
  if (liveHash === plan.intended.hash) {
    say(`GET: 200, already the intended configuration (${shortHash(liveHash)})`);
    return Object.assign(result, {
      outcome: 'already-applied',
      message: 'The live resource already holds what the plan intends; nothing was sent.',
    });
  }
  if (liveHash !== plan.base.hash) {
    say(`GET: 200, not the plan's base: ${shortHash(plan.base.hash)} when planned, ${shortHash(liveHash)} now`);
    result.drift = await driftView(plan, before, liveHash, crypto);
    return Object.assign(result, {
      outcome: 'refused',
      refusal: { kind: 'drift', reasons: [] },
      message: plan.undoes
        ? 'The live resource is no longer what that apply left: undoing it now would also undo the later change. Nothing was sent. Undo the later change first (from its receipt), or make a new plan.'
        : "The live resource changed after the plan was made, so the plan's request could undo that change; nothing was sent. Get the resource again and make a new plan.",
    });
  }
  say(`GET: 200, the plan's base (${shortHash(liveHash)})`);

  // 2. The checks of `patch`, against the live resource, with the plan's options.
  const checked = await planPatch(before, plan.request.body, {
    id: plan.configuration.id,
    cloud: plan.configuration.cloud,
    allowRemoval: plan.options.allowRemoval,
    allowUndocumentedCloud: plan.options.allowUndocumentedCloud,
    strict: plan.options.strict,
    crypto,
    ...(options.at !== undefined ? { at: options.at } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
  });
  const r = checked.result;
  if (!r.ok) {
    const trouble = r.refusal.reasons.some((x) => TROUBLE_KINDS.has(x.kind));
    if (trouble)
      return fail({
        kind: 'input',
        message: `the plan's request cannot be checked: ${r.refusal.reasons.map((x) => x.message).join('; ')}`,
        status: null,
        graphError: null,
      });
    const kind = r.refusal.reasons.some((x) => x.kind === 'findings') ? 'findings' : 'removal';
    const review: ApplyReview = {
      plan,
      url,
      live: before,
      comparison: await compareConfigurations(before, plan.request.body, { crypto }),
      report: r.refusal.report ?? { ok: false, verdict: 'unknown', findings: [], graphError: null },
      cas: checked.cas,
      permission: conn.permission,
    };
    return Object.assign(result, {
      outcome: 'refused',
      review,
      refusal: { kind, reasons: r.refusal.reasons },
      message: `The request is refused as patch refuses it: ${r.refusal.reasons.map((x) => x.message).join('; ')}. Nothing was sent.`,
    });
  }
  if (!r.request || JSON.stringify(r.request.body) !== JSON.stringify(plan.request.body))
    return fail({
      kind: 'input',
      message: "the plan's request is not the one ca-preflight builds from it against the live resource; make a new plan.",
      status: null,
      graphError: null,
    });
  const review: ApplyReview = {
    plan,
    url,
    live: before,
    comparison: await compareConfigurations(before, plan.request.body, { crypto }),
    report: r.report,
    cas: checked.cas,
    permission: conn.permission,
  };
  result.review = review;
  options.onReview?.(review);
  if (options.dryRun)
    return Object.assign(result, {
      outcome: 'dry-run',
      message: "Dry run: the live resource is the plan's base and the checks pass; the PATCH was not sent.",
    });
  if (options.confirm) {
    if (!(await options.confirm(review)))
      return Object.assign(result, {
        outcome: 'refused',
        refusal: { kind: 'not-confirmed', reasons: [] },
        message: 'Not confirmed; nothing was sent.',
      });
    // A person may take minutes to answer: the guard is checked again right before sending.
    const again = await readJson(client, url, new RetryBudget(client, policy), `GET`, say);
    if (!again.ok) return fail(again.failure);
    const nowHash = await writableHash(again.value, { crypto });
    if (nowHash !== plan.base.hash) {
      say(`GET: 200, no longer the plan's base since the review (${shortHash(nowHash)})`);
      result.drift = await driftView(plan, again.value, nowHash, crypto);
      return Object.assign(result, {
        outcome: 'refused',
        live: again.value,
        liveHash: nowHash,
        refusal: { kind: 'drift', reasons: [] },
        message:
          'The live resource changed while the change was being confirmed; nothing was sent. Get the resource again and make a new plan.',
      });
    }
  }

  // 3. Send, then verify.
  const ctx: SendContext = {
    client,
    policy,
    url,
    body: plan.request.body,
    baseHash: plan.base.hash,
    intendedHash: plan.intended.hash,
    crypto,
    say,
  };
  const sent = await sendPatch(ctx);
  result.sent = true;
  const receipt = (outcome: Receipt['outcome'], message: string, after: Record<string, unknown> | null): Receipt => ({
    kind: RECEIPT_KIND,
    version: RECEIPT_VERSION,
    createdBy: options.tool ?? 'ca-preflight',
    startedAt,
    finishedAt: new Date(client.now()).toISOString(),
    configuration: { id: plan.configuration.id, cloud: plan.configuration.cloud, url },
    outcome,
    message,
    hashForm: plan.hashForm,
    plan: { base: plan.base.hash, intended: plan.intended.hash, createdAt: plan.createdAt },
    before: { hash: liveHash, resource: before },
    after: { hash: plan.intended.hash, resource: after },
    sent: { method: 'PATCH', url, body: plan.request.body, attempts: sent.attempts },
    exchanges: [...exchanges],
    ...(plan.undoes ? { undoes: plan.undoes } : {}),
  });
  if (!sent.landed) {
    if (sent.live) Object.assign(result, { live: sent.live, liveHash: sent.liveHash });
    if (sent.kept === 'conflict' && sent.live && sent.liveHash) result.drift = await driftView(plan, sent.live, sent.liveHash, crypto);
    const tail =
      sent.kept === 'no'
        ? ' The configuration is as it was.'
        : sent.kept === 'unknown'
          ? ' Whether Graph kept the change is not known: run "ca-preflight get" and compare before doing anything else.'
          : '';
    fail(sent.failure, `${sent.failure.message}${tail}`);
    result.receipt = receipt('failed', result.message, null);
    return result;
  }
  const verified = sent.seen
    ? ({ verified: true, resource: sent.seen, reads: 0 } as const)
    : await verifyApplied(ctx, options.verifyForMs ?? 60_000);
  if (verified.verified) {
    Object.assign(result, {
      outcome: 'verified',
      live: verified.resource,
      liveHash: plan.intended.hash,
      message: 'Applied and verified: the live resource holds the intended configuration.',
    });
    result.receipt = receipt('verified', result.message, verified.resource);
    return result;
  }
  if (verified.last) Object.assign(result, { live: verified.last, liveHash: verified.lastHash });
  const why = verified.failure
    ? verified.failure.message
    : verified.lastHash === plan.base.hash
      ? 'Graph accepted the PATCH, but every read within the verification time still shows the resource before it: a read right after a write may not reflect it.'
      : verified.lastHash
        ? 'Graph accepted the PATCH, but the live resource is neither the base nor the intended configuration: someone else may have changed it right after.'
        : 'Graph accepted the PATCH, but no read succeeded within the verification time.';
  Object.assign(result, {
    outcome: 'unverified',
    failure: verified.failure,
    message: `${why} The PATCH is not sent again. Check with "ca-preflight get" in a while.`,
  });
  if (verified.last && verified.lastHash && verified.lastHash !== plan.base.hash)
    result.drift = await driftView(plan, verified.last, verified.lastHash, crypto);
  result.receipt = receipt('unverified', result.message, null);
  return result;
}
