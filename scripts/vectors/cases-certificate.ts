/**
 * Rules about one certificate's content (certificate.*): CA-ness, key usage, validity, key identifiers, key and
 * signature strength, algorithms WebCrypto cannot verify, extension criticality and duplicates.
 */
import { KeyObject, sign } from 'node:crypto';
import { OID, encodeOid, tlv, withSignatureHash, type KeyPairHandle } from '../../src/testing/builder.js';
import { brainpoolP256r1KeyPair, ecdsaKeyPair, ed448KeyPair, md5RsaKeyPair, secp256k1KeyPair } from '../lib/node-signers.js';
import { AT_MS, ca, entry, error, intermediate, list, root, seconds, warning, type VectorCase } from './framework.js';
import { dn, type Pki } from './pki.js';

const DER_NULL = new Uint8Array([0x05, 0x00]);

/** The same RSA key signing with md5WithRSAEncryption (node:crypto; WebCrypto has no MD5). */
function md5Signing(key: KeyPairHandle): KeyPairHandle {
  const privateKey = KeyObject.from(key.privateKey as CryptoKey);
  return { ...key, signer: { algorithm: { oid: OID.md5WithRSAEncryption, params: 'null' }, sign: async (tbs) => new Uint8Array(sign('md5', tbs, privateKey)) } };
}

/** The same certificate with its outer SEQUENCE length re-written with one more (zero) length byte: BER, not DER. */
function withLongFormOuterLength(der: Uint8Array): string {
  const n = der[1]! & 0x7f; // DER of any real certificate uses the long form 0x8n here
  const out = new Uint8Array(der.length + 1);
  out[0] = der[0]!;
  out[1] = 0x80 | (n + 1);
  out[2] = 0;
  out.set(der.subarray(2), 3);
  return Buffer.from(out).toString('base64');
}

