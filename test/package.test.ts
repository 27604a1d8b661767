/**
 * The package as a consumer gets it: `npm pack`, the tarball installed into a scratch project, then imported from ESM,
 * required from CommonJS, type-checked by TypeScript consumers under node16, bundler and node10 resolution, and run
 * through `npx ca-preflight`. The tarball is held to a budget. Needs `npm run build` first (`npm ci` runs it).
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };

/** Packed size the package must stay under (kB as npm counts them: 1000 bytes). */
// 500: the command line ships as one bundled file (dist/cli/ca-preflight.bundle.cjs, ~75 kB packed) so that it starts fast;
// without it the package is ~404 kB. 580: the CRL checks (reader, analysis, 22 rules and their messages in two
// languages, the CLI's downloads, the CRL builder the arbitraries use) add ~70 kB packed, shipped three times: as ESM
// for node, in the browser build (an on-demand chunk for the reader) and in the CLI bundle. 630: ca-preflight/apply and
// the get, plan and apply commands (in dist/ and in the bundle) add ~45 kB. 680: the decoder that checks X.690 and
// RFC 5280 in full adds ~45 kB packed (its modules, and the same code in the browser and CLI bundles).
// 720: the device check (path, revocation, identity, its findings in two languages) adds ~35 kB packed, shipped the
// same three ways.
const PACKED_BUDGET_KB = 720;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}): Run {
  // No shell: node and npm's own script are started directly, so this also runs on Windows.
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, ...options });
  return { status: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/** npm itself: the npm-cli.js that runs this test when there is one (`npm test`), else `npm` from PATH. */
function npm(args: string[], cwd: string): Run {
  const cli = process.env.npm_execpath;
  const r = cli && /\.[cm]?js$/.test(cli) ? run(process.execPath, [cli, ...args], { cwd }) : run('npm', args, { cwd });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}):\n${r.stderr || r.stdout}`);
  return r;
}

/** The project's own TypeScript (7), for node16 and bundler resolution. */
const tsc7 = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number }[];
}

describe('the packed package, installed into a scratch project', () => {
  let dir: string;
  let consumer: string;
  let packed: PackResult;
  /** TypeScript 7 no longer has node10 resolution: the node10 consumer is checked with TypeScript 5.9, as its users have it. */
  let tsc5: string;

  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'index.js')) || !existsSync(join(root, 'dist', 'browser', 'ca-preflight.js'))) {
      throw new Error('dist/ is missing: run "npm run build" first (npm ci runs it)');
    }
    dir = mkdtempSync(join(tmpdir(), 'ca-preflight-package-'));
    packed = (JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], root).stdout) as PackResult[])[0]!;
    consumer = join(dir, 'consumer');
    run(process.execPath, ['-e', `require('fs').mkdirSync(${JSON.stringify(consumer)})`]);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    npm(
      [
        'install',
        join(dir, packed.filename),
        'fast-check',
        '@types/node@20',
        'typescript@~5.9.3',
        '--no-audit',
        '--no-fund',
        '--prefer-offline',
        '--ignore-scripts',
      ],
      consumer,
    );
    tsc5 = join(consumer, 'node_modules', 'typescript', 'bin', 'tsc');
    const size = (n: number) => `${(n / 1000).toFixed(1)} kB`;
    process.stdout.write(
      `package: ${packed.filename} ${size(packed.size)} packed, ${size(packed.unpackedSize)} unpacked, ${packed.entryCount} files ` +
        `(budget ${PACKED_BUDGET_KB} kB packed)\n`,
    );
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`ships only what a consumer runs, under ${PACKED_BUDGET_KB} kB packed`, () => {
    expect(packed.size / 1000).toBeLessThan(PACKED_BUDGET_KB);
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain('LICENSE');
    expect(paths).toContain('README.md');
    expect(paths).toContain('dist/index.js');
    expect(paths).toContain('dist/index.d.ts');
    expect(paths).toContain('dist/browser/ca-preflight.js');
    expect(paths).toContain('dist/browser/pkcs7.js'); // what ca-preflight.js imports when it reads a .p7b
    // The executable and the bundle it loads; the command line's unbundled modules stay out.
    expect(paths).toEqual(expect.arrayContaining(['dist/cli/bin.cjs', 'dist/cli/ca-preflight.bundle.cjs', 'dist/cli/pkcs7.bundle.cjs']));
    expect(paths.filter((p) => p.startsWith('dist/cli/') && !/^dist\/cli\/(bin|[\w-]+\.bundle)\.cjs$/.test(p))).toEqual([]);
    // Source maps would point at ../src files the package does not ship; the page is served from the repository.
    expect(paths.filter((p) => p.endsWith('.map'))).toEqual([]);
    expect(paths.filter((p) => /^dist\/browser\/(web\.js|web-pkcs7\.js|index\.html|styles\.css)$/.test(p))).toEqual([]);
    expect(paths.filter((p) => !p.startsWith('dist/') && !['LICENSE', 'README.md', 'package.json'].includes(p))).toEqual([]);
  });

  it('installs without @peculiar/webcrypto (an optional peer: node and browsers have WebCrypto)', () => {
    expect(existsSync(join(consumer, 'node_modules', 'ca-preflight', 'package.json'))).toBe(true);
    expect(existsSync(join(consumer, 'node_modules', '@peculiar', 'webcrypto'))).toBe(false);
  });

  const body = JSON.stringify({ displayName: 'x', certificateAuthorities: [{ certificate: 'Binary', isRootAuthority: true }] });
  const expected = "false Invalid value specified for property 'certificate' of resource 'CertificateAuthorityInformation'.";

  it('imports from ESM', () => {
    const script = `import { preflight } from 'ca-preflight';
