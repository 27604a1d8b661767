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
// gzip is what a page pays over the wire (the target: under 100 KiB); the minified guard catches runaway growth.
export const BUDGET = { minified: 256 * 1024, gzip: 100 * 1024 };

/**
 * Budget for the PKCS#7 reader (dist/browser/pkcs7.js: pkijs and its asn1js), which the library loads with `import()` only
 * when a .p7b bundle is read. pkijs 3.4 cannot be tree-shaken below ~300 KiB minified (its classes refer to one another),
 * so it would take the library over its own budget; kept apart, a page that never reads a bundle never loads it.
 */
export const PKCS7_BUDGET = { minified: 448 * 1024, gzip: 112 * 1024 };

/** The files measured, relative to the build directory; the library and its lazily loaded PKCS#7 reader are held to a budget. */
export const MEASURED = [
  { file: 'ca-preflight.js', budget: BUDGET },
  { file: 'pkcs7.js', budget: PKCS7_BUDGET },
  { file: 'web.js', budget: null },
  { file: 'web-pkcs7.js', budget: null },
];

export function gzipSize(bytes) {
  return gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
}

/**
 * @param {string} [dir] the build directory
 * @returns {Promise<{ file: string, minified: number, gzip: number, budget: { minified: number, gzip: number } | null, withinBudget: boolean }[]>}
 */
export async function measure(dir = join(projectRoot, 'dist', 'browser')) {
  const out = [];
  for (const { file, budget } of MEASURED) {
    const bytes = await readFile(join(dir, file));
    const minified = bytes.length;
    const gzip = gzipSize(bytes);
    const withinBudget = !budget || (minified < budget.minified && gzip < budget.gzip);
    out.push({ file, minified, gzip, budget, withinBudget });
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
