/** `ca-preflight diff` and `ca-preflight patch` through `main(argv, io)`: exit codes, what goes to stdout and stderr. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { main } from '../src/cli/main.js';
import { runCli } from './helpers/cli.js';
import { buildCertificate, buildHierarchy, generateKeyPair, type BuiltCertificate } from '../src/testing/builder.js';

const ID = 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb';
const notBefore = new Date('2025-01-01T00:00:00Z');
const notAfter = new Date('2040-01-01T00:00:00Z');
let dir: string;
let root: BuiltCertificate;
let inter: BuiltCertificate;
let newRoot: BuiltCertificate;
let newInter: BuiltCertificate;
let expired: BuiltCertificate;
const file = (name: string) => join(dir, name);
const sha256 = (c: BuiltCertificate) => createHash('sha256').update(c.der).digest('hex');

interface Run {
  code: number;
  out: string;
  err: string;
  both: string;
}

async function run(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  let both = '';
  const code = await main(argv, {
    out: (t) => {
      out += t;
      both += t;
    },
    err: (t) => {
      err += t;
      both += t;
    },
    color: false,
  });
  return { code, out, err, both };
}

const getResponse = (cas: [BuiltCertificate, boolean][], extra: Record<string, unknown> = {}) => ({
  '@odata.context': 'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations/$entity',
  id: ID,
  deletedDateTime: null,
  displayName: 'DoorCamera_Model_X_TrustedCAs',
  tlsClientAuthParameter: 'tls_client_auth_subject_dn',
  certificateAuthorities: cas.map(([c, isRoot]) => ({
    isRootAuthority: isRoot,
    certificateRevocationListUrl: null,
    deltaCertificateRevocationListUrl: null,
    certificate: c.base64,
    issuer: c.issuer,
    issuerSki: 'X',
  })),
  ...extra,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ca-preflight-update-'));
  [root, inter] = (await buildHierarchy({ depth: 2, namePrefix: 'Cli', notBefore, notAfter })) as [BuiltCertificate, BuiltCertificate];
  [newRoot, newInter] = (await buildHierarchy({ depth: 2, namePrefix: 'Cli New', notBefore, notAfter })) as [
    BuiltCertificate,
    BuiltCertificate,
  ];
  expired = await buildCertificate({
    subject: 'CN=Cli Expired Root',
    key: await generateKeyPair('P-256'),
    notBefore: new Date('2015-01-01T00:00:00Z'),
    notAfter: new Date('2025-01-01T00:00:00Z'),
  });
  const write = (name: string, v: unknown) => writeFileSync(file(name), typeof v === 'string' ? v : JSON.stringify(v, null, 2));
  write(
    'get.json',
    getResponse([
      [root, true],
      [inter, false],
    ]),
  );
  write('get-no-id.json', { ...getResponse([[root, true]]), id: undefined });
  write('get-expired.json', getResponse([[expired, true]]));
  write('drop-inter.json', { certificateAuthorities: [{ certificate: root.base64, isRootAuthority: true }] });
  write('rename.json', { displayName: 'THIS_IS_A_NEW_NAME' });
  write('bad-cert.json', {
    certificateAuthorities: [
      { certificate: root.base64, isRootAuthority: true },
      { certificate: inter.base64, isRootAuthority: false },
      { certificate: 'Binary', isRootAuthority: true },
    ],
  });
  write('not-a-list.json', { certificateAuthorities: { certificate: root.base64 } });
  write('broken.json', '{"displayName": ');
  write('new-root.pem', newRoot.pem);
  writeFileSync(file('new-inter.cer'), newInter.der);
  write('new-root.b64', newRoot.base64.replace(/(.{64})/g, '$1\n'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ca-preflight diff', () => {
  it('exits 0 with no change, 1 with a difference, in text and json', async () => {
    const same = await run('diff', file('get.json'), file('get.json'));
    expect(same.code).toBe(0);
    expect(same.out).toContain('= no change (0 added, 0 removed, 0 changed, 2 unchanged; displayName unchanged)');
    const text = await run('diff', file('get.json'), file('drop-inter.json'));
    expect(text.code).toBe(1);
    expect(text.out).toContain(`- removed  current #1  CN=Cli Intermediate CA 1,O=Cli,C=US`);
    expect(text.out).toContain('intermediate, valid 2025-01-01T00:00:00Z – 2040-01-01T00:00:00Z');
    const json = await run('diff', file('get.json'), file('rename.json'), '--format', 'json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toEqual({
      displayName: { from: 'DoorCamera_Model_X_TrustedCAs', to: 'THIS_IS_A_NEW_NAME' },
      added: [],
      removed: [],
      changed: [],
      unchanged: [
        { thumbprint: sha256(root), subject: 'CN=Cli Root CA,O=Cli,C=US', isRootAuthority: true, index: 0 },
        { thumbprint: sha256(inter), subject: 'CN=Cli Intermediate CA 1,O=Cli,C=US', isRootAuthority: false, index: 1 },
      ],
    });
  });

  it('exits 2 for trouble: missing file, bad JSON, a list that is not an array, bad usage', async () => {
    for (const argv of [
      ['diff', file('nope.json'), file('get.json')],
      ['diff', file('get.json'), file('broken.json')],
      ['diff', file('get.json'), file('not-a-list.json')],
      ['diff', file('get.json')],
      ['diff', file('get.json'), file('get.json'), '--format', 'sarif'],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
    }
    expect((await run('diff', file('get.json'), file('not-a-list.json'))).err).toContain('desired.certificateAuthorities must be an array');
  });
});

describe('ca-preflight patch', () => {
  it('adds a root: the request on stdout, the permission on stderr', async () => {
    const r = await run('patch', file('get.json'), '--add', file('new-root.pem'));
    expect(r.code).toBe(0);
    const request = JSON.parse(r.out);
    expect(request.method).toBe('PATCH');
    expect(request.url).toBe(`https://graph.microsoft.com/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/${ID}`);
    expect(request.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(request.body.certificateAuthorities.map((e: { certificate: string }) => e.certificate)).toEqual([
      root.base64,
      inter.base64,
      newRoot.base64,
    ]);
    expect(request.body.certificateAuthorities[2].isRootAuthority).toBe(true);
    expect(JSON.stringify(request.body)).not.toMatch(/"(id|issuer|issuerSki|tlsClientAuthParameter|@odata\.[a-z]+)"/);
    expect(r.err).toContain('MutualTlsOauthConfiguration.ReadWrite.All');
    expect(r.err).toContain('≠ 1 added, 0 removed, 0 changed, 2 unchanged');
  });

  it('applies --root/--intermediate/--crl to the --add before them, from PEM, DER and base64 files', async () => {
    const r = await run(
      'patch',
      file('get.json'),
      '--add',
      file('new-root.b64'),
      '--crl',
      'http://pki.example/new-root.crl',
      '--add',
      file('new-inter.cer'),
      '--intermediate',
    );
    expect(r.code, r.err).toBe(0);
    const added = JSON.parse(r.out).body.certificateAuthorities.slice(2);
    expect(added).toEqual([
      {
        certificate: newRoot.base64,
        isRootAuthority: true,
        certificateRevocationListUrl: 'http://pki.example/new-root.crl',
        deltaCertificateRevocationListUrl: null,
      },
      { certificate: newInter.base64, isRootAuthority: false, certificateRevocationListUrl: null, deltaCertificateRevocationListUrl: null },
    ]);
    for (const argv of [
      ['--crl', 'http://x.example/a.crl', '--add', file('new-root.pem')],
      ['--add', file('new-root.pem'), '--root', '--intermediate'],
      ['--add', file('missing.pem')],
      ['--add', file('get.json')],
    ]) {
      const bad = await run('patch', file('get.json'), ...argv);
      expect(bad.code, argv.join(' ')).toBe(2);
      expect(bad.out).toBe('');
    }
  });

  it('refuses a silent removal: exit 1, nothing on stdout, each CA named on stderr', async () => {
    const r = await run('patch', file('get.json'), file('drop-inter.json'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('refused: nothing to send');
    expect(r.err).toContain(`CN=Cli Intermediate CA 1,O=Cli,C=US (SHA-256 ${sha256(inter)})`);
    expect(r.err).toContain('--allow-removal');
  });

  it('removes a CA named by thumbprint only with --allow-removal', async () => {
    const colons = sha256(inter).toUpperCase().match(/../g)!.join(':');
    const refused = await run('patch', file('get.json'), '--remove', colons);
    expect([refused.code, refused.out]).toEqual([1, '']);
    const allowed = await run('patch', file('get.json'), '--remove', colons, '--allow-removal');
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.out).body.certificateAuthorities).toHaveLength(1);
    expect(allowed.err).toContain('warning update.removes-cas /certificateAuthorities');
    const none = await run('patch', file('get.json'), '--remove', sha256(newRoot), '--allow-removal');
    expect([none.code, none.out]).toEqual([2, '']);
    expect(none.err).toContain(`remove "${sha256(newRoot)}" matches none of the 2 CAs in the list`);
  });

  it('renames only: the body holds only displayName', async () => {
    for (const argv of [[file('rename.json')], ['--display-name', 'THIS_IS_A_NEW_NAME']]) {
      const r = await run('patch', file('get.json'), ...argv);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).body).toEqual({ displayName: 'THIS_IS_A_NEW_NAME' });
    }
  });

  it('refuses a desired body with a bad certificate, printing the findings as check does', async () => {
    const r = await run('patch', file('get.json'), file('bad-cert.json'));
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(
      "Graph would answer 400 \"Invalid value specified for property 'certificate' of resource 'CertificateAuthorityInformation'.\"",
    );
    expect(r.err).toContain('certificate.not-x509');
    expect(r.err).toContain('/certificateAuthorities/2/certificate');
    expect(r.err).toContain('the server would answer 400 Request_BadRequest');
  });

  it('refuses adding a CA while a kept one is expired', async () => {
    const r = await run('patch', file('get-expired.json'), '--add', file('new-root.pem'), '--at', '2026-06-01');
    expect([r.code, r.out]).toEqual([1, '']);
    expect(r.err).toContain('update.adds-while-expired');
  });

  it('prints nothing and exits 0 when nothing changes', async () => {
    const r = await run('patch', file('get.json'), file('get.json'));
    expect(r).toMatchObject({ code: 0, out: '' });
    expect(r.err).toContain('no change');
  });

  it('takes the id from current or --id, the cloud from --cloud, and prints http and curl forms', async () => {
    const noId = await run('patch', file('get-no-id.json'), '--display-name', 'x');
    expect([noId.code, noId.out]).toEqual([2, '']);
    expect(noId.err).toContain('--id');
    const refused = await run('patch', file('get-no-id.json'), '--display-name', 'x', '--id', 'abc', '--cloud', 'usgov');
    expect([refused.code, refused.out]).toEqual([1, '']);
    expect(refused.err).toMatch(/✗ Microsoft does not document this API as available in US Government L4: its availability table reads/);
    expect(refused.err).toContain('--allow-undocumented-cloud');
    const withId = await run(
      'patch',
      ...[file('get-no-id.json'), '--display-name', 'x', '--id', 'abc', '--cloud', 'usgov', '--allow-undocumented-cloud'],
    );
    expect(withId.err).toMatch(/^note: the request is for US Government L4, where Microsoft does not document this API as available/m);
    expect(JSON.parse(withId.out).url).toBe(
      'https://graph.microsoft.us/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/abc',
    );
    expect((await run('patch', file('get.json'), '--display-name', 'x', '--cloud', 'mars')).code).toBe(2);
    const http = await run('patch', file('get.json'), '--display-name', 'x', '--format', 'http');
    expect(http.out.split('\n').slice(0, 2)).toEqual([
      '# Needs MutualTlsOauthConfiguration.ReadWrite.All (delegated work or school account, or application).',
      `PATCH https://graph.microsoft.com/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/${ID}`,
    ]);
    const curl = await run(
      'patch',
      file('get.json'),
      '--display-name',
      'x',
      '--format',
      'curl',
      '--cloud',
      'china',
      '--allow-undocumented-cloud',
    );
    expect(curl.out).toContain(
      `curl --fail-with-body --request PATCH 'https://microsoftgraph.chinacloudapi.cn/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/${ID}'`,
    );
    expect(curl.out).toContain('"Authorization: Bearer $TOKEN"');
  });

  it('exits 2 for usage trouble and prints help with 0', async () => {
    expect((await run('patch')).code).toBe(2);
    expect((await run('patch', file('get.json'))).code).toBe(2);
    expect((await run('patch', file('get.json'), '--frobnicate')).code).toBe(2);
    expect((await run('patch', file('broken.json'), '--display-name', 'x')).code).toBe(2);
    writeFileSync(file('array.json'), '[]');
    const array = await run('patch', file('get.json'), file('array.json'));
    expect([array.code, array.out]).toEqual([2, '']);
    expect(array.err).toContain('is a JSON array');
    const help = await run('patch', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('--allow-removal');
    expect((await run('--help')).out).toMatch(/diff .*\n.*patch /);
  });
});

/**
 * docs/update.md shows real output: each `$ ca-preflight …` line in a console block is run from the repository root
 * (a trailing `| head -n N` keeps N lines of standard output) and must print exactly what follows it;
 * `$ echo $?` prints the previous exit status.
 */
