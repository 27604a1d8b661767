import { createHash, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { Crypto as PeculiarCrypto } from '@peculiar/webcrypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCertificate,
  buildHierarchy,
  encodeName,
  exportPkcs8,
  generateKeyPair,
  importKeyPair,
  keyIdentifier,
  OID,
  withSignatureHash,
  type BuiltCertificate,
  type KeyPairHandle,
  type KeySpec,
} from '../src/testing/builder.js';
import { itWith, openssl } from './support/prerequisites.js';
import { brainpoolP256r1KeyPair, dsaKeyPair, ed448KeyPair, md5RsaKeyPair, secp256k1KeyPair } from '../scripts/lib/node-signers.js';

/** "CN=a, O=b, C=US" → node's X509Certificate form "C=US\nO=b\nCN=a" (plain names only). */
const nodeName = (dn: string): string => dn.split(', ').reverse().join('\n');

const x509 = (c: BuiltCertificate): X509Certificate => new X509Certificate(c.der);

/** Tests that read certificates back with the openssl command. */
const itOpenssl = itWith([openssl]);

const opensslText = (c: BuiltCertificate): string =>
  execFileSync('openssl', ['x509', '-noout', '-text', '-inform', 'DER'], { input: c.der, encoding: 'utf8' });

/** subjectPublicKey BIT STRING value, parsed with asn1js (independent of the builder's own reader). */
function publicKeyBits(spki: Uint8Array): Uint8Array {
  const parsed = asn1js.fromBER(spki);
  const bits = (parsed.result as asn1js.Sequence).valueBlock.value[1] as asn1js.BitString;
  return new Uint8Array(bits.valueBlock.valueHexView);
}

const colonHex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase().match(/../g)!.join(':');

/** The value lines following an extension header in `openssl x509 -text` output. */
function extBlock(text: string, header: string): string | undefined {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trim().startsWith(header));
  if (i < 0) return undefined;
  const out = [lines[i]!.trim()];
  for (let j = i + 1; j < lines.length && !/^\s*(X509v3|Signature Algorithm|[0-9.]+: ?(critical)?$)/.test(lines[j]!); j++)
    out.push(lines[j]!.trim());
  return out.join('\n');
}

const WEBCRYPTO_SPECS: KeySpec[] = ['P-256', 'P-384', 'P-521', 'RSA-1024', 'RSA-2048', 'RSA-3072', 'Ed25519'];
const keys = new Map<string, KeyPairHandle>();
const childKeys = new Map<string, KeyPairHandle>();
let other: KeyPairHandle;

beforeAll(async () => {
  await Promise.all(
    WEBCRYPTO_SPECS.map(async (s) => {
      keys.set(s, await generateKeyPair(s));
      childKeys.set(s, await generateKeyPair(s === 'RSA-3072' ? 'RSA-2048' : s));
    }),
  );
  const nodeKeys: [string, () => KeyPairHandle][] = [
    ['RSA-MD5', () => md5RsaKeyPair(1024)],
    ['Ed448', ed448KeyPair],
    ['secp256k1', secp256k1KeyPair],
    ['brainpoolP256r1', brainpoolP256r1KeyPair],
    ['DSA', () => dsaKeyPair({ bits: 2048 })],
  ];
  for (const [name, make] of nodeKeys) {
    keys.set(name, make());
    childKeys.set(name, make());
  }
  other = await generateKeyPair('P-256');
}, 30_000);

const ALL = [...WEBCRYPTO_SPECS, 'RSA-MD5', 'Ed448', 'secp256k1', 'brainpoolP256r1', 'DSA'];

const EXPECTED_SIG_OID: Record<string, string> = {
  'P-256': OID.ecdsaWithSHA256,
  'P-384': OID.ecdsaWithSHA384,
  'P-521': OID.ecdsaWithSHA512,
  'RSA-1024': OID.sha256WithRSAEncryption,
  'RSA-2048': OID.sha256WithRSAEncryption,
  'RSA-3072': OID.sha256WithRSAEncryption,
  Ed25519: OID.ed25519,
  'RSA-MD5': OID.md5WithRSAEncryption,
  Ed448: OID.ed448,
  secp256k1: OID.ecdsaWithSHA256,
  brainpoolP256r1: OID.ecdsaWithSHA256,
  DSA: OID.dsaWithSHA256,
};