const r = await preflight(${JSON.stringify(body)});
console.log(r.ok, r.graphError.body.error.message);`;
    const r = run(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(expected);
  });

  it('requires from CommonJS, the main entry, ca-preflight/arbitraries and ca-preflight/apply', () => {
    const script = `const { preflight } = require('ca-preflight');
const { createArbitraries } = require('ca-preflight/arbitraries');
const { applyPlan } = require('ca-preflight/apply');
preflight(${JSON.stringify(body)}).then((r) => console.log(r.ok, r.graphError.body.error.message, typeof createArbitraries, typeof applyPlan));`;
    const r = run(process.execPath, ['--input-type=commonjs', '-e', script], { cwd: consumer });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`${expected} function function`);
  });

  it('applies a plan from ESM through ca-preflight/apply, with the simulator as fetch', () => {
    const script = `import { createGraphHandler } from 'ca-preflight/simulator';
import { applyPlan, createPlan } from 'ca-preflight/apply';
const resource = { id: 'c1', displayName: 'before', tlsClientAuthParameter: 'tls_client_auth_subject_dn', certificateAuthorities: [] };
const planned = await createPlan(resource, [{ op: 'rename', displayName: 'after' }]);
const graph = createGraphHandler([resource]);
const r = await applyPlan(planned.plan, { fetch: graph });
console.log(r.outcome, graph.resources()[0].displayName);`;
    const r = run(process.execPath, ['--input-type=module', '-e', script], { cwd: consumer });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('verified after');
  });

  it('serves the simulator from ca-preflight/simulator, to import and to require', () => {
    const call = `graph('https://graph.microsoft.com/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/$count').then((r) => r.text()).then((t) => console.log(t, typeof parseFaults))`;
    const resource = JSON.stringify({
      id: 'a',
      displayName: 'x',
      tlsClientAuthParameter: 'tls_client_auth_san_dns',
      certificateAuthorities: [],
    });
    const esm = run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createGraphHandler, parseFaults } from 'ca-preflight/simulator';\nconst graph = createGraphHandler([${resource}]);\n${call};`,
      ],
      { cwd: consumer },
    );
    expect(esm.status, esm.stderr).toBe(0);
    expect(esm.stdout.trim()).toBe('1 function');
    const cjs = run(
      process.execPath,
      [
        '--input-type=commonjs',
        '-e',
        `const { createGraphHandler, parseFaults } = require('ca-preflight/simulator');\nconst graph = createGraphHandler([${resource}]);\n${call};`,
      ],
      { cwd: consumer },
    );
    expect(cjs.status, cjs.stderr).toBe(0);
    expect(cjs.stdout.trim()).toBe('1 function');
  });

  const typecheck = (tsc: string, name: string, compilerOptions: Record<string, unknown>, source: string): Run => {
    writeFileSync(join(consumer, `${name}.ts`), source);
    const config = `tsconfig.${name}.json`;
    writeFileSync(
      join(consumer, config),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          lib: ['es2022'],
          types: ['node'],
          skipLibCheck: false,
          ...compilerOptions,
        },
        files: [`${name}.ts`],
      }),
    );
    return run(process.execPath, [tsc, '-p', config], { cwd: consumer });
  };

  const esmConsumer = `import { preflight, inspectCertificate, checkDevice, type Report, type WebCrypto } from 'ca-preflight';
import { createArbitraries, deviceCaseKinds, type CaPreflightArbitraries, type CrlCase, type DeviceCase, type DeviceCaseKind } from 'ca-preflight/arbitraries';
import { applyPlan, createPlan, type ApplyResult } from 'ca-preflight/apply';
const crypto: WebCrypto = globalThis.crypto;
const report: Report = await preflight('{}', { crypto, at: new Date() });
const arbitraries: CaPreflightArbitraries = await createArbitraries({ poolSize: 1 });
const planned = await createPlan({ id: 'c1', certificateAuthorities: [] }, [{ op: 'rename', displayName: 'x' }], { crypto });
const applied: ApplyResult | null = planned.ok && planned.plan ? await applyPlan(planned.plan, { token: () => 'tok', crypto }) : null;
const crlHolds = async (m: CrlCase) => (await preflight(m.body, { crls: m.crls, at: arbitraries.at })).findings.some((f) => f.rule === m.expected.rule);
const deviceHolds = async (m: DeviceCase) => {
  const parameter = m.tlsClientAuthParameter ? { tlsClientAuthParameter: m.tlsClientAuthParameter } : {};
  const result = await checkDevice(m.device, m.configuration, { crls: m.crls, at: arbitraries.at, ...parameter });
  return result.authenticates === m.expected.authenticates && result.failures.every((f) => f.code === m.expected.code);
};
const revoked: DeviceCaseKind = 'device-revoked';
export const used = [report.ok, arbitraries.validBody, inspectCertificate, applied?.outcome, crlHolds, deviceHolds, arbitraries.deviceMutation(revoked), deviceCaseKinds];
`;

  it('type-checks for a TypeScript consumer under node16 resolution, with node types only (no DOM library)', () => {
    const r = typecheck(tsc7, 'node16', { module: 'node16', moduleResolution: 'node16' }, esmConsumer);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('type-checks under bundler resolution, with the DOM library and no node types', () => {
    const r = typecheck(tsc7, 'bundler', { module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], types: [] }, esmConsumer);
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('type-checks under node10 resolution (main/types, and typesVersions for the subpath)', () => {
    const main = typecheck(
      tsc5,
      'node10',
      { module: 'commonjs', moduleResolution: 'node10' },
      `import { preflight, type Report } from 'ca-preflight';
export async function ok(): Promise<boolean> { const r: Report = await preflight('{}'); return r.ok; }
`,
    );
    expect(main.stdout + main.stderr).toBe('');
    // fast-check's own declarations need node16 or bundler resolution: only ca-preflight's are checked here.
    const subpath = typecheck(
      tsc5,
      'node10-arbitraries',
      { module: 'commonjs', moduleResolution: 'node10', skipLibCheck: true },
      `import { createArbitraries, type CaPreflightArbitraries } from 'ca-preflight/arbitraries';
export function pool(): Promise<CaPreflightArbitraries> { return createArbitraries({ poolSize: 1 }); }
`,
    );
    expect(subpath.stdout + subpath.stderr).toBe('');
    const apply = typecheck(
      tsc5,
      'node10-apply',
      { module: 'commonjs', moduleResolution: 'node10', lib: ['es2022', 'dom'] },
      `import { readPlan, type PlanReading } from 'ca-preflight/apply';
export function read(text: string): Promise<PlanReading> { return readPlan(text); }
`,
    );
    expect(apply.stdout + apply.stderr).toBe('');
  });

  it('runs the CLI through npx ca-preflight', () => {
    const version = npm(['exec', '--no', '--', 'ca-preflight', '--version'], consumer);
    expect(version.stdout.trim()).toBe(pkg.version);
    writeFileSync(join(consumer, 'body.json'), body);
    const cli = process.env.npm_execpath;
    const args = ['exec', '--no', '--', 'ca-preflight', 'check', 'body.json', '--format', 'json'];
    const check =
      cli && /\.[cm]?js$/.test(cli) ? run(process.execPath, [cli, ...args], { cwd: consumer }) : run('npm', args, { cwd: consumer });
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout).graphError.status).toBe(400);
  });
});
