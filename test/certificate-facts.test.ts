import { describe, it, expect, beforeAll } from 'vitest';
import { X509Certificate, createHash } from 'node:crypto';
import { Crypto as PeculiarCrypto } from '@peculiar/webcrypto';
import { buildCertificate, generateKeyPair, type BuiltCertificate, type KeyPairHandle } from '../src/testing/builder.js';
import { inspectCertificate } from '../src/certificate/inspect.js';
import { preflight } from '../src/preflight.js';
import { brainpoolP256r1KeyPair, ed448KeyPair, md5RsaKeyPair, secp256k1KeyPair } from '../scripts/lib/node-signers.js';

const engines: [string, Crypto][] = [
  ['platform WebCrypto', globalThis.crypto],
  ['@peculiar/webcrypto', new PeculiarCrypto() as unknown as Crypto],
];

const notBefore = new Date('2025-01-01T00:00:00Z');
const notAfter = new Date('2035-01-01T00:00:00Z');

describe.each(engines)('certificate facts with %s', (_name, crypto) => {
  let rootKey: KeyPairHandle;
  let interKey: KeyPairHandle;
  let root: BuiltCertificate;
  let inter: BuiltCertificate;

  beforeAll(async () => {
    rootKey = await generateKeyPair('RSA-2048', { crypto });
    interKey = await generateKeyPair('P-384', { crypto });
    root = await buildCertificate({
      subject: 'CN=Facts Root, O=Example, ST=WA, C=US',
      key: rootKey,
      notBefore,
      notAfter,
      serialNumber: 0x1234abcd,
      crypto,
    });
    inter = await buildCertificate({
      subject: 'CN=Facts Intermediate, OU=Devices + O=Example, C=US',
      key: interKey,
      issuer: root,
      notBefore,
      notAfter,
      crypto,
      basicConstraints: { cA: true, pathLenConstraint: 0, critical: true },
      keyUsage: { bits: ['keyCertSign', 'digitalSignature'], critical: true },
      subjectKeyIdentifier: 'method2',
      crlDistributionPoints: ['ldap://x/cn=crl', 'http://pki.example/root.crl'],
      freshestCrl: ['http://pki.example/root-delta.crl'],
      extendedKeyUsage: ['1.3.6.1.5.5.7.3.2'],
    });
  });

  it('reads names, serial, validity and thumbprints as node:crypto does', async () => {
    const facts = await inspectCertificate(root.pem, { crypto });
    const x = new X509Certificate(root.der);
    expect(facts.subject.rfc4514).toBe('CN=Facts Root,O=Example,ST=WA,C=US');
    expect(facts.subject.windows).toBe('CN=Facts Root, O=Example, S=WA, C=US');
    expect(facts.serialNumber).toBe(x.serialNumber.toUpperCase());
    expect(facts.notBefore).toBe(notBefore.toISOString());
    expect(facts.notAfter).toBe(notAfter.toISOString());
    expect(facts.thumbprints.sha256).toBe(x.fingerprint256.replace(/:/g, '').toLowerCase());
    expect(facts.thumbprints.sha1).toBe(createHash('sha1').update(root.der).digest('hex'));
    expect(facts.key).toEqual({ algorithm: 'RSA', size: 2048 });
    expect(facts.signatureAlgorithm).toMatchObject({ name: 'sha256WithRSAEncryption', hash: 'SHA-256' });
    expect(facts.selfIssued).toBe(true);
    expect(facts.selfSigned).toBe(true);
    expect(facts.subjectKeyIdentifier?.method).toBe('rfc5280-method1');
    expect(facts.certificateAuthority).toEqual({
      certificate: root.base64,
      isRootAuthority: true,
      certificateRevocationListUrl: null,
      deltaCertificateRevocationListUrl: null,
    });
  });

  it('reads extensions of an intermediate and the entry it would make', async () => {
    const facts = await inspectCertificate(inter.base64, { crypto });
    expect(facts.subject.rdns[1]).toHaveLength(2); // the multi-valued RDN stays one RDN
    // DER sorts a SET OF by encoding, so O (2.5.4.10) precedes OU (2.5.4.11) within the RDN.
    expect(facts.subject.rfc4514).toBe('CN=Facts Intermediate,O=Example+OU=Devices,C=US');
    expect(facts.issuer.rfc4514).toBe('CN=Facts Root,O=Example,ST=WA,C=US');
    expect(facts.basicConstraints).toEqual({ cA: true, pathLenConstraint: 0, critical: true });
    expect(facts.keyUsage).toEqual({ bits: ['digitalSignature', 'keyCertSign'], critical: true });
    expect(facts.extendedKeyUsage).toEqual(['clientAuth']);
    expect(facts.subjectKeyIdentifier?.method).toBe('rfc5280-method2');
    expect(facts.authorityKeyIdentifier?.keyIdentifier).toBe(Buffer.from(root.ski!).toString('hex').toUpperCase());
    expect(facts.crlDistributionPoints).toEqual(['ldap://x/cn=crl', 'http://pki.example/root.crl']);
    expect(facts.freshestCrl).toEqual(['http://pki.example/root-delta.crl']);
    expect(facts.key).toEqual({ algorithm: 'EC', size: 384, curve: 'P-384' });
    expect(facts.selfIssued).toBe(false);
    expect(facts.selfSigned).toBe(false);
    // Its distribution points name its issuer's CRLs; the entry's URLs are those of the CRLs this CA issues: null until given.
    expect(facts.certificateAuthority).toMatchObject({
      isRootAuthority: false,
      certificateRevocationListUrl: null,
      deltaCertificateRevocationListUrl: null,
    });
  });

  it('accepts PEM, DER bytes, base64 and base64url alike', async () => {
    const url = root.base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const all = await Promise.all([root.pem, root.der, root.base64, url].map((i) => inspectCertificate(i, { crypto })));
    for (const f of all) expect(f.thumbprints.sha256).toBe(all[0]!.thumbprints.sha256);
  });

  it('a self-issued certificate whose signature does not verify with its own key is not self-signed', async () => {
    const other = await generateKeyPair('P-256', { crypto });
    const forged = await buildCertificate({ subject: 'CN=Not Really Root', key: interKey, signWith: other, notBefore, notAfter, crypto });
    const facts = await inspectCertificate(forged.der, { crypto });
    expect(facts.selfIssued).toBe(true);
    expect(facts.selfSigned).toBe(false);
    expect(facts.certificateAuthority.isRootAuthority).toBe(false);
  });
});

