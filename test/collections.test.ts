/**
 * A collection GET (`GET …/mutualTlsOauthConfigurations`) where one configuration is meant — as the body, as `current`, for
 * diff and patch, in the library and the CLI: one configuration is used, several need an id, and the ids present are named.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPatchRequest, diffConfigurations, preflight } from '../src/index.js';
import { buildHierarchy, type BuiltCertificate } from '../src/testing/builder.js';
import { runCli } from './helpers/cli.js';

const AT = '2026-06-01T00:00:00Z';
const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
let root: BuiltCertificate;
let inter: BuiltCertificate;
let dir: string;
let configA: Record<string, unknown>;
let configB: Record<string, unknown>;
const file = (name: string) => join(dir, name);
const collection = (...configs: unknown[]) => ({
  '@odata.context': 'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations',
  value: configs,
});
const entry = (c: BuiltCertificate, isRootAuthority: boolean) => ({
  certificate: c.base64,
  isRootAuthority,
  certificateRevocationListUrl: null,
  deltaCertificateRevocationListUrl: null,
});
/** Drops the intermediate: what `--current` must catch as a removal. */
let dropping: string;

beforeAll(async () => {
  [root, inter] = (await buildHierarchy({
    depth: 2,
    namePrefix: 'Collection',
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2040-01-01T00:00:00Z'),
  })) as [BuiltCertificate, BuiltCertificate];
  configA = {
    id: A,
    displayName: 'A',
    tlsClientAuthParameter: 'tls_client_auth_subject_dn',
    certificateAuthorities: [entry(root, true), entry(inter, false)],
  };
  configB = { id: B, displayName: 'B', tlsClientAuthParameter: 'tls_client_auth_subject_dn', certificateAuthorities: [entry(root, true)] };
  dropping = JSON.stringify({ certificateAuthorities: [entry(root, true)] });
  dir = mkdtempSync(join(tmpdir(), 'ca-preflight-collections-'));
  writeFileSync(file('one.json'), JSON.stringify(collection(configA), null, 2));
  writeFileSync(file('two.json'), JSON.stringify(collection(configA, configB), null, 2));
  writeFileSync(file('a.json'), JSON.stringify(configA));
  writeFileSync(
    file('two-bad.json'),
    JSON.stringify(collection(configA, { ...configB, certificateAuthorities: [entry(inter, true)] }), null, 2),
  );
  writeFileSync(file('dropping.json'), dropping);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rules = (r: { findings: { rule: string }[] }) => r.findings.map((f) => f.rule);

describe('the library', () => {
  it('takes the one configuration of a collection as current: the removal is reported', async () => {
    const report = await preflight(dropping, { at: AT, current: collection(configA) });
    expect(rules(report)).toContain('update.removes-cas');
    // As text too, and the same as with the configuration itself.
    expect(await preflight(dropping, { at: AT, current: JSON.stringify(collection(configA)) })).toEqual(
      await preflight(dropping, { at: AT, current: configA, clientRequestId: undefined }),
    );
  });

  it('needs an id for a collection of several, names the ids present, and refuses an id that is not there', async () => {
    await expect(preflight(dropping, { at: AT, current: collection(configA, configB) })).rejects.toThrow(
      `options.current is a collection response with 2 configurations; choose one with the id option (--id) (ids: ${A}, ${B})`,
    );
    expect(rules(await preflight(dropping, { at: AT, current: collection(configA, configB), id: A }))).toContain('update.removes-cas');
    expect(rules(await preflight(dropping, { at: AT, current: collection(configA, configB), id: B }))).not.toContain('update.removes-cas');
    await expect(preflight(dropping, { at: AT, current: collection(configA, configB), id: 'nope' })).rejects.toThrow(
      `without a configuration whose id is "nope" (ids: ${A}, ${B})`,
    );
    await expect(preflight(dropping, { at: AT, current: configA, id: B })).rejects.toThrow(
      `the id given ("${B}") is not that of options.current, the configuration "${A}"`,
    );
  });

  it('checks the configuration a collection body holds, in place: paths under /value/<k>, positions in the text', async () => {
    const text = JSON.stringify(collection(configB, { ...configA, certificateAuthorities: [entry(inter, true)] }), null, 2);
    const report = await preflight(text, { at: AT, id: A });
    expect(report.findings.map((f) => [f.rule, f.path])).toEqual([
      ['body.collection-response', '/value/1'],
      ['body.read-only-property', '/value/1/id'],
      ['body.read-only-property', '/value/1/tlsClientAuthParameter'],
      ['chain.issuer-missing', '/value/1/certificateAuthorities/0'],
      ['flag.root-not-self-signed', '/value/1/certificateAuthorities/0/isRootAuthority'],
    ]);
    const lines = text.split('\n');
    for (const f of report.findings) expect(lines[f.line! - 1]!.slice(f.column! - 1)).toMatch(/^[{"t]/);
    expect(report.findings[0]!.message).toContain(`the configuration "${A}" it holds (value/1)`);
    expect(report.graphError?.body.error.message).toBe("Invalid property 'value'.");
    // Several and no id: only the choice is reported, nothing is checked.
    const unchosen = await preflight(text, { at: AT });
    expect(unchosen.findings.filter((f) => f.rule === 'body.collection-response').map((f) => f.message)).toEqual([
      `The body is a collection response with 2 configurations (${B}, ${A}) and none was chosen, so no trust list was checked.`,
    ]);
    expect(rules(unchosen)).not.toContain('chain.issuer-missing');
  });

  it('diffs and patches against a collection, choosing by id', async () => {
    await expect(diffConfigurations(collection(configA, configB), dropping)).rejects.toThrow(/choose one with --id .*\(ids: /);
    const diff = await diffConfigurations(collection(configA, configB), dropping, { id: A });
    expect(diff.removed.map((e) => e.subject)).toEqual(['CN=Collection Intermediate CA 1,O=Collection,C=US']);
    const refused = await buildPatchRequest(collection(configA, configB), dropping, { at: AT, id: A });
    expect(!refused.ok && refused.refusal.reasons.map((r) => r.kind)).toEqual(['removal']);
    const built = await buildPatchRequest(collection(configA), { displayName: 'renamed' }, { at: AT });
    expect(built.ok && built.request?.url).toMatch(new RegExp(`/mutualTlsOauthConfigurations/${A}$`));
  });
});

describe('the CLI', () => {
  it('check --current takes a collection of one; of several it needs --id and names the ids (exit 2)', async () => {
    const one = await runCli(['check', file('dropping.json'), '--current', file('one.json'), '--at', AT, '--format', 'json']);
    expect(rules(JSON.parse(one.stdout))).toContain('update.removes-cas');
    const two = await runCli(['check', file('dropping.json'), '--current', file('two.json'), '--at', AT]);
    expect([two.code, two.stdout]).toEqual([2, '']);
    expect(two.stderr).toBe(
      `ca-preflight: check: the current resource "${file('two.json')}" is a collection response with 2 configurations; choose one with --id (ids: ${A}, ${B})\n`,
    );
    const chosen = await runCli(['check', file('dropping.json'), '--current', file('two.json'), '--id', A, '--at', AT, '--format', 'json']);
    expect(rules(JSON.parse(chosen.stdout))).toContain('update.removes-cas');
    const wrong = await runCli(['check', file('dropping.json'), '--current', file('a.json'), '--id', B, '--at', AT]);
    expect([wrong.code, wrong.stderr]).toEqual([
      2,
      `ca-preflight: check: the id given ("${B}") is not that of options.current, the configuration "${A}"\n`,
    ]);
  });

  it('check takes a collection as the body, with --id for several', async () => {
    const two = await runCli(['check', file('two.json'), '--at', AT]);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/the body ".*two\.json" is a collection response with 2 configurations; choose one with --id \(ids: /);
    const r = await runCli(['check', file('two-bad.json'), '--id', B, '--at', AT]);
    expect(r.code).toBe(1);
    // Grouped by CA as for any body, the paths as they are in the file.
    expect(r.stdout).toMatch(
      /CA #0 {2}CN=Collection Intermediate CA 1,O=Collection,C=US {2}\[root\]\n(?:.*\n)*? +error +flag\.root-not-self-signed +\/value\/1\/certificateAuthorities\/0\/isRootAuthority \(\d+:\d+\)/,
    );
    expect(r.stdout).toMatch(/body\.collection-response +\/value\/1 \(\d+:\d+\)/);
  });

  it('diff --id chooses in a collection; without it, the ids are named (exit 2)', async () => {
    const without = await runCli(['diff', file('two.json'), file('dropping.json')]);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain(`choose one with --id (in the library, the id option) (ids: ${A}, ${B})`);
    const r = await runCli(['diff', file('two.json'), file('dropping.json'), '--id', A, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).removed).toHaveLength(1);
    expect((await runCli(['diff', file('two.json'), file('dropping.json'), '--id', B])).code).toBe(0);
  });

  it('patch --id chooses in a collection', async () => {
    const r = await runCli(['patch', file('two.json'), '--display-name', 'x', '--id', B, '--at', AT]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).url).toMatch(new RegExp(`/${B}$`));
  });
});
