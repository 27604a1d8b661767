/**
 * CRLs made by `openssl ca -gencrl`, judged by openssl and by ca-preflight side by side: `openssl crl -verify` against
 * `check --crl` (signature, AKI, validity), and `openssl verify -crl_check` against `device --crl` (revoked or not,
 * expired CRL) — a root CA and an issuing CA run with openssl's own `ca` command, a device certificate it issues and
 * then revokes. Needs the openssl command line (CI installs it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

let dir: string;
const path = (...p: string[]) => join(dir, ...p);

function openssl(args: string[], cwd = dir): string {
  return execFileSync('openssl', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** openssl's verdict: exit status and its words (openssl writes "verify OK" and errors to stderr or stdout). */
function opensslVerdict(args: string[]): { ok: boolean; text: string } {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  return { ok: r.status === 0, text: `${r.stdout}${r.stderr}` };
}

/** An `openssl ca` directory: its config, index and serial files. */
function caConfig(name: string, extra: string): string {
  const home = path(name);
  mkdirSync(join(home, 'certs'), { recursive: true });
  writeFileSync(join(home, 'index.txt'), '');
  writeFileSync(join(home, 'serial'), name === 'root' ? '1000\n' : '2000\n');
  writeFileSync(join(home, 'crlnumber'), '01\n');
  const conf = join(home, 'openssl.cnf');
  writeFileSync(
    conf,
    `[ ca ]
default_ca = this
[ this ]
dir = ${home}
database = $dir/index.txt
new_certs_dir = $dir/certs
serial = $dir/serial
crlnumber = $dir/crlnumber
certificate = $dir/ca.pem
private_key = $dir/ca.key
default_md = sha256
default_days = 365
default_crl_days = 7
policy = anything
copy_extensions = none
crl_extensions = crl_ext
unique_subject = no
[ anything ]
commonName = supplied
organizationName = optional
countryName = optional
[ crl_ext ]
authorityKeyIdentifier = keyid:always
${extra}
`,
  );
  return conf;
}

const rootConf = () => path('root', 'openssl.cnf');
const subConf = () => path('sub', 'openssl.cnf');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ca-preflight-openssl-ca-'));
  caConfig(
    'root',
    `[ v3_sub ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints = URI:http://crl.example.com/openssl/root.crl`,
  );
  caConfig(
    'sub',
    `[ v3_device ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = DNS:device-7.devices.example.com
crlDistributionPoints = URI:http://crl.example.com/openssl/sub.crl`,
  );
  // The root: self-signed with openssl req.
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', path('root', 'ca.key')]);
  openssl([
    'req',
    '-x509',
    '-new',
    '-key',
    path('root', 'ca.key'),
    '-subj',
    '/C=US/O=OpenSSL CA Test/CN=OpenSSL Root CA',
    '-days',
    '3650',
    '-addext',
    'basicConstraints=critical,CA:true',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-addext',
    'subjectKeyIdentifier=hash',
    '-out',
    path('root', 'ca.pem'),
  ]);
  // The issuing CA, issued by the root's `openssl ca`.
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', path('sub', 'ca.key')]);
  openssl([
    'req',
    '-new',
    '-key',
    path('sub', 'ca.key'),
    '-subj',
    '/C=US/O=OpenSSL CA Test/CN=OpenSSL Issuing CA',
    '-out',
    path('sub', 'ca.csr'),
  ]);
  openssl([
    'ca',
    '-batch',
    '-config',
    rootConf(),
    '-extensions',
    'v3_sub',
    '-in',
    path('sub', 'ca.csr'),
    '-out',
    path('sub', 'ca.pem'),
    '-notext',
  ]);
  // The device, issued by the issuing CA's `openssl ca`.
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', path('device.key')]);
  openssl(['req', '-new', '-key', path('device.key'), '-subj', '/C=US/O=OpenSSL CA Test/CN=device-7', '-out', path('device.csr')]);
  openssl([
    'ca',
    '-batch',
    '-config',
    subConf(),
    '-extensions',
    'v3_device',
    '-in',
    path('device.csr'),
    '-out',
    path('device.pem'),
    '-notext',
  ]);
  // CRLs before any revocation.
  openssl(['ca', '-batch', '-config', rootConf(), '-gencrl', '-out', path('root.crl.pem')]);
  openssl(['ca', '-batch', '-config', subConf(), '-gencrl', '-out', path('sub-clean.crl.pem')]);
  // The device revoked, and the issuing CA's next CRL.
  openssl(['ca', '-batch', '-config', subConf(), '-revoke', path('device.pem'), '-crl_reason', 'keyCompromise']);
  openssl(['ca', '-batch', '-config', subConf(), '-gencrl', '-out', path('sub-revoked.crl.pem')]);
  for (const name of ['root.crl', 'sub-clean.crl', 'sub-revoked.crl'])
    openssl(['crl', '-in', path(`${name}.pem`), '-outform', 'DER', '-out', path(name)]);
  const entry = (file: string, isRootAuthority: boolean, url: string) => ({
    certificate: readDer(file),
    isRootAuthority,
    certificateRevocationListUrl: url,
    deltaCertificateRevocationListUrl: null,
  });
  writeFileSync(
    path('config.json'),
    JSON.stringify({
      id: 'c0ffee00-0000-4000-8000-000000000007',
      tlsClientAuthParameter: 'tls_client_auth_san_dns',
      certificateAuthorities: [
        entry(path('root', 'ca.pem'), true, 'http://crl.example.com/openssl/root.crl'),
        entry(path('sub', 'ca.pem'), false, 'http://crl.example.com/openssl/sub.crl'),
      ],
    }),
  );
  writeFileSync(
    path('body.json'),
    JSON.stringify({ certificateAuthorities: JSON.parse(readFileSync(path('config.json'), 'utf8')).certificateAuthorities }),
  );
}, 60_000);

