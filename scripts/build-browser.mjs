#!/usr/bin/env node
/**
 * Browser build (esbuild): the core as one ESM module, and the offline page.
 *
 *   dist/browser/ca-preflight.js   ESM, entry src/index.ts — the `browser` condition of package.json `exports["."]`
 *   dist/browser/pkcs7.js          ESM, the PKCS#7 bundle reader, which ca-preflight.js imports with `import()` the
 *                                  first time a .p7b is read; it imports pkijs and asn1js (the package's dependencies)
 *                                  for the consuming bundler to resolve: pkijs alone is larger than the rest of the library
 *   dist/browser/<name>-<hash>.js  the library's split chunks: code it loads with `import()` only when asked (the CRL
 *                                  checks, the French messages), and code those share with the entry (imported
 *                                  statically); beside the entry, so that every relative import resolves the same
 *   dist/browser/web.js            the page (web/app.ts with the core bundled in), an IIFE so that index.html also
 *                                  works when opened straight from disk (Chromium refuses module scripts on file://)
 *   dist/browser/web-pkcs7.js      the same PKCS#7 reader with pkijs bundled in, as a classic script, which the page adds
 *                                  when a bundle is dropped
 *   dist/browser/index.html, styles.css   copied from web/
 *
 * Nothing is marked external except `@peculiar/webcrypto`: `defaultCrypto()` imports it dynamically, and only when
 * `globalThis.crypto.subtle` is missing, which no browser in a secure context lacks. Keeping it external means the
 * bundle never contains @peculiar/webcrypto or the node:crypto it sits on; package.json maps it to `false` in its
 * `browser` field so that bundlers consuming this build (webpack, Vite) do not try to pull it in either.
 * Any `node:` import (or a bare node built-in such as `fs`) reaching the graph fails the build with the importer named:
 * fix the import, never shim it.
 *
 * Usage: node scripts/build-browser.mjs [--outdir DIR] [--quiet]
 */
import * as esbuild from 'esbuild';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultOutdir = join(projectRoot, 'dist', 'browser');

/** Packages the browser build must leave out (see the header). */
export const BROWSER_EXTERNALS = ['@peculiar/webcrypto'];

const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** Fails the build on any node: or node built-in import, naming the file that asked for it. */
export const refuseNodeImports = {
  name: 'refuse-node-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.startsWith('node:') ? args.path.slice(5) : args.path;
      const isBuiltin = args.path.startsWith('node:') || NODE_BUILTINS.has(bare.split('/')[0] ?? bare);
      if (!isBuiltin || args.kind === 'entry-point') return undefined;
      return {
        errors: [
          {
            text:
              `"${args.path}" is a node built-in and cannot be in the browser build (imported by ${args.importer}). ` +
              'Keep node APIs in src/cli/, or pass the capability in as an option.',
          },
        ],
      };
    });
  },
};

/** The module that loads pkijs, as src/certificate/input.ts imports it. */
const PKCS7_IMPORT = './pkcs7.js';
const isPkcs7Import = (args) => args.path === PKCS7_IMPORT && /[\\/]src[\\/]certificate[\\/]input\.ts$/.test(args.importer);

/** The library build leaves the PKCS#7 reader as a separate file, `import()`ed beside the bundle. */
const pkcs7Beside = {
  name: 'pkcs7-beside',
  setup(build) {
    build.onResolve({ filter: /pkcs7\.js$/ }, (args) => (isPkcs7Import(args) ? { path: PKCS7_IMPORT, external: true } : undefined));
  },
};

/** The page build reads bundles through web/pkcs7-loader.ts, which adds web-pkcs7.js as a classic script. */
const pkcs7ForPage = {
  name: 'pkcs7-for-page',
  setup(build) {
    build.onResolve({ filter: /pkcs7\.js$/ }, (args) =>
      isPkcs7Import(args) ? { path: join(projectRoot, 'web', 'pkcs7-loader.ts') } : undefined,
    );
  },
};

