/**
 * The browser build (scripts/build-browser.mjs): ESM with no node: imports or require(), @peculiar/webcrypto left
 * out, a source map, and within the size budget (minified < 320 KiB, gzip -9 < 100 KiB). Prints both sizes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { buildBrowser, refuseNodeImports, type BrowserBuild } from '../scripts/build-browser.mjs';
import { BUDGET, formatSizes, measure } from '../scripts/check-size.mjs';

let dir: string;
let build: BrowserBuild;
let library: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ca-preflight-browser-build-'));
  build = await buildBrowser({ outdir: dir });
  library = await readFile(build.library, 'utf8');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const builtins = builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/[/]/g, '\\/'));
/** A static or dynamic import (or export … from) of a node: module or a node built-in, quoted as a specifier. */
const NODE_IMPORT = new RegExp(`(?:\\bfrom|\\bimport)\\s*\\(?\\s*["'](?:node:[^"']*|(?:${builtins.join('|')})(?:/[^"']*)?)["']`);

describe('browser build', () => {
  it('is ESM with no node: imports and no require()', async () => {
    const page = await readFile(build.page, 'utf8');
    const [pkcs7, pagePkcs7] = await Promise.all(['pkcs7.js', 'web-pkcs7.js'].map((f) => readFile(join(dir, f), 'utf8')));
    for (const [name, text] of [
      ['ca-preflight.js', library],
      ['web.js', page],
      ['pkcs7.js', pkcs7!],
      ['web-pkcs7.js', pagePkcs7!],
    ] as const) {
      expect(text.match(NODE_IMPORT)?.[0] ?? null, `${name} imports a node module`).toBeNull();
      expect(text.includes('require('), `${name} calls require(`).toBe(false);
    }
    expect(library).toMatch(/export\s*\{[^}]*\bpreflight\b[^}]*\}/);
    expect(library).toMatch(/\/\/# sourceMappingURL=ca-preflight\.js\.map\s*$/);
    // The code is split into chunks beside the entry (scripts/build-browser.mjs): their maps name the sources too.
    const sources: string[] = [];
    for (const f of [build.library, ...build.chunks.map((c) => join(dir, c))])
      sources.push(...(JSON.parse(await readFile(`${f}.map`, 'utf8')) as { sources: string[] }).sources);
    expect(sources.some((s) => s.endsWith('src/preflight.ts'))).toBe(true);
    for (const c of build.chunks) {
      const text = await readFile(join(dir, c), 'utf8');
      expect(text.match(NODE_IMPORT)?.[0] ?? null, `${c} imports a node module`).toBeNull();
      expect(text.includes('require('), `${c} calls require(`).toBe(false);
    }
  });

  it('leaves @peculiar/webcrypto out: only a dynamic import, reached when the platform has no WebCrypto', () => {
    expect(Object.keys(build.inputs).filter((f) => f.includes('@peculiar'))).toEqual([]);
    expect(library).not.toMatch(/from\s*["']@peculiar\/webcrypto["']/);
    expect(Object.keys(build.inputs).filter((f) => f.includes('/cli/'))).toEqual([]);
  });

  it('keeps pkijs out of the library and the page: the PKCS#7 reader is loaded beside them, only when a bundle is read', async () => {
    expect(Object.keys(build.inputs).filter((f) => f.includes('pkijs'))).toEqual([]);
    // The reader is imported from the library or from one of its chunks (all beside pkcs7.js, so the path holds).
    const split = await Promise.all([build.library, ...build.chunks.map((c) => join(dir, c))].map((f) => readFile(f, 'utf8')));
    expect(split.some((t) => t.includes('import("./pkcs7.js")'))).toBe(true);
    const pkcs7 = await readFile(join(dir, 'pkcs7.js'), 'utf8');
    expect(pkcs7).toMatch(/export\s*\{[^}]*\breadSignedData\b[^}]*\}/);
    // The library's reader leaves pkijs to the consuming bundler (a dependency of the package): no second copy shipped.
    expect(pkcs7).toMatch(/from\s*"pkijs"/);
    expect(pkcs7.length).toBeLessThan(8 * 1024);
    const page = await readFile(build.page, 'utf8');
    expect(page).toContain('web-pkcs7.js');
    expect(page).not.toContain('EncapsulatedContentInfo'); // pkijs's class names appear only in the reader
    expect(await readFile(join(dir, 'web-pkcs7.js'), 'utf8')).toMatch(/^(?:"use strict";)?var caPreflightPkcs7\s*=/);
    const rows = await measure(dir);
    expect(rows.find((r) => r.file === 'web-pkcs7.js')!.withinBudget).toBe(true);
  });

  it('fails the build on a node: import, naming the importer', async () => {
    const entry = join(dir, 'uses-node.ts');
    await writeFile(entry, "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
    await expect(
      esbuild.build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        platform: 'browser',
        logLevel: 'silent',
        plugins: [refuseNodeImports],
      }),
    ).rejects.toThrow(/"node:fs" is a node built-in and cannot be in the browser build \(imported by .*uses-node\.ts\)/);
  });

  it('loads the CRL reader, the French messages and the device check only on demand, and counts the chunks the entry imports statically against the budget', async () => {
    const texts = new Map<string, string>();
    texts.set('ca-preflight.js', library);
    for (const c of build.chunks) texts.set(c, await readFile(join(dir, c), 'utf8'));
    // What a page loads first: the entry and the chunks it imports statically, transitively.
    const initial = new Set<string>();
    const visit = (name: string) => {
      if (initial.has(name)) return;
      initial.add(name);
      for (const m of texts.get(name)!.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{][^"'()]*?from\s*)?["']\.\/([^"']+)["']/g))
        if (texts.has(m[1]!)) visit(m[1]!);
    };
    visit('ca-preflight.js');
    const holding = (pattern: RegExp) => [...texts].filter(([, t]) => pattern.test(t)).map(([name]) => name);
    const onDemandOnly = (what: string, pattern: RegExp) => {
      const files = holding(pattern);
      expect(files.length, `${what} is in the build`).toBeGreaterThan(0);
      expect(
        files.filter((f) => initial.has(f)),
        `${what} is loaded before it is needed`,
      ).toEqual([]);
    };
    expect(
      build.chunks.filter((c) => /^crl-checks-/.test(c)),
      'one on-demand entry chunk for the CRL checks',
    ).toHaveLength(1);
    expect(holding(/import\("\.\/crl-checks-[^"]+\.js"\)/).length, 'imported with import()').toBeGreaterThan(0);
    onDemandOnly('the CRL reader', /revoked-certificate entry/);
    onDemandOnly('the French messages', /vouliez-vous dire/);
    onDemandOnly('the device check', /tlsClientAuthParameter is \{parameter\}/);
    const rows = await measure(dir);
    const onDemand = rows.find((r) => r.file.startsWith('on demand'));
    expect(onDemand?.minified).toBeGreaterThan(20_000);
  });

  it('stays within the size budget', async () => {
    const rows = await measure(dir);
    console.log(`\n${formatSizes(rows)}`);
    const lib = rows.find((r) => r.file.startsWith('ca-preflight.js'))!;
    expect(lib.minified).toBeGreaterThanOrEqual(Buffer.byteLength(library));
    expect(lib.minified).toBeLessThan(BUDGET.minified);
    expect(lib.gzip).toBeLessThan(BUDGET.gzip);
    expect(lib.gzip).toBeLessThan(lib.minified);
    expect(lib.withinBudget).toBe(true);
  });
});
