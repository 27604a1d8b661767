/**
 * The two network steps of `apply` after its guard: sending the PATCH and verifying it. A PATCH is sent again only
 * after a fresh GET shows the live resource still at the plan's base (429 after its Retry-After; 5xx, timeouts and
 * dropped connections after a back-off) — never blindly. Verification reads with back-off until the live resource is
 * the intended one or the time is up; a read that still shows the base is what Entra's eventual consistency allows
 * ("a successful write … does not guarantee that an immediate read will reflect that change"), so it waits, never re-sends.
 */
import { shortHash, writableHash } from './canonical.js';
import {
  describeAnswer,
  exchange,
  failureOf,
  formatSeconds,
  isTransient,
  readJson,
  retryAfterMs,
  RetryBudget,
  type Answer,
  type ClientOptions,
  type Failure,
  type RetryPolicy,
} from './graph-client.js';

export interface SendContext {
  client: ClientOptions;
  policy: RetryPolicy;
  url: string;
  body: Record<string, unknown>;
  baseHash: string;
  intendedHash: string;
  crypto: Crypto;
  say: (line: string) => void;
}

/** What became of the PATCH: kept (a 2xx, or a read after a failed try showed it), or not, with what is known. */
export type SendOutcome =
  | { landed: true; attempts: number; seen: Record<string, unknown> | null }
  | {
      landed: false;
      attempts: number;
      failure: Failure;
      /** What the last read showed, when one was made after the last PATCH. */
      live: Record<string, unknown> | null;
      liveHash: string | null;
      /** no: Graph refused it, or a read after it shows the base; unknown: no read could tell; conflict: someone else changed it. */
      kept: 'no' | 'unknown' | 'conflict';
    };

function mayHaveKept(a: Answer): boolean {
  return a.kind === 'no-answer' || (a.status >= 500 && a.status !== 503);
}

export async function sendPatch(ctx: SendContext): Promise<SendOutcome> {
  const { client, url } = ctx;
  const budget = new RetryBudget(client, ctx.policy);
  let attempts = 0;
  for (;;) {
    if (!budget.take())
      return {
        landed: false,
        attempts,
        failure: { kind: 'unavailable', message: `PATCH: the retry budget is spent`, status: null, graphError: null },
        live: null,
        liveHash: null,
        kept: 'no',
      };
    const a = await exchange(client, 'PATCH', url, ctx.body);
    attempts++;
    if (a.kind === 'answer' && a.status >= 200 && a.status < 300) {
      ctx.say(`PATCH: ${a.status}`);
      return { landed: true, attempts, seen: null };
    }
    if (!isTransient(a)) {
      const f = failureOf(a, client, `PATCH`);
      return { landed: false, attempts, failure: f, live: null, liveHash: null, kept: 'no' };
    }
    const wait = budget.waitAfter(a);
    const maybe = mayHaveKept(a) ? 'Graph may have kept it or not' : 'Graph did not take it';
    ctx.say(
      `PATCH: ${describeAnswer(a)}; ${maybe}. ${wait !== null ? `Reading the resource in ${formatSeconds(wait)} before sending again` : 'Reading the resource once more before giving up'}`,
    );
    if (wait !== null) await client.sleep(wait);
    const patchFailure = failureOf(a, client, `PATCH`);
    const r = await readJson(client, url, new RetryBudget(client, ctx.policy), `GET`, ctx.say);
    if (!r.ok)
      return {
        landed: false,
        attempts,
        failure: { ...patchFailure, message: `${patchFailure.message} Then ${r.failure.message}` },
        live: null,
        liveHash: null,
        kept: 'unknown',
      };
    const h = await writableHash(r.value, { crypto: ctx.crypto });
    if (h === ctx.intendedHash) {
      ctx.say(`GET: 200, the intended configuration (${shortHash(h)}): the PATCH was kept`);
      return { landed: true, attempts, seen: r.value };
    }
    if (h !== ctx.baseHash) {
      ctx.say(`GET: 200, neither the plan's base nor the intended configuration (${shortHash(h)}): not sending again`);
      return {
        landed: false,
        attempts,
        failure: {
          kind: 'conflict',
          message: `${patchFailure.message} A read after it shows neither the plan's base nor the intended configuration: someone else changed the resource. ca-preflight does not send again over another change.`,
          status: patchFailure.status,
          graphError: patchFailure.graphError,
        },
        live: r.value,
        liveHash: h,
        kept: 'conflict',
      };
    }
    if (wait === null)
      return {
        landed: false,
        attempts,
        failure: {
          ...patchFailure,
          message: `${patchFailure.message} A read after it still shows the plan's base: Graph did not keep it (or the read is stale). Gave up after ${attempts} PATCH${attempts === 1 ? '' : 'es'} (the retry budget: ${ctx.policy.maxAttempts} requests, ${formatSeconds(ctx.policy.retryForMs)}).`,
        },
        live: r.value,
        liveHash: h,
        kept: 'no',
      };
    ctx.say(`GET: 200, still the plan's base (${shortHash(h)}): sending the PATCH again`);
  }
}

export type VerifyOutcome =
  | { verified: true; resource: Record<string, unknown>; reads: number }
  | {
      verified: false;
      reads: number;
      last: Record<string, unknown> | null;
      lastHash: string | null;
      /** Set when a read was refused (401, 403, 404): verifying stopped there. */
      failure: Failure | null;
    };

/** Verification's back-off: 0.5 s doubling to 8 s. */
function verifyBackoff(n: number): number {
  return Math.min(8000, 500 * 2 ** Math.min(10, n - 1));
}

export async function verifyApplied(ctx: SendContext, verifyForMs: number): Promise<VerifyOutcome> {
  const { client, url } = ctx;
  const deadline = client.now() + verifyForMs;
  let last: Record<string, unknown> | null = null;
  let lastHash: string | null = null;
  let reads = 0;
  for (let n = 1; ; n++) {
    const a = await exchange(client, 'GET', url);
    reads++;
    let seen: string;
    if (a.kind === 'answer' && a.status === 200 && a.body !== null && typeof a.body === 'object' && !Array.isArray(a.body)) {
      last = a.body as Record<string, unknown>;
      lastHash = await writableHash(last, { crypto: ctx.crypto });
      if (lastHash === ctx.intendedHash) {
        ctx.say(`verify: GET: 200, the intended configuration (${shortHash(lastHash)})`);
        return { verified: true, resource: last, reads };
      }
      seen =
        lastHash === ctx.baseHash
          ? `200, still the plan's base (${shortHash(lastHash)}): a read right after a write may not reflect it yet`
          : `200, neither the base nor the intended configuration (${shortHash(lastHash)})`;
    } else if (!isTransient(a)) {
      return { verified: false, reads, last, lastHash, failure: failureOf(a, client, `verify: GET`) };
    } else seen = describeAnswer(a);
    const asked = a.kind === 'answer' && a.status === 429 ? retryAfterMs(a.exchange.retryAfter, client.now()) : null;
    const wait = asked ?? verifyBackoff(n);
    if (client.now() + wait > deadline) {
      ctx.say(`verify: GET: ${seen}; the verification time (${formatSeconds(verifyForMs)}) is up`);
      return { verified: false, reads, last, lastHash, failure: null };
    }
    ctx.say(`verify: GET: ${seen}; reading again in ${formatSeconds(wait)}`);
    await client.sleep(wait);
  }
}