function signatureOid(der: Uint8Array<ArrayBuffer>): string {
  const cert = pkijs.Certificate.fromBER(der);
  expect(cert.signatureAlgorithm.algorithmId).toBe(cert.signature.algorithmId);
  return cert.signatureAlgorithm.algorithmId;
}

describe.each(ALL)('%s', (name) => {
  itOpenssl('builds a verifiable self-signed root, an issued child and a forged child', async () => {
    const rootKey = keys.get(name)!;
    const childKey = childKeys.get(name)!;
    const rootSubject = `CN=Root ${name}, O=Example, C=US`;
    const childSubject = `CN=Child ${name}, OU=Issuing, O=Example, C=US`;
    const root = await buildCertificate({ subject: rootSubject, key: rootKey });
    const child = await buildCertificate({ subject: childSubject, issuer: root, key: childKey });
    // forged: claims the root as issuer but is signed by a key of the same type that is not the root's
    const forged = await buildCertificate({ subject: childSubject, issuer: root, key: childKey, signWith: childKey });

    const r = x509(root);
    const c = x509(child);
    const f = x509(forged);
    expect(r.subject).toBe(nodeName(rootSubject));
    expect(r.issuer).toBe(nodeName(rootSubject));
    expect(c.subject).toBe(nodeName(childSubject));
    expect(c.issuer).toBe(nodeName(rootSubject));
    expect(r.verify(r.publicKey)).toBe(true);
    expect(r.checkIssued(r)).toBe(true);
    expect(c.checkIssued(r)).toBe(true);
    expect(c.verify(r.publicKey)).toBe(true);
    expect(c.verify(c.publicKey)).toBe(false);
    expect(f.checkIssued(r)).toBe(true); // names and AKI match…
    expect(f.verify(r.publicKey)).toBe(false); // …but the signature does not
    const crossForged = await buildCertificate({ subject: childSubject, issuer: root, key: childKey, signWith: other });
    expect(x509(crossForged).verify(r.publicKey)).toBe(false);
    expect(r.ca).toBe(true);
    expect(c.ca).toBe(true);

    // pkijs (the library's own parser) reads it; algorithm identifiers are the expected ones
    expect(signatureOid(root.der)).toBe(EXPECTED_SIG_OID[name]);
    expect(signatureOid(child.der)).toBe(EXPECTED_SIG_OID[name]);
    expect(signatureOid(forged.der)).toBe(EXPECTED_SIG_OID[name]);

    // default extensions: BC + KU critical, SKI method1, AKI = issuer SKI on the child only
    const rootText = opensslText(root);
    const childText = opensslText(child);
    expect(childText).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE/);
    expect(childText).toMatch(/X509v3 Key Usage: critical\s+Certificate Sign, CRL Sign/);
    const ski = await keyIdentifier(childKey.spki);
    expect(Buffer.from(ski)).toEqual(createHash('sha1').update(publicKeyBits(childKey.spki)).digest());
    expect(childText).toContain(`X509v3 Subject Key Identifier: \n                ${colonHex(ski)}`);
    expect(childText).toContain(colonHex(root.ski!));
    expect(extBlock(childText, 'X509v3 Authority Key Identifier')).toContain(colonHex(root.ski!));
    expect(rootText).not.toContain('Authority Key Identifier');
    expect(root.pem).toBe(r.toString());
    expect(root.base64).toBe(Buffer.from(root.der).toString('base64'));
  });
});

