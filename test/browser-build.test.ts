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
    const map = JSON.parse(await readFile(`${build.library}.map`, 'utf8')) as { sources: string[] };
    expect(map.sources.some((s) => s.endsWith('src/preflight.ts'))).toBe(true);
  });

  it('leaves @peculiar/webcrypto out: only a dynamic import, reached when the platform has no WebCrypto', () => {
    expect(Object.keys(build.inputs).filter((f) => f.includes('@peculiar'))).toEqual([]);
    expect(library).not.toMatch(/from\s*["']@peculiar\/webcrypto["']/);
    expect(Object.keys(build.inputs).filter((f) => f.includes('/cli/'))).toEqual([]);
  });

  it('keeps pkijs out of the library and the page: the PKCS#7 reader is loaded beside them, only when a bundle is read', async () => {
    expect(Object.keys(build.inputs).filter((f) => f.includes('pkijs'))).toEqual([]);
    expect(library).toContain('import("./pkcs7.js")');
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

  it('loads the CRL reader and the French messages only on demand, and counts the chunks the entry imports statically against the budget', async () => {
    const crl = build.chunks.filter((c) => /^crl-checks-/.test(c));
    expect(crl, 'one on-demand chunk for the CRL checks').toHaveLength(1);
    expect(library).toMatch(/import\("\.\/crl-checks-[^"]+\.js"\)/);
    const rows = await measure(dir);
    const onDemand = rows.find((r) => r.file.startsWith('on demand'));
    expect(onDemand?.minified).toBeGreaterThan(5000);
    const chunk = await readFile(join(dir, crl[0]!), 'utf8');
    expect(chunk).toMatch(/revoked-certificate entry/); // the CRL reader's own messages live in the chunk, not the entry
    expect(library).not.toMatch(/revoked-certificate entry/);
    // The French catalogue too: English pages never download it.
    const fr = build.chunks.filter((c) => /^fr-/.test(c));
    expect(fr, 'one on-demand chunk for the French messages').toHaveLength(1);
    expect(await readFile(join(dir, fr[0]!), 'utf8')).toMatch(/vouliez-vous dire/);
    expect(library).not.toMatch(/vouliez-vous dire/);
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
