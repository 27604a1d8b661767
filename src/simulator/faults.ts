/**
 * Faults to test a Graph client with, chosen per request or at random from a seed: a fault plan is a list of
 * rules `FAULT[:ARG][@WHEN]`, separated by commas, with an optional `seed=N` for the random ones.
 *
 *   throttle[:S]       429 with Retry-After S (default 1) and the x-ms-throttle-* headers
 *   unavailable[:S]    503, with Retry-After S when given
 *   timeout            504
 *   drop               the connection is dropped before the request is processed (nothing changes)
 *   drop-after         the request is processed (a write is applied), then the connection is dropped
 *   slow[:T]           the answer comes T later (default 1000 ms; T as 250, 250ms or 2s)
 *   stale[:N | :T]     after a write, the next N reads (default 1), or the reads for T, see the state before it
 *   concurrent[:KIND]  just before the request, another client changes the resource: rename (default),
 *                      remove-ca (its last CA) or delete
 *   unauthorized       401 "Access token has expired or is not yet valid."
 *   forbidden          403 "Insufficient privileges to complete the operation."
 *
 *   WHEN: [METHOD][#N | #N-M | #N- | P%] — METHOD is GET, POST, PATCH or DELETE (any request when absent);
 *   #N the Nth matching request (counted from 1), #N-M a range, #N- from the Nth on, P% each matching request
 *   with probability P from the seed; no count and no percentage: every matching request. `stale` defaults to
 *   every write, the others to every request.
 *
 * Examples: `throttle:0@PATCH#1`, `stale:2@PATCH`, `drop-after@PATCH#2`, `seed=7,unavailable@20%,slow:300@GET`.
 */
import { seededRandom, type SeededRandom } from '../seeded-random.js';

export const FAULT_KINDS = [
  'throttle',
  'unavailable',
  'timeout',
  'drop',
  'drop-after',
  'slow',
  'stale',
  'concurrent',
  'unauthorized',
  'forbidden',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const CONCURRENT_KINDS = ['rename', 'remove-ca', 'delete'] as const;
export type ConcurrentKind = (typeof CONCURRENT_KINDS)[number];

const METHODS = ['GET', 'POST', 'PATCH', 'DELETE'] as const;
const WRITES = ['POST', 'PATCH', 'DELETE'];

export interface When {
  method: string | null;
  /** 1-based, inclusive; null with `to` null: every matching request. */
  from: number | null;
  to: number | null;
  /** Probability in [0, 1] drawn from the seed. */
  probability: number | null;
}

export type FaultRule =
  | { kind: 'throttle'; retryAfter: number; when: When; text: string }
  | { kind: 'unavailable'; retryAfter: number | null; when: When; text: string }
  | { kind: 'slow'; ms: number; when: When; text: string }
  | { kind: 'stale'; reads: number | null; ms: number | null; when: When; text: string }
  | { kind: 'concurrent'; change: ConcurrentKind; when: When; text: string }
  | { kind: 'timeout' | 'drop' | 'drop-after' | 'unauthorized' | 'forbidden'; when: When; text: string };

export interface FaultPlan {
  rules: FaultRule[];
  seed: number;
}

export class FaultSpecError extends Error {}

/** Milliseconds from `250`, `250ms`, `2s` or `1.5s`. */
function duration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]) * (m[2] === 's' ? 1000 : 1);
  return Number.isFinite(n) && n <= 3_600_000 ? Math.round(n) : null;
}

function seconds(text: string, where: string): number {
  if (!/^\d{1,5}$/.test(text)) throw new FaultSpecError(`${where}: the Retry-After value must be whole seconds, such as 2 (got "${text}")`);
  return Number(text);
}

