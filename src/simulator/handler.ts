/**
 * A `fetch`-compatible stand-in for Graph's trust-list resource, every documented method of it: list (with
 * `$select`, `$filter`, `$top` paging and `$count`), `/$count`, create (201 with `Location`), get (`$select`),
 * update (200 with the resource) and delete (204), with Graph's headers and error envelopes, optional bearer-token
 * checks, and faults chosen per request or at random from a seed (./faults.ts). `ca-preflight serve` puts it on
 * a socket; tests hand it to a Graph client in place of `fetch`.
 */
import { parseJsonText } from '../graph/json-text.js';
import { graphErrorEnvelope, isPlainObject, newGuid, TLS_CLIENT_AUTH_PARAMETERS } from '../graph/model.js';
import { cloudOfUrl, CONFIGURATIONS_PATH, CLOUD_BASE_URLS } from '../graph/clouds.js';
import { resolveClock } from '../preflight.js';
import { defaultCrypto } from '../certificate/verify.js';
import { seededRandom } from '../seeded-random.js';
import { simulatePatch } from './simulator.js';
import { ANSWERS, ERROR_JSON, fill, ODATA_JSON, RESOURCE_VALIDATOR_NAME, WWW_AUTHENTICATE, type AnswerName } from './messages.js';
import { describeProblem, matches, parseQuery, project, selectContext, type Query } from './query.js';
import { FaultSchedule, FaultSpecError, parseFaults, parseRequestFaults, type FaultPlan, type FaultRule } from './faults.js';
import { ResourceStore, resourcesOf, type Resource } from './store.js';

export interface GraphHandlerOptions {
  /** The server's clock for validity checks and `innerError.date`; a function is called per request. Default now. */
  at?: Date | string | number | (() => Date);
  crypto?: Crypto;
  /** A fault plan (the `--faults` syntax of ./faults.ts, or a parsed plan). */
  faults?: string | FaultPlan;
  /** Answer 401 to a request without `Authorization: Bearer <token>`. Any non-empty token is accepted. */
  requireToken?: boolean;
  /** Called after every change with the resources now stored (`serve --state` saves them). */
  onChange?: (resources: Resource[]) => void | Promise<void>;
  /** How to wait for a `slow` fault; default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Tenant and application ids for `x-ms-throttle-scope`. */
  tenantId?: string;
  applicationId?: string;
}

export type GraphFetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

export interface GraphHandler extends GraphFetch {
  /** The stored resources now, as GET would return them without `@odata.context` (copies). */
  resources(): Record<string, unknown>[];
}

/** The cause of the `TypeError` a handler throws, as `fetch` does, when a fault drops the connection. */
export class SimulatedConnectionDrop extends Error {
  constructor(readonly after: boolean) {
    super(
      after ? 'the connection was dropped after the request was processed' : 'the connection was dropped before the request was processed',
    );
    this.name = 'SimulatedConnectionDrop';
  }
}

/** The request header with which a client chooses faults for one request (the `--faults` syntax without @WHEN). */
export const FAULT_HEADER = 'x-ca-preflight-fault';

const SEGMENTS = CONFIGURATIONS_PATH.split('/').slice(1);
const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

interface Exchange {
  request: Request;
  url: URL;
  at: Date;
  crypto: Crypto;
  requestId: string;
  clientRequestId: string | undefined;
  cloud: keyof typeof CLOUD_BASE_URLS;
}

function idHeaders(x: Exchange): Record<string, string> {
  return { 'request-id': x.requestId, 'client-request-id': x.clientRequestId ?? x.requestId };
}

function json(x: Exchange, status: number, body: unknown, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': ODATA_JSON, ...idHeaders(x), ...extra } });
}

function error(x: Exchange, status: number, code: string, message: string, extra: Record<string, string> = {}): Response {
  const envelope = graphErrorEnvelope(status, code, message, null, {
    at: x.at,
    requestId: x.requestId,
    ...(x.clientRequestId ? { clientRequestId: x.clientRequestId } : {}),
  });
  return new Response(JSON.stringify(envelope.body), {
    status,
    headers: { 'Content-Type': ERROR_JSON, ...idHeaders(x), ...extra },
  });
}

