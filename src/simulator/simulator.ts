/**
 * A local stand-in for Graph's trust-list endpoint. `simulatePatch` answers one PATCH the way the server would —
 * the 400 of `preflight`'s server order, or 200 with the updated resource (issuer and issuerSki computed from each
 * certificate). `createGraphHandler` (./handler.ts) serves the whole resource on top of it.
 */
import type { GraphError, GraphErrorBody } from '../types.js';
import { preflight, resolveClock } from '../preflight.js';
import { toHex } from '../certificate/encoding.js';
import type { CertificateRecord } from '../certificate/facts.js';
import { readCertificateValue } from '../certificate/reader.js';
import { mapWindowed } from '../concurrency.js';
import { defaultCrypto, digest } from '../certificate/verify.js';
import { graphErrorEnvelope, hasOwn, isControlInformation, isPlainObject } from '../graph/model.js';
import { cloudOfUrl, CONFIGURATIONS_PATH, entityContextUrl, type Cloud } from '../graph/clouds.js';
import { ANSWERS, fill } from './messages.js';

/** The request as `buildPatchRequest` makes it; `method`, `url` and `headers` are checked when present. */
export interface SimulatedRequest {
  method?: string;
  url?: string;
  headers?: Record<string, string> | Headers;
  /** The body: a parsed value or the JSON text. */
  body: unknown;
}

/** Graph's refusal: 400 (server order, Content-Type), 404 (another id), 405 (another method). */
export type SimulatedFailure = { status: 400 | 404 | 405; body: GraphErrorBody };
export type SimulatedResponse = { status: 200; body: Record<string, unknown> } | SimulatedFailure;

export interface SimulateOptions {
  /** The server's clock: validity checks and `innerError.date`. Default now. */
  at?: Date | string | number;
  /** Echoed as `innerError.client-request-id` (the `client-request-id` request header). */
  clientRequestId?: string;
  requestId?: string;
  crypto?: Crypto;
  /** Cloud for `@odata.context` when the request has no URL of a known cloud. Default global. */
  cloud?: Cloud;
}

/** [OBS] microsoft-graph-docs-contrib#6337; the same message serves a body that is not JSON (rule body.not-json). */
export const NOT_JSON_MESSAGE = ANSWERS.notJson.template;

export function resourceNotFoundMessage(id: string): string {
  return fill(ANSWERS.resourceNotFound.template, { id });
}

export const METHOD_NOT_ALLOWED_MESSAGE = ANSWERS.methodNotAllowed.template;

export function segmentNotFoundMessage(segment: string): string {
  return fill(ANSWERS.segmentNotFound.template, { segment });
}

function headerOf(headers: SimulatedRequest['headers'], name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? null : ((headers as Record<string, string>)[key] ?? null);
}

/** A path segment as Graph reads it; a malformed escape stays as written. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function isJsonContentType(value: string | null): boolean {
  return value !== null && /^\s*application\/json\s*(;|$)/i.test(value);
}

/** Every status the simulator answers with is one of {@link SimulatedFailure}'s. */
function failure(e: GraphError): SimulatedFailure {
  return e as SimulatedFailure;
}

function readResourceValue(current: unknown): Record<string, unknown> {
  const value = typeof current === 'string' ? (JSON.parse(current) as unknown) : current;
  if (!isPlainObject(value)) throw new TypeError('current must be a mutualTlsOauthConfiguration resource (a JSON object)');
  return value;
}

/**
 * `issuerSki` as the server computes it: the certificate's own SKI, 40 upper-case hex. Without the extension,
 * the SHA-1 of the public key (RFC 5280 method 1, what Windows derives as the key identifier) — [INF]: not documented.
 */
async function issuerSkiOf(record: CertificateRecord, crypto: Crypto): Promise<string> {
  if (record.facts.subjectKeyIdentifier) return record.facts.subjectKeyIdentifier.value;
  return toHex(await digest(crypto, 'SHA-1', record.parsed.publicKey.keyBits), true);
}

