/**
 * `ca-preflight device` as a user meets it: exit statuses, the JSON shape of DESIGN "Contract additions", the text
 * output, collections with --id, the identity option, and bad input (never a stack trace).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCertificate, buildHierarchy, generateKeyPair, type BuiltCertificate } from '../src/testing/builder.js';
import { buildCrl } from '../src/testing/crl-builder.js';
import { checkDevice } from '../src/index.js';
import { encodePem } from '../src/certificate/encoding.js';
import { p7b } from '../scripts/vectors/cases-device.js';
import { runCli, spawnCli } from './helpers/cli.js';

let dir: string;
let root: BuiltCertificate;
let sub: BuiltCertificate;
let leaf: BuiltCertificate;
const file = (name: string, content: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const entries = () => [
  { certificate: root.base64, isRootAuthority: true, certificateRevocationListUrl: null, deltaCertificateRevocationListUrl: null },
  { certificate: sub.base64, isRootAuthority: false, certificateRevocationListUrl: null, deltaCertificateRevocationListUrl: null },
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ca-preflight-device-'));
  [root, sub, leaf] = (await buildHierarchy({ depth: 3, leaf: true, namePrefix: 'Device CLI' })) as [
    BuiltCertificate,
    BuiltCertificate,
    BuiltCertificate,
  ];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ca-preflight device', () => {
  it('exits 0 with the contract JSON when the device would authenticate', async () => {
    const config = file(
      'get.json',
      JSON.stringify({ id: 'a', tlsClientAuthParameter: 'tls_client_auth_subject_dn', certificateAuthorities: entries() }),
    );
    const r = await runCli(['device', file('leaf.pem', leaf.pem), '--config', config, '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['authenticates', 'path', 'identity', 'failures', 'findings']);
    expect(out.authenticates).toBe(true);
    expect(out.path.map((p: { index: number }) => p.index)).toEqual([1, 0]);
    expect(Object.keys(out.path[0])).toEqual(['index', 'subject', 'thumbprint']);
    expect(out.path[1].subject).toBe('CN=Device CLI Root CA,O=Device CLI,C=US');
    expect(out.identity).toEqual({ parameter: 'tls_client_auth_subject_dn', value: 'CN=Device CLI Leaf,O=Device CLI,C=US' });
    expect(out.failures).toEqual([]);
    const text = await runCli(['device', join(dir, 'leaf.pem'), '--config', config]);
    expect(text.stdout).toMatch(/Path to the listed root\n {2}#1 {2}CN=Device CLI Intermediate CA 1/);
    expect(text.stdout).toMatch(/✓ the device would authenticate\n$/);
  });

  it('exits 1 with each failure and its AADSTS code when it would not', async () => {
    const onlyRoot = file('root-only.json', JSON.stringify({ certificateAuthorities: [entries()[0]] }));
    const r = await runCli(['device', join(dir, 'leaf.pem'), '--config', onlyRoot, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.path).toBeNull();
    expect(out.failures).toEqual([{ code: 'AADSTS500176', message: expect.stringMatching(/No listed CA issued the device certificate/) }]);
    const text = await runCli(['device', join(dir, 'leaf.pem'), '--config', onlyRoot, '--lang', 'fr']);
    expect(text.stdout).toMatch(/✗ l’appareil ne s’authentifierait pas : 1 échec \(AADSTS500176/);
  });

  it('chooses the configuration of a collection GET with --id, and says which ids there are without it', async () => {
    const collection = file(
      'collection.json',
      JSON.stringify({
        value: [
          { id: 'one', tlsClientAuthParameter: 'tls_client_auth_san_dns', certificateAuthorities: [entries()[0]] },
          { id: 'two', tlsClientAuthParameter: 'tls_client_auth_subject_dn', certificateAuthorities: entries() },
        ],
      }),
    );
    const two = await runCli(['device', join(dir, 'leaf.pem'), '--config', collection, '--id', 'two', '--format', 'json']);
    expect(two.code).toBe(0);
    expect(JSON.parse(two.stdout).path.map((p: { index: number }) => p.index)).toEqual([1, 0]);
    const none = await runCli(['device', join(dir, 'leaf.pem'), '--config', collection]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/2 configurations; choose one with .*ids: one, two/);
  });

  it('takes the identifying field from --tls-client-auth-parameter when a PATCH body does not say', async () => {
    const body = file('body.json', JSON.stringify({ certificateAuthorities: entries() }));
    const r = await runCli([
      'device',
      join(dir, 'leaf.pem'),
      '--config',
      body,
      '--tls-client-auth-parameter',
      'tls_client_auth_san_uri',
      '--format',
      'json',
    ]);
    const out = JSON.parse(r.stdout);
    expect(out.identity).toEqual({ parameter: 'tls_client_auth_san_uri', value: null });
    expect(out.findings.map((f: { rule: string }) => f.rule)).toEqual(['device.identity-missing']);
    expect(r.code).toBe(1);
  });

  it('explains trouble with exit 2: no config, a key for a certificate, a config that is not JSON, a bad option', async () => {
    const leafFile = join(dir, 'leaf.pem');
    expect((await runCli(['device', leafFile])).stderr).toMatch(/--config <body-or-GET\.json> is required/);
    const key = file(
      'device.key',
      '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIKbYP7tdRcZ4zbt9iuxhGDHx9xWrpzTF1R06+bW53bmm\n-----END PRIVATE KEY-----\n',
    );
    const wrong = await runCli(['device', key, '--config', join(dir, 'body.json')]);
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringMatching(/not a certificate: .*private key/i)]);
    const notJson = await runCli(['device', leafFile, '--config', file('bad.json', '{ "certificateAuthorities": [')]);
    expect([notJson.code, notJson.stderr]).toEqual([2, expect.stringMatching(/the configuration is not JSON/)]);
    const bad = await runCli(['device', leafFile, '--config', join(dir, 'body.json'), '--tls-client-auth-parameter', 'upn']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/must be one of tls_client_auth_subject_dn/)]);
    expect((await runCli(['device', '--help'])).stdout).toMatch(/Will this device sign in\?/);
  });

  it('reads the device as PEM, DER, a chain with the device first, a .p7b (DER or PEM, root first) and standard input', async () => {
    const config = file(
      'inputs.json',
      JSON.stringify({ id: 'a', tlsClientAuthParameter: 'tls_client_auth_subject_dn', certificateAuthorities: entries() }),
    );
    const bundle = p7b([root.der, sub.der, leaf.der]);
    const inputs: [string, string | Uint8Array, string[]][] = [
      ['leaf.pem', leaf.pem, []],
      ['leaf.cer', leaf.der, []],
      ['chain.pem', leaf.pem + sub.pem + root.pem, ['device.other-certificates']],
      ['bundle.p7b', bundle, ['device.other-certificates']],
      ['bundle-pem.p7b', encodePem(bundle, 'PKCS7'), ['device.other-certificates']],
    ];
    const expected = { parameter: 'tls_client_auth_subject_dn', value: 'CN=Device CLI Leaf,O=Device CLI,C=US' };
    for (const [name, content, rules] of inputs) {
      const r = await runCli(['device', file(name, content), '--config', config, '--format', 'json']);
      expect(r.code, name).toBe(0);
      const out = JSON.parse(r.stdout);
      expect([out.authenticates, out.path.map((p: { index: number }) => p.index), out.identity], name).toEqual([true, [1, 0], expected]);
      expect(
        out.findings.map((f: { rule: string }) => f.rule),
        name,
      ).toEqual(rules);
    }
    const piped = spawnCli(['device', '-', '--config', config, '--format', 'json'], leaf.pem);
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout).identity).toEqual(expected);
    const text = spawnCli(['device', '-', '--config', config], leaf.pem);
    expect(text.stdout).toMatch(/^\(stdin\)\n/);
  });

  it('gives the library and the CLI the same verdict', async () => {
    const config = JSON.stringify({ tlsClientAuthParameter: 'tls_client_auth_subject_dn', certificateAuthorities: entries() });
    const lib = await checkDevice(leaf.pem, config);
    const cli = JSON.parse(
      (await runCli(['device', join(dir, 'leaf.pem'), '--config', file('same.json', config), '--format', 'json'])).stdout,
    );
    expect(cli).toEqual(JSON.parse(JSON.stringify(lib)));
  });

  it('puts a finding about an entry of the configuration text at its line and column, and none on a value', async () => {
    const url = 'http://crl.example.test/sub.crl';
    const listed = entries().map((e, i) => (i === 1 ? { ...e, certificateRevocationListUrl: url } : e));
    const value = { tlsClientAuthParameter: 'tls_client_auth_subject_dn', certificateAuthorities: listed };
    const text = JSON.stringify(value, null, 2);
    const unchecked = (await checkDevice(leaf.pem, text)).findings.find((f) => f.rule === 'device.revocation-unchecked');
    expect(unchecked?.path).toBe('/certificateAuthorities/1/certificateRevocationListUrl');
    const line = text.split('\n').findIndex((l) => l.includes(url));
    expect([unchecked?.line, unchecked?.column]).toEqual([line + 1, text.split('\n')[line]!.indexOf(`"${url}"`) + 1]);
    const fromValue = (await checkDevice(leaf.pem, value)).findings.find((f) => f.rule === 'device.revocation-unchecked');
    expect(fromValue && 'line' in fromValue).toBe(false);
  });
});

describe('checkDevice and revocation', () => {
  it('takes no revocation from a CRL whose CA lacks cRLSign (RFC 5280 §6.3.3 (f)), and takes it when the CA has the bit', async () => {
    const at = new Date('2026-06-01T00:00:00Z');
    const period = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2035-01-01T00:00:00Z') };
    const [rootKey, deviceKey] = await Promise.all([generateKeyPair('P-256'), generateKeyPair('P-256')]);
    const url = 'http://crl.example.test/root.crl';
    const verdict = async (bits: ('keyCertSign' | 'cRLSign')[]) => {
      const ca = await buildCertificate({ ...period, subject: 'CN=Revocation Root', key: rootKey, keyUsage: { bits } });
      const device = await buildCertificate({
        ...period,
        subject: 'CN=device-7',
        key: deviceKey,
        issuer: ca,
        serialNumber: 0x77,
        basicConstraints: { cA: false },
        keyUsage: { bits: ['digitalSignature'] },
      });
      const crl = await buildCrl({
        issuer: ca,
        thisUpdate: new Date('2026-05-01T00:00:00Z'),
        nextUpdate: new Date('2026-07-01T00:00:00Z'),
        revoked: [{ serial: 0x77, date: new Date('2026-05-02T00:00:00Z') }],
      });
      const config = {
        tlsClientAuthParameter: 'tls_client_auth_subject_dn',
        certificateAuthorities: [{ certificate: ca.base64, isRootAuthority: true, certificateRevocationListUrl: url }],
      };
      const r = await checkDevice(device.pem, config, { at, crls: [{ source: 'root.crl', bytes: crl.der }] });
      return { authenticates: r.authenticates, rules: r.findings.map((f) => `${f.severity} ${f.rule}`) };
    };
    const withBit = await verdict(['keyCertSign', 'cRLSign']);
    expect(withBit.authenticates).toBe(false);
    expect(withBit.rules).toContain('error device.revoked');
    expect(withBit.rules).not.toContain('warning crl.ca-lacks-crl-sign');
    const withoutBit = await verdict(['keyCertSign']);
    expect(withoutBit.authenticates).toBe(true);
    expect(withoutBit.rules).not.toContain('error device.revoked');
    expect(withoutBit.rules).toContain('warning crl.ca-lacks-crl-sign');
  });
});
