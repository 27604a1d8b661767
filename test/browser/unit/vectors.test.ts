/// <reference types="vite/client" />
/**
 * Every committed test vector, run inside Chromium:
 * - the preflight vectors (the files vectors/index.json names): exactly the expected findings (rule, path, severity,
 *   line:column when the body is text), the same `ok`, the same predicted Graph error;
 * - the safe-update vectors (vectors/update/patch/): the same request body or refusal from `buildPatchRequest`,
 *   and the simulated server accepts what is built.
 * A JSON file under vectors/ that is neither fails the run, so no vector is skipped silently.
 */
import { describe, expect, it } from 'vitest';
import { buildPatchRequest, preflight, simulatePatch, type PatchOptions, type Report, type Severity } from '../../../src/index.js';

interface ExpectedFinding {
  rule: string;
  path: string;
  severity: Severity;
  line?: number;
  column?: number;
}

interface PreflightVector {
  body?: unknown;
  bodyText?: string;
  current?: unknown;
  at?: string;
  strict?: boolean;
  expect: { ok: boolean; findings: ExpectedFinding[]; graphError: null | { status: number; code: string; message: string } };
}

interface PatchVector {
  current: unknown;
  desired?: unknown;
  operations?: unknown[];
  options: PatchOptions & { at: string };
  expect: { ok: boolean; refusal?: string[]; body?: unknown };
}

const ROOT = '../../../vectors/';
const loaders = import.meta.glob<unknown>('../../../vectors/**/*.json', { import: 'default' });
const indexes = import.meta.glob<{ at?: string; cases: { file: string }[] }>('../../../vectors/index.json', { import: 'default', eager: true });
const index = indexes[`${ROOT}index.json`];
const files = Object.keys(loaders).map((k) => k.slice(ROOT.length)).sort();
const preflightFiles = (index?.cases ?? []).map((c) => c.file);
const patchFiles = files.filter((f) => f.startsWith('update/patch/'));
const load = async <T>(file: string) => (await loaders[ROOT + file]!()) as T;

/** What a vector states about a finding: positions only when the vector's body is text. */
function projectFindings(report: Report, withPositions: boolean): ExpectedFinding[] {
  return report.findings.map((f) => {
    const out: ExpectedFinding = { rule: f.rule, path: f.path, severity: f.severity };
    if (withPositions && f.line !== undefined) {
      out.line = f.line;
      out.column = f.column!;
    }
    return out;
  });
}

describe('test vectors in Chromium', () => {
  it('finds the vectors, and knows how to run every one of them', () => {
    expect(index, 'vectors/index.json is missing: generate the vectors (npm run vectors)').toBeDefined();
    expect(preflightFiles.length, 'vectors/index.json names no vector').toBeGreaterThan(0);
    const known = new Set(['index.json', ...preflightFiles, ...patchFiles]);
    expect(files.filter((f) => !known.has(f)), 'vector files of a kind this test does not run').toEqual([]);
    for (const f of preflightFiles) expect(files, `vectors/index.json names ${f}, which is missing`).toContain(f);
  });

  it.each(preflightFiles)('%s', async (file) => {
    const vector = await load<PreflightVector>(file);
    expect((vector.body === undefined) !== (vector.bodyText === undefined), 'exactly one of body and bodyText').toBe(true);
    const at = vector.at ?? index?.at;
    const report = await preflight(vector.bodyText ?? vector.body, {
      ...(at !== undefined ? { at } : {}),
      ...(vector.current !== undefined ? { current: vector.current } : {}),
      ...(vector.strict ? { strict: true } : {}),
      lang: 'en',
    });
    expect(projectFindings(report, vector.bodyText !== undefined)).toEqual(vector.expect.findings);
    expect(report.ok).toBe(vector.expect.ok);
    const g = report.graphError;
    expect(g && { status: g.status, code: g.body.error.code, message: g.body.error.message }).toEqual(vector.expect.graphError);
  });

  it.each(patchFiles)('%s', async (file) => {
    const v = await load<PatchVector>(file);
    expect((v.desired === undefined) !== (v.operations === undefined), 'exactly one of desired and operations').toBe(true);
    const result = await buildPatchRequest(v.current, v.operations ?? v.desired, v.options);
    expect(result.ok).toBe(v.expect.ok);
    if (!result.ok) {
      expect(result.refusal.reasons.map((r) => r.kind)).toEqual(v.expect.refusal);
      return;
    }
    expect(result.request?.body ?? null).toEqual(v.expect.body);
    if (result.request) expect((await simulatePatch(v.current, result.request, { at: v.options.at })).status).toBe(200);
  });
});
