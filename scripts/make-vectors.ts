/**
 * Generates the test vectors under vectors/ (`npm run vectors`).
 *
 * Every case declares the findings it must produce; the script runs `preflight` on it and writes the vector only when
 * the report matches the declaration exactly (and every rule in the registry has a case that trips it and a near
 * miss that does not). On any mismatch it prints every difference and exits 1 without touching vectors/.
 *
 * Keys are generated afresh on each run, so certificate bytes differ between runs; the expectations do not. So that a
 * new case does not rewrite every other file, a vector already on disk is kept when it still states its case: same
 * input apart from certificate bytes and key identifiers, same expectation, and the library still gives that expectation
 * for the file's own input. `npm run vectors -- --fresh` rewrites every file.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preflight } from '../src/preflight.js';
import { decodeBase64Lenient, encodeBase64 } from '../src/certificate/encoding.js';
import type { CrlInput } from '../src/crl/types.js';
import { rules } from '../src/rules/registry.js';
import type { Report } from '../src/types.js';
import { AT, compareWithDeclaration, stableShape, type VectorCase, type VectorCrl } from './vectors/framework.js';
import { makePki } from './vectors/pki.js';
import { exampleCases } from './vectors/cases-examples.js';
import { bodyCases } from './vectors/cases-body.js';
import { entryCases } from './vectors/cases-entry.js';
import { certificateCases } from './vectors/cases-certificate.js';
import { decoderCases } from './vectors/cases-decoder.js';
import { profileCases } from './vectors/cases-profile.js';
import { chainCases } from './vectors/cases-chain.js';
import { crlEchoCases } from './vectors/cases-crl-echo.js';
import { hierarchyCases, strictCases, updateCases } from './vectors/cases-update.js';
import { realRootCases } from './vectors/cases-real-roots.js';
import { crlFileCases } from './vectors/cases-crl-files.js';

const VECTORS = fileURLToPath(new URL('../vectors/', import.meta.url));

async function allCases(): Promise<VectorCase[]> {
  const pki = makePki();
  return [
    ...exampleCases(),
    ...(await hierarchyCases()),
    ...(await bodyCases(pki)),
    ...(await entryCases(pki)),
    ...(await certificateCases(pki)),
    ...(await decoderCases(pki)),
    ...(await profileCases(pki)),
    ...(await chainCases(pki)),
    ...(await crlEchoCases(pki)),
    ...(await crlFileCases(pki)),
    ...(await updateCases(pki)),
    ...(await strictCases(pki)),
    ...realRootCases(),
  ];
}

function run(c: VectorCase): Promise<Report> {
  const options: Parameters<typeof preflight>[1] = { at: c.at ?? AT, clientRequestId: 'vector' };
  if (c.current !== undefined) options.current = c.current;
  if (c.strict) options.strict = true;
  if (c.crls) options.crls = c.crls;
  if (c.cloud) options.cloud = c.cloud;
  if (c.warnExpiryDays !== undefined) options.warnExpiryDays = c.warnExpiryDays;
  if (c.maxBodyChars !== undefined) options.maxBodyChars = c.maxBodyChars;
  return preflight(c.bodyBytes ?? c.bodyText ?? c.body, options);
}

/** A CRL as a vector file writes it (`der`: base64), as the case and `preflight` take it. */
function crlFromFile(c: VectorCrl): CrlInput {
  return {
    source: c.source,
    ...(c.der !== undefined ? { bytes: decodeBase64Lenient(c.der)! } : {}),
    ...(c.from ? { from: c.from } : {}),
    ...(c.failure ? { failure: c.failure } : {}),
  };
}

/** The vector file: the case's input and the report's findings in report order. */
function vectorFile(c: VectorCase, report: Report): Record<string, unknown> {
  const text = c.bodyText !== undefined || c.bodyBytes !== undefined;
  const v: Record<string, unknown> = { description: c.description, at: c.at ?? AT };
  if (c.strict) v.strict = true;
  if (c.nearMissFor?.length) v.nearMissFor = c.nearMissFor;
  if (c.bodyBytes) v.bodyBase64 = encodeBase64(c.bodyBytes);
  else if (text) v.bodyText = c.bodyText;
  else v.body = c.body;
  if (c.maxBodyChars !== undefined) v.maxBodyChars = c.maxBodyChars;
  if (c.current !== undefined) v.current = c.current;
  if (c.crls)
    v.crls = c.crls.map((x) => ({
      source: x.source,
      ...(x.bytes ? { der: encodeBase64(x.bytes) } : {}),
      ...(x.from ? { from: x.from } : {}),
      ...(x.failure ? { failure: x.failure } : {}),
    }));
  if (c.cloud) v.cloud = c.cloud;
  if (c.warnExpiryDays !== undefined) v.warnExpiryDays = c.warnExpiryDays;
  const g = report.graphError;
  v.expect = {
    ok: report.ok,
    verdict: report.verdict,
    findings: report.findings.map((f) =>
      text
        ? { rule: f.rule, path: f.path, severity: f.severity, line: f.line, column: f.column }
        : { rule: f.rule, path: f.path, severity: f.severity },
    ),
    graphError: g ? { status: g.status, code: g.body.error.code, message: g.body.error.message, basis: g.basis } : null,
  };
  return v;
}

