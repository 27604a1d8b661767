/**
 * Certificates the arbitraries add to a list whole, each breaking one RFC 5280 profile rule that a twin cannot carry
 * (a twin keeps its CA's key and name): RSA keys with an even exponent, a 2052-bit modulus or no NULL parameters, a
 * key that is not a key, an empty subject or issuer, extensions in a v2 certificate, unique identifiers, a policy
 * the issuer does not assert. A P-256 root asserting one policy issues the intermediates, which assert it too, so each
 * defect is the only one; the RSA keys are never used to sign, so their moduli need not be products of primes.
 */
import { buildCertificate, encodeOid, OID, tlv, type BuiltCertificate, type CertificateSpec, type KeyPairHandle } from './builder.js';
import { cons, prim, readTree, resign, tbsFields, writeTree } from './der-edit.js';
import type { SeededRandom } from '../seeded-random.js';

/** The policy the profile root and its intermediates assert (a private-enterprise arc of the documentation range). */
export const PROFILE_POLICY = '1.3.6.1.4.1.55738.1';
export const OTHER_POLICY = '1.3.6.1.4.1.55738.2';

export type ProfileKind =
  | 'root'
  | 'rsaEvenExponent'
  | 'rsaModulus2052'
  | 'rsaParametersAbsent'
  | 'keyInvalid'
  | 'emptySubject'
  | 'otherPolicy'
  | 'emptyNameRoot'
  | 'v2WithExtensions'
  | 'uniqueIdentifiers';

const seq = (...parts: Uint8Array[]) => tlv(0x30, ...parts);
const policies = (oid: string) => [{ oid: '2.5.29.32', value: seq(seq(encodeOid(oid))) }];

/** An odd modulus of exactly `bits` bits (INTEGER content), from the seeded generator. */
function fakeModulus(rng: SeededRandom, bits: number): Uint8Array {
  const n = rng.bytes(Math.ceil(bits / 8));
  const top = bits % 8 || 8;
  n[0] = (n[0]! & ((1 << top) - 1)) | (1 << (top - 1));
  n[n.length - 1]! |= 1;
  return n[0]! & 0x80 ? Uint8Array.of(0, ...n) : n;
}

function rsaSpki(modulus: Uint8Array, exponent: number[], params: 'null' | 'absent'): Uint8Array {
  const alg = params === 'null' ? seq(encodeOid(OID.rsaEncryption), Uint8Array.of(0x05, 0x00)) : seq(encodeOid(OID.rsaEncryption));
  return seq(alg, tlv(0x03, Uint8Array.of(0), seq(tlv(0x02, modulus), tlv(0x02, Uint8Array.from(exponent)))));
}

/** The key's SPKI with its EC point moved off the curve (the last octet of y changed). */
function offCurve(spki: Uint8Array): Uint8Array {
  const t = readTree(spki);
  const bits = t.children![1]!.content!.slice();
  bits[bits.length - 1]! ^= 1;
  t.children![1]!.content = bits;
  return writeTree(t);
}

/** Builds the profile certificates; `key` is a P-256 key of the pool's own. */
export async function buildProfileCertificates(
  key: KeyPairHandle,
  rng: SeededRandom,
  names: (kind: ProfileKind) => string,
  common: Pick<CertificateSpec, 'notBefore' | 'notAfter' | 'crypto'>,
  serial: () => Uint8Array,
): Promise<Record<ProfileKind, BuiltCertificate>> {
  const build = (
    kind: ProfileKind,
    spec: Omit<CertificateSpec, 'subject' | 'serialNumber' | 'notBefore' | 'notAfter' | 'crypto'> & { subject?: string },
  ) => buildCertificate({ ...common, serialNumber: serial(), subject: names(kind), ...spec });
  const root = await build('root', { key, extraExtensions: policies(PROFILE_POLICY) });
  const under = (kind: ProfileKind, spki: Uint8Array, extra: Partial<CertificateSpec> = {}) =>
    build(kind, { key: { ...key, spki }, issuer: root, extraExtensions: policies(PROFILE_POLICY), ...extra });
  const rsa2048 = fakeModulus(rng, 2048);
  const resigned = async (kind: ProfileKind, edit: (t: ReturnType<typeof tbsFields>) => void): Promise<BuiltCertificate> => {
    const built = await build(kind, { key });
    const t = readTree(built.der);
    edit(tbsFields(t));
    return { ...built, der: await resign(t, key) };
  };
  return {
    root,
    rsaEvenExponent: await under('rsaEvenExponent', rsaSpki(rsa2048, [0x01, 0x00, 0x02], 'null')),
    rsaModulus2052: await under('rsaModulus2052', rsaSpki(fakeModulus(rng, 2052), [0x01, 0x00, 0x01], 'null')),
    rsaParametersAbsent: await under('rsaParametersAbsent', rsaSpki(rsa2048, [0x01, 0x00, 0x01], 'absent')),
    keyInvalid: await under('keyInvalid', offCurve(key.spki)),
    emptySubject: await under('emptySubject', key.spki, { subject: '' }),
    otherPolicy: await under('otherPolicy', key.spki, { extraExtensions: policies(OTHER_POLICY) }),
    emptyNameRoot: await build('emptyNameRoot', { key, subject: '' }),
    v2WithExtensions: await resigned('v2WithExtensions', ({ tbs }) => {
      tbs.children![0] = cons(0xa0, [prim(0x02, [0x01])]);
    }),
    uniqueIdentifiers: await resigned('uniqueIdentifiers', ({ tbs, index }) => {
      tbs.children!.splice(index.extensions, 0, prim(0x81, [0x00, ...rng.bytes(4)]), prim(0x82, [0x00, ...rng.bytes(4)]));
    }),
  };
}
