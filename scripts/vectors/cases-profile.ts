/**
 * The RFC 5280 profile rules the certificate linters have: keyUsage present and critical on a CA, names not empty, RSA
 * keys and their parameters, pathLenConstraint, the constraint extensions' criticality, a CA's extendedKeyUsage, serial
 * numbers, extensions and unique identifiers outside v3, and certificate policies along a chain. Each rule has a case
 * that trips it and a near miss.
 */
import { encodeOid, OID, tlv, type BuiltCertificate, type KeyPairHandle } from '../../src/testing/builder.js';
import { cons, prim, readTree, resign, tbsFields } from '../../src/testing/der-edit.js';
import { nodeRsaKeyPair } from '../lib/node-signers.js';
import { ca, entry, error, intermediate, list, root, warning, type VectorCase } from './framework.js';
import { dn, type Pki } from './pki.js';

const seq = (...parts: Uint8Array[]) => tlv(0x30, ...parts);
const policies = (...oids: string[]) => seq(...oids.map((o) => seq(encodeOid(o))));

/** An RSA SubjectPublicKeyInfo with the given modulus and exponent (INTEGER contents) and AlgorithmIdentifier parameters. */
function rsaSpki(modulus: Uint8Array, exponent: number[], params: 'null' | 'absent' = 'null'): Uint8Array {
  const alg = params === 'null' ? seq(encodeOid(OID.rsaEncryption), Uint8Array.of(0x05, 0x00)) : seq(encodeOid(OID.rsaEncryption));
  const key = seq(tlv(0x02, modulus), tlv(0x02, Uint8Array.from(exponent)));
  return seq(alg, tlv(0x03, Uint8Array.of(0), key));
}

/** The modulus INTEGER content of an RSA SPKI (DER as WebCrypto exports it). */
function modulusOf(spki: Uint8Array): Uint8Array {
  const t = readTree(spki);
  return readTree(t.children![1]!.content!.subarray(1)).children![0]!.content!;
}

/** A self-signed certificate re-signed after a TBS edit. */
async function editedRoot(built: BuiltCertificate, key: KeyPairHandle, edit: (tbs: ReturnType<typeof tbsFields>) => void): Promise<string> {
  const t = readTree(built.der);
  edit(tbsFields(t));
  return Buffer.from(await resign(t, key)).toString('base64');
}