/** A stored entry, members in the order of the update page's responses; the certificate as standard base64 of the DER. */
async function storedEntry(entry: Record<string, unknown>, crypto: Crypto): Promise<Record<string, unknown>> {
  // The shared reader, so a certificate preflight just read is not parsed again.
  const { record } = await readCertificateValue(entry.certificate, crypto);
  if (!record) throw new Error('unreachable: preflight accepted a certificate that does not read');
  return {
    isRootAuthority: entry.isRootAuthority,
    certificateRevocationListUrl: entry.certificateRevocationListUrl ?? null,
    deltaCertificateRevocationListUrl: entry.deltaCertificateRevocationListUrl ?? null,
    certificate: record.facts.certificateAuthority.certificate,
    issuer: record.facts.issuer.windows,
    issuerSki: await issuerSkiOf(record, crypto),
  };
}

/** The resource after an accepted body: read-only members as they were, `@odata.context` first, other control information dropped. */
async function updatedResource(
  current: Record<string, unknown>,
  body: Record<string, unknown>,
  cloud: Cloud,
  crypto: Crypto,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { '@odata.context': entityContextUrl(cloud) };
  const list = hasOwn(body, 'certificateAuthorities')
    ? await mapWindowed(body.certificateAuthorities as Record<string, unknown>[], (e) => storedEntry(e, crypto))
    : undefined;
  for (const [k, v] of Object.entries(current)) {
    if (isControlInformation(k)) continue;
    out[k] = k === 'displayName' && hasOwn(body, 'displayName') ? body.displayName : k === 'certificateAuthorities' && list ? list : v;
  }
  if (hasOwn(body, 'displayName') && !hasOwn(out, 'displayName')) out.displayName = body.displayName;
  if (list && !hasOwn(out, 'certificateAuthorities')) out.certificateAuthorities = list;
  return out;
}

/**
 * What Graph would answer to `request` against the stored resource `current`: 405 for another method, 404 when
 * the URL names another id, 400 when Content-Type is not JSON, then the first failure of `preflight`'s server order,
 * else 200 with the updated resource. `current` is left untouched.
 */
export async function simulatePatch(
  current: unknown,
  request: SimulatedRequest,
  options: SimulateOptions = {},
): Promise<SimulatedResponse> {
  const resource = readResourceValue(current);
  const crypto = options.crypto ?? (await defaultCrypto());
  const at = resolveClock(options.at);
  const envelope = {
    at,
    crypto,
    ...(options.clientRequestId ? { clientRequestId: options.clientRequestId } : {}),
    ...(options.requestId ? { requestId: options.requestId } : {}),
  };
  const cloud = (request.url ? cloudOfUrl(request.url) : null) ?? options.cloud ?? 'global';

  if (request.method !== undefined && request.method.toUpperCase() !== 'PATCH') {
    return failure(graphErrorEnvelope(405, 'Request_BadRequest', METHOD_NOT_ALLOWED_MESSAGE, null, envelope));
  }
  if (request.url !== undefined) {
    let path = '';
    try {
      path = new URL(request.url).pathname;
    } catch {
      path = request.url;
    }
    const prefix = `${CONFIGURATIONS_PATH}/`;
    if (path.startsWith(prefix) && typeof resource.id === 'string') {
      const id = decodeSegment(path.slice(prefix.length).replace(/\/$/, ''));
      if (id !== resource.id)
        return failure(graphErrorEnvelope(404, 'Request_ResourceNotFound', resourceNotFoundMessage(id), null, envelope));
    }
  }
  if (request.headers !== undefined && !isJsonContentType(headerOf(request.headers, 'content-type'))) {
    return failure(graphErrorEnvelope(400, 'BadRequest', NOT_JSON_MESSAGE, null, envelope));
  }

  const report = await preflight(request.body, {
    current: resource,
    at,
    crypto,
    ...(options.clientRequestId ? { clientRequestId: options.clientRequestId } : {}),
    ...(options.requestId ? { requestId: options.requestId } : {}),
  });
  if (report.graphError) return failure(report.graphError);
  const body = (typeof request.body === 'string' ? JSON.parse(request.body) : request.body) as Record<string, unknown>;
  return { status: 200, body: await updatedResource(resource, body, cloud, crypto) };
}