function readDer(pemFile: string): string {
  return execFileSync('openssl', ['x509', '-in', pemFile, '-outform', 'DER'], { cwd: dir }).toString('base64');
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `ca-preflight device device.pem --config config.json --crl <crl> [more] --format json`. */
const deviceCli = (crl: string, ...more: string[]) =>
  runCli(['device', path('device.pem'), '--config', path('config.json'), '--crl', path(crl), ...more, '--format', 'json']);

const rules = (stdout: string) =>
  (JSON.parse(stdout) as { findings: { rule: string; severity: string }[] }).findings.map((f) => `${f.severity} ${f.rule}`);

describe('CRLs made by openssl ca -gencrl', () => {
  it('openssl crl -verify and check --crl agree on each CRL and its issuer', async () => {
    for (const [crl, ca] of [
      ['root.crl', 'root/ca.pem'],
      ['sub-clean.crl', 'sub/ca.pem'],
      ['sub-revoked.crl', 'sub/ca.pem'],
    ] as const) {
      expect(opensslVerdict(['crl', '-inform', 'DER', '-in', path(crl), '-noout', '-verify', '-CAfile', path(ca)]).text, crl).toMatch(
        /verify OK/,
      );
    }
    const r = await runCli(['check', path('body.json'), '--crl', path('root.crl'), '--crl', path('sub-revoked.crl'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(rules(r.stdout)).toEqual(['info crl.checked', 'info crl.checked']);
    // The issuing CA's CRL given as the root's: openssl refuses it, and so does the check (it is the wrong signer).
    const wrong = opensslVerdict([
      'crl',
      '-inform',
      'DER',
      '-in',
      path('sub-revoked.crl'),
      '-noout',
      '-verify',
      '-CAfile',
      path('root', 'ca.pem'),
    ]);
    expect(wrong.ok && /verify OK/.test(wrong.text)).toBe(false);
  });

  it('openssl verify -crl_check and device --crl agree: authenticates before the revocation, revoked after', async () => {
    const base = ['verify', '-crl_check', '-CAfile', path('root', 'ca.pem'), '-untrusted', path('sub', 'ca.pem')];
    const clean = opensslVerdict([...base, '-CRLfile', path('sub-clean.crl.pem'), path('device.pem')]);
    expect(clean.text).toMatch(/device\.pem: OK/);
    const ours = await deviceCli('sub-clean.crl');
    expect(ours.code).toBe(0);
    const okResult = JSON.parse(ours.stdout);
    expect(okResult.authenticates).toBe(true);
    expect(okResult.identity).toEqual({ parameter: 'tls_client_auth_san_dns', value: 'device-7.devices.example.com' });

    const revoked = opensslVerdict([...base, '-CRLfile', path('sub-revoked.crl.pem'), path('device.pem')]);
    expect(revoked.ok).toBe(false);
    expect(revoked.text).toMatch(/certificate revoked/);
    const oursRevoked = await deviceCli('sub-revoked.crl');
    expect(oursRevoked.code).toBe(1);
    const result = JSON.parse(oursRevoked.stdout);
    expect(result.failures.map((f: { code: string }) => f.code)).toEqual(['AADSTS500171']);
    expect(result.findings[0].message).toMatch(/keyCompromise/);
  });

  it('both see the CRL expire: openssl verify -attime and device --at after nextUpdate', async () => {
    const after = new Date(Date.now() + 8 * 86_400_000);
    const expired = opensslVerdict([
      'verify',
      '-crl_check',
      '-attime',
      String(Math.floor(after.getTime() / 1000)),
      '-CAfile',
      path('root', 'ca.pem'),
      '-untrusted',
      path('sub', 'ca.pem'),
      '-CRLfile',
      path('sub-clean.crl.pem'),
      path('device.pem'),
    ]);
    expect(expired.ok).toBe(false);
    expect(expired.text).toMatch(/CRL has expired/);
    const ours = await deviceCli('sub-clean.crl', '--at', after.toISOString());
    expect(ours.code).toBe(1);
    expect(JSON.parse(ours.stdout).failures.map((f: { code: string }) => f.code)).toEqual(['AADSTS500172']);
  });
});