export async function profileCases(pki: Pki): Promise<VectorCase[]> {
  const group = 'profile';
  const cert = (i: number) => ca(i, 'certificate');
  const rootCa = await pki.root(dn('Profile Root CA'));
  const rsaKey = await pki.key('RSA-2048');
  const rsaRoot = await pki.root(dn('Profile RSA Root CA'), { key: rsaKey });
  const clean = await pki.issued(dn('Profile Issuing CA'), rootCa);

  const noKeyUsage = await pki.root(dn('Profile Root CA without keyUsage'), { keyUsage: null });
  const kuNotCritical = await pki.root(dn('Profile Root CA with a non-critical keyUsage'), { keyUsage: { bits: ['keyCertSign', 'cRLSign'], critical: false } });
  const emptySubject = await pki.issued('', rootCa);
  const emptyBoth = await pki.root('');

  // RSA keys: an even exponent and an exponent of 1 on intermediates the RSA root signs (the key is never used to sign).
  const modulus = modulusOf(rsaKey.spki);
  const evenExponent = await pki.issued(dn('Profile CA with exponent 65538'), rsaRoot, { key: { ...rsaKey, spki: rsaSpki(modulus, [0x01, 0x00, 0x02]) } });
  const exponentOne = await pki.issued(dn('Profile CA with exponent 1'), rsaRoot, { key: { ...rsaKey, spki: rsaSpki(modulus, [0x01]) } });
  const oddModulus = await pki.root(dn('Profile RSA-2052 Root CA'), { key: nodeRsaKeyPair({ bits: 2052, hash: 'sha256' }) });
  const noNullKey = await pki.issued(dn('Profile CA with rsaEncryption parameters absent'), rsaRoot, { key: { ...rsaKey, spki: rsaSpki(modulus, [0x01, 0x00, 0x01], 'absent') } });
  const noNullSignature = await pki.root(dn('Profile Root CA with sha256WithRSAEncryption parameters absent'), {
    key: rsaKey,
    signatureAlgorithm: { oid: OID.sha256WithRSAEncryption, params: 'absent' },
  });

  const bcWith = (...parts: Uint8Array[]) => ({ basicConstraints: null, extraExtensions: [{ oid: OID.basicConstraints, critical: true, value: seq(...parts) }] });
  const negativePathLen = await pki.root(dn('Profile Root CA with pathLenConstraint -1'), bcWith(Uint8Array.of(0x01, 0x01, 0xff), Uint8Array.of(0x02, 0x01, 0xff)));
  const pathLenNoKeyCertSign = await pki.root(dn('Profile Root CA with pathLenConstraint and no keyCertSign'), {
    basicConstraints: { cA: true, pathLenConstraint: 0 },
    keyUsage: { bits: ['digitalSignature', 'cRLSign'] },
  });
  const pathLenNotCa = await pki.issued(dn('Profile device with pathLenConstraint'), rootCa, { basicConstraints: { cA: false, pathLenConstraint: 0 }, keyUsage: null });
  const pathLenZero = await pki.root(dn('Profile Root CA with pathLenConstraint 0'), { basicConstraints: { cA: true, pathLenConstraint: 0 } });

  const nameConstraints = seq(tlv(0xa0, seq(tlv(0x82, new TextEncoder().encode('example.test')))));
  const policyConstraints = seq(Uint8Array.of(0x80, 0x01, 0x00));
  const inhibitAnyPolicy = Uint8Array.of(0x02, 0x01, 0x00);
  const constraints = (critical: boolean) => [
    { oid: '2.5.29.30', critical, value: nameConstraints },
    { oid: '2.5.29.36', critical, value: policyConstraints },
    { oid: '2.5.29.54', critical, value: inhibitAnyPolicy },
  ];
  const constraintsLoose = await pki.issued(dn('Profile CA with non-critical constraints'), rootCa, { extraExtensions: constraints(false) });
  const constraintsCritical = await pki.issued(dn('Profile CA with critical constraints'), rootCa, { extraExtensions: constraints(true) });

  const serverOnly = await pki.issued(dn('Profile CA for TLS servers'), rootCa, { extendedKeyUsage: [OID.ekuServerAuth] });
  const emptyEku = await pki.issued(dn('Profile CA with an empty extendedKeyUsage'), rootCa, { extraExtensions: [{ oid: OID.extKeyUsage, value: seq() }] });
  const clientCa = await pki.issued(dn('Profile CA for TLS clients'), rootCa, { extendedKeyUsage: [OID.ekuServerAuth, OID.ekuClientAuth] });

  const zeroSerial = await pki.issued(dn('Profile CA with serial 0'), rootCa, { serialNumber: Uint8Array.of(0x00) });
  const negativeSerial = await pki.issued(dn('Profile CA with a negative serial'), rootCa, { serialNumber: Uint8Array.of(0xff, 0x01) });
  const longSerial = await pki.issued(dn('Profile CA with a 21-octet serial'), rootCa, { serialNumber: Uint8Array.from({ length: 21 }, (_, i) => 0x40 + i) });
  const twentySerial = await pki.issued(dn('Profile CA with a 20-octet serial'), rootCa, { serialNumber: Uint8Array.from({ length: 20 }, (_, i) => 0x40 + i) });

  const v2Key = await pki.key();
  const v2Base = await pki.root(dn('Profile v2 Root CA'), { key: v2Key });
  const v2WithExtensions = await editedRoot(v2Base, v2Key, ({ tbs }) => {
    tbs.children![0] = cons(0xa0, [prim(0x02, [0x01])]);
  });
  const uidKey = await pki.key();
  const uidBase = await pki.root(dn('Profile Root CA with unique identifiers'), { key: uidKey });
  const withUniqueIds = await editedRoot(uidBase, uidKey, ({ tbs, index }) => {
    tbs.children!.splice(index.extensions, 0, prim(0x81, [0x00, 0x0a, 0x0b]), prim(0x82, [0x00, 0x0c]));
  });

  // Certificate policies along a chain: the root asserts 1.3.6.1.4.1.55738.1; its CAs assert another, none, or the same.
  const policyKey = await pki.key();
  const policyRoot = await pki.root(dn('Profile Policy Root CA'), { key: policyKey, extraExtensions: [{ oid: '2.5.29.32', value: policies('1.3.6.1.4.1.55738.1') }] });
  const otherPolicy = await pki.issued(dn('Profile CA with another policy'), policyRoot, { extraExtensions: [{ oid: '2.5.29.32', value: policies('1.3.6.1.4.1.55738.2') }] });
  const noPolicy = await pki.issued(dn('Profile CA without policies'), policyRoot);
  const samePolicy = await pki.issued(dn('Profile CA with the same policy'), policyRoot, { extraExtensions: [{ oid: '2.5.29.32', value: policies('1.3.6.1.4.1.55738.1') }] });
  const anyRoot = await pki.root(dn('Profile anyPolicy Root CA'), { extraExtensions: [{ oid: '2.5.29.32', value: policies('2.5.29.32.0') }] });
  const underAny = await pki.issued(dn('Profile CA under anyPolicy'), anyRoot, { extraExtensions: [{ oid: '2.5.29.32', value: policies('1.3.6.1.4.1.55738.9') }] });

  return [
    { group, name: 'key-usage-missing', description: 'A v3 CA without keyUsage: RFC 5280 requires it of conforming CAs.',
      body: list(root(noKeyUsage)), expect: { findings: [warning('certificate.key-usage-missing', cert(0))] } },
    { group, name: 'key-usage-not-critical', description: 'A CA whose keyUsage is not critical.',
      body: list(root(kuNotCritical)), expect: { findings: [warning('certificate.key-usage-not-critical', cert(0))] } },
    { group, name: 'key-usage-present-and-critical', description: 'A root and an intermediate with a critical keyUsage asserting keyCertSign.',
      body: list(root(rootCa), intermediate(clean)), nearMissFor: ['certificate.key-usage-missing', 'certificate.key-usage-not-critical', 'certificate.subject-empty', 'certificate.issuer-empty', 'certificate.serial-invalid', 'certificate.extensions-before-v3', 'certificate.unique-identifiers', 'certificate.eku-excludes-client-auth', 'certificate.constraint-not-critical', 'chain.policies-inconsistent'],
      expect: { findings: [] } },
    { group, name: 'subject-empty', description: 'An intermediate CA with an empty subject: nothing it issues can name it.',
      body: list(root(rootCa), intermediate(emptySubject)), expect: { findings: [error('certificate.subject-empty', cert(1))] } },
    { group, name: 'issuer-and-subject-empty', description: 'A self-signed root whose issuer and subject are both empty.',
      body: list(root(emptyBoth)), expect: { findings: [error('certificate.issuer-empty', cert(0)), error('certificate.subject-empty', cert(0))] } },

    { group, name: 'rsa-exponent-even', description: 'An intermediate whose RSA public exponent is 65538: no RSA key has an even exponent.',
      body: list(root(rsaRoot), intermediate(evenExponent)), expect: { findings: [error('certificate.rsa-exponent-invalid', cert(1))] } },
    { group, name: 'rsa-exponent-one', description: 'An intermediate whose RSA public exponent is 1.',
      body: list(root(rsaRoot), intermediate(exponentOne)), expect: { findings: [error('certificate.rsa-exponent-invalid', cert(1))] } },
    { group, name: 'rsa-modulus-2052', description: 'A root on a 2052-bit RSA key: above 2048, but not a multiple of 8.',
      body: list(root(oddModulus)), expect: { findings: [warning('certificate.rsa-modulus-size', cert(0))] } },
    { group, name: 'rsa-key-parameters-absent', description: 'An intermediate whose rsaEncryption AlgorithmIdentifier has no NULL parameters.',
      body: list(root(rsaRoot), intermediate(noNullKey)), expect: { findings: [warning('certificate.rsa-parameters-not-null', cert(1))] } },
    { group, name: 'rsa-signature-parameters-absent', description: 'A root whose sha256WithRSAEncryption AlgorithmIdentifier has no NULL parameters (the signature still verifies).',
      body: list(root(noNullSignature)), expect: { findings: [warning('certificate.rsa-parameters-not-null', cert(0))] } },
    { group, name: 'rsa-2048-exponent-65537', description: 'An RSA-2048 root with exponent 65537 and NULL parameters.',
      body: list(root(rsaRoot)), nearMissFor: ['certificate.rsa-exponent-invalid', 'certificate.rsa-modulus-size', 'certificate.rsa-parameters-not-null'], expect: { findings: [] } },

    { group, name: 'path-length-negative', description: 'A root with pathLenConstraint -1 (OpenSSL marks it invalid).',
      body: list(root(negativePathLen)), expect: { findings: [error('certificate.path-length-negative', cert(0))] } },
    { group, name: 'path-length-without-key-cert-sign', description: 'A CA with pathLenConstraint 0 whose keyUsage lacks keyCertSign.',
      body: list(root(pathLenNoKeyCertSign)),
      expect: { findings: [error('certificate.key-cert-sign-missing', cert(0)), warning('certificate.path-length-without-key-cert-sign', cert(0))] } },
    { group, name: 'path-length-on-a-device', description: 'An end-entity certificate (cA false) with a pathLenConstraint, listed as an intermediate.',
      body: list(root(rootCa), intermediate(pathLenNotCa)),
      expect: { findings: [error('certificate.not-ca', cert(1)), warning('certificate.path-length-without-key-cert-sign', cert(1))] } },
    { group, name: 'path-length-zero', description: 'A root with pathLenConstraint 0, cA and keyCertSign: as RFC 5280 allows.',
      body: list(root(pathLenZero)), nearMissFor: ['certificate.path-length-negative', 'certificate.path-length-without-key-cert-sign'], expect: { findings: [] } },

    { group, name: 'constraints-not-critical', description: 'An intermediate with nameConstraints, policyConstraints and inhibitAnyPolicy, none critical.',
      body: list(root(rootCa), intermediate(constraintsLoose)),
      expect: { findings: [warning('certificate.constraint-not-critical', cert(1)), warning('certificate.constraint-not-critical', cert(1)), warning('certificate.constraint-not-critical', cert(1))] } },
    { group, name: 'constraints-critical', description: 'The same three constraint extensions, all critical.',
      body: list(root(rootCa), intermediate(constraintsCritical)), nearMissFor: ['certificate.constraint-not-critical', 'certificate.unknown-critical-extension'], expect: { findings: [] } },

    { group, name: 'eku-server-auth-only', description: 'An intermediate CA whose extendedKeyUsage is serverAuth only: Windows-style validators reject the devices under it.',
      body: list(root(rootCa), intermediate(serverOnly)), expect: { findings: [warning('certificate.eku-excludes-client-auth', cert(1))] } },
    { group, name: 'eku-empty', description: 'An intermediate CA whose extendedKeyUsage lists no purpose (also outside the ASN.1 definition, SIZE (1..MAX)).',
      body: list(root(rootCa), intermediate(emptyEku)),
      expect: { findings: [warning('certificate.eku-excludes-client-auth', cert(1)), warning('certificate.schema-violation', cert(1))] } },
    { group, name: 'eku-includes-client-auth', description: 'An intermediate CA whose extendedKeyUsage includes clientAuth.',
      body: list(root(rootCa), intermediate(clientCa)), nearMissFor: ['certificate.eku-excludes-client-auth'], expect: { findings: [] } },

    { group, name: 'serial-invalid', description: 'Three intermediates with serial numbers 0, −255 and 21 octets.',
      body: list(root(rootCa), intermediate(zeroSerial), intermediate(negativeSerial), intermediate(longSerial)),
      expect: { findings: [warning('certificate.serial-invalid', cert(1)), warning('certificate.serial-invalid', cert(2)), warning('certificate.serial-invalid', cert(3))] } },
    { group, name: 'serial-20-octets', description: 'An intermediate with a 20-octet serial number, the most RFC 5280 allows.',
      body: list(root(rootCa), intermediate(twentySerial)), nearMissFor: ['certificate.serial-invalid'], expect: { findings: [] } },

    { group, name: 'extensions-in-v2', description: 'A version 2 root that carries extensions (basicConstraints, keyUsage, SKI).',
      body: list(entry(v2WithExtensions, true)), expect: { findings: [warning('certificate.extensions-before-v3', cert(0))] } },
    { group, name: 'unique-identifiers', description: 'A root with issuerUniqueID and subjectUniqueID.',
      body: list(entry(withUniqueIds, true)), expect: { findings: [warning('certificate.unique-identifiers', cert(0))] } },

    { group, name: 'policies-another-one', description: 'An intermediate that asserts a policy its root neither asserts nor allows through anyPolicy.',
      body: list(root(policyRoot), intermediate(otherPolicy)), expect: { findings: [warning('chain.policies-inconsistent', cert(1))] } },
    { group, name: 'policies-missing-below', description: 'An intermediate without certificatePolicies under a root that has them.',
      body: list(root(policyRoot), intermediate(noPolicy)), expect: { findings: [warning('chain.policies-inconsistent', cert(1))] } },
    { group, name: 'policies-consistent', description: 'An intermediate with its root\'s policy, and one under an anyPolicy root with a policy of its own.',
      body: list(root(policyRoot), intermediate(samePolicy), root(anyRoot), intermediate(underAny)), nearMissFor: ['chain.policies-inconsistent'], expect: { findings: [] } },
  ];
}
