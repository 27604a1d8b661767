/**
 * The few HTTP exchanges `get` and `apply` make with Graph, over an injected `fetch`: every request bounded in time
 * (the answer's body too), each with a fresh `client-request-id`, redirects never followed (a bearer token goes to the
 * base URL and nowhere else), and every answer recorded as an {@link Exchange} without the token. Reads are retried:
 * 429 after `Retry-After`, 5xx, timeouts and dropped connections with bounded exponential back-off (Microsoft Graph's
 * throttling guidance); writes are never retried here — `apply` decides, after a fresh read.
 */
import { newGuid } from '../graph/model.js';
import { PATCH_PERMISSION } from '../graph/clouds.js';
import type { TokenPermission } from './token-claims.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** One request and what came back, as the receipt keeps it. */
export interface Exchange {
  method: 'GET' | 'PATCH';
  url: string;
  startedAt: string;
  ms: number;
  /** The HTTP status, or null when no answer came. */
  status: number | null;
  /** Why no answer came. */
  failure: 'timeout' | 'network' | null;
  requestId: string | null;
  clientRequestId: string;
  retryAfter: string | null;
  /** `x-ms-throttle-information` and `x-ms-throttle-scope` of a 429. */
  throttle: string | null;
  /** Graph's error code and message, verbatim (at most 200 characters of the message). */
  graphError: { code: string; message: string } | null;
}

export type Answer =
  | { kind: 'answer'; status: number; body: unknown; exchange: Exchange }
  | { kind: 'no-answer'; failure: 'timeout' | 'network'; message: string; exchange: Exchange };

export type FailureKind =
  | 'input'
  | 'token'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'throttled'
  | 'unavailable'
  | 'timeout'
  | 'network'
  | 'rejected'
  | 'conflict'
  | 'bad-response';

export interface Failure {
  kind: FailureKind;
  /** What went wrong and what to do; Graph's own words are quoted, never invented. */
  message: string;
  status: number | null;
  graphError: { code: string; message: string } | null;
}

export interface RetryPolicy {
  /** Time the retries of one step may wait in all (ms). */
  retryForMs: number;
  /** Requests one step may make in all. */
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retryForMs: 120_000, maxAttempts: 6, initialBackoffMs: 1000, maxBackoffMs: 30_000 };

export interface ClientOptions {
  fetch: FetchLike;
  /** The bearer token; null sends none. */
  token: string | null;
  requestTimeoutMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  permission: TokenPermission | null;
  onExchange?: (e: Exchange) => void;
  crypto?: Crypto;
}

/** Answers larger than this are not read (a configuration of 250 CAs is well under 1 MiB). */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

function clip(s: string, n = 200): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

async function readText(response: Response, signal: AbortSignal): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const onAbort = (): void => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', onAbort);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw new DOMException('the answer took too long', 'TimeoutError');
      if (done) break;
      size += value.length;
      if (size > MAX_ANSWER_BYTES) throw new RangeError(`the answer is larger than ${MAX_ANSWER_BYTES} bytes`);
      chunks.push(value);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  const all = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  return new TextDecoder().decode(all);
}

function graphErrorOf(body: unknown): { code: string; message: string } | null {
  const e = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (!e || typeof e !== 'object') return null;
  return { code: typeof e.code === 'string' ? e.code : '', message: typeof e.message === 'string' ? clip(e.message) : '' };
}

function describeNetworkError(e: unknown): string {
  const err = e as { message?: string; cause?: { message?: string; code?: string } };
  const cause = err?.cause?.message ?? err?.cause?.code;
  return clip(`${err?.message ?? String(e)}${cause ? ` (${cause})` : ''}`, 300);
}