describe('algorithms WebCrypto cannot verify', () => {
  const cases: [string, () => KeyPairHandle, string][] = [
    ['Ed448', ed448KeyPair, 'Ed448'],
    ['brainpoolP256r1', brainpoolP256r1KeyPair, 'ecdsa-with-SHA256'],
    ['secp256k1', secp256k1KeyPair, 'ecdsa-with-SHA256'],
    ['MD5 with RSA', () => md5RsaKeyPair(2048), 'md5WithRSAEncryption'],
  ];
  it.each(cases)('%s: facts say "could not verify", preflight warns, nothing throws', async (_n, make, sigName) => {
    const key = make();
    const cert = await buildCertificate({ subject: `CN=${_n} Root`, key, notBefore, notAfter });
    const facts = await inspectCertificate(cert.der);
    expect(facts.signatureAlgorithm.name).toBe(sigName);
    expect(facts.selfSigned).toBeNull();
    expect(facts.selfSignatureError).toMatch(/cannot be verified|could not be verified/);
    const report = await preflight(
      { certificateAuthorities: [{ certificate: cert.base64, isRootAuthority: true }] },
      { at: new Date('2026-01-01') },
    );
    expect(report.findings.map((f) => f.rule)).toContain('certificate.signature-unverifiable');
    expect(report.findings.filter((f) => f.rule.startsWith('flag.'))).toEqual([]);
  });

  it('Ed25519 verifies with the platform WebCrypto', async () => {
    const key = await generateKeyPair('Ed25519');
    const cert = await buildCertificate({ subject: 'CN=Ed25519 Root', key, notBefore, notAfter });
    const facts = await inspectCertificate(cert.der);
    expect(facts.key.algorithm).toBe('Ed25519');
    expect(facts.selfSigned).toBe(true);
  });
});
