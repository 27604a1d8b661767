/**
 * The lost-update property, model-based (fast-check `fc.commands`): two or three writers read the live resource,
 * plan random operations (add a CA, remove one, rename) and apply their plans in random interleavings — a writer's
 * plan often goes stale while others apply theirs — against the simulator with random faults: throttling, 503,
 * connections dropped before and after the write, stale reads after every write, another client renaming the
 * configuration just before a read. After every step:
 *
 * - no CA is lost that no writer meant to remove: every CA confirmed present (by a verified apply) is still there
 *   unless a writer's sent plan removed it;
 * - every refused apply (and every apply that sent nothing) sent no PATCH and left the CA list exactly as it was;
 * - a verified apply leaves exactly the plan's intended configuration, and its receipt reads back.
 *
 * Time is virtual (sleep advances a clock), so back-off costs nothing; runs and steps are bounded for CI.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { buildCertificate, generateKeyPair, type BuiltCertificate } from '../src/testing/builder.js';
import { createGraphHandler, type GraphHandler } from '../src/simulator/index.js';
import { applyPlan, canonicalForm, createPlan, getConfiguration, readReceipt, writableHash, type Plan } from '../src/apply/index.js';
import { resourceAfter } from '../src/apply/canonical.js';
import type { FetchLike } from '../src/apply/graph-client.js';
import type { PatchOperation } from '../src/diff/operations.js';

const ID = '5e1f0c2a-7a43-4d6e-9a55-2b1d36f0c0de';
let pool: BuiltCertificate[];
let thumb: Map<string, string>;

beforeAll(async () => {
  pool = [];
  for (let i = 0; i < 6; i++) {
    pool.push(
      await buildCertificate({
        subject: `CN=Writer Test Root ${i}, O=Lost Update Test, C=US`,
        key: await generateKeyPair('P-256'),
        notBefore: new Date('2025-01-01T00:00:00Z'),
        notAfter: new Date('2045-01-01T00:00:00Z'),
      }),
    );
  }
  thumb = new Map();
  for (const c of pool) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', c.der.slice()));
    thumb.set(c.base64, Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''));
  }
}, 60_000);

interface Model {
  /** Thumbprints of CAs a verified read showed, less those a sent plan removed on purpose. */
  mustHave: Set<string>;
  planned: boolean[];
}

interface Real {
  graph: GraphHandler;
  fetch: FetchLike;
  writes: () => number;
  plans: (Plan | null)[];
  options: { fetch: FetchLike; now: () => number; sleep: (ms: number) => Promise<void>; random: () => number };
}

async function listed(real: Real): Promise<{ cas: string[]; form: string }> {
  const r = real.graph.resources()[0]!;
  const form = await canonicalForm(r);
  return {
    cas: (form.certificateAuthorities ?? []).map((e) => e.certificate.replace(/^sha256:/, '')).sort(),
    form: JSON.stringify(form.certificateAuthorities),
  };
}

type Op = { kind: 'add'; cert: number } | { kind: 'remove'; index: number } | { kind: 'rename'; name: string };

class PlanCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly writer: number,
    readonly op: Op,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Real): Promise<void> {
    real.plans[this.writer] = null;
    model.planned[this.writer] = false;
    const got = await getConfiguration({ ...real.options, id: ID });
    if (!got.ok) return;
    const live = got.value;
    const list = live.certificateAuthorities as { certificate: string }[];
    let ops: PatchOperation[];
    if (this.op.kind === 'add') ops = [{ op: 'add', certificate: pool[this.op.cert]!.base64, isRootAuthority: true }];
    else if (this.op.kind === 'remove') {
      if (list.length === 0) return;
      ops = [{ op: 'remove', ca: thumb.get(list[this.op.index % list.length]!.certificate)! }];
    } else ops = [{ op: 'rename', displayName: this.op.name }];
    const planned = await createPlan(live, ops, { allowRemoval: true });
    if (planned.ok && planned.plan) {
      real.plans[this.writer] = planned.plan;
      model.planned[this.writer] = true;
    }
  }
  toString(): string {
    return `plan(w${this.writer}, ${JSON.stringify(this.op)})`;
  }
}

class ApplyCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly writer: number) {}
  check(model: Readonly<Model>): boolean {
    return model.planned[this.writer] === true;
  }
  async run(model: Model, real: Real): Promise<void> {
    const plan = real.plans[this.writer]!;
    const before = await listed(real);
    const writesBefore = real.writes();
    const r = await applyPlan(plan, real.options);
    const after = await listed(real);
    const removed = new Set(plan.diff.removed.map((e) => e.thumbprint!));
    if (!r.sent) {
      expect(real.writes(), `${r.outcome}: no PATCH`).toBe(writesBefore);
      expect(after.form, `${r.outcome}: the list as it was`).toBe(before.form);
    }
    if (r.outcome === 'verified') {
      // A read showed the intended configuration. Another client may have renamed it since (the concurrent fault fires
      // before a GET, and a stale read can still show the state before that rename): the list is then the intended one,
      // and only displayName carries the other client's change.
      const stored = real.graph.resources()[0]!;
      if ((await writableHash(stored)) !== plan.intended.hash) {
        const intended = await canonicalForm(
          resourceAfter(plan.base.resource as Record<string, unknown>, plan.request.body as Record<string, unknown>),
        );
        expect(after.form, 'verified: the intended CA list').toBe(JSON.stringify(intended.certificateAuthorities));
        expect(String(stored.displayName), 'verified, then renamed by another client').toMatch(/\(changed by another client\)$/);
      }
      expect((await readReceipt(r.receipt)).ok).toBe(true);
      // A fresh read showed this list: every CA in it is now confirmed.
      model.mustHave = new Set(after.cas);
    } else if (r.sent) {
      // Sent with an unknown or failed outcome: what it removed on purpose may be gone; nothing else may be.
      for (const t of removed) if (!after.cas.includes(t)) model.mustHave.delete(t);
    }
    for (const t of model.mustHave) expect(after.cas, `${t.slice(0, 12)} lost after apply(w${this.writer}): ${r.message}`).toContain(t);
    real.plans[this.writer] = null;
    model.planned[this.writer] = false;
  }
  toString(): string {
    return `apply(w${this.writer})`;
  }
}

const faultPlan = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    throttle: fc.integer({ min: 0, max: 15 }),
    unavailable: fc.integer({ min: 0, max: 15 }),
    drop: fc.integer({ min: 0, max: 10 }),
    dropAfter: fc.integer({ min: 0, max: 20 }),
    stale: fc.integer({ min: 0, max: 3 }),
    rename: fc.integer({ min: 0, max: 5 }),
  })
  .map(
    (f) =>
      `seed=${f.seed},throttle:0@${f.throttle}%,unavailable@${f.unavailable}%,drop@${f.drop}%,drop-after@PATCH${f.dropAfter}%,stale:${f.stale}@PATCH,concurrent:rename@GET${f.rename}%`,
  );

describe('two or more writers, random interleavings, random faults', () => {
  it('never lose a CA that no writer meant to remove, and a refused apply changes nothing', async () => {
    const ops: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), cert: fc.integer({ min: 0, max: pool.length - 1 }) }),
      fc.record({ kind: fc.constant('remove' as const), index: fc.nat(9) }),
      fc.record({ kind: fc.constant('rename' as const), name: fc.constantFrom('north', 'south', 'east') }),
    );
    const scenario = fc.integer({ min: 2, max: 3 }).chain((writers) => {
      const writer = fc.integer({ min: 0, max: writers - 1 });
      return fc.record({
        writers: fc.constant(writers),
        faults: faultPlan,
        commands: fc.commands([fc.tuple(writer, ops).map(([w, o]) => new PlanCommand(w, o)), writer.map((w) => new ApplyCommand(w))], {
          maxCommands: 20,
          size: 'max',
        }),
      });
    });
    await fc.assert(
      fc.asyncProperty(scenario, fc.context(), async ({ writers, faults, commands }, ctx) => {
        ctx.log(`faults: ${faults}`);
        const seed = {
          id: ID,
          displayName: 'start',
          tlsClientAuthParameter: 'tls_client_auth_subject_dn',
          certificateAuthorities: [pool[0]!, pool[1]!].map((c) => ({ certificate: c.base64, isRootAuthority: true })),
        };
        const graph = createGraphHandler([seed], { faults });
        let writes = 0;
        const fetch: FetchLike = async (input, init) => {
          if (init.method === 'PATCH') writes++;
          return graph(input, init);
        };
        let t = Date.parse('2026-06-01T10:00:00Z');
        const real: Real = {
          graph,
          fetch,
          writes: () => writes,
          plans: new Array(writers).fill(null),
          options: {
            fetch,
            now: () => t,
            sleep: async (ms) => {
              t += ms;
            },
            random: () => 0.5,
          },
        };
        const model: Model = { mustHave: new Set([thumb.get(pool[0]!.base64)!, thumb.get(pool[1]!.base64)!]), planned: [] };
        await fc.asyncModelRun(() => ({ model, real }), commands);
      }),
      { numRuns: 40, interruptAfterTimeLimit: 40_000 },
    );
  }, 90_000);
});
