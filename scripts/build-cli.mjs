#!/usr/bin/env node
/**
 * The command line as one file (esbuild), which the executable dist/cli/bin.cjs loads with V8's code cache:
 *
 *   dist/cli/ca-preflight.bundle.cjs   src/cli/main.ts and everything it imports but pkijs (CommonJS, minified)
 *   dist/cli/pkcs7.bundle.cjs          the PKCS#7 reader, required the first time a .p7b is read (pkijs is large)
 *
 * CommonJS because node 20 caches compiled code only for scripts (vm.Script cachedData), not for ES modules. Dynamic
 * imports become require() calls, so the bundle runs inside vm.Script; `import.meta.url` is the bundle's own URL.
 * Usage: node scripts/build-cli.mjs [--quiet]
 */
import * as esbuild from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cli');

/** The PKCS#7 reader as src/certificate/input.ts imports it, and the file it becomes beside the bundle. */
const pkcs7 = {
  name: 'pkcs7-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/pkcs7\.js$/ }, (args) =>
      /[\\/]src[\\/]certificate[\\/]input\.ts$/.test(args.importer) ? { path: './pkcs7.bundle.cjs', external: true } : undefined,
    );
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  // jsonc-parser's "main" is a UMD build that loads its parts with a dynamic require; its "module" build is plain ESM.
  mainFields: ['module', 'main'],
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  legalComments: 'none',
  logLevel: 'warning',
};

await esbuild.build({
  ...common,
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  outfile: join(outdir, 'ca-preflight.bundle.cjs'),
  external: ['pkijs', '@peculiar/webcrypto'],
  plugins: [pkcs7],
});
// pkijs brings its own asn1js: both stay in node_modules, so that the objects they pass each other are of one copy.
await esbuild.build({
  ...common,
  entryPoints: [join(root, 'src', 'certificate', 'pkcs7.ts')],
  outfile: join(outdir, 'pkcs7.bundle.cjs'),
  external: ['pkijs', 'asn1js'],
});
if (!process.argv.includes('--quiet')) console.log(`cli build → ${outdir}/ca-preflight.bundle.cjs, pkcs7.bundle.cjs`);
