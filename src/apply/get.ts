/**
 * `ca-preflight get` as a library call: the live configuration (or the whole collection, every page), read with the
 * same connection, retries and bounds as `apply`.
 */
import { CONFIGURATIONS_PATH, type Cloud } from '../graph/clouds.js';
import { connect, EndpointError, resolveBaseUrl, type ConnectionOptions } from './endpoint.js';
import { readJson, RetryBudget, type Exchange, type Failure } from './graph-client.js';
import type { TokenPermission } from './token-claims.js';
import { configurationUrlOn } from './receipt.js';
import { cloudRefusal } from '../diff/request.js';

export interface GetOptions extends ConnectionOptions {
  /** One configuration; without it, the collection. */
  id?: string;
  cloud?: Cloud;
  /**
   * Read a cloud where Microsoft does not document this API as available (today every national cloud). Without it such a
   * read is refused before any request or token is made, as `plan` and `patch` refuse to build the request.
   */
  allowUndocumentedCloud?: boolean;
  /** Lines for people while it waits (throttling, retries). */
  onProgress?: (line: string) => void;
}

export type GetResult =
  | { ok: true; value: Record<string, unknown>; url: string; exchanges: Exchange[]; permission: TokenPermission | null }
  | { ok: false; failure: Failure; url: string | null; exchanges: Exchange[] };

/** Pages of a collection read at most (999 configurations each). */
const MAX_PAGES = 100;

export async function getConfiguration(options: GetOptions = {}): Promise<GetResult> {
  const exchanges: Exchange[] = [];
  const refused = cloudRefusal(options.cloud ?? 'global', !!options.allowUndocumentedCloud);
  if (refused)
    return {
      ok: false,
      failure: { kind: 'input', message: `${refused.message} Nothing was sent.`, status: null, graphError: null },
      url: null,
      exchanges,
    };
  let base: string;
  let conn: Awaited<ReturnType<typeof connect>>;
  try {
    base = resolveBaseUrl(options.baseUrl, options.cloud);
    conn = await connect({
      ...options,
      onExchange: (e) => {
        exchanges.push(e);
        options.onExchange?.(e);
      },
    });
  } catch (e) {
    if (!(e instanceof EndpointError)) throw e;
    return { ok: false, failure: { kind: 'token', message: e.message, status: null, graphError: null }, url: null, exchanges };
  }
  if (options.id !== undefined && options.id === '')
    return { ok: false, failure: { kind: 'input', message: 'the id is empty', status: null, graphError: null }, url: null, exchanges };
  const url = options.id !== undefined ? configurationUrlOn(base, options.id) : `${base}${CONFIGURATIONS_PATH}`;
  const say = options.onProgress ?? (() => {});
  const first = await readJson(conn.client, url, new RetryBudget(conn.client, conn.policy), `GET ${url}`, say);
  if (!first.ok) return { ok: false, failure: first.failure, url, exchanges };
  if (options.id !== undefined) return { ok: true, value: first.value, url, exchanges, permission: conn.permission };

  const value = Array.isArray(first.value.value) ? [...first.value.value] : [];
  let next = first.value['@odata.nextLink'];
  for (let page = 1; typeof next === 'string'; page++) {
    let nextUrl: URL | null = null;
    try {
      nextUrl = new URL(next);
    } catch {
      nextUrl = null;
    }
    if (!nextUrl || nextUrl.origin !== new URL(base).origin)
      return {
        ok: false,
        failure: {
          kind: 'bad-response',
          message: `GET: @odata.nextLink points away from ${base} (${String(next).slice(0, 200)}); ca-preflight does not send the token there`,
          status: 200,
          graphError: null,
        },
        url,
        exchanges,
      };
    if (page >= MAX_PAGES)
      return {
        ok: false,
        failure: { kind: 'bad-response', message: `GET: more than ${MAX_PAGES} pages; give --id`, status: 200, graphError: null },
        url,
        exchanges,
      };
    const r = await readJson(conn.client, nextUrl.href, new RetryBudget(conn.client, conn.policy), `GET ${nextUrl.href}`, say);
    if (!r.ok) return { ok: false, failure: r.failure, url, exchanges };
    if (Array.isArray(r.value.value)) value.push(...r.value.value);
    next = r.value['@odata.nextLink'];
  }
  const out: Record<string, unknown> = {};
  if (first.value['@odata.context'] !== undefined) out['@odata.context'] = first.value['@odata.context'];
  out.value = value;
  return { ok: true, value: out, url, exchanges, permission: conn.permission };
}
