/**
 * Certificates for the vectors: fresh keys per run (so bytes differ between runs, expectations do not), fixed
 * validity windows around the vectors' clock, and short-hands for roots and issued CAs.
 */
import {
  buildCertificate,
  generateKeyPair,
  type BuiltCertificate,
  type CertificateSpec,
  type IssuerRef,
  type KeyPairHandle,
  type KeySpec,
} from '../../src/testing/builder.js';
import { VALID_FROM, VALID_TO } from './framework.js';

export const ORG = 'O=ca-preflight vectors, C=US';

/** `CN=<cn>, O=ca-preflight vectors, C=US` */
export const dn = (cn: string): string => `CN=${cn}, ${ORG}`;

export type CertOptions = Omit<CertificateSpec, 'subject' | 'key' | 'issuer'> & { key?: KeyPairHandle };

export interface Pki {
  /** A new key pair. */
  key(spec?: KeySpec): Promise<KeyPairHandle>;
  /** A self-signed CA (P-256 unless `key` says otherwise). */
  root(subject: string, opts?: CertOptions): Promise<BuiltCertificate>;
  /** A CA issued by `issuer` (a fresh P-256 key unless `key` says otherwise). */
  issued(subject: string, issuer: IssuerRef, opts?: CertOptions): Promise<BuiltCertificate>;
  /** Any certificate: the validity window defaults to the vectors' one. */
  build(spec: CertificateSpec): Promise<BuiltCertificate>;
}

let serial = 0x1000;

export function makePki(): Pki {
  const build = (spec: CertificateSpec): Promise<BuiltCertificate> =>
    // Serial numbers count up: certificates built from the same spec still differ, and a reader can tell them apart.
    buildCertificate({ notBefore: VALID_FROM, notAfter: VALID_TO, serialNumber: serial++, ...spec });
  const key = (spec: KeySpec = 'P-256'): Promise<KeyPairHandle> => generateKeyPair(spec);
  return {
    key,
    build,
    async root(subject, opts = {}) {
      const { key: k, ...rest } = opts;
      return build({ ...rest, subject, key: k ?? (await key()) });
    },
    async issued(subject, issuer, opts = {}) {
      const { key: k, ...rest } = opts;
      return build({ ...rest, subject, issuer, key: k ?? (await key()) });
    },
  };
}
