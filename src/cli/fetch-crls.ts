/**
 * `--fetch-crls`: downloads every CRL URL the body configures, as Entra would at sign-in — the only network access of
 * `check`, and only when asked. Each URL is fetched once (GET, http or https), within the time Entra allows (10 s for the
 * whole download), stopped at the chosen cloud's sign-in size limit, with at most a few redirects and a few downloads
 * at a time. Failures are not errors of the command: they come back as inputs the CRL rules report.
 */
import { CRL_DOWNLOAD_SECONDS, CRL_SIGN_IN_LIMIT_BYTES } from '../crl/limits.js';
import type { CrlFetchFailure, CrlInput, CrlMember } from '../crl/types.js';
import type { Cloud } from '../graph/clouds.js';
import { mapWindowed } from '../concurrency.js';

export interface FetchCrlsOptions {
  cloud: Cloud;
  /** Default 10 (Entra's limit). */
  timeoutSeconds?: number;
  /** Default the cloud's sign-in limit. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Downloads in flight at once; default 4. */
  concurrency?: number;
  /** Default the platform's fetch. */
  fetch?: typeof fetch;
}

interface Download {
  bytes?: Uint8Array;
  failure?: CrlFetchFailure;
  elapsedMs: number;
}

const MEMBERS: CrlMember[] = ['certificateRevocationListUrl', 'deltaCertificateRevocationListUrl'];

/** The configured (entry, member, URL) triples of a parsed body, in document order. */
export function configuredCrlUrls(body: unknown): { index: number; member: CrlMember; url: string }[] {
  const list = (body as { certificateAuthorities?: unknown } | null)?.certificateAuthorities;
  if (!Array.isArray(list)) return [];
  const out: { index: number; member: CrlMember; url: string }[] = [];
  list.forEach((e, index) => {
    if (e === null || typeof e !== 'object') return;
    for (const member of MEMBERS) {
      const url = (e as Record<string, unknown>)[member];
      if (typeof url === 'string' && url !== '') out.push({ index, member, url });
    }
  });
  return out;
}

async function download(url: string, options: Required<Omit<FetchCrlsOptions, 'cloud'>>): Promise<Download> {
  const started = Date.now();
  const signal = AbortSignal.timeout(options.timeoutSeconds * 1000);
  const done = (d: Omit<Download, 'elapsedMs'>): Download => ({ ...d, elapsedMs: Date.now() - started });
  let current = url;
  try {
    for (let redirects = 0; ; redirects++) {
      const parsed = new URL(current);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        return done({ failure: { kind: 'scheme', scheme: parsed.protocol.replace(/:$/, '') } });
      const response = await options.fetch(current, { redirect: 'manual', signal, headers: { accept: 'application/pkix-crl, */*' } });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        if (redirects >= options.maxRedirects) return done({ failure: { kind: 'redirects', count: redirects + 1 } });
        current = new URL(response.headers.get('location')!, current).href;
        continue;
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        return done({ failure: { kind: 'status', status: response.status } });
      }
      const announced = Number(response.headers.get('content-length'));
      if (Number.isFinite(announced) && announced > options.maxBytes) {
        await response.body?.cancel();
        return done({ failure: { kind: 'too-large', limit: options.maxBytes } });
      }
      const chunks: Uint8Array[] = [];
      let total = 0;
      const reader = response.body?.getReader();
      while (reader) {
        const { done: end, value } = await reader.read();
        if (end || !value) break;
        total += value.length;
        if (total > options.maxBytes) {
          await reader.cancel();
          return done({ failure: { kind: 'too-large', limit: options.maxBytes } });
        }
        chunks.push(value);
      }
      const bytes = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
      }
      return done({ bytes });
    }
  } catch (e) {
    if (signal.aborted) return done({ failure: { kind: 'timeout', seconds: options.timeoutSeconds } });
    return done({ failure: { kind: 'network', message: networkReason(e) } });
  }
}

/** Downloads each configured CRL URL once; one input per configured member (entries sharing a URL share its download). */
export async function fetchCrls(body: unknown, options: FetchCrlsOptions): Promise<CrlInput[]> {
  const settings = {
    timeoutSeconds: options.timeoutSeconds ?? CRL_DOWNLOAD_SECONDS,
    maxBytes: options.maxBytes ?? CRL_SIGN_IN_LIMIT_BYTES[options.cloud],
    maxRedirects: options.maxRedirects ?? 5,
    concurrency: options.concurrency ?? 4,
    fetch: options.fetch ?? fetch,
  };
  // A value that is not a URL at all is reported by crl.url-not-absolute; there is nothing to download.
  const configured = configuredCrlUrls(body).filter((c) => URL.canParse(c.url));
  const unique = [...new Set(configured.map((c) => c.url))];
  const results = new Map<string, Download>();
  await mapWindowed(
    unique,
    async (url) => {
      results.set(url, await download(url, settings));
    },
    settings.concurrency,
  );
  return configured.map((from) => {
    const d = results.get(from.url)!;
    return {
      source: from.url,
      from,
      elapsedMs: d.elapsedMs,
      ...(d.bytes ? { bytes: d.bytes } : {}),
      ...(d.failure ? { failure: d.failure } : {}),
    };
  });
}

/** The platform's words for a failed connection: the innermost cause (fetch wraps it in "fetch failed"). */
function networkReason(e: unknown): string {
  let err = e as { message?: string; code?: string; cause?: unknown; errors?: unknown[] } | undefined;
  for (let depth = 0; depth < 5 && err; depth++) {
    const next = (err.cause ?? err.errors?.[0]) as typeof err;
    if (!next) break;
    err = next;
  }
  const message = err?.message ?? String(e);
  return err?.code && !message.includes(err.code) ? `${err.code}: ${message}` : message;
}