export async function certificateCases(pki: Pki): Promise<VectorCase[]> {
  const group = 'certificate';
  const cert = (i: number) => ca(i, 'certificate');
  const rootCa = await pki.root(dn('Certificate Root CA'));
  const rsaKey = await pki.key('RSA-2048');
  const rsaRoot = await pki.root(dn('Certificate RSA Root CA'), { key: rsaKey });
  const sha1RsaSigner = await withSignatureHash(rsaKey, 'SHA-1');

  const leaf = await pki.issued(dn('Certificate Device'), rootCa, { basicConstraints: { cA: false }, keyUsage: null });
  const v1 = await pki.root(dn('Certificate v1 Root CA'), { version: 1 });
  const noKeyUsage = await pki.root(dn('Certificate Root CA without keyUsage'), { keyUsage: null });
  const noKeyCertSign = await pki.root(dn('Certificate Root CA without keyCertSign'), { keyUsage: { bits: ['digitalSignature', 'cRLSign'] } });

  const expired = await pki.root(dn('Expired Root CA'), { notAfter: seconds(-1) });
  const stillValid = await pki.root(dn('Still Valid Root CA'), { notAfter: seconds(1) });
  const lastSecond = await pki.root(dn('Last Second Root CA'), { notAfter: new Date(AT_MS) });
  const future = await pki.root(dn('Future Root CA'), { notBefore: seconds(1) });
  const justStarted = await pki.root(dn('Just Started Root CA'), { notBefore: new Date(AT_MS) });

  // UTCTime covers 1950–2049 (two-digit years), GeneralizedTime the rest: the edges must be read right.
  const utcEdges = await pki.root(dn('UTCTime Edges Root CA'), { notBefore: new Date('1950-01-01T00:00:00Z'), notAfter: new Date('2049-12-31T23:59:59Z') });
  const generalized = await pki.root(dn('GeneralizedTime Root CA'), { notBefore: new Date('1949-12-31T23:59:59Z'), notAfter: new Date('2050-01-01T00:00:00Z') });
  const noSki = await pki.root(dn('Root CA without SKI'), { subjectKeyIdentifier: null });
  const skiMethod2 = await pki.root(dn('Root CA with a method-2 SKI'), { subjectKeyIdentifier: 'method2' });

  const p224 = await pki.root(dn('P-224 Root CA'), { key: ecdsaKeyPair('secp224r1') });
  const rsa1024 = await pki.root(dn('RSA-1024 Root CA'), { key: await pki.key('RSA-1024') });

  const md5Root = await pki.root(dn('MD5 Root CA'), { key: md5RsaKeyPair(2048) });
  const sha1Intermediate = await pki.issued(dn('SHA-1 Intermediate CA'), { subject: rsaRoot.subject, key: sha1RsaSigner, ski: rsaRoot.ski });
  const md5Intermediate = await pki.issued(dn('MD5 Intermediate CA'), { subject: rsaRoot.subject, key: md5Signing(rsaKey), ski: rsaRoot.ski });
  const sha1Root = await pki.root(dn('SHA-1 Root CA'), { key: await withSignatureHash(await pki.key('RSA-2048'), 'SHA-1') });

  const ed448Root = await pki.root(dn('Ed448 Root CA'), { key: ed448KeyPair() });
  const ed448Sub = await pki.issued(dn('Ed448-signed Intermediate CA'), ed448Root);
  const brainpoolRoot = await pki.root(dn('brainpoolP256r1 Root CA'), { key: brainpoolP256r1KeyPair() });
  const secp256k1Root = await pki.root(dn('secp256k1 Root CA'), { key: secp256k1KeyPair() });
  const ed25519Root = await pki.root(dn('Ed25519 Root CA'), { key: await pki.key('Ed25519') });
  const p521Root = await pki.root(dn('P-521 Root CA'), { key: await pki.key('P-521') });

  const bcNotCritical = await pki.root(dn('Root CA with non-critical basicConstraints'), { basicConstraints: { cA: true, critical: false } });
  const skiCritical = await pki.root(dn('Root CA with a critical SKI'), { subjectKeyIdentifier: { value: 'method1', critical: true } });
  const akiCritical = await pki.issued(dn('Intermediate CA with a critical AKI'), rootCa, { authorityKeyIdentifier: { keyIdentifier: 'issuer-ski', critical: true } });
  const plainSub = await pki.issued(dn('Certificate Intermediate CA'), rootCa);

  const eku = tlv(0x30, encodeOid(OID.ekuClientAuth));
  const duplicateEku = await pki.root(dn('Root CA with two extendedKeyUsage extensions'), {
    extendedKeyUsage: [OID.ekuClientAuth],
    extraExtensions: [{ oid: OID.extKeyUsage, value: eku }],
  });
  const criticalPrivate = await pki.root(dn('Root CA with a critical private extension'), {
    extraExtensions: [{ oid: '1.3.6.1.4.1.99999.3', critical: true, value: DER_NULL }],
  });
  const algorithmMismatch = await pki.root(dn('Root CA with mismatched signature algorithms'), { tbsSignatureAlgorithm: { oid: '1.2.840.10045.4.3.3' } });
  const berRoot = withLongFormOuterLength(rootCa.der);
  const twoPrivate = await pki.root(dn('Root CA with two private extensions'), {
    extraExtensions: [{ oid: '1.3.6.1.4.1.99999.1', value: DER_NULL }, { oid: '1.3.6.1.4.1.99999.2', value: DER_NULL }],
  });

  return [
    { group, name: 'not-ca-leaf', description: 'A device (end-entity) certificate, basicConstraints cA=false, listed as an intermediate under its root.',
      body: list(root(rootCa), intermediate(leaf)), expect: { findings: [error('certificate.not-ca', cert(1))] } },
    { group, name: 'not-ca-v1', description: 'A self-signed v1 certificate: no basicConstraints at all (and no SKI).',
      body: list(root(v1)), expect: { findings: [error('certificate.not-ca', cert(0)), warning('certificate.ski-missing', cert(0))] } },
    { group, name: 'ca-without-key-usage', description: 'A CA with basicConstraints cA=true and no keyUsage extension: a CA, and no keyUsage to lack keyCertSign (the profile still wants one).',
      body: list(root(noKeyUsage)), nearMissFor: ['certificate.not-ca', 'certificate.key-cert-sign-missing'], expect: { findings: [warning('certificate.key-usage-missing', cert(0))] } },
    { group, name: 'key-cert-sign-missing', description: 'A CA whose keyUsage is digitalSignature + cRLSign: it cannot sign certificates.',
      body: list(root(noKeyCertSign)), expect: { findings: [error('certificate.key-cert-sign-missing', cert(0))] } },

    { group, name: 'expired-one-second', description: 'notAfter one second before the check time: expired, an error (Entra: uploads fail while a CA is expired).',
      body: list(root(expired)), expect: { findings: [error('certificate.expired', cert(0))] } },
    { group, name: 'expires-in-one-second', description: 'notAfter one second after the check time: still valid, and within the 30-day warning horizon.',
      body: list(root(stillValid)), nearMissFor: ['certificate.expired'], expect: { findings: [warning('certificate.expires-soon', cert(0))] } },
    { group, name: 'expires-at-check-time', description: 'notAfter equal to the check time: still valid at that instant (RFC 5280 §4.1.2.5, the period includes notAfter), and expiring.',
      body: list(root(lastSecond)), nearMissFor: ['certificate.expired'], expect: { findings: [warning('certificate.expires-soon', cert(0))] } },
    { group, name: 'not-yet-valid-one-second', description: 'notBefore one second after the check time: not yet valid, a warning.',
      body: list(root(future)), expect: { findings: [warning('certificate.not-yet-valid', cert(0))] } },
    { group, name: 'valid-from-check-time', description: 'notBefore equal to the check time: valid from that instant.',
      body: list(root(justStarted)), nearMissFor: ['certificate.not-yet-valid'], expect: { findings: [] } },

    { group, name: 'validity-time-encodings', description: 'Validity written at the edges of UTCTime (1950-01-01 to 2049-12-31T23:59:59Z) and in GeneralizedTime (1949-12-31T23:59:59Z to 2050-01-01): both valid at the check time.',
      body: list(root(utcEdges), root(generalized)), nearMissFor: ['certificate.expired', 'certificate.not-yet-valid'], expect: { findings: [] } },
    { group, name: 'ski-missing', description: 'A root without subjectKeyIdentifier: Graph\'s issuerSki has no value.',
      body: list(root(noSki)), expect: { findings: [warning('certificate.ski-missing', cert(0))] } },
    { group, name: 'ski-method-2', description: 'A root whose SKI is RFC 5280 method 2 (64 bits): present, so nothing to report.',
      body: list(root(skiMethod2)), nearMissFor: ['certificate.ski-missing'], expect: { findings: [] } },

    { group, name: 'weak-key-rsa-1024', description: 'An RSA-1024 root: the key is too short for a CA.',
      body: list(root(rsa1024)), expect: { findings: [warning('certificate.weak-key', cert(0))] } },
    { group, name: 'weak-key-p224', description: 'An ECDSA root on P-224 (secp224r1): under 256 bits, and not a WebCrypto curve either.',
      body: list(root(p224)), expect: { findings: [warning('certificate.signature-unverifiable', cert(0)), warning('certificate.weak-key', cert(0))] } },
    { group, name: 'rsa-2048', description: 'An RSA-2048 root with SHA-256: strong enough.',
      body: list(root(rsaRoot)), nearMissFor: ['certificate.weak-key', 'certificate.weak-signature'], expect: { findings: [] } },

    { group, name: 'weak-signature-md5-root', description: 'A root self-signed with md5WithRSAEncryption: MD5 is broken even on a self-signature, and WebCrypto cannot verify it, so its root status is assumed.',
      body: list(root(md5Root)), expect: { findings: [warning('certificate.signature-unverifiable', cert(0)), warning('certificate.weak-signature', cert(0))] } },
    { group, name: 'weak-signature-sha1-intermediate', description: 'An intermediate signed by its root with sha1WithRSAEncryption: paths rely on that signature.',
      body: list(root(rsaRoot), intermediate(sha1Intermediate)), expect: { findings: [warning('certificate.weak-signature', cert(1))] } },
    { group, name: 'weak-signature-md5-intermediate', description: 'An intermediate signed by its RSA root with md5WithRSAEncryption: broken, and WebCrypto cannot check it, so the link to the root is assumed.',
      body: list(root(rsaRoot), intermediate(md5Intermediate)),
      expect: { findings: [warning('certificate.signature-unverifiable', cert(1)), warning('certificate.weak-signature', cert(1))] } },
    { group, name: 'sha1-root-self-signature', description: 'A root whose self-signature is SHA-1: no path relies on it, so SHA-1 is tolerated there.',
      body: list(root(sha1Root)), nearMissFor: ['certificate.weak-signature'], expect: { findings: [] } },

    { group, name: 'signature-unverifiable-ed448', description: 'An Ed448 root: WebCrypto cannot verify its self-signature; a warning, never a crash, and it is still taken as a root.',
      body: list(root(ed448Root)), expect: { findings: [warning('certificate.signature-unverifiable', cert(0))] } },
    { group, name: 'signature-unverifiable-ed448-chain', description: 'An Ed448 root and an intermediate it signed: neither signature can be verified, and the intermediate\'s issuer is not reported missing.',
      body: list(root(ed448Root), intermediate(ed448Sub)),
      expect: { findings: [warning('certificate.signature-unverifiable', cert(0)), warning('certificate.signature-unverifiable', cert(1))] } },
    { group, name: 'signature-unverifiable-brainpool', description: 'An ECDSA root on brainpoolP256r1: not a WebCrypto curve.',
      body: list(root(brainpoolRoot)), expect: { findings: [warning('certificate.signature-unverifiable', cert(0))] } },
    { group, name: 'signature-unverifiable-secp256k1', description: 'An ECDSA root on secp256k1: not a WebCrypto curve.',
      body: list(root(secp256k1Root)), expect: { findings: [warning('certificate.signature-unverifiable', cert(0))] } },
    { group, name: 'ed25519-and-p521', description: 'Ed25519 and P-521 roots: both verifiable with WebCrypto.',
      body: list(root(ed25519Root), root(p521Root)), nearMissFor: ['certificate.signature-unverifiable'], expect: { findings: [] } },

    { group, name: 'basic-constraints-not-critical', description: 'basicConstraints present with cA=true but not critical.',
      body: list(root(bcNotCritical)), expect: { findings: [warning('certificate.basic-constraints-not-critical', cert(0))] } },
    { group, name: 'key-identifier-critical-ski', description: 'A subjectKeyIdentifier marked critical.',
      body: list(root(skiCritical)), expect: { findings: [warning('certificate.key-identifier-critical', cert(0))] } },
    { group, name: 'key-identifier-critical-aki', description: 'An intermediate whose authorityKeyIdentifier is marked critical.',
      body: list(root(rootCa), intermediate(akiCritical)), expect: { findings: [warning('certificate.key-identifier-critical', cert(1))] } },
    { group, name: 'extensions-critical-as-required', description: 'A root and an intermediate with critical basicConstraints and non-critical key identifiers.',
      body: list(root(rootCa), intermediate(plainSub)),
      nearMissFor: ['certificate.basic-constraints-not-critical', 'certificate.key-identifier-critical', 'certificate.aki-missing',
        'certificate.not-strict-der', 'certificate.signature-algorithm-mismatch'], expect: { findings: [] } },
    { group, name: 'not-strict-der', description: 'A root whose outer SEQUENCE length is written in a longer form than needed: valid BER, not DER (the signature, over the TBS, still verifies).',
      body: list(entry(berRoot, true)), expect: { findings: [warning('certificate.not-strict-der', cert(0))] } },
    { group, name: 'signature-algorithm-mismatch', description: 'A root whose tbsCertificate names ecdsa-with-SHA384 while the outer signatureAlgorithm (used to verify) says ecdsa-with-SHA256.',
      body: list(root(algorithmMismatch)), expect: { findings: [error('certificate.signature-algorithm-mismatch', cert(0))] } },
    { group, name: 'unknown-critical-extension', description: 'A root with a critical private extension no verifier recognises.',
      body: list(root(criticalPrivate)), expect: { findings: [error('certificate.unknown-critical-extension', cert(0))] } },
    { group, name: 'duplicate-extension', description: 'extendedKeyUsage written twice in one certificate.',
      body: list(root(duplicateEku)), expect: { findings: [error('certificate.duplicate-extension', cert(0))] } },
    { group, name: 'two-distinct-private-extensions', description: 'Two non-critical private extensions with different OIDs: not duplicates.',
      body: list(root(twoPrivate)), nearMissFor: ['certificate.duplicate-extension', 'certificate.unknown-critical-extension'], expect: { findings: [] } },
  ];
}