/** Rules with no tripping case, or no near miss. */
function coverageGaps(results: { c: VectorCase; report: Report }[]): string[] {
  const fired = new Set(results.flatMap((r) => r.report.findings.map((f) => f.rule)));
  const nearMiss = new Set(results.flatMap((r) => r.c.nearMissFor ?? []));
  const gaps: string[] = [];
  for (const rule of rules) {
    if (!fired.has(rule.id)) gaps.push(`no case trips ${rule.id}`);
    if (!nearMiss.has(rule.id)) gaps.push(`no near-miss case for ${rule.id}`);
  }
  for (const id of nearMiss) if (!rules.some((r) => r.id === id)) gaps.push(`nearMissFor names ${id}, which is not a rule`);
  return gaps;
}

/** The file already on disk for this vector, when it can stay as it is (see the header). */
async function keptVector(file: string, fresh: Record<string, unknown>): Promise<boolean> {
  if (process.argv.includes('--fresh') || !existsSync(file)) return false;
  let old: Record<string, unknown> & Pick<VectorCase, 'body' | 'bodyText' | 'current' | 'at' | 'strict'>;
  try {
    old = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
  if (stableShape(old) !== stableShape(fresh) || JSON.stringify(old.expect) !== JSON.stringify(fresh.expect)) return false;
  // The file writes CRL bytes as base64 (`der`); the case holds them as bytes.
  const crls = Array.isArray(old.crls) ? { crls: (old.crls as VectorCrl[]).map(crlFromFile) } : {};
  const bytes = typeof old.bodyBase64 === 'string' ? { bodyBytes: decodeBase64Lenient(old.bodyBase64)! } : {};
  const again = { ...old, ...crls, ...bytes, group: '', name: '', description: '', expect: { findings: [] } } as VectorCase;
  delete (again as unknown as Record<string, unknown>).bodyBase64;
  const report = await run(again);
  return JSON.stringify(vectorFile(again, report).expect) === JSON.stringify(old.expect);
}

/**
 * Removes the vectors this script wrote last time (the files its index names), and nothing else: other generators
 * keep their own vectors under vectors/ too (e.g. vectors/update/patch/).
 */
function removeOldVectors(dir: string, keep: Set<string>): void {
  const indexFile = join(dir, 'index.json');
  if (!existsSync(indexFile)) return;
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { cases?: { file?: unknown }[] };
  const groups = new Set<string>();
  for (const c of index.cases ?? []) {
    if (typeof c.file !== 'string' || !/^[\w-]+\/[\w.-]+\.json$/.test(c.file)) continue;
    if (!keep.has(c.file)) rmSync(join(dir, c.file), { force: true });
    groups.add(c.file.split('/')[0]!);
  }
  for (const g of groups) if (existsSync(join(dir, g)) && readdirSync(join(dir, g)).length === 0) rmdirSync(join(dir, g));
}

async function main(): Promise<void> {
  const started = Date.now();
  const cases = await allCases();
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const c of cases) {
    const id = `${c.group}/${c.name}`;
    if (seen.has(id)) problems.push(`${id}: declared twice`);
    seen.add(id);
    if ([c.body, c.bodyText, c.bodyBytes].filter((b) => b !== undefined).length !== 1)
      problems.push(`${id}: give exactly one of body, bodyText and bodyBytes`);
  }
  const results: { c: VectorCase; report: Report }[] = [];
  for (const c of cases) {
    const report = await run(c);
    for (const p of compareWithDeclaration(c, report)) problems.push(`${c.group}/${c.name}: ${p}`);
    results.push({ c, report });
  }
  problems.push(...coverageGaps(results));
  if (problems.length) {
    console.error(`make-vectors: ${problems.length} problem(s); nothing written.\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }

  mkdirSync(VECTORS, { recursive: true });
  const contents = await Promise.all(
    results.map(async ({ c, report }) => {
      const v = vectorFile(c, report);
      return (await keptVector(join(VECTORS, c.group, `${c.name}.json`), v)) ? null : `${JSON.stringify(v, null, 2)}\n`;
    }),
  );
  const kept = new Set(results.filter((_, i) => contents[i] === null).map(({ c }) => `${c.group}/${c.name}.json`));
  removeOldVectors(VECTORS, kept);
  const index: { file: string; description: string; rules: string[]; nearMissFor?: string[] }[] = [];
  const perGroup = new Map<string, number>();
  for (const [i, { c, report }] of results.entries()) {
    const file = join(VECTORS, c.group, `${c.name}.json`);
    mkdirSync(join(VECTORS, c.group), { recursive: true });
    if (contents[i] !== null) writeFileSync(file, contents[i]!);
    const entry: (typeof index)[number] = {
      file: relative(VECTORS, file),
      description: c.description,
      rules: [...new Set(report.findings.map((f) => f.rule))],
    };
    if (c.nearMissFor?.length) entry.nearMissFor = c.nearMissFor;
    index.push(entry);
    perGroup.set(c.group, (perGroup.get(c.group) ?? 0) + 1);
  }
  writeFileSync(join(VECTORS, 'index.json'), `${JSON.stringify({ at: AT, count: index.length, cases: index }, null, 2)}\n`);
  const groups = [...perGroup].map(([g, n]) => `${g} ${n}`).join(', ');
  console.log(
    `make-vectors: ${index.length} vectors (${groups}) in ${relative(process.cwd(), VECTORS) || '.'}, ${index.length - kept.size} written, ${kept.size} kept — ${Date.now() - started} ms`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
