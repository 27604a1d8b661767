/**
 * The CRLs behind `crlCase` and `deviceCase`: for every CA of the pool's hierarchies, its complete CRL and a delta, and
 * the same CRL re-issued with one defect each (expired, not yet valid, signed by another key, a wrong or missing AKI,
 * another issuer name, no CRL number, no nextUpdate, an unknown critical extension, a signature algorithm that cannot
 * be checked), and the CRL of its issuer that revokes it. Built once, with the pool; the arbitraries only pick.
 */
import { buildCrl, CRL_OID, type CrlSpec, type RevokedSpec } from './crl-builder.js';
import { fromHex } from '../certificate/encoding.js';
import { poolKeys, type CertificatePool, type PooledCa, type PooledCertificate } from './pool.js';
import { encodeInteger, type AlgorithmIdentifierSpec } from './builder.js';
import { parseCertificate } from '../certificate/parse.js';

/** The defects a CA's CRL can carry, next to the good one. */
export type CrlVariant =
  /** Complete CRL number 10, valid from a day before `at` to a week after, revoking two serials no pooled certificate has. */
  | 'good'
  /** Delta CRL number 11 on base 10. */
  | 'delta'
  /** Delta CRL number 13 on base 12: newer than the complete CRL given. */
  | 'deltaTooNew'
  /** nextUpdate a day before `at`. */
  | 'expired'
  /** thisUpdate an hour after `at`. */
  | 'notYetValid'
  /** Signed by another key of the CA's type. */
  | 'forged'
  /** An authorityKeyIdentifier that is not the CA's SKI. */
  | 'wrongAki'
  | 'noAki'
  /** Another issuer name (the CA's key and AKI). */
  | 'renamed'
  | 'noNumber'
  /** The CRL number marked critical (RFC 5280 §5.2.3 requires it non-critical). */
  | 'criticalNumber'
  | 'noNextUpdate'
  /** A critical private extension. */
  | 'criticalExtension'
  /** Labelled with a signature algorithm WebCrypto cannot verify (MD5 for RSA, SHA-224 for ECDSA, Ed448 for Ed25519). */
  | 'unverifiable';

export interface PooledCrls {
  readonly ca: PooledCa;
  readonly der: Readonly<Record<CrlVariant, Uint8Array>>;
  /** The good CRL as PEM text (`-----BEGIN X509 CRL-----`). */
  readonly pem: string;
  /** The CRL of this CA's issuer (good otherwise) that revokes this CA; null for a root. */
  readonly revokedByIssuer: Uint8Array | null;
}

export interface CrlPool {
  readonly byCa: ReadonlyMap<PooledCa, PooledCrls>;
  /** A good CRL of a CA no hierarchy lists. */
  readonly stranger: Uint8Array;
  readonly strangerIssuer: PooledCertificate;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Serial numbers the good CRLs revoke: no pooled certificate has them (the pool's serials have 16 octets). */
const NOISE: readonly bigint[] = [0x1001n, 0x1002n];

export const CRL_NUMBER = 10;

function unverifiableLabel(keySpec: string): AlgorithmIdentifierSpec {
  if (keySpec.startsWith('RSA')) return { oid: '1.2.840.113549.1.1.4', params: 'null' }; // md5WithRSAEncryption
  if (keySpec === 'Ed25519') return { oid: '1.3.101.113' }; // Ed448
  return { oid: '1.2.840.10045.4.3.1' }; // ecdsa-with-SHA224
}

/** The certificate's serial number, as a CRL entry names it. */
export const serialOf = (c: { der: Uint8Array }): bigint => BigInt(`0x${parseCertificate(c.der).serialNumber}`);

/** Builds every CA's CRLs. */
export async function buildCrlPool(pool: CertificatePool): Promise<CrlPool> {
  const keys = poolKeys(pool);
  const { crypto, at } = { crypto: keys.crypto, at: pool.at };
  const t = (ms: number) => new Date(at.getTime() + ms);
  const issuerOf = (ca: PooledCertificate, key = keys.ca.get(ca as PooledCa)!) => ({
    subject: ca.subject,
    key,
    ski: ca.ski ? fromHex(ca.ski) : null,
  });
  const build = async (ca: PooledCa, spec: Partial<CrlSpec> = {}, revoked: readonly RevokedSpec[] = []) =>
    (
      await buildCrl({
        issuer: issuerOf(ca),
        thisUpdate: t(-DAY),
        nextUpdate: t(7 * DAY),
        crlNumber: CRL_NUMBER,
        revoked: [...NOISE.map((serial) => ({ serial })), ...revoked],
        crypto,
        ...spec,
      })
    ).der;

  const byCa = new Map<PooledCa, PooledCrls>();
  await Promise.all(
    pool.hierarchies.flat().map(async (ca) => {
      const [good, pem, variants, revokedByIssuer] = await Promise.all([
        build(ca),
        buildCrl({ issuer: issuerOf(ca), thisUpdate: t(-DAY), nextUpdate: t(7 * DAY), crlNumber: CRL_NUMBER, crypto }).then((c) => c.pem),
        Promise.all(
          (
            [
              ['delta', { crlNumber: CRL_NUMBER + 1, deltaOf: CRL_NUMBER }],
              ['deltaTooNew', { crlNumber: CRL_NUMBER + 3, deltaOf: CRL_NUMBER + 2 }],
              ['expired', { thisUpdate: t(-8 * DAY), nextUpdate: t(-DAY) }],
              ['notYetValid', { thisUpdate: t(HOUR), nextUpdate: t(8 * DAY) }],
              ['forged', { signWith: keys.forger(ca) }],
              ['wrongAki', { authorityKeyIdentifier: new Uint8Array(20).fill(0xab) }],
              ['noAki', { authorityKeyIdentifier: null }],
              ['renamed', { issuerName: `CN=Renamed CA,${ca.subject}` }],
              ['noNumber', { crlNumber: null }],
              [
                'criticalNumber',
                { crlNumber: null, extraExtensions: [{ oid: CRL_OID.crlNumber, critical: true, value: encodeInteger(CRL_NUMBER) }] },
              ],
              ['noNextUpdate', { nextUpdate: null }],
              [
                'criticalExtension',
                { extraExtensions: [{ oid: '1.3.6.1.4.1.55555.1', critical: true, value: Uint8Array.of(0x05, 0x00) }] },
              ],
              ['unverifiable', { signatureAlgorithm: unverifiableLabel(ca.keySpec) }],
            ] as [Exclude<CrlVariant, 'good'>, Partial<CrlSpec>][]
          ).map(async ([variant, spec]) => [variant, await build(ca, spec)] as const),
        ),
        ca.parent ? build(ca.parent, {}, [{ serial: serialOf(ca), reason: 'cACompromise', date: t(-2 * DAY) }]) : null,
      ]);
      byCa.set(
        ca,
        Object.freeze({ ca, der: Object.freeze({ good, ...Object.fromEntries(variants) }) as PooledCrls['der'], pem, revokedByIssuer }),
      );
    }),
  );
  const stranger = await buildCrl({
    issuer: issuerOf(keys.stranger.cert, keys.stranger.key),
    thisUpdate: t(-DAY),
    nextUpdate: t(7 * DAY),
    crlNumber: CRL_NUMBER,
    crypto,
  });
  return Object.freeze({ byCa, stranger: stranger.der, strangerIssuer: keys.stranger.cert });
}