function answer(x: Exchange, name: AnswerName, values?: Record<string, string>, extra?: Record<string, string>): Response {
  const a = ANSWERS[name];
  return error(x, a.status, a.code, fill(a.template, values), extra);
}

function isJsonContentType(value: string | null): boolean {
  return value !== null && /^\s*application\/json\s*(;|$)/i.test(value);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const base = (x: Exchange): string =>
  `${CLOUD_BASE_URLS[x.cloud]}/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations`;

/**
 * A handler over copies of `initialResources` (each a GET response of one configuration, or a collection GET):
 * state is kept per handler, so an accepted write changes what later reads return. Answers follow Graph where it
 * is documented or observed, and say so in docs/graph-api.md "What the simulator answers".
 */
export function createGraphHandler(initialResources: readonly unknown[], options: GraphHandlerOptions = {}): GraphHandler {
  const initial = initialResources.flatMap((r, i) => resourcesOf(typeof r === 'string' ? JSON.parse(r) : r, `resource ${i + 1}`));
  const store = new ResourceStore(initial, () => Date.now());
  const plan = typeof options.faults === 'string' ? parseFaults(options.faults) : (options.faults ?? { rules: [], seed: 1 });
  const schedule = new FaultSchedule(plan);
  const ids = seededRandom((plan.seed ^ 0x9e3779b9) >>> 0);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const clock = (): Date => resolveClock(typeof options.at === 'function' ? options.at() : options.at);
  const tenantId = options.tenantId ?? ZERO_GUID;
  const applicationId = options.applicationId ?? ZERO_GUID;

  const newId = (): string => {
    for (;;) {
      const h = ids.hex(16);
      const v = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
      if (!store.current().has(v)) return v;
    }
  };
  const changed = async (): Promise<void> => {
    if (options.onChange) await options.onChange(store.list());
  };

  const faultAnswer = (x: Exchange, rule: FaultRule, method: string): Response | null => {
    const write = method !== 'GET';
    switch (rule.kind) {
      case 'throttle':
        return answer(x, 'throttled', undefined, {
          'Retry-After': String(rule.retryAfter),
          'x-ms-throttle-scope': `Tenant_Application/${write ? 'Write' : 'Read'}/${applicationId}/${tenantId}`,
          'x-ms-throttle-information': write ? 'WriteLimitExceeded' : 'ResourceUnitLimitExceeded',
        });
      case 'unavailable':
        return answer(x, 'unavailable', undefined, rule.retryAfter === null ? {} : { 'Retry-After': String(rule.retryAfter) });
      case 'timeout':
        return answer(x, 'gatewayTimeout');
      case 'unauthorized':
        return answer(x, 'tokenExpired', undefined, { 'WWW-Authenticate': WWW_AUTHENTICATE });
      case 'forbidden':
        return answer(x, 'forbidden');
      default:
        return null;
    }
  };

  /** Another client's change, made just before the request is processed. */
  const concurrentChange = (target: string | null, change: string): void => {
    store.write((resources) => {
      const id = target !== null && resources.has(target) ? target : resources.keys().next().value;
      if (id === undefined) return;
      const r = resources.get(id)!;
      if (change === 'delete') resources.delete(id);
      else if (change === 'remove-ca' && Array.isArray(r.certificateAuthorities))
        r.certificateAuthorities = r.certificateAuthorities.slice(0, -1);
      else r.displayName = `${typeof r.displayName === 'string' ? r.displayName : ''} (changed by another client)`;
    });
  };

  const listResponse = (x: Exchange, query: Query): Response => {
    const all = [...store.read().values()].filter((r) => !query.filter || matches(query.filter, r));
    const page = query.top ?? all.length;
    const slice = all.slice(query.skip, query.skip + page);
    const body: Record<string, unknown> = { '@odata.context': `${base(x)}${selectContext(query.select)}` };
    if (query.count) body['@odata.count'] = all.length;
    if (query.top !== null && query.skip + page < all.length) {
      const next = new URL(x.url.href);
      next.searchParams.delete('$skiptoken');
      next.searchParams.set('$skiptoken', `s${query.skip + page}`);
      // Graph writes the option names with a literal "$".
      next.search = next.searchParams.toString().replace(/%24/g, '$');
      body['@odata.nextLink'] = next.href;
    }
    body.value = slice.map((r) => project(structuredClone(r), query.select));
    return json(x, 200, body);
  };

  const readBody = async (x: Exchange): Promise<{ text: string } | { response: Response }> => {
    if (!isJsonContentType(x.request.headers.get('content-type'))) return { response: answer(x, 'notJson') };
    return { text: await x.request.text() };
  };

  const create = async (x: Exchange, stale: { reads: number | null; ms: number | null } | undefined): Promise<Response> => {
    const read = await readBody(x);
    if ('response' in read) return read.response;
    const parsed = parseJsonText(read.text);
    if (!parsed.ok) return answer(x, 'notJson');
    const value = parsed.parsed.value;
    const ids = { requestId: x.requestId, ...(x.clientRequestId ? { clientRequestId: x.clientRequestId } : {}) };
    let body: Record<string, unknown> | unknown = value;
    let parameter: unknown;
    if (isPlainObject(value)) {
      // The create page: tlsClientAuthParameter is required, and set only here.
      parameter = value.tlsClientAuthParameter;
      if (parameter === undefined || parameter === null) return answer(x, 'requiredMissing', { property: 'tlsClientAuthParameter' });
      if (typeof parameter !== 'string' || !TLS_CLIENT_AUTH_PARAMETERS.includes(parameter))
        return answer(x, 'invalidValue', { property: 'tlsClientAuthParameter', resource: RESOURCE_VALIDATOR_NAME });
      body = Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'tlsClientAuthParameter'));
    }
    const id = newId();
    const template = { id, deletedDateTime: null, displayName: null, tlsClientAuthParameter: parameter, certificateAuthorities: [] };
    const result = await simulatePatch(template, { body }, { at: x.at, crypto: x.crypto, cloud: x.cloud, ...ids });
    if (result.status !== 200) return error(x, result.status, result.body.error.code, result.body.error.message);
    const { '@odata.context': _context, ...stored } = result.body;
    store.write((resources) => resources.set(id, stored), stale);
    await changed();
    const location = `${x.url.origin}${CONFIGURATIONS_PATH}/${id}`;
    return json(x, 201, { '@odata.context': `${base(x)}/$entity`, ...structuredClone(stored) }, { Location: location });
  };

  const update = async (x: Exchange, id: string, stale: { reads: number | null; ms: number | null } | undefined): Promise<Response> => {
    const stored = store.current().get(id);
    if (!stored) return answer(x, 'resourceNotFound', { id });
    const read = await readBody(x);
    if ('response' in read) return read.response;
    const result = await simulatePatch(
      stored,
      { body: read.text },
      {
        at: x.at,
        crypto: x.crypto,
        requestId: x.requestId,
        cloud: x.cloud,
        ...(x.clientRequestId ? { clientRequestId: x.clientRequestId } : {}),
      },
    );
    if (result.status !== 200) return error(x, result.status, result.body.error.code, result.body.error.message);
    const { '@odata.context': _context, ...next } = result.body;
    store.write((resources) => resources.set(id, next), stale);
    await changed();
    return json(x, 200, result.body);
  };

  const route = async (x: Exchange, faults: ReturnType<FaultSchedule['next']>): Promise<Response> => {
    const method = x.request.method.toUpperCase();
    const segments = x.url.pathname
      .split('/')
      .slice(1)
      .filter((s, i, all) => s !== '' || i < all.length - 1);
    // v1.0 has certificateAuthorities but not this collection (metadata).
    if (segments[0] === 'v1.0' && segments[1] === 'directory' && segments[2] === 'certificateAuthorities' && segments.length > 3)
      return answer(x, 'segmentNotFound', { segment: decodeSegment(segments[3]!) });
    const mismatch = SEGMENTS.findIndex((s, i) => segments[i] !== s);
    if (mismatch !== -1) return answer(x, 'segmentNotFound', { segment: decodeSegment(segments[mismatch] ?? '') });
    const rest = segments.slice(SEGMENTS.length).map(decodeSegment);
    const target = rest[0] !== undefined && rest[0] !== '$count' ? rest[0] : null;
    for (const change of faults.concurrent) concurrentChange(target, change);
    const stale = faults.stale ? { reads: faults.stale.reads, ms: faults.stale.ms } : undefined;

    if (rest.length > 1) return answer(x, 'segmentNotFound', { segment: rest[1]! });
    if (rest.length === 0) {
      if (method === 'POST') return create(x, stale);
      if (method !== 'GET') return answer(x, 'methodNotAllowed');
      const query = parseQuery(x.url.searchParams, false);
      if (!query.ok) {
        const p = describeProblem(query.problem);
        return error(x, p.status, p.code, p.message);
      }
      return listResponse(x, query.value);
    }
    if (rest[0] === '$count') {
      if (method !== 'GET') return answer(x, 'methodNotAllowed');
      const query = parseQuery(x.url.searchParams, false);
      if (!query.ok) {
        const p = describeProblem(query.problem);
        return error(x, p.status, p.code, p.message);
      }
      const n = [...store.read().values()].filter((r) => !query.value.filter || matches(query.value.filter, r)).length;
      return new Response(String(n), { status: 200, headers: { 'Content-Type': 'text/plain', ...idHeaders(x) } });
    }
    const id = rest[0]!;
    if (method === 'GET') {
      const query = parseQuery(x.url.searchParams, true);
      if (!query.ok) {
        const p = describeProblem(query.problem);
        return error(x, p.status, p.code, p.message);
      }
      const stored = store.read().get(id);
      if (!stored) return answer(x, 'resourceNotFound', { id });
      return json(x, 200, {
        '@odata.context': `${base(x)}${selectContext(query.value.select)}/$entity`,
        ...project(structuredClone(stored), query.value.select),
      });
    }
    if (method === 'PATCH') return update(x, id, stale);
    if (method === 'DELETE') {
      if (!store.current().has(id)) return answer(x, 'resourceNotFound', { id });
      store.write((resources) => resources.delete(id), stale);
      await changed();
      return new Response(null, { status: 204, headers: idHeaders(x) });
    }
    return answer(x, 'methodNotAllowed');
  };

  const handler = (async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const crypto = options.crypto ?? (await defaultCrypto());
    const x: Exchange = {
      request,
      url: new URL(request.url),
      at: clock(),
      crypto,
      requestId: newGuid(crypto),
      clientRequestId: request.headers.get('client-request-id') ?? undefined,
      cloud: cloudOfUrl(request.url) ?? 'global',
    };
    const method = request.method.toUpperCase();
    let extra: FaultRule[] = [];
    const header = request.headers.get(FAULT_HEADER);
    if (header !== null) {
      try {
        extra = parseRequestFaults(header);
      } catch (e) {
        if (!(e instanceof FaultSpecError)) throw e;
        // The simulator's own control header, not a Graph answer.
        return error(x, 400, 'SimulatorFaultHeader', `${FAULT_HEADER}: ${e.message}`);
      }
    }
    const faults = schedule.next(method, extra);
    if (faults.delay > 0) await sleep(faults.delay);
    if (faults.answer?.kind === 'drop') throw new TypeError('fetch failed', { cause: new SimulatedConnectionDrop(false) });
    if (options.requireToken && !/^Bearer\s+\S/i.test(request.headers.get('authorization') ?? ''))
      return answer(x, 'tokenEmpty', undefined, { 'WWW-Authenticate': WWW_AUTHENTICATE });
    const early = faults.answer ? faultAnswer(x, faults.answer, method) : null;
    if (early) return early;
    const response = await route(x, faults);
    if (faults.dropAfter) throw new TypeError('fetch failed', { cause: new SimulatedConnectionDrop(true) });
    return response;
  }) as GraphHandler;
  handler.resources = () => store.list();
  return handler;
}