describe('extensions and fields', () => {
  itOpenssl('writes requested extensions with requested criticality', async () => {
    const root = await buildCertificate({ subject: 'CN=R', key: keys.get('P-256')! });
    const c = await buildCertificate({
      subject: 'CN=X',
      issuer: root,
      key: childKeys.get('P-256')!,
      basicConstraints: { cA: true, pathLenConstraint: 2, critical: false },
      keyUsage: { bits: ['digitalSignature', 'keyCertSign', 'decipherOnly'], critical: false },
      subjectKeyIdentifier: { value: 'method1', critical: true },
      authorityKeyIdentifier: { keyIdentifier: new Uint8Array([1, 2, 3, 4]), critical: true },
      crlDistributionPoints: ['http://crl.example.com/a.crl', ['http://crl.example.com/b.crl', 'ldap://ldap.example.com/b']],
      freshestCrl: ['http://crl.example.com/delta.crl'],
      extendedKeyUsage: [OID.ekuClientAuth, OID.ekuServerAuth],
      extraExtensions: [{ oid: '1.2.3.4.5', critical: true, value: new Uint8Array([0x05, 0x00]) }],
      serialNumber: 0x1234,
    });
    const t = opensslText(c);
    expect(t).toMatch(/X509v3 Basic Constraints: \n\s+CA:TRUE, pathlen:2/);
    expect(t).toMatch(/X509v3 Key Usage: \n\s+Digital Signature, Certificate Sign, Decipher Only/);
    expect(t).toContain('X509v3 Subject Key Identifier: critical');
    expect(t).toMatch(/X509v3 Authority Key Identifier: critical\s+(keyid:)?01:02:03:04/);
    expect(extBlock(t, 'X509v3 CRL Distribution Points')).toMatch(
      /URI:http:\/\/crl.example.com\/a.crl[\s\S]*Full Name:[\s\S]*URI:http:\/\/crl.example.com\/b.crl\s+URI:ldap:\/\/ldap.example.com\/b/,
    );
    expect(extBlock(t, 'X509v3 Freshest CRL')).toContain('URI:http://crl.example.com/delta.crl');
    expect(t).toMatch(/X509v3 Extended Key Usage: \n\s+TLS Web Client Authentication, TLS Web Server Authentication/);
    expect(t).toContain('1.2.3.4.5: critical');
    expect(t).toMatch(/Serial Number: 4660 \(0x1234\)/);
    expect(x509(c).verify(x509(root).publicKey)).toBe(true);
  });

  itOpenssl('omits extensions set to null; v1 has no extensions at all', async () => {
    const key = keys.get('P-256')!;
    const none = await buildCertificate({
      subject: 'CN=None',
      key,
      basicConstraints: null,
      keyUsage: null,
      subjectKeyIdentifier: null,
      authorityKeyIdentifier: null,
    });
    const t = opensslText(none);
    expect(t).toContain('Version: 3 (0x2)');
    expect(t).not.toContain('X509v3');
    expect(none.ski).toBeNull();
    expect(x509(none).ca).toBe(false);

    const v1 = await buildCertificate({ subject: 'CN=V1', key, version: 1, crlDistributionPoints: ['http://x/y.crl'] });
    const t1 = opensslText(v1);
    expect(t1).toContain('Version: 1 (0x0)');
    expect(t1).not.toContain('X509v3');
    expect(x509(v1).verify(x509(v1).publicKey)).toBe(true);

    const leafish = await buildCertificate({ subject: 'CN=EE', key, basicConstraints: { cA: false } });
    expect(opensslText(leafish)).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    expect(x509(leafish).ca).toBe(false);
  });

  itOpenssl('derives SKIs by method 2 and RFC 7093, and AKIs from the issuer SKI', async () => {
    const key = keys.get('P-384')!;
    const bits = publicKeyBits(key.spki);
    const sha1 = createHash('sha1').update(bits).digest();
    const m2 = await buildCertificate({ subject: 'CN=M2', key, subjectKeyIdentifier: 'method2' });
    const expected2 = Uint8Array.from(sha1.subarray(12));
    expected2[0] = (expected2[0]! & 0x0f) | 0x40;
    expect(m2.ski).toEqual(expected2);
    expect(opensslText(m2)).toContain(colonHex(expected2));

    const r7093 = await buildCertificate({ subject: 'CN=R', key, subjectKeyIdentifier: 'rfc7093-1' });
    expect(Buffer.from(r7093.ski!)).toEqual(createHash('sha256').update(bits).digest().subarray(0, 20));

    const child = await buildCertificate({ subject: 'CN=C', issuer: m2, key: childKeys.get('P-384')! });
    expect(opensslText(child)).toMatch(new RegExp(`Authority Key Identifier: \\s+(keyid:)?${colonHex(expected2)}`));
    expect(x509(child).checkIssued(x509(m2))).toBe(true);

    const explicitSelfAki = await buildCertificate({ subject: 'CN=S', key, authorityKeyIdentifier: 'issuer-ski' });
    expect(opensslText(explicitSelfAki)).toMatch(new RegExp(`Authority Key Identifier: \\s+(keyid:)?${colonHex(sha1)}`));
  });

  it('honours validity, including GeneralizedTime after 2049', async () => {
    const notBefore = new Date('2001-02-03T04:05:06Z');
    const notAfter = new Date('2061-07-08T09:10:11Z');
    const c = await buildCertificate({ subject: 'CN=T', key: keys.get('P-256')!, notBefore, notAfter });
    const x = x509(c);
    expect(new Date(x.validFrom).toISOString()).toBe(notBefore.toISOString());
    expect(new Date(x.validTo).toISOString()).toBe(notAfter.toISOString());

    const d = await buildCertificate({ subject: 'CN=D', key: keys.get('P-256')! });
    const now = Date.now();
    expect(Math.abs(new Date(x509(d).validFrom).getTime() - (now - 86_400_000))).toBeLessThan(5_000);
    expect(new Date(x509(d).validTo).getTime() - now).toBeGreaterThan(9.9 * 365 * 86_400_000);
  });

  itOpenssl('writes overridden issuer names and arbitrary names', async () => {
    const root = await buildCertificate({ subject: 'CN=Root, O=Example, C=US', key: keys.get('P-256')! });
    const c = await buildCertificate({
      subject: 'CN=Child, O=Example, C=US',
      issuer: root,
      issuerName: 'CN=Someone Else, O=Example, C=US',
      key: childKeys.get('P-256')!,
    });
    const x = x509(c);
    expect(x.issuer).toBe(nodeName('CN=Someone Else, O=Example, C=US'));
    expect(x.checkIssued(x509(root))).toBe(false);
    expect(x.verify(x509(root).publicKey)).toBe(true);

    const dn =
      'CN=Ünïcode \\, comma + serialNumber=1234, OU=Unit, O=Org, L=Paris, ST=IDF, C=FR, DC=example, DC=com, emailAddress=a@example.com';
    const n = await buildCertificate({ subject: dn, key: keys.get('P-256')! });
    const t = execFileSync('openssl', ['x509', '-noout', '-subject', '-nameopt', 'RFC2253,-esc_msb', '-inform', 'DER'], {
      input: n.der,
      encoding: 'utf8',
    });
    expect(t.trim()).toBe(
      'subject=CN=Ünïcode \\, comma+serialNumber=1234,OU=Unit,O=Org,L=Paris,ST=IDF,C=FR,DC=example,DC=com,emailAddress=a@example.com',
    );
    // string types: C PrintableString, DC/email IA5String, CN UTF8String
    const asn1 = execFileSync('openssl', ['asn1parse', '-inform', 'DER'], { input: n.der, encoding: 'utf8' });
    expect(asn1).toMatch(/PRINTABLESTRING\s+:FR/);
    expect(asn1).toMatch(/IA5STRING\s+:example/);
    expect(asn1).toMatch(/UTF8STRING\s+:Unit/);
    expect(encodeName('')).toEqual(new Uint8Array([0x30, 0x00]));
  });

  itOpenssl('supports RSA-PSS, SHA-1 signatures and re-hashing an existing key', async () => {
    const pss = await generateKeyPair('RSA-2048', { pss: true, hash: 'SHA-384' });
    const c = await buildCertificate({ subject: 'CN=PSS', key: pss });
    const t = opensslText(c);
    expect(t).toContain('Signature Algorithm: rsassaPss');
    expect(t).toMatch(/Hash Algorithm: sha384[\s\S]*Mask Algorithm: mgf1 with sha384[\s\S]*Salt Length: 0x30/);
    expect(x509(c).verify(x509(c).publicKey)).toBe(true);

    const rsa = keys.get('RSA-2048')!;
    const sha1 = await withSignatureHash(rsa, 'SHA-1');
    const s1 = await buildCertificate({ subject: 'CN=SHA1', key: sha1 });
    expect(opensslText(s1)).toContain('Signature Algorithm: sha1WithRSAEncryption');
    expect(x509(s1).verify(x509(s1).publicKey)).toBe(true);
    expect(sha1.spki).toBe(rsa.spki);

    const pss256 = await withSignatureHash(rsa, 'SHA-256', { pss: true });
    const p2 = await buildCertificate({ subject: 'CN=P2', key: pss256 });
    expect(x509(p2).verify(x509(p2).publicKey)).toBe(true);

    const ec = await withSignatureHash(keys.get('P-256')!, 'SHA-512');
    const e = await buildCertificate({ subject: 'CN=E', key: ec });
    expect(opensslText(e)).toContain('Signature Algorithm: ecdsa-with-SHA512');
    expect(x509(e).verify(x509(e).publicKey)).toBe(true);
  });

  it('round-trips keys through PKCS#8', async () => {
    for (const spec of ['P-256', 'Ed25519', 'RSA-1024'] as const) {
      const key = keys.get(spec)!;
      const again = await importKeyPair(spec, await exportPkcs8(key));
      expect(again.spki).toEqual(key.spki);
      const c = await buildCertificate({ subject: 'CN=I', key: again });
      expect(x509(c).verify(x509(c).publicKey)).toBe(true);
    }
  });

  it('writes arbitrary signature algorithm identifiers and serial bytes', async () => {
    const c = await buildCertificate({
      subject: 'CN=Weird',
      key: keys.get('P-256')!,
      signatureAlgorithm: { oid: '1.2.3.4', params: 'null' },
      serialNumber: new Uint8Array([0x00, 0x00, 0x01]),
    });
    const cert = pkijs.Certificate.fromBER(c.der);
    expect(cert.signatureAlgorithm.algorithmId).toBe('1.2.3.4');
    expect(cert.signature.algorithmId).toBe('1.2.3.4');
    expect(Array.from(cert.serialNumber.valueBlock.valueHexView)).toEqual([0, 0, 1]);
    const neg = await buildCertificate({ subject: 'CN=Neg', key: keys.get('P-256')!, serialNumber: -1 });
    expect(Array.from(pkijs.Certificate.fromBER(neg.der).serialNumber.valueBlock.valueHexView)).toEqual([0xff]);
  });
});

