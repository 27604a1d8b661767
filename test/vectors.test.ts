/**
 * Runs every committed test vector (vectors/<group>/<name>.json, made by `npm run vectors`) through `preflight` and
 * compares the whole outcome: every finding (rule, path, severity, and line/column for JSON-text bodies) in report
 * order, `ok`, and the predicted Graph error. Then checks that every rule in the registry has a vector that trips it
 * and a near-miss vector that names it and where it stays silent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { preflight } from '../src/preflight.js';
import { rules } from '../src/rules/registry.js';
import {
  isTextVector,
  preflightOptions,
  projectFindings,
  projectGraphError,
  vectorBody,
  type PreflightVector as Vector,
} from './support/vector-format.js';

const DIR = fileURLToPath(new URL('../vectors/', import.meta.url));
const INDEX = join(DIR, 'index.json');

/** The preflight vectors are the files vectors/index.json names (other vector sets live beside them, e.g. vectors/update/patch/). */
const index = existsSync(INDEX)
  ? (JSON.parse(readFileSync(INDEX, 'utf8')) as { count: number; cases: { file: string; rules: string[] }[] })
  : null;
const vectors: [string, Vector][] = (index?.cases ?? []).map((c) => [
  c.file,
  JSON.parse(readFileSync(join(DIR, c.file), 'utf8')) as Vector,
]);

describe('test vectors', () => {
  it('exist, and vectors/index.json names every vector file of its groups', () => {
    expect(index, 'vectors/index.json is missing: run `npm run vectors`').not.toBeNull();
    expect(vectors.length).toBeGreaterThan(100);
    expect(index!.count).toBe(vectors.length);
    const groups = new Set(vectors.map(([f]) => f.split('/')[0]!));
    const onDisk = [...groups].flatMap((g) =>
      readdirSync(join(DIR, g))
        .filter((n) => n.endsWith('.json') && statSync(join(DIR, g, n)).isFile())
        .map((n) => `${g}/${n}`),
    );
    expect(onDisk.sort(), 'files in the vector groups that the index does not name (stale?)').toEqual(vectors.map(([f]) => f).sort());
    for (const c of index!.cases)
      expect(c.rules, c.file).toEqual([...new Set(vectors.find(([f]) => f === c.file)![1].expect.findings.map((x) => x.rule))]);
  });

  it.each(vectors)('%s', async (_file, v) => {
    expect(typeof v.description).toBe('string');
    expect(
      [v.body, v.bodyText, v.bodyBase64].filter((b) => b !== undefined),
      'exactly one of body, bodyText and bodyBase64',
    ).toHaveLength(1);
    const report = await preflight(vectorBody(v), preflightOptions(v));

    const text = isTextVector(v);
    const failed = report.findings.filter((f) => f.rule === 'internal.rule-failed');
    expect(
      failed.map((f) => f.message),
      'a rule failed',
    ).toEqual([]);
    expect(projectFindings(report, text)).toEqual(v.expect.findings);
    if (text)
      for (const f of v.expect.findings)
        expect([typeof f.line, typeof f.column], `${f.rule} at ${f.path} needs a position`).toEqual(['number', 'number']);
    if (!text)
      for (const f of report.findings) expect(f.line ?? f.column, `${f.rule} has a position, but the body was not text`).toBeUndefined();
    expect(report.ok).toBe(v.expect.ok);
    expect(report.ok).toBe(!v.expect.findings.some((f) => f.severity === 'error'));

    expect(projectGraphError(report)).toEqual(v.expect.graphError);
    expect(report.verdict).toBe(v.expect.verdict);
    // Errors about given CRLs are about sign-in: the upload's verdict ignores them (the server never sees a CRL).
    const uploadErrors = v.expect.findings.some((f) => f.severity === 'error' && !rules.find((r) => r.id === f.rule)?.needs);
    expect(report.verdict).toBe(v.expect.graphError ? 'rejected' : uploadErrors ? 'unknown' : 'accepted');
    const g = report.graphError;
    if (g) {
      expect(g.body.error.innerError['client-request-id']).toBe('vector');
      if (v.at !== undefined) expect(g.body.error.innerError.date).toBe(new Date(v.at).toISOString().slice(0, 19));
    }
    for (const id of v.nearMissFor ?? [])
      expect(
        report.findings.map((f) => f.rule),
        `near miss for ${id}`,
      ).not.toContain(id);
  });

  it('trip every rule in the registry at least once, and hold a near miss for each', () => {
    const fired = new Set(vectors.flatMap(([, v]) => v.expect.findings.map((f) => f.rule)));
    const nearMissed = new Set(
      vectors.flatMap(([, v]) => (v.nearMissFor ?? []).filter((id) => !v.expect.findings.some((f) => f.rule === id))),
    );
    const ids: string[] = rules.map((r) => r.id);
    expect(
      ids.filter((id) => !fired.has(id)),
      'rules no vector trips',
    ).toEqual([]);
    expect(
      ids.filter((id) => !nearMissed.has(id)),
      'rules with no near-miss vector',
    ).toEqual([]);
    const named = new Set(vectors.flatMap(([, v]) => v.nearMissFor ?? []));
    expect(
      [...named].filter((id) => !ids.includes(id)),
      'nearMissFor names that are not rules',
    ).toEqual([]);
  });

  it('cover every severity, every server step and both input forms', () => {
    const severities = new Set(vectors.flatMap(([, v]) => v.expect.findings.map((f) => f.severity)));
    expect([...severities].sort()).toEqual(['error', 'info', 'warning']);
    const steps = new Set(
      vectors.flatMap(([, v]) =>
        v.expect.findings.map((f) => rules.find((r) => r.id === f.rule)?.server?.step).filter((s) => s !== undefined),
      ),
    );
    expect([...steps].sort()).toEqual([1, 2, 3, 4]);
    expect(vectors.some(([, v]) => v.bodyText !== undefined)).toBe(true);
    expect(vectors.some(([, v]) => v.bodyBase64 !== undefined)).toBe(true);
    expect(vectors.some(([, v]) => v.current !== undefined)).toBe(true);
    expect(vectors.some(([, v]) => v.strict)).toBe(true);
  });
});
