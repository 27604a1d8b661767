/**
 * The device certificates behind `deviceCase`: for every hierarchy of the pool, end-entity certificates issued by its
 * last CA — one that authenticates (with one subjectAltName of each kind the configuration can select), and the same
 * device with one defect each — and the CRL of that CA revoking it. Built once, with the pool.
 */
import { buildCertificate, generateKeyPair, OID, seq, tlv, encodeInteger, encodeOid, type CertificateSpec } from './builder.js';
import { buildCrl } from './crl-builder.js';
import { fromHex } from '../certificate/encoding.js';
import { poolKeys, type CertificatePool, type PooledCa } from './pool.js';
import { CRL_NUMBER, serialOf } from './crl-pool.js';
import { rfc4514, rfc4514Compact, type NameParts } from './names.js';

/** The devices of one hierarchy. */
export type DeviceVariant =
  /** Valid, clientAuth, digitalSignature, a subjectAltName with one dNSName, URI, iPAddress and rfc822Name. */
  | 'plain'
  /** No subjectAltName. */
  | 'noSan'
  /** Two dNSNames. */
  | 'severalDns'
  | 'expired'
  | 'notYetValid'
  /** extendedKeyUsage serverAuth only. */
  | 'serverAuthOnly'
  /** keyUsage keyEncipherment only. */
  | 'noDigitalSignature'
  /** An RSA-1024 key. */
  | 'weakKey'
  /** Names the issuing CA but signed by another key. */
  | 'forged'
  /** basicConstraints cA=true (keyUsage digitalSignature and keyCertSign, clientAuth). */
  | 'isCa'
  /** notAfter ten days after `at`: inside the default 30-day warning horizon. */
  | 'expiresSoon';

export interface DeviceIdentities {
  subject: string;
  dns: string;
  uri: string;
  ip: string;
  email: string;
}

export interface PooledDevices {
  /** The CA that issued them: the last CA of the hierarchy. */
  readonly issuer: PooledCa;
  readonly der: Readonly<Record<DeviceVariant, Uint8Array>>;
  /** What the plain device is identified by, for each tlsClientAuthParameter (subject as RFC 4514). */
  readonly identities: DeviceIdentities;
  /** The two dNSNames of `severalDns`. */
  readonly severalDns: readonly [string, string];
  /** The issuing CA's CRL (good otherwise) that revokes the plain device. */
  readonly revokedCrl: Uint8Array;
}

const DAY = 86_400_000;
/** Device organisations, with the characters RFC 4514 escapes. */
const FLEETS = ['Contoso Devices', 'Fabrikam, Inc.', 'Northwind "Traders"', 'Tailspin + Toys; Ltd', 'Zoë Société Générale'] as const;

/** A .p7b as Windows exports one: a degenerate SignedData (no signers) holding the certificates, in the order given. */
export function degenerateP7b(certs: readonly Uint8Array[]): Uint8Array {
  const signedData = seq(encodeInteger(1), tlv(0x31), seq(encodeOid('1.2.840.113549.1.7.1')), tlv(0xa0, ...certs), tlv(0x31));
  return seq(encodeOid('1.2.840.113549.1.7.2'), tlv(0xa0, signedData));
}

/** Builds every hierarchy's devices. */
export async function buildDevicePool(pool: CertificatePool): Promise<PooledDevices[]> {
  const keys = poolKeys(pool);
  const { crypto, at } = { crypto: keys.crypto, at: pool.at };
  const t = (ms: number) => new Date(at.getTime() + ms);
  const weak = await generateKeyPair('RSA-1024', { crypto });
  return Promise.all(
    pool.hierarchies.map(async (chain, h): Promise<PooledDevices> => {
      const issuer = chain[chain.length - 1]!;
      const issuerRef = { subject: issuer.subject, key: keys.ca.get(issuer)!, ski: issuer.ski ? fromHex(issuer.ski) : null };
      const tag = `${h}-${issuer.sha256.slice(0, 6)}`;
      const name: NameParts = [
        ['CN', `device-${tag}`],
        ['OU', 'Fleet'],
        ['O', FLEETS[h % FLEETS.length]!],
        ['C', 'US'],
      ];
      const identities: DeviceIdentities = {
        subject: rfc4514Compact(name),
        dns: `device-${tag}.devices.example.test`,
        uri: `https://devices.example.test/${tag}`,
        ip: `192.0.2.${10 + h}`,
        email: `device-${tag}@devices.example.test`,
      };
      const severalDns = [identities.dns, `spare-${tag}.devices.example.test`] as const;
      const san = { dns: [identities.dns], uri: [identities.uri], ip: [identities.ip], email: [identities.email] };
      const device = async (change: Partial<CertificateSpec> = {}) =>
        (
          await buildCertificate({
            subject: rfc4514(name),
            key: keys.leaf,
            crypto,
            issuer: issuerRef,
            notBefore: t(-30 * DAY),
            notAfter: t(3650 * DAY),
            basicConstraints: { cA: false },
            keyUsage: { bits: ['digitalSignature'] },
            extendedKeyUsage: [OID.ekuClientAuth],
            subjectAltName: san,
            ...change,
          })
        ).der;
      const [plain, noSan, severalDnsDer, expired, notYetValid, serverAuthOnly, noDigitalSignature, weakKey, forged, isCa, expiresSoon] =
        await Promise.all([
          device(),
          device({ subjectAltName: undefined }),
          device({ subjectAltName: { dns: [...severalDns] } }),
          device({ notBefore: t(-730 * DAY), notAfter: t(-DAY) }),
          device({ notBefore: t(DAY), notAfter: t(3650 * DAY) }),
          device({ extendedKeyUsage: [OID.ekuServerAuth] }),
          device({ keyUsage: { bits: ['keyEncipherment'] } }),
          device({ key: weak }),
          device({ signWith: keys.forger(issuer) }),
          device({ basicConstraints: { cA: true, critical: true }, keyUsage: { bits: ['digitalSignature', 'keyCertSign'] } }),
          device({ notAfter: t(10 * DAY) }),
        ]);
      const revokedCrl = (
        await buildCrl({
          issuer: issuerRef,
          thisUpdate: t(-DAY),
          nextUpdate: t(7 * DAY),
          crlNumber: CRL_NUMBER,
          revoked: [{ serial: serialOf({ der: plain }), reason: 'keyCompromise', date: t(-2 * DAY) }],
          crypto,
        })
      ).der;
      return Object.freeze({
        issuer,
        der: Object.freeze({
          plain,
          noSan,
          severalDns: severalDnsDer,
          expired,
          notYetValid,
          serverAuthOnly,
          noDigitalSignature,
          weakKey,
          forged,
          isCa,
          expiresSoon,
        }),
        identities,
        severalDns,
        revokedCrl,
      });
    }),
  );
}