describe('hierarchies and other crypto providers', () => {
  itOpenssl('builds a valid root → intermediates → leaf chain with CRL DPs', async () => {
    const chain = await buildHierarchy({ depth: 4, leaf: true, namePrefix: 'Acme', crlBase: 'http://crl.acme.test/' });
    expect(chain.map((c) => c.subject)).toEqual([
      'CN=Acme Root CA, O=Acme, C=US',
      'CN=Acme Intermediate CA 1, O=Acme, C=US',
      'CN=Acme Intermediate CA 2, O=Acme, C=US',
      'CN=Acme Leaf, O=Acme, C=US',
    ]);
    const xs = chain.map(x509);
    expect(xs[0]!.verify(xs[0]!.publicKey)).toBe(true);
    for (let i = 1; i < xs.length; i++) {
      expect(xs[i]!.checkIssued(xs[i - 1]!)).toBe(true);
      expect(xs[i]!.verify(xs[i - 1]!.publicKey)).toBe(true);
    }
    expect(xs[3]!.ca).toBe(false);
    expect(opensslText(chain[1]!)).toContain('URI:http://crl.acme.test/root.crl');
    expect(opensslText(chain[3]!)).toContain('URI:http://crl.acme.test/intermediate-2.crl');
    expect(opensslText(chain[0]!)).not.toContain('CRL Distribution');

    const pool = [keys.get('P-256')!, childKeys.get('P-256')!];
    const reused = await buildHierarchy({ depth: 2, keys: pool });
    expect(reused.map((c) => c.key)).toEqual(pool);
  });

  it('signs ECDSA through @peculiar/webcrypto', async () => {
    const crypto = new PeculiarCrypto() as unknown as Crypto;
    const chain = await buildHierarchy({ depth: 2, keySpec: 'P-256', crypto });
    const [r, c] = chain.map(x509);
    expect(r!.verify(r!.publicKey)).toBe(true);
    expect(c!.checkIssued(r!)).toBe(true);
    expect(c!.verify(r!.publicKey)).toBe(true);
  });
});
