/**
 * The identity a device presents, by the field the configuration's tlsClientAuthParameter selects (RFC 8705 §2.1.2,
 * the `tlsClientRegistrationMetadata` enum of docs/graph-api.md): the subject DN as an RFC 4514 string (the form RFC
 * 8705 names; which string form Entra compares is not documented, so the Windows form is given beside it), or the
 * dNSName, URI, iPAddress or rfc822Name entries of subjectAltName.
 */
import type { ParsedCertificate } from '../certificate/parse.js';
import { subjectAltNames } from '../certificate/san.js';
import { TLS_CLIENT_AUTH_PARAMETERS as GRAPH_PARAMETERS } from '../graph/model.js';

/** A value of tlsClientAuthParameter that names a certificate field. */
export type TlsClientAuthParameter =
  | 'tls_client_auth_subject_dn'
  | 'tls_client_auth_san_dns'
  | 'tls_client_auth_san_uri'
  | 'tls_client_auth_san_ip'
  | 'tls_client_auth_san_email';

/** The model's enum without its `unknownFutureValue` sentinel (graph/model.ts). */
export const TLS_CLIENT_AUTH_PARAMETERS = GRAPH_PARAMETERS.filter((p) => p !== 'unknownFutureValue') as readonly TlsClientAuthParameter[];

export function isTlsClientAuthParameter(v: unknown): v is TlsClientAuthParameter {
  return typeof v === 'string' && (TLS_CLIENT_AUTH_PARAMETERS as readonly string[]).includes(v);
}

/** The certificate field each parameter selects, in words for messages. */
export const FIELD_NAMES: Record<TlsClientAuthParameter, string> = {
  tls_client_auth_subject_dn: 'subject DN',
  tls_client_auth_san_dns: 'subjectAltName dNSName',
  tls_client_auth_san_uri: 'subjectAltName URI',
  tls_client_auth_san_ip: 'subjectAltName iPAddress',
  tls_client_auth_san_email: 'subjectAltName rfc822Name',
};

export interface DeviceIdentity {
  /** The values found in the selected field, in certificate order (one for the subject DN when it is not empty). */
  values: string[];
  /** The subject in the Windows/Graph style, for the subject DN parameter. */
  windows?: string;
}

/** The values of the field `parameter` selects. */
export function identityOf(cert: ParsedCertificate, parameter: TlsClientAuthParameter): DeviceIdentity {
  if (parameter === 'tls_client_auth_subject_dn') {
    return cert.subject.rdns.length ? { values: [cert.subject.rfc4514], windows: cert.subject.windows } : { values: [] };
  }
  const san = subjectAltNames(cert);
  if (!san) return { values: [] };
  const values =
    parameter === 'tls_client_auth_san_dns'
      ? san.dns
      : parameter === 'tls_client_auth_san_uri'
        ? san.uri
        : parameter === 'tls_client_auth_san_ip'
          ? san.ip
          : san.email;
  return { values: [...values] };
}
