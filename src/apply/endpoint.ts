/**
 * Where `get` and `apply` send their requests, and with what: the base URL (a cloud's, or `--base-url` for a local
 * `serve`), the token, the client with its clock and back-off. A bearer token never travels unencrypted: plain
 * `http://` is accepted only for this machine (127.0.0.1, ::1, localhost), where `ca-preflight serve` listens.
 */
import { CLOUD_BASE_URLS, type Cloud } from '../graph/clouds.js';
import { DEFAULT_RETRY, type ClientOptions, type Exchange, type FetchLike, type RetryPolicy } from './graph-client.js';
import { readTokenPermission, type TokenPermission } from './token-claims.js';

export interface ConnectionOptions {
  /** The `fetch` to send with; default `globalThis.fetch`. Inject one to test, or to route through a proxy. */
  fetch?: FetchLike;
  /** The bearer token, or a function that gives it (called once); null or absent sends no Authorization header. */
  token?: string | null | (() => string | null | Promise<string | null>);
  /** Replaces the cloud's base URL, e.g. `http://127.0.0.1:8080` for `ca-preflight serve`; scheme, host and port only. */
  baseUrl?: string;
  /** Each request, from sending to the last byte of its answer (default 30 s). */
  requestTimeoutMs?: number;
  /** The retries of each step (default: 6 requests within 120 s, back-off from 1 s doubling to 30 s). */
  retry?: Partial<RetryPolicy>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  crypto?: Crypto;
  /** Called after every exchange (the token is not in it). */
  onExchange?: (e: Exchange) => void;
}

export class EndpointError extends Error {}

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|\[::1\]|localhost)$/i;

/** The base URL to use: `baseUrl` checked (origin only, https unless loopback), or the cloud's. Throws {@link EndpointError}. */
export function resolveBaseUrl(baseUrl: string | undefined, cloud: Cloud = 'global'): string {
  if (baseUrl === undefined) return CLOUD_BASE_URLS[cloud];
  let u: URL;
  try {
    u = new URL(baseUrl);
  } catch {
    throw new EndpointError(`the base URL "${baseUrl.slice(0, 200)}" is not a URL; write it as https://host or http://127.0.0.1:PORT`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new EndpointError(`the base URL must be http:// or https:// (got "${u.protocol}")`);
  if ((u.pathname !== '/' && u.pathname !== '') || u.search || u.hash || u.username || u.password)
    throw new EndpointError(
      `the base URL is scheme, host and port only (got "${baseUrl.slice(0, 200)}"); ca-preflight adds /beta/directory/certificateAuthorities/…`,
    );
  if (u.protocol === 'http:' && !LOOPBACK.test(u.hostname))
    throw new EndpointError(
      `plain http:// is accepted only for this machine (127.0.0.1, ::1, localhost), where ca-preflight serve listens: a bearer token must not travel unencrypted (got "${u.host}")`,
    );
  return u.origin;
}

/** Whether a base URL is one of Graph's clouds (where a real token is needed). */
export function isGraphCloud(origin: string): boolean {
  return Object.values(CLOUD_BASE_URLS).includes(origin as (typeof CLOUD_BASE_URLS)[Cloud]);
}

export interface Connection {
  client: ClientOptions;
  policy: RetryPolicy;
  permission: TokenPermission | null;
}

/** Resolves the token (once) and builds the client. Throws {@link EndpointError} when the token cannot be had. */
export async function connect(options: ConnectionOptions): Promise<Connection> {
  const fetchFn = options.fetch ?? (globalThis.fetch?.bind(globalThis) as FetchLike | undefined);
  if (!fetchFn) throw new EndpointError('there is no fetch on this platform; pass one (options.fetch)');
  let token: string | null = null;
  try {
    token = typeof options.token === 'function' ? await options.token() : (options.token ?? null);
  } catch (e) {
    throw new EndpointError(`cannot get a token: ${(e as Error)?.message ?? String(e)}`);
  }
  if (token !== null && (typeof token !== 'string' || token.trim() === '' || /[\r\n]/.test(token)))
    throw new EndpointError('the token is empty or spans lines; give the bare access token');
  token = token?.trim() ?? null;
  const now = options.now ?? (() => Date.now());
  const permission = token !== null ? readTokenPermission(token, now()) : null;
  const client: ClientOptions = {
    fetch: fetchFn,
    token,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    permission,
    ...(options.crypto ? { crypto: options.crypto } : {}),
    ...(options.onExchange ? { onExchange: options.onExchange } : {}),
  };
  return { client, policy: { ...DEFAULT_RETRY, ...options.retry }, permission };
}