function parseWhen(text: string, where: string): When {
  const m = /^(GET|POST|PATCH|DELETE)?(?:#(\d{1,6})(?:-(\d{0,6}))?|(\d{1,3}(?:\.\d+)?)%)?$/i.exec(text);
  if (!m || text === '')
    throw new FaultSpecError(
      `${where}: "@${text}" is not a WHEN; write a method (GET, POST, PATCH, DELETE), #N, #N-M, #N- or P%, or a method followed by one of those (PATCH#1)`,
    );
  const when: When = { method: m[1] ? m[1].toUpperCase() : null, from: null, to: null, probability: null };
  if (m[2] !== undefined) {
    when.from = Number(m[2]);
    when.to = m[3] === undefined ? when.from : m[3] === '' ? null : Number(m[3]);
    if (when.from < 1 || (when.to !== null && when.to < when.from))
      throw new FaultSpecError(`${where}: the range in "@${text}" is empty; requests are counted from 1`);
  }
  if (m[4] !== undefined) {
    const p = Number(m[4]);
    if (p > 100) throw new FaultSpecError(`${where}: a percentage is at most 100 (got ${m[4]}%)`);
    when.probability = p / 100;
  }
  return when;
}

function parseRule(text: string, where: string): FaultRule {
  const at = text.indexOf('@');
  const head = at === -1 ? text : text.slice(0, at);
  const colon = head.indexOf(':');
  const name = (colon === -1 ? head : head.slice(0, colon)).toLowerCase();
  const arg = colon === -1 ? null : head.slice(colon + 1);
  if (!(FAULT_KINDS as readonly string[]).includes(name))
    throw new FaultSpecError(`${where}: "${name}" is not a fault; the faults are ${FAULT_KINDS.join(', ')}`);
  const kind = name as FaultKind;
  const when: When = at === -1 ? { method: null, from: null, to: null, probability: null } : parseWhen(text.slice(at + 1), where);
  const noArg = (): void => {
    if (arg !== null) throw new FaultSpecError(`${where}: ${kind} takes no value (got "${kind}:${arg}")`);
  };
  switch (kind) {
    case 'throttle':
      return { kind, retryAfter: arg === null ? 1 : seconds(arg, where), when, text };
    case 'unavailable':
      return { kind, retryAfter: arg === null ? null : seconds(arg, where), when, text };
    case 'slow': {
      const ms = arg === null ? 1000 : duration(arg);
      if (ms === null) throw new FaultSpecError(`${where}: slow takes a duration such as 250, 250ms or 2s, at most 1 hour (got "${arg}")`);
      return { kind, ms, when, text };
    }
    case 'stale': {
      if (arg === null || /^\d{1,6}$/.test(arg)) return { kind, reads: arg === null ? 1 : Number(arg), ms: null, when, text };
      const ms = /[a-z]$/.test(arg) ? duration(arg) : null;
      if (ms === null)
        throw new FaultSpecError(
          `${where}: stale takes a number of reads (stale:3) or a time with its unit (stale:500ms, stale:2s); got "${arg}"`,
        );
      return { kind, reads: null, ms, when, text };
    }
    case 'concurrent': {
      const change = (arg ?? 'rename').toLowerCase();
      if (!(CONCURRENT_KINDS as readonly string[]).includes(change))
        throw new FaultSpecError(`${where}: concurrent takes ${CONCURRENT_KINDS.join(', ')} (got "${arg}")`);
      return { kind, change: change as ConcurrentKind, when, text };
    }
    default:
      noArg();
      return { kind, when, text };
  }
}

/** Reads a fault plan; throws {@link FaultSpecError} naming the item at fault and how to write it. */
export function parseFaults(spec: string): FaultPlan {
  const plan: FaultPlan = { rules: [], seed: 1 };
  const items = spec
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  items.forEach((item, i) => {
    const where = `fault ${i + 1} ("${item}")`;
    const seed = /^seed=(.*)$/i.exec(item);
    if (seed) {
      if (!/^\d{1,10}$/.test(seed[1]!)) throw new FaultSpecError(`${where}: the seed is a whole number, such as seed=42`);
      plan.seed = Number(seed[1]) >>> 0;
      return;
    }
    plan.rules.push(parseRule(item, where));
  });
  return plan;
}

/** Reads the `x-ca-preflight-fault` request header: faults for that request alone (no WHEN). */
export function parseRequestFaults(header: string): FaultRule[] {
  const plan = parseFaults(header);
  for (const r of plan.rules)
    if (r.when.method !== null || r.when.from !== null || r.when.probability !== null)
      throw new FaultSpecError(`"${r.text}": a fault in the request header applies to that request; leave out the @WHEN`);
  return plan.rules;
}

/** What the plan does to one request. */
export interface FaultsForRequest {
  /** Milliseconds to wait before answering. */
  delay: number;
  /** The fault that answers instead of the resource (the first that matches), or null. */
  answer: FaultRule | null;
  concurrent: ConcurrentKind[];
  stale: Extract<FaultRule, { kind: 'stale' }> | null;
  dropAfter: boolean;
}

/** A plan in use: counts requests per method and draws from its seed, so the same requests meet the same faults. */
export class FaultSchedule {
  private readonly random: SeededRandom;
  private total = 0;
  private readonly perMethod = new Map<string, number>();

  constructor(readonly plan: FaultPlan) {
    this.random = seededRandom(plan.seed);
  }

  /** Numbers the request and decides which rules apply to it; `extra` are the request header's faults. */
  next(method: string, extra: FaultRule[] = []): FaultsForRequest {
    const m = method.toUpperCase();
    this.total++;
    this.perMethod.set(m, (this.perMethod.get(m) ?? 0) + 1);
    const out: FaultsForRequest = { delay: 0, answer: null, concurrent: [], stale: null, dropAfter: false };
    const apply = (rule: FaultRule): void => {
      switch (rule.kind) {
        case 'slow':
          out.delay += rule.ms;
          break;
        case 'concurrent':
          out.concurrent.push(rule.change);
          break;
        case 'stale':
          if (WRITES.includes(m)) out.stale ??= rule;
          break;
        case 'drop-after':
          out.dropAfter = true;
          break;
        default:
          out.answer ??= rule;
      }
    };
    for (const rule of this.plan.rules) if (this.applies(rule, m)) apply(rule);
    for (const rule of extra) apply(rule);
    return out;
  }

  private applies(rule: FaultRule, method: string): boolean {
    const w = rule.when;
    if (w.method !== null && w.method !== method) return false;
    if (w.method === null && rule.kind === 'stale' && !WRITES.includes(method)) return false;
    if (w.probability !== null) return this.random.next() < w.probability;
    if (w.from === null) return true;
    const n = w.method === null ? this.total : (this.perMethod.get(method) ?? 0);
    return n >= w.from && (w.to === null || n <= w.to);
  }
}

export const FAULT_METHODS = METHODS;
