import { artifactUri } from '../src/report/sarif.js';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, spawnCli } from './helpers/cli.js';
import { describeRules, rules } from '../src/rules/registry.js';

const valid = 'examples/valid-body.json';
const example2 = 'examples/example2-request.json';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ca-preflight-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ca-preflight check', () => {
  it('exits 0 on a clean body and 1 on errors, with a one-line summary', async () => {
    const ok = await runCli(['check', valid]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/✓ no findings; the server would accept this body \(200 OK\)/);
    const bad = await runCli(['check', example2]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/✗ 2 errors.*400 Request_BadRequest: Invalid property 'issuerSubjectkeyIdentifier'\./);
    expect(bad.stdout).toMatch(/\/certificateAuthorities\/0\/certificate \(7:22\)/);
  });

  it('prints the Report as JSON with line and column, and a client-request-id when given', async () => {
    const r = await runCli(['check', example2, '--format', 'json', '--at', '2026-11-21T10:00:00Z', '--client-request-id', 'abc']);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.findings.map((f: { rule: string }) => f.rule)).toEqual(['certificate.not-x509', 'entry.unknown-property']);
    expect(report.graphError.body.error.innerError).toEqual({
      date: '2026-11-21T10:00:00',
      'request-id': 'abc',
      'client-request-id': 'abc',
    });
    expect(report.findings[1]).toMatchObject({ line: 9, column: 37, path: '/certificateAuthorities/0/issuerSubjectkeyIdentifier' });
  });

  it('prints SARIF 2.1.0 with regions in the checked file', async () => {
    const r = await runCli(['check', example2, '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results;
    expect(results[0].locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: example2 },
      region: { startLine: 7, startColumn: 22 },
    });
    expect(sarif.runs[0].tool.driver.rules).toHaveLength(describeRules().length);
    expect(results[0].ruleIndex).toBe(rules.findIndex((x) => x.id === results[0].ruleId));
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(sarif.runs[0].tool.driver.informationUri).toBe(pkg.homepage.replace(/#.*$/, ''));
    expect(pkg.repository.url).toContain(sarif.runs[0].tool.driver.informationUri.replace(/^https:\/\//, ''));
  });

  it('names the checked file in SARIF as a relative URI reference: forward slashes, percent-encoded', () => {
    expect(artifactUri('examples/valid-body.json')).toBe('examples/valid-body.json');
    expect(artifactUri('examples\\update\\my body #1.json')).toBe('examples/update/my%20body%20%231.json');
    expect(artifactUri('./café/ü.json')).toBe('caf%C3%A9/%C3%BC.json');
    expect(artifactUri('C:\\Users\\admin\\trust list.json')).toBe('file:///C:/Users/admin/trust%20list.json');
    expect(artifactUri('\\\\server\\share\\b.json')).toBe('file://server/share/b.json');
    expect(artifactUri('/srv/ca/b.json')).toBe('file:///srv/ca/b.json');
    expect(artifactUri('a:b.json')).toBe('./a:b.json');
    for (const uri of ['examples/update/my%20body%20%231.json', 'file:///C:/Users/admin/trust%20list.json'])
      expect(() => new URL(uri, 'file:///repo/')).not.toThrow();
  });

  it("speaks French with --lang fr but keeps Graph's message verbatim", async () => {
    const r = await runCli(['check', example2, '--lang', 'fr']);
    expect(r.stdout).toMatch(/erreur/);
    expect(r.stdout).toMatch(/Invalid property 'issuerSubjectkeyIdentifier'\./);
  });

  it('reports a body that is not JSON as a finding (exit 1), with its position', async () => {
    const f = join(dir, 'trailing.json');
    writeFileSync(f, '{\n  "displayName": "x",\n}\n');
    const r = await runCli(['check', f, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.findings[0]).toMatchObject({ rule: 'body.not-json', path: '', line: 3 });
    expect(report.graphError.body.error).toMatchObject({
      code: 'BadRequest',
      message: 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    });
  });

  it('uses colour only when asked (a TTY without NO_COLOR)', async () => {
    expect((await runCli(['check', example2], false)).stdout).not.toContain('\x1b[');
    expect((await runCli(['check', example2], true)).stdout).toContain('\x1b[31m');
  });

  it('exits 2 with a clear message for usage and IO trouble', async () => {
    const cases: [string[], RegExp][] = [
      [['check', 'no-such-file.json'], /body file "no-such-file.json" does not exist/],
      [['check'], /give exactly one body file/],
      [['check', valid, '--format', 'xml'], /--format must be one of text, json, sarif/],
      [['check', valid, '--at', 'yesterday'], /--at must be an ISO 8601 date/],
      [['check', valid, '--bogus'], /Unknown option '--bogus'/],
      [['check', valid, '--current', 'nope.json'], /current resource "nope.json" does not exist/],
      [['check', 'examples'], /is a directory/],
      [['frobnicate'], /unknown command "frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('reads standard input and sets real exit codes as a process', () => {
    const body = readFileSync(example2, 'utf8');
    const r = spawnCli(['check', '-', '--format', 'json'], body, { NO_COLOR: '1' });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings).toHaveLength(2);
    expect(spawnCli(['check', valid]).code).toBe(0);
    const missing = spawnCli(['check', 'missing.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });
});

describe('ca-preflight inspect', () => {
  it('prints facts of a PEM file and the entry it would make', async () => {
    const r = await runCli(['inspect', 'examples/contoso-root.pem']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Subject +CN=Contoso IoT Root CA,O=Contoso,L=Redmond,ST=WA,C=US/);
    expect(r.stdout).toMatch(/Subject \(Graph\) +CN=Contoso IoT Root CA, O=Contoso, L=Redmond, S=WA, C=US/);
    expect(r.stdout).toMatch(/Self-signed +yes/);
    const json = JSON.parse((await runCli(['inspect', 'examples/contoso-devices-01.pem', '--format', 'json'])).stdout);
    // The certificate's own CRL distribution point names its issuer's CRL, not the one this CA publishes: no default.
    expect(json.crlDistributionPoints).toEqual(['http://pki.contoso.example/root.crl']);
    expect(json.certificateAuthority).toMatchObject({
      isRootAuthority: false,
      certificateRevocationListUrl: null,
      deltaCertificateRevocationListUrl: null,
    });
    expect(json.subjectKeyIdentifier.value).toMatch(/^[0-9A-F]{40}$/);
  });

  it('accepts DER files and inline base64 alike', async () => {
    const body = JSON.parse(readFileSync(valid, 'utf8'));
    const b64: string = body.certificateAuthorities[0].certificate;
    const der = join(dir, 'root.cer');
    writeFileSync(der, Buffer.from(b64, 'base64'));
    const a = JSON.parse((await runCli(['inspect', der, '--format', 'json'])).stdout);
    const b = JSON.parse((await runCli(['inspect', b64, '--format', 'json'])).stdout);
    expect(a.thumbprints).toEqual(b.thumbprints);
  });

  it('shows the days left at --at (or now): before notBefore, while valid, after notAfter; daysLeft in JSON', async () => {
    // contoso-root.pem is valid from 2025-01-01 to 2045-01-01.
    const line = async (at: string) =>
      /Valid until +(.*)/.exec((await runCli(['inspect', 'examples/contoso-root.pem', '--at', at])).stdout)?.[1];
    expect(await line('2044-12-22T00:00:00Z')).toBe('2045-01-01T00:00:00.000Z (10 days left)');
    expect(await line('2044-12-31T00:00:00Z')).toBe('2045-01-01T00:00:00.000Z (1 day left)');
    expect(await line('2045-01-03T00:00:00Z')).toBe('2045-01-01T00:00:00.000Z (expired 2 days ago)');
    expect(await line('2024-12-31T00:00:00Z')).toBe('2045-01-01T00:00:00.000Z (not valid yet; 7306 days left)');
    const json = JSON.parse((await runCli(['inspect', 'examples/contoso-root.pem', '--at', '2044-12-22', '--format', 'json'])).stdout);
    expect(json.daysLeft).toBe(10);
    const left = () => Math.floor((Date.parse('2045-01-01T00:00:00Z') - Date.now()) / 86_400_000);
    const before = left();
    const now = JSON.parse((await runCli(['inspect', 'examples/contoso-root.pem', '--format', 'json'])).stdout);
    expect([before, left()]).toContain(now.daysLeft); // without --at: now (a day may turn meanwhile)
    const bad = await runCli(['inspect', 'examples/contoso-root.pem', '--at', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/inspect: --at must be an ISO 8601 date/);
  });

  it('exits 2 for input that is not a certificate', async () => {
    const f = join(dir, 'junk.txt');
    writeFileSync(f, 'hello world');
    const r = await runCli(['inspect', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a certificate/);
  });
});

describe('global options', () => {
  it('--list-rules lists every rule with its basis; as JSON too', async () => {
    const text = (await runCli(['--list-rules'])).stdout;
    for (const r of rules) expect(text).toContain(r.id);
    const json = JSON.parse((await runCli(['--list-rules', '--format', 'json'])).stdout);
    expect(json.map((r: { id: string }) => r.id)).toEqual([...rules.map((r) => r.id), 'internal.rule-failed']);
  });

  it('--help, --version and per-command help', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/Commands:[\s\S]*check[\s\S]*inspect/);
    expect((await runCli(['--version'])).stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    const help = await runCli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit status: 0 no errors; 1 errors found/);
    expect((await runCli(['help', 'inspect'])).stdout).toMatch(/Usage: ca-preflight inspect/);
  });
});