describe('docs/update.md', () => {
  // The apply sessions need a running serve: test/docs-apply.test.ts runs them.
  const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'update.md'), 'utf8').replace(
    /^<!-- apply-session: [\s\S]*?^<!-- apply-session end -->$/gm,
    '',
  );
  const blocks = [...doc.matchAll(/```console\n([\s\S]*?)```/g)].map((m) => m[1]!);

  const words = (line: string): string[] => [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);

  it('has console examples', () => expect(blocks.length).toBeGreaterThan(4));

  it.each(blocks.map((b, i) => [i + 1, b] as const))('console block %i matches the CLI', async (_i, block) => {
    const lines = block.replace(/\n$/, '').split('\n');
    let last = 0;
    let actual = '';
    for (const line of lines) {
      if (!line.startsWith('$ ')) continue;
      actual += `${line}\n`;
      const command = line.slice(2);
      if (command === 'echo $?') {
        actual += `${last}\n`;
        continue;
      }
      const head = /\s*\|\s*head -n (\d+)$/.exec(command);
      const argv = words(head ? command.slice(0, head.index) : command);
      expect(argv[0]).toBe('ca-preflight');
      const r = await runCli(argv.slice(1));
      last = r.code;
      const out = r.stdout;
      let both = r.both;
      if (head) both = both.replace(out, `${out.split('\n').slice(0, Number(head[1])).join('\n')}\n`);
      actual += both;
    }
    expect(actual).toBe(`${lines.join('\n')}\n`);
  });
});