/** A chunk of the split library build: `<name>-<8-character hash>.js` and its map. */
export const CHUNK_FILE = /^[\w-]+-[A-Z0-9]{8}\.js(\.map)?$/;

const common = {
  bundle: true,
  minify: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'browser',
  legalComments: 'none',
  logLevel: 'silent',
  metafile: true,
  plugins: [refuseNodeImports],
};

/**
 * Builds the library bundle and the page into `outdir` (default dist/browser).
 * @param {{ outdir?: string }} [options]
 * @returns {Promise<{ outdir: string, library: string, page: string, inputs: Record<string, number> }>}
 */
export async function buildBrowser(options = {}) {
  const outdir = resolve(options.outdir ?? defaultOutdir);
  await mkdir(outdir, { recursive: true });
  // Chunk names carry content hashes: remove the last build's, so that no stale chunk is shipped or measured.
  for (const name of await readdir(outdir)) if (CHUNK_FILE.test(name)) await rm(join(outdir, name));
  const library = join(outdir, 'ca-preflight.js');
  const page = join(outdir, 'web.js');
  const pkcs7Entry = join(projectRoot, 'src', 'certificate', 'pkcs7.ts');
  const [lib] = await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { 'ca-preflight': join(projectRoot, 'src', 'index.ts') },
      outdir,
      splitting: true,
      chunkNames: '[name]-[hash]',
      format: 'esm',
      external: BROWSER_EXTERNALS,
      plugins: [...common.plugins, pkcs7Beside],
    }),
    // pkijs and asn1js are dependencies of the package: the bundler that consumes ca-preflight.js resolves them, rather
    // than the package shipping a second, minified copy of pkijs.
    esbuild.build({
      ...common,
      entryPoints: [pkcs7Entry],
      outfile: join(outdir, 'pkcs7.js'),
      format: 'esm',
      external: ['pkijs', 'asn1js'],
    }),
    esbuild.build({
      ...common,
      entryPoints: [join(projectRoot, 'web', 'app.ts')],
      outfile: page,
      format: 'iife',
      external: BROWSER_EXTERNALS,
      plugins: [...common.plugins, pkcs7ForPage],
    }),
    esbuild.build({
      ...common,
      entryPoints: [pkcs7Entry],
      outfile: join(outdir, 'web-pkcs7.js'),
      format: 'iife',
      globalName: 'caPreflightPkcs7',
    }),
    ...['index.html', 'styles.css'].map((f) => copyFile(join(projectRoot, 'web', f), join(outdir, f))),
  ]);
  /** Bytes each input contributes to the library bundle (entry and chunks), for finding what grew. */
  const inputs = {};
  /** The library's chunks (file names in outdir). */
  const chunks = [];
  for (const [name, output] of Object.entries(lib.metafile.outputs)) {
    if (name.endsWith('.map')) continue;
    const file = name.slice(name.lastIndexOf('/') + 1);
    if (CHUNK_FILE.test(file)) chunks.push(file);
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) inputs[input] = (inputs[input] ?? 0) + bytesInOutput;
  }
  return { outdir, library, page, inputs, chunks };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--outdir');
  const outdir = at >= 0 ? args[at + 1] : undefined;
  try {
    const result = await buildBrowser(outdir ? { outdir } : {});
    if (!args.includes('--quiet')) {
      const { measure, formatSizes } = await import('./check-size.mjs');
      console.log(`browser build → ${result.outdir}`);
      console.log(formatSizes(await measure(result.outdir)));
    }
  } catch (e) {
    const errors = e?.errors ?? [];
    if (errors.length)
      for (const err of errors)
        console.error(`build-browser: ${err.text}${err.location ? ` (${err.location.file}:${err.location.line})` : ''}`);
    else console.error(`build-browser: ${e?.message ?? e}`);
    process.exit(1);
  }
}
