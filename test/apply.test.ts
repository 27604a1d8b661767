/**
 * applyPlan against the simulator's fetch handler: the guard, the checks, confirmation, dry runs, every fault the
 * simulator has (throttling, 503, dropped connections before and after the write, slow answers, stale reads,
 * another client's change, 401, 403), the receipt and its undo. Time is virtual: `sleep` advances a clock.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGraphHandler, type GraphHandler } from '../src/simulator/index.js';
import { applyPlan, createPlan, readPlan, readReceipt, undoPlan, writableHash, type ApplyOptions, type Plan } from '../src/apply/index.js';
import type { FetchLike } from '../src/apply/graph-client.js';

const examples = join(import.meta.dirname, '..', 'examples', 'update');
const getResponse = JSON.parse(readFileSync(join(examples, 'get-response.json'), 'utf8')) as Record<string, unknown>;
const newRoot = readFileSync(join(examples, 'new-root-g2.pem'), 'utf8');
const ID = getResponse.id as string;
const URL_ = `https://graph.microsoft.com/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/${ID}`;
const G2 = 'b72c5f8e39e49005830a7a1bfb68d022e96509d6c3ee64b6bfaf2587f75663c8';
const DEVICES_0 = '09b2c865232f1b4c057167c3e2ab94f6d81fb03ff42c6075a4208e5fb038681e';

/** A JWT-shaped token (unsigned: only its claims matter here). */
function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.signature`;
}

let addG2: Plan;

beforeAll(async () => {
  const r = await createPlan(getResponse, [{ op: 'add', certificate: newRoot }], { now: () => Date.parse('2026-06-01T00:00:00Z') });
  if (!r.ok || !r.plan) throw new Error('the example plan should be made');
  addG2 = r.plan;
});

interface World {
  graph: GraphHandler;
  fetch: FetchLike;
  requests: { method: string; url: string; authorization: string | null }[];
  waits: number[];
  options: (extra?: Partial<ApplyOptions>) => ApplyOptions;
}

/** The simulator with a plan of faults, a recording fetch and a virtual clock. */
function world(faults = '', resources: unknown[] = [getResponse]): World {
  const graph = createGraphHandler(resources, { faults });
  const requests: World['requests'] = [];
  let t = Date.parse('2026-06-01T10:00:00Z');
  const waits: number[] = [];
  const fetch: FetchLike = async (input, init) => {
    const headers = new Headers(init.headers);
    requests.push({ method: init.method ?? 'GET', url: input, authorization: headers.get('authorization') });
    return graph(input, init);
  };
  return {
    graph,
    fetch,
    requests,
    waits,
    options: (extra = {}) => ({
      fetch,
      now: () => t,
      sleep: async (ms: number) => {
        waits.push(ms);
        t += ms;
      },
      random: () => 0.5,
      ...extra,
    }),
  };
}

const patches = (w: World) => w.requests.filter((r) => r.method === 'PATCH').length;
const thumbprintsOf = async (w: World) => {
  const diff = await createPlan(w.graph.resources()[0], { certificateAuthorities: [] }, { allowRemoval: true });
  return diff.patch.result.ok ? diff.patch.result.changes.removed.map((e) => e.thumbprint).sort() : [];
};

describe('applyPlan: the guard and the checks', () => {
  it('applies a plan, verifies it by reading, and returns a receipt whose hashes hold together', async () => {
    const w = world();
    const r = await applyPlan(addG2, w.options());
    expect(r.outcome).toBe('verified');
    expect(r.sent).toBe(true);
    expect(w.requests.map((q) => q.method)).toEqual(['GET', 'PATCH', 'GET']);
    expect(await thumbprintsOf(w)).toContain(G2);
    expect(await writableHash(w.graph.resources()[0])).toBe(addG2.intended.hash);
    const receipt = r.receipt!;
    expect(receipt.outcome).toBe('verified');
    expect(receipt.before.hash).toBe(addG2.base.hash);
    expect(receipt.after.hash).toBe(addG2.intended.hash);
    expect(receipt.exchanges.map((e) => [e.method, e.status])).toEqual([
      ['GET', 200],
      ['PATCH', 200],
      ['GET', 200],
    ]);
    expect(receipt.exchanges.every((e) => typeof e.requestId === 'string' && e.clientRequestId.length === 36)).toBe(true);
    expect((await readReceipt(JSON.stringify(receipt))).ok).toBe(true);
  });

  it('refuses when the live resource is no longer the base, sends nothing, and names what sending would lose', async () => {
    const w = world();
    // Another admin adds G2 after our plan (which removes Devices CA 0) was made.
    const other = await applyPlan(addG2, w.options());
    expect(other.outcome).toBe('verified');
    const removal = await createPlan(getResponse, [{ op: 'remove', ca: DEVICES_0 }], { allowRemoval: true });
    const before = w.graph.resources();
    const count = w.requests.length;
    const r = await applyPlan(removal.ok && removal.plan, w.options());
    expect(r.outcome).toBe('refused');
    expect(r.refusal?.kind).toBe('drift');
    expect(w.requests.slice(count).map((q) => q.method)).toEqual(['GET']);
    expect(w.graph.resources()).toEqual(before);
    expect(r.receipt).toBeNull();
    expect(r.drift!.planOverLive.diff.removed.map((e) => e.thumbprint)).toContain(G2);
    expect(r.drift!.baseToLive.diff.added.map((e) => e.thumbprint)).toEqual([G2]);
  });

  it('says so and sends nothing when the live resource already holds what the plan intends', async () => {
    const w = world();
    await applyPlan(addG2, w.options());
    const r = await applyPlan(addG2, w.options());
    expect(r.outcome).toBe('already-applied');
    expect(r.sent).toBe(false);
    expect(patches(w)).toBe(1);
  });

  it('refuses where patch refuses, checked at apply time: adding a CA while a kept one has expired', async () => {
    const w = world();
    const r = await applyPlan(addG2, w.options({ at: '2041-01-01T00:00:00Z' }));
    expect(r.outcome).toBe('refused');
    expect(r.refusal?.kind).toBe('findings');
    expect(r.review?.report.findings.map((f) => f.rule)).toContain('update.adds-while-expired');
    expect(patches(w)).toBe(0);
  });

  it('does everything but the PATCH on a dry run, and sends nothing without confirmation', async () => {
    const w = world();
    const dry = await applyPlan(addG2, w.options({ dryRun: true }));
    expect(dry.outcome).toBe('dry-run');
    expect(dry.review?.comparison.diff.added.map((e) => e.thumbprint)).toEqual([G2]);
    let asked = 0;
    const no = await applyPlan(
      addG2,
      w.options({
        confirm: (review) => {
          asked++;
          expect(review.url).toBe(URL_);
          return false;
        },
      }),
    );
    expect(asked).toBe(1);
    expect(no.outcome).toBe('refused');
    expect(no.refusal?.kind).toBe('not-confirmed');
    expect(patches(w)).toBe(0);
  });

  it('reads again after the confirmation, and refuses when the resource changed while the person was deciding', async () => {
    const w = world();
    const r = await applyPlan(
      addG2,
      w.options({
        confirm: async () => {
          // Someone else renames the configuration while the prompt waits.
          await w.graph(URL_, {
            method: 'PATCH',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ displayName: 'renamed meanwhile' }),
          });
          return true;
        },
      }),
    );
    expect(r.outcome).toBe('refused');
    expect(r.refusal?.kind).toBe('drift');
    expect(r.message).toMatch(/changed while the change was being confirmed/);
    expect(w.requests.map((q) => q.method)).toEqual(['GET', 'GET']);
    expect(w.graph.resources()[0]!.displayName).toBe('renamed meanwhile');
    const yes = await applyPlan(addG2, w.options({ confirm: () => true }));
    expect(yes.outcome).toBe('refused');
  });

  it('refuses a plan whose parts do not hold together, before any request', async () => {
    const w = world();
    const edited = structuredClone(addG2);
    edited.request.body.displayName = 'edited by hand';
    const r = await applyPlan(edited, w.options());
    expect(r.outcome).toBe('failed');
    expect(r.failure?.kind).toBe('input');
    expect(r.message).toMatch(/"intended.hash" is not what "request.body" makes of the base.*Nothing was sent\./);
    expect(w.requests).toEqual([]);
    const reading = await readPlan({ ...addG2, version: 2 });
    expect(reading.ok === false && reading.problems[0]).toMatch(/format version 2, made by a newer ca-preflight/);
  });
});

describe('applyPlan under faults: nothing lost, never re-sent blindly', () => {
  it('429: waits as Retry-After asks, reads again, then sends again', async () => {
    const w = world('throttle:2@PATCH#1');
    const r = await applyPlan(addG2, w.options());
    expect(r.outcome).toBe('verified');
    expect(w.requests.map((q) => q.method)).toEqual(['GET', 'PATCH', 'GET', 'PATCH', 'GET']);
    expect(w.waits[0]).toBe(2000);
    expect(r.receipt!.exchanges[1]).toMatchObject({ status: 429, retryAfter: '2', throttle: expect.stringMatching(/WriteLimitExceeded/) });
  });

  it('429 with a Retry-After beyond the retry budget: gives up, the resource as it was', async () => {
    const w = world('throttle:500@PATCH');
    const r = await applyPlan(addG2, w.options());
    expect(r.outcome).toBe('failed');
    expect(r.failure?.kind).toBe('throttled');
    expect(r.message).toMatch(/Retry-After: 500.*still shows the plan's base.*The configuration is as it was\./s);
    expect(await writableHash(w.graph.resources()[0])).toBe(addG2.base.hash);
    expect(r.receipt?.outcome).toBe('failed');
  });

  it('503: backs off, reads the base unchanged, sends again', async () => {
    const w = world('unavailable@PATCH#1');
    const r = await applyPlan(addG2, w.options());
    expect(r.outcome).toBe('verified');
    expect(patches(w)).toBe(2);
    expect(w.waits[0]).toBe(750);
  });

  it('a connection dropped before the PATCH reached the server: the read shows the base, so it is sent again', async () => {
    const w = world('drop@PATCH#1');
    const r = await applyPlan(addG2, w.options());
    expect(r.outcome).toBe('verified');
    expect(patches(w)).toBe(2);
    expect(r.receipt!.exchanges[1]).toMatchObject({ method: 'PATCH', status: null, failure: 'network' });
  });

  it('a connection dropped after the server kept the PATCH: the read shows it kept, so it is not sent again', async () => {
    const w = world('drop-after@PATCH#1');
    const r = await applyPlan(addG2, w.options());
    expect(r.outcome).toBe('verified');
    expect(patches(w)).toBe(1);
  });

  it('dropped after it was kept, and the read after is stale: sent again with the same body, which changes nothing more', async () => {
    const w = world('drop-after@PATCH#1,stale:1@PATCH');
    const r = await applyPlan(addG2, w.options());
    expect(r.outcome).toBe('verified');
    expect(patches(w)).toBe(2);
    expect(await writableHash(w.graph.resources()[0])).toBe(addG2.intended.hash);
  });

  it('a slow server: the request times out, the read decides, and the PATCH goes again', async () => {
    const w = world('slow:400@PATCH#1');
    const r = await applyPlan(addG2, w.options({ requestTimeoutMs: 100 }));
    expect(r.outcome).toBe('verified');
    expect(r.receipt!.exchanges[1]).toMatchObject({ method: 'PATCH', failure: 'timeout', status: null });
    expect(r.receipt!.exchanges[1]!.ms).toBeLessThan(400);
  });

  it('a fetch that never answers is abandoned at the timeout all the same', async () => {
    const hang: FetchLike = () => new Promise(() => {});
    const r = await applyPlan(addG2, { fetch: hang, requestTimeoutMs: 50, retry: { maxAttempts: 2 }, sleep: async () => {} });
    expect(r.outcome).toBe('failed');
    expect(r.failure?.kind).toBe('timeout');
    expect(r.sent).toBe(false);
  });

  it('stale reads after the write: verification reads again with back-off until the change shows', async () => {
    const w = world('stale:3@PATCH');
    const r = await applyPlan(addG2, w.options());
    expect(r.outcome).toBe('verified');
    expect(patches(w)).toBe(1);
    expect(w.waits).toEqual([500, 1000, 2000]);
  });

  it('reads that stay stale past the verification time: unverified (exit 3), and never sent again', async () => {
    const w = world('stale:100@PATCH');
    const r = await applyPlan(addG2, w.options({ verifyForMs: 10_000 }));
    expect(r.outcome).toBe('unverified');
    expect(patches(w)).toBe(1);
    expect(r.message).toMatch(/still shows the resource before it.*not sent again/s);
    expect(r.receipt?.outcome).toBe('unverified');
    expect(await writableHash(w.graph.resources()[0])).toBe(addG2.intended.hash);
  });

  it('a failed PATCH, then a read that shows another change: stops, and never sends over it', async () => {
    const w = world('unavailable@PATCH#1,concurrent:rename@GET#2');
    const r = await applyPlan(addG2, w.options());
    expect(r.outcome).toBe('failed');
    expect(r.failure?.kind).toBe('conflict');
    expect(r.sent).toBe(true);
    expect(patches(w)).toBe(1);
    expect(r.message).toMatch(
      /503 serviceNotAvailable.*neither the plan's base nor the intended configuration: someone else changed the resource/s,
    );
    expect(r.drift?.baseToLive.diff.displayName?.to).toMatch(/changed by another client/);
    expect(r.receipt?.outcome).toBe('failed');
  });

  it("another client's change right after the PATCH: verification sees neither base nor intended, unverified, never sent again", async () => {
    const w = world('concurrent:rename@GET#2');
    const r = await applyPlan(addG2, w.options({ verifyForMs: 5000 }));
    expect(r.outcome).toBe('unverified');
    expect(patches(w)).toBe(1);
    expect(r.message).toMatch(/neither the base nor the intended configuration: someone else may have changed it right after/);
    expect(r.drift?.baseToLive.diff.displayName?.to).toMatch(/changed by another client/);
    expect(r.receipt?.outcome).toBe('unverified');
  });

  it("another client's change just before the first read: refused, nothing sent", async () => {
    const w = world('concurrent:remove-ca@GET#1');
    const r = await applyPlan(addG2, w.options());
    expect(r.outcome).toBe('refused');
    expect(patches(w)).toBe(0);
    expect(r.drift!.baseToLive.diff.removed).toHaveLength(1);
  });

  it('a configuration deleted meanwhile: 404, nothing sent', async () => {
    const w = world('concurrent:delete@GET#1');
    const r = await applyPlan(addG2, w.options());
    expect(r.outcome).toBe('failed');
    expect(r.failure?.kind).toBe('not-found');
    expect(r.message).toMatch(/404 Request_ResourceNotFound/);
  });

  it('401: stops at once with Graph’s message', async () => {
    const w = world('unauthorized@GET#1');
    const r = await applyPlan(addG2, w.options({ token: 'opaque-token' }));
    expect(r.outcome).toBe('failed');
    expect(r.failure?.kind).toBe('unauthorized');
    expect(r.message).toMatch(/401 InvalidAuthenticationToken "Access token has expired or is not yet valid\." — the token was refused/);
    expect(w.requests).toHaveLength(1);
  });

  it('403: warned before sending when the token lacks the permission, and the message names it and the token’s scopes', async () => {
    const w = world('forbidden@PATCH');
    const token = jwt({
      aud: '00000003-0000-0000-c000-000000000000',
      scp: 'MutualTlsOauthConfiguration.Read.All User.Read',
      exp: 4102444800,
    });
    const progress: string[] = [];
    const r = await applyPlan(addG2, w.options({ token, onProgress: (l) => progress.push(l) }));
    expect(progress[0]).toMatch(/^warning: the token does not carry MutualTlsOauthConfiguration\.ReadWrite\.All/);
    expect(r.outcome).toBe('failed');
    expect(r.failure?.kind).toBe('forbidden');
    expect(r.message).toMatch(
      /403 Authorization_RequestDenied "Insufficient privileges to complete the operation\." — updating the configuration needs MutualTlsOauthConfiguration\.ReadWrite\.All.*scp MutualTlsOauthConfiguration\.Read\.All, scp User\.Read/,
    );
    expect(r.message).toMatch(/The configuration is as it was\./);
    expect(w.requests.every((q) => q.authorization === `Bearer ${token}`)).toBe(true);
    expect(JSON.stringify(r)).not.toContain(token);
  });
});

describe('undo', () => {
  it('reverts an apply from its receipt, under the same guard', async () => {
    const w = world();
    const applied = await applyPlan(addG2, w.options());
    const undo = await undoPlan(applied.receipt!);
    expect(undo.ok && undo.plan?.undoes).toEqual({
      before: addG2.base.hash,
      after: addG2.intended.hash,
      finishedAt: applied.receipt!.finishedAt,
    });
    const undone = await applyPlan(undo.ok && undo.plan, w.options());
    expect(undone.outcome).toBe('verified');
    expect(await writableHash(w.graph.resources()[0])).toBe(addG2.base.hash);
    const again = await applyPlan(undo.ok && undo.plan, w.options());
    expect(again.outcome).toBe('already-applied');
  });

  it('refuses to undo over a later change', async () => {
    const w = world();
    const applied = await applyPlan(addG2, w.options());
    const rename = await createPlan(w.graph.resources()[0], [{ op: 'rename', displayName: 'later' }]);
    expect((await applyPlan(rename.ok && rename.plan, w.options())).outcome).toBe('verified');
    const undo = await undoPlan(applied.receipt!);
    const r = await applyPlan(undo.ok && undo.plan, w.options());
    expect(r.outcome).toBe('refused');
    expect(r.refusal?.kind).toBe('drift');
    expect(w.graph.resources()[0]!.displayName).toBe('later');
  });
});
