#!/usr/bin/env node
/**
 * Size of the browser build: minified bytes and gzip (zlib level 9) bytes, against the budget.
 * Usage: node scripts/check-size.mjs [DIR]   (DIR defaults to dist/browser; run the browser build first)
 * Exit 0 within budget, 1 over budget, 2 when the build is missing.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Budget for the library bundle (dist/browser/ca-preflight.js). */
// gzip is what a page pays over the wire (the target: under 100 KiB); the minified guard catches runaway growth. It was
// 256 KiB until the decoder came to check X.690 and RFC 5280 in full (docs/browser.md says what that cost).
export const BUDGET = { minified: 320 * 1024, gzip: 100 * 1024 };

/**
 * Budget for the page's PKCS#7 reader (dist/browser/web-pkcs7.js: pkijs and its asn1js), which the page loads only when a
 * .p7b bundle is dropped. pkijs 3.4 cannot be tree-shaken below ~300 KiB minified (its classes refer to one another), so it
 * would take the library over its own budget; kept apart, a page that never reads a bundle never loads it. The library's
 * own reader (pkcs7.js) leaves pkijs to the consuming bundler, so it is a few KiB.
 */
export const PKCS7_BUDGET = { minified: 448 * 1024, gzip: 112 * 1024 };

/** The files measured, relative to the build directory; the library and the page's lazily loaded PKCS#7 reader are held to a budget. */
export const MEASURED = [
  { file: 'ca-preflight.js', budget: BUDGET },
  { file: 'pkcs7.js', budget: null },
  { file: 'web.js', budget: null },
  { file: 'web-pkcs7.js', budget: PKCS7_BUDGET },
];

export function gzipSize(bytes) {
  return gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
}

/** Static imports of a minified ES module (`import…from"./x.js"`, `import"./x.js"`), not `import("…")`. */
const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w$*{][^"'()]*?from\s*)?["']\.\/([^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(["']\.\/([^"']+)["']\)/g;

/**
 * A file and every file it imports statically, transitively: what a page downloads before the module runs. The
 * library is split (scripts/build-browser.mjs), and code the entry shares with an on-demand chunk lands in a chunk the
 * entry imports statically: it counts against the budget as if it were inline.
 */
async function staticClosure(dir, file) {
  const seen = new Map();
  const visit = async (name) => {
    if (seen.has(name)) return;
    const bytes = await readFile(join(dir, name));
    seen.set(name, bytes);
    for (const m of bytes.toString('utf8').matchAll(STATIC_IMPORT)) await visit(m[1]);
  };
  await visit(file);
  return seen;
}

/**
 * @param {string} [dir] the build directory
 * @returns {Promise<{ file: string, minified: number, gzip: number, budget: { minified: number, gzip: number } | null, withinBudget: boolean }[]>}
 */
export async function measure(dir = join(projectRoot, 'dist', 'browser')) {
  const out = [];
  const initial = new Set();
  for (const { file, budget } of MEASURED) {
    const parts = await staticClosure(dir, file);
    for (const p of parts.keys()) initial.add(p);
    const minified = [...parts.values()].reduce((n, b) => n + b.length, 0);
    // gzip of the concatenation: about what the separate responses cost, whatever way esbuild cut them.
    const gzip = gzipSize(Buffer.concat([...parts.values()]));
    const withinBudget = !budget || (minified < budget.minified && gzip < budget.gzip);
    const label = parts.size > 1 ? `${file} + ${parts.size - 1} chunk${parts.size > 2 ? 's' : ''}` : file;
    out.push({ file: label, minified, gzip, budget, withinBudget });
  }
  // Chunks the library loads with import() only when a caller asks for what they hold (CRL checks, French messages):
  // outside the budget, but measured so that their growth is seen too. pkcs7.js has a row and a budget of its own.
  const onDemand = new Map();
  for (const name of initial)
    for (const m of (await readFile(join(dir, name))).toString('utf8').matchAll(DYNAMIC_IMPORT))
      if (!initial.has(m[1])) for (const [n, b] of await staticClosure(dir, m[1])) if (!initial.has(n)) onDemand.set(n, b);
  if (onDemand.size) {
    out.push({
      file: `on demand (${onDemand.size})`,
      minified: [...onDemand.values()].reduce((n, b) => n + b.length, 0),
      gzip: [...onDemand.values()].reduce((n, b) => n + gzipSize(b), 0),
      budget: null,
      withinBudget: true,
    });
  }
  return out;
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

export function formatSizes(rows) {
  return rows
    .map((r) => {
      const budget = r.budget
        ? `  (budget < ${kib(r.budget.minified)} / < ${kib(r.budget.gzip)}${r.withinBudget ? '' : ' — OVER BUDGET'})`
        : '';
      return `${r.file.padEnd(16)} minified ${kib(r.minified).padStart(10)}  gzip -9 ${kib(r.gzip).padStart(9)}${budget}`;
    })
    .join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : undefined;
  let rows;
  try {
    rows = await measure(dir);
  } catch (e) {
    console.error(`check-size: ${e.message} — run "npm run build:browser" first`);
    process.exit(2);
  }
  console.log(formatSizes(rows));
  process.exit(rows.every((r) => r.withinBudget) ? 0 : 1);
}
