/**
 * The resource model of `mutualTlsOauthConfiguration` and `certificateAuthority` (docs/graph-api.md),
 * and Graph's error envelope.
 */
import type { GraphError } from '../types.js';

export const RESOURCE_TYPE = 'microsoft.graph.mutualTlsOauthConfiguration';
export const ENTRY_TYPE = 'microsoft.graph.certificateAuthority';
/** The resource name Graph's directory validator uses in its messages (the legacy name of the entry type). */
export const VALIDATOR_RESOURCE = 'CertificateAuthorityInformation';
/** Graph's answer (400 BadRequest) to a body it cannot read as JSON, verbatim (docs/graph-api.md; observed in microsoft-graph-docs-contrib#6337). */
export const NOT_JSON_MESSAGE =
  'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.';

/** Members of the resource a PATCH may set. */
export const WRITABLE_TOP = ['displayName', 'certificateAuthorities'] as const;
/** Members of the resource that exist but are read-only. */
export const READ_ONLY_TOP = ['id', 'deletedDateTime', 'tlsClientAuthParameter'] as const;
/** Members of a certificateAuthority entry a PATCH sets. */
export const WRITABLE_ENTRY = [
  'certificate',
  'isRootAuthority',
  'certificateRevocationListUrl',
  'deltaCertificateRevocationListUrl',
] as const;
/** Entry members the server computes from the certificate (echoed by GET). */
export const READ_ONLY_ENTRY = ['issuer', 'issuerSki'] as const;
/** The entry's CRL URL members (Edm.String, nullable). */
export const URL_MEMBERS = ['certificateRevocationListUrl', 'deltaCertificateRevocationListUrl'] as const;

export const TLS_CLIENT_AUTH_PARAMETERS = [
  'tls_client_auth_subject_dn',
  'tls_client_auth_san_dns',
  'tls_client_auth_san_uri',
  'tls_client_auth_san_ip',
  'tls_client_auth_san_email',
  'unknownFutureValue',
];

/** OData control information: `@odata.context`, `@odata.etag`, `name@odata.type`, … */
export function isControlInformation(key: string): boolean {
  return key.startsWith('@') || key.includes('@');
}

/** The type named by an `@odata.type` value, without the leading `#` that OData JSON prescribes. */
export function odataTypeName(value: unknown): string | null {
  return typeof value === 'string' ? value.replace(/^#/, '') : null;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function hasOwn(o: object, key: string): boolean {
  return Object.hasOwn(o, key);
}

/** Graph's `innerError.date`: ISO 8601 to the second, no zone designator, no fraction. */
export function graphDate(at: Date): string {
  return at.toISOString().slice(0, 19);
}

/** A random (v4) GUID from WebCrypto when there is one. */
export function newGuid(crypto?: Crypto): string {
  const bytes = new Uint8Array(16);
  const c = crypto ?? (globalThis as { crypto?: Crypto }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface ErrorEnvelopeOptions {
  at: Date;
  requestId?: string;
  clientRequestId?: string;
  crypto?: Crypto;
}

/** Builds the error response the directory service sends. */
export function graphErrorEnvelope(
  status: number,
  code: string,
  message: string,
  target: string | null,
  options: ErrorEnvelopeOptions,
): GraphError {
  const requestId = options.requestId ?? newGuid(options.crypto);
  const innerError = {
    date: graphDate(options.at),
    'request-id': requestId,
    'client-request-id': options.clientRequestId ?? requestId,
  };
  const error: GraphError['body']['error'] = target
    ? { code, message, details: [{ target, code: 'InvalidValue' }], innerError }
    : { code, message, innerError };
  return { status, body: { error } };
}