/** One request, bounded by `requestTimeoutMs` from sending to the last byte of the answer. */
export async function exchange(client: ClientOptions, method: 'GET' | 'PATCH', url: string, body?: unknown): Promise<Answer> {
  const clientRequestId = newGuid(client.crypto);
  const started = client.now();
  const record: Exchange = {
    method,
    url,
    startedAt: new Date(started).toISOString(),
    ms: 0,
    status: null,
    failure: null,
    requestId: null,
    clientRequestId,
    retryAfter: null,
    throttle: null,
    graphError: null,
  };
  const headers: Record<string, string> = { Accept: 'application/json', 'client-request-id': clientRequestId };
  if (client.token !== null) headers.Authorization = `Bearer ${client.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The timer does not rely on fetch honouring the signal: a fetch that ignores it is abandoned all the same.
  const timeUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new RequestTimeUp());
    }, client.requestTimeoutMs);
  });
  const work = (async () => {
    const response = await client.fetch(url, {
      method,
      headers,
      redirect: 'manual',
      signal: controller.signal,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { response, text: await readText(response, controller.signal) };
  })();
  work.catch(() => {});
  const done = (a: Answer): Answer => {
    clearTimeout(timer);
    a.exchange.ms = Math.max(0, client.now() - started);
    client.onExchange?.(a.exchange);
    return a;
  };
  try {
    const { response, text } = await Promise.race([work, timeUp]);
    record.status = response.status;
    record.requestId = response.headers.get('request-id');
    record.retryAfter = response.headers.get('retry-after');
    const info = response.headers.get('x-ms-throttle-information');
    const scope = response.headers.get('x-ms-throttle-scope');
    if (info || scope) record.throttle = [info, scope].filter(Boolean).join('; ');
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    record.graphError = response.status >= 400 ? graphErrorOf(parsed) : null;
    return done({ kind: 'answer', status: response.status, body: parsed, exchange: record });
  } catch (e) {
    const timedOut = e instanceof RequestTimeUp || controller.signal.aborted;
    record.failure = timedOut ? 'timeout' : 'network';
    const message = timedOut
      ? `no answer within ${formatSeconds(client.requestTimeoutMs)}`
      : e instanceof RangeError
        ? e.message
        : describeNetworkError(e);
    return done({ kind: 'no-answer', failure: record.failure, message, exchange: record });
  }
}

class RequestTimeUp extends Error {}

/** `Retry-After` as milliseconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d{1,9}$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The n-th back-off (n from 1): doubling from the initial delay up to the cap, half of it jittered. */
export function backoffMs(policy: RetryPolicy, n: number, random: () => number): number {
  const d = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** Math.min(30, n - 1));
  return Math.round(d / 2 + (random() * d) / 2);
}

/** "Graph answered 403 Authorization_RequestDenied "…"", Graph's words verbatim, ready for a sentence after " — ". */
function quoted(a: Extract<Answer, { kind: 'answer' }>): string {
  const g = a.exchange.graphError;
  return g ? `${a.status} ${g.code} "${g.message}"` : `${a.status}`;
}

/** Ends a message with a full stop unless it already ends a sentence (or a quotation). */
export function sentence(s: string): string {
  return /[.!?"]$/.test(s) ? s : `${s}.`;
}

/** The failure an answer means when it will not be retried. */
export function failureOf(a: Answer, client: ClientOptions, what: string): Failure {
  if (a.kind === 'no-answer') return { kind: a.failure, message: sentence(`${what}: ${a.message}`), status: null, graphError: null };
  const g = a.exchange.graphError;
  const base = { status: a.status, graphError: g };
  const p = client.permission;
  const claims =
    p?.readable === true
      ? ` The token carries ${[...p.scopes.map((s) => `scp ${s}`), ...p.roles.map((r) => `roles ${r}`)].join(', ') || 'no scp or roles claim'}.`
      : p?.readable === false
        ? ' (The token is not a readable JWT, so its permissions could not be checked beforehand.)'
        : '';
  switch (a.status) {
    case 401:
      return {
        kind: 'unauthorized',
        ...base,
        message: `${what}: Graph answered ${quoted(a)} — ${client.token === null ? 'no token was sent: give one (--token, --token-command or GRAPH_TOKEN).' : 'the token was refused: get a new one for https://graph.microsoft.com.'}`,
      };
    case 403:
      return {
        kind: 'forbidden',
        ...base,
        message: `${what}: Graph answered ${quoted(a)} — updating the configuration needs ${PATCH_PERMISSION} (delegated, with the Cloud Device Administrator or IoT Device Administrator role, or as an application permission); reading it needs MutualTlsOauthConfiguration.Read.All or higher.${claims}`,
      };
    case 404:
      return {
        kind: 'not-found',
        ...base,
        message: `${what}: Graph answered ${quoted(a)} — the configuration does not exist (deleted, or another id or tenant).`,
      };
    case 429:
      return {
        kind: 'throttled',
        ...base,
        message: `${what}: Graph answered ${quoted(a)}${a.exchange.retryAfter !== null ? ` with Retry-After: ${a.exchange.retryAfter}` : ''} — ca-preflight stopped waiting.`,
      };
    default:
      if (a.status >= 500) return { kind: 'unavailable', ...base, message: sentence(`${what}: Graph answered ${quoted(a)}`) };
      if (a.status >= 300 && a.status < 400)
        return {
          kind: 'bad-response',
          ...base,
          message: `${what}: Graph answered ${a.status}, a redirect, which ca-preflight does not follow (the token would go elsewhere); check --base-url.`,
        };
      if (a.status >= 200 && a.status < 300)
        return { kind: 'bad-response', ...base, message: `${what}: Graph answered ${a.status} with a body that is not the configuration.` };
      return { kind: 'rejected', ...base, message: sentence(`${what}: Graph answered ${quoted(a)}`) };
  }
}

/** Whether an answer is worth another try of a read: throttled, a server error, or no answer at all. */
export function isTransient(a: Answer): boolean {
  return a.kind === 'no-answer' || a.status === 429 || a.status === 500 || a.status === 502 || a.status === 503 || a.status === 504;
}

/** The time budget of one step's retries. */
export class RetryBudget {
  private attempts = 0;
  private waits = 0;
  private readonly deadline: number;

  constructor(
    private readonly client: ClientOptions,
    readonly policy: RetryPolicy,
  ) {
    this.deadline = client.now() + policy.retryForMs;
  }

  /** Counts a request; false when the step has made all it may. */
  take(): boolean {
    if (this.attempts >= this.policy.maxAttempts) return false;
    this.attempts++;
    return true;
  }

  get made(): number {
    return this.attempts;
  }

  /** How long to wait after `a` before the next try, or null when the budget does not allow it. */
  waitAfter(a: Answer): number | null {
    const asked = a.kind === 'answer' ? retryAfterMs(a.exchange.retryAfter, this.client.now()) : null;
    const wait = asked ?? backoffMs(this.policy, ++this.waits, this.client.random);
    if (this.attempts >= this.policy.maxAttempts) return null;
    return this.client.now() + wait <= this.deadline ? wait : null;
  }
}

export type ReadResult =
  | { ok: true; value: Record<string, unknown>; exchange: Exchange }
  | { ok: false; failure: Failure; last: Answer | null };

/** What the log says while a step waits. */
export type Waiting = (message: string) => void;

/** GET `url` until a JSON object comes back, within `budget`; `what` names the step in messages. */
export async function readJson(
  client: ClientOptions,
  url: string,
  budget: RetryBudget,
  what: string,
  onWait: Waiting = () => {},
): Promise<ReadResult> {
  let last: Answer | null = null;
  while (budget.take()) {
    const a = await exchange(client, 'GET', url);
    last = a;
    if (a.kind === 'answer' && a.status === 200) {
      if (a.body !== null && typeof a.body === 'object' && !Array.isArray(a.body))
        return { ok: true, value: a.body as Record<string, unknown>, exchange: a.exchange };
      return { ok: false, failure: failureOf(a, client, what), last: a };
    }
    if (!isTransient(a)) return { ok: false, failure: failureOf(a, client, what), last: a };
    const wait = budget.waitAfter(a);
    if (wait === null) break;
    onWait(`${what}: ${describeAnswer(a)}; trying again in ${formatSeconds(wait)}`);
    await client.sleep(wait);
  }
  const failure = last
    ? failureOf(last, client, what)
    : { kind: 'unavailable' as const, message: `${what}: no request was made.`, status: null, graphError: null };
  failure.message += ` Gave up after ${budget.made} request${budget.made === 1 ? '' : 's'} (the retry budget: ${budget.policy.maxAttempts} requests, ${formatSeconds(budget.policy.retryForMs)})${last?.kind === 'answer' && last.status === 429 ? '; run again later, or allow a longer wait with --retry-for' : ''}.`;
  return { ok: false, failure, last };
}

export function formatSeconds(ms: number): string {
  return ms < 1000 && ms > 0 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** One line for the log: the status with Graph's code, the throttling headers, or why no answer came. */
export function describeAnswer(a: Answer): string {
  if (a.kind === 'no-answer') return a.failure === 'timeout' ? `no answer (${a.message})` : `connection failed (${a.message})`;
  const g = a.exchange.graphError;
  const parts = [`${a.status}${g?.code ? ` ${g.code}` : ''}`];
  if (a.exchange.retryAfter !== null) parts.push(`Retry-After: ${a.exchange.retryAfter}`);
  if (a.exchange.throttle) parts.push(a.exchange.throttle);
  return parts.join(', ');
}
