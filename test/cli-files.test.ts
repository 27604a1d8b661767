/**
 * The files admins have, through the CLI: `inspect` prints each certificate of a chain or a .p7b (a JSON array when there
 * are several), `patch --add` adds each one, and a file that holds no certificate is named with what to do (exit 2).
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHierarchy, type BuiltCertificate } from '../src/testing/builder.js';
import { runCli } from './helpers/cli.js';

const ID = 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb';
let dir: string;
let root: BuiltCertificate;
let inter: BuiltCertificate;
const file = (name: string) => join(dir, name);

function p7b(certs: Uint8Array<ArrayBuffer>[]): Uint8Array {
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    certificates: certs.map((der) => pkijs.Certificate.fromBER(der)),
  });
  return new Uint8Array(
    new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) }).toSchema().toBER(),
  );
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ca-preflight-files-'));
  [root, inter] = (await buildHierarchy({
    depth: 2,
    namePrefix: 'Files',
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2040-01-01T00:00:00Z'),
  })) as [BuiltCertificate, BuiltCertificate];
  writeFileSync(file('chain.pem'), `${inter.pem}${root.pem}`);
  writeFileSync(file('chain.p7b'), p7b([inter.der, root.der]));
  writeFileSync(file('root.pem'), root.pem);
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  writeFileSync(file('ca.key'), privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
  writeFileSync(file('empty.cer'), '');
  writeFileSync(file('utf16.pem'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(root.pem, 'utf16le')]));
  writeFileSync(
    file('get.json'),
    JSON.stringify({
      id: ID,
      displayName: 'Files',
      certificateAuthorities: [{ certificate: root.base64, isRootAuthority: true }],
    }),
  );
  writeFileSync(file('empty-get.json'), JSON.stringify({ id: ID, displayName: 'Files', certificateAuthorities: [] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inspect: chains and bundles', () => {
  it.each(['chain.pem', 'chain.p7b'])('prints each certificate of %s, and a JSON array of their facts', async (name) => {
    const text = await runCli(['inspect', file(name)]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^== Certificate 1 of 2 \(.+\)\n\nSubject +CN=Files Intermediate CA 1/);
    expect(text.stdout).toMatch(/\n== Certificate 2 of 2 \(.+\)\n\nSubject +CN=Files Root CA/);
    const json = JSON.parse((await runCli(['inspect', file(name), '--format', 'json'])).stdout);
    expect(json.map((f: { certificateAuthority: { certificate: string } }) => f.certificateAuthority.certificate)).toEqual([
      inter.base64,
      root.base64,
    ]);
    // One certificate stays one object, as before.
    expect(Array.isArray(JSON.parse((await runCli(['inspect', file('root.pem'), '--format', 'json'])).stdout))).toBe(false);
  });

  it('reads UTF-16 text and says so on standard error', async () => {
    const r = await runCli(['inspect', file('utf16.pem')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^note: ".*utf16\.pem": Read as UTF-16LE text \(it starts with a byte order mark/);
  });

  it.each([
    ['ca.key', /^ca-preflight: inspect: ".*ca\.key" is a private key, not a certificate\. A trust list needs only the CA's certificate/],
    ['empty.cer', /^ca-preflight: inspect: ".*empty\.cer" is empty\. Export the CA certificate again/],
    ['get.json', /^ca-preflight: inspect: ".*get\.json" is JSON, not a certificate\. To check a trust-list body .*use ca-preflight check/],
  ])('names %s for what it is (exit 2)', async (name, message) => {
    const r = await runCli(['inspect', file(name)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});

describe('patch --add: chains and bundles', () => {
  it.each(['chain.pem', 'chain.p7b'])('adds every certificate of %s, each with its inferred flag and no CRL URL', async (name) => {
    const r = await runCli(['patch', file('empty-get.json'), '--add', file(name)]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).body.certificateAuthorities).toEqual([
      { certificate: inter.base64, isRootAuthority: false, certificateRevocationListUrl: null, deltaCertificateRevocationListUrl: null },
      { certificate: root.base64, isRootAuthority: true, certificateRevocationListUrl: null, deltaCertificateRevocationListUrl: null },
    ]);
  });

  it('refuses --root or --crl after a file of several certificates: they belong to one CA (exit 2)', async () => {
    const r = await runCli(['patch', file('empty-get.json'), '--add', file('chain.pem'), '--crl', 'http://pki.example/x.crl']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /operation 1: add: the certificate given holds 2 certificates, and certificateRevocationListUrl belongs to one CA: add the certificates one at a time/,
    );
  });

  it('names a file that holds no certificate (exit 2)', async () => {
    const r = await runCli(['patch', file('get.json'), '--add', file('ca.key')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/operation 1: add: the certificate given is a private key, not a certificate/);
  });
});
