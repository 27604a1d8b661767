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

/** The enum `tlsClientRegistrationMetadata` (RFC 8705 §2.1.2 client metadata), in the metadata's order. */
export const TLS_CLIENT_REGISTRATION_METADATA = 'microsoft.graph.tlsClientRegistrationMetadata';
export const TLS_CLIENT_AUTH_PARAMETERS = [
  'tls_client_auth_subject_dn',
  'tls_client_auth_san_dns',
  'tls_client_auth_san_uri',
  'tls_client_auth_san_ip',
  'tls_client_auth_san_email',
  'unknownFutureValue',
];

/** One member as Microsoft's beta metadata (CSDL) declares it. */
export interface ModelMember {
  name: string;
  /** The CSDL type, with `microsoft.graph.` for the namespace's own types (the CSDL writes the alias `graph.`). */
  type: string;
  nullable: boolean;
  /** Where the CSDL declares it: the type itself or a base type. */
  declaredOn: string;
}

/**
 * The model the rules and the simulator use, as the beta metadata declares it (docs/graph-api.md "The resource"):
 * `mutualTlsOauthConfiguration` → `trustedCertificateAuthorityBase` → `directoryObject` (open: `OpenType="true"`) →
 * `entity`; the entry `certificateAuthority` is a closed complex type. "Read-only" is not in the metadata: it is the
 * docs' word, kept in READ_ONLY_TOP and READ_ONLY_ENTRY. `test/model-csdl.test.ts` checks this against the CSDL.
 */
export const RESOURCE_MODEL = {
  type: RESOURCE_TYPE,
  baseTypes: ['microsoft.graph.trustedCertificateAuthorityBase', 'microsoft.graph.directoryObject', 'microsoft.graph.entity'],
  /** Open by inheritance from directoryObject: the metadata allows members it does not declare. */
  open: true,
  members: [
    { name: 'id', type: 'Edm.String', nullable: false, declaredOn: 'microsoft.graph.entity' },
    { name: 'deletedDateTime', type: 'Edm.DateTimeOffset', nullable: true, declaredOn: 'microsoft.graph.directoryObject' },
    {
      name: 'certificateAuthorities',
      type: `Collection(${ENTRY_TYPE})`,
      nullable: false,
      declaredOn: 'microsoft.graph.trustedCertificateAuthorityBase',
    },
    { name: 'displayName', type: 'Edm.String', nullable: true, declaredOn: RESOURCE_TYPE },
    { name: 'tlsClientAuthParameter', type: TLS_CLIENT_REGISTRATION_METADATA, nullable: false, declaredOn: RESOURCE_TYPE },
  ] satisfies ModelMember[],
} as const;

export const ENTRY_MODEL = {
  type: ENTRY_TYPE,
  open: false,
  members: [
    { name: 'certificate', type: 'Edm.Binary', nullable: false, declaredOn: ENTRY_TYPE },
    { name: 'certificateRevocationListUrl', type: 'Edm.String', nullable: true, declaredOn: ENTRY_TYPE },
    { name: 'deltaCertificateRevocationListUrl', type: 'Edm.String', nullable: true, declaredOn: ENTRY_TYPE },
    { name: 'isRootAuthority', type: 'Edm.Boolean', nullable: false, declaredOn: ENTRY_TYPE },
    { name: 'issuer', type: 'Edm.String', nullable: false, declaredOn: ENTRY_TYPE },
    { name: 'issuerSki', type: 'Edm.String', nullable: false, declaredOn: ENTRY_TYPE },
  ] satisfies ModelMember[],
} as const;

/**
 * Types of the model a client may put in `@odata.type` by mistake, with what they are: the sibling trust stores'
 * types and this resource's base types. Any of them resolves (so "could not be resolved" would be wrong); none is
 * assignable where this resource or its entry is expected.
 */
/** What each related type is, as a key of the message catalogues' terms (`type.<key>`: "the PKI trust store", …). */
export const RELATED_TYPES: Readonly<Record<string, RelatedType>> = {
  'microsoft.graph.certificateBasedApplicationConfiguration': 'app-store',
  'microsoft.graph.certificateAuthorityAsEntity': 'app-store-entry',
  'microsoft.graph.certificateAuthorityDetail': 'pki-entry',
  'microsoft.graph.certificateBasedAuthPki': 'pki-store',
  'microsoft.graph.certificateBasedAuthConfiguration': 'classic-store',
  'microsoft.graph.trustedCertificateAuthorityBase': 'abstract-base',
  'microsoft.graph.trustedCertificateAuthorityAsEntityBase': 'app-abstract-base',
  'microsoft.graph.certificateAuthorityPath': 'path',
  'microsoft.graph.directoryObject': 'directory-object',
  'microsoft.graph.entity': 'entity',
};

export type RelatedType =
  | 'app-store'
  | 'app-store-entry'
  | 'pki-entry'
  | 'pki-store'
  | 'classic-store'
  | 'abstract-base'
  | 'app-abstract-base'
  | 'path'
  | 'directory-object'
  | 'entity'
  | 'resource-on-entry'
  | 'entry-on-resource';

/**
 * Entry members spelt as the sibling stores' entry types have them (docs/graph-api.md "The sibling trust stores"):
 * the name this type uses instead, or null when it has none, and the sibling type that has the member.
 */
/** `sibling`: where the spelling comes from, as a key of the catalogues' terms (`sibling.<key>`). */
export const SIBLING_ENTRY_MEMBERS: Readonly<Record<string, { instead: string | null; sibling: SiblingSource }>> = {
  issuerSubjectKeyIdentifier: { instead: 'issuerSki', sibling: 'detail-and-entity' },
  issuerSubjectkeyIdentifier: { instead: 'issuerSki', sibling: 'update-page' },
  thumbprint: { instead: null, sibling: 'pki-store' },
  certificateAuthorityType: { instead: 'isRootAuthority', sibling: 'pki-store' },
  expirationDateTime: { instead: null, sibling: 'pki-store' },
  isIssuerHintEnabled: { instead: null, sibling: 'pki-store' },
  createdDateTime: { instead: null, sibling: 'pki-store' },
  displayName: { instead: null, sibling: 'pki-store' },
};

export type SiblingSource = 'detail-and-entity' | 'update-page' | 'pki-store';

/** A directory extension property: `extension_<appId without dashes>_<name>` (extensionProperty). */
export function isDirectoryExtension(key: string): boolean {
  return /^extension_[0-9a-fA-F]{32}_\w+$/.test(key);
}

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
