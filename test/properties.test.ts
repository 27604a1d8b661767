/**
 * The library's own properties, on its own arbitraries: preflight never throws and is deterministic, every mutation
 * is reported with its rule at its path, valid bodies are clean, entry order does not matter, JSON text and parsed
 * values agree, and the formatters take any report. numRuns keep each property to a few seconds on 2 cores.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import * as fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createArbitraries, mutationKinds, type CaPreflightArbitraries, type InvalidBody } from '../src/testing/arbitraries.js';
import { preflight, runPreflight } from '../src/preflight.js';
import { formatText, summaryLine } from '../src/report/text.js';
import { formatSarif } from '../src/report/sarif.js';
import { describeRules, rules } from '../src/rules/registry.js';
import type { Report } from '../src/types.js';
import { assertReportShape, findingKeys } from './support/report-invariants.js';

let arbs: CaPreflightArbitraries;
beforeAll(async () => {
  arbs = await createArbitraries({ seed: 2024 });
});

/** Any body the arbitraries make: valid ones and mutated ones. */
const anyBody = () =>
  fc.oneof(
    arbs.validBody as fc.Arbitrary<unknown>,
    arbs.invalidBody.map((m) => m.body),
  );

/** Checks a mutated body's report: the expected finding, and nothing else but its documented consequences. */
function expectMutationReported(m: InvalidBody, report: Report): void {
  const { rule, path, severity } = m.expected;
  const where = `${m.kind}: ${JSON.stringify(report.findings.map((f) => [f.rule, f.path, f.severity]))}`;
  expect(
    report.findings.some((f) => f.rule === rule && f.path === path && f.severity === severity),
    where,
  ).toBe(true);
  const unexpected = report.findings.filter((f) => f.severity !== 'info' && f.rule !== rule && !m.mayAlso.includes(f.rule));
  expect(unexpected, where).toEqual([]);
  if (severity === 'error') expect(report.ok).toBe(false);
}

describe('valid bodies', () => {
  it('have no error and no warning finding at `at` (only info: matching echoes)', async () => {
    await fc.assert(
      fc.asyncProperty(arbs.validBody, async (body) => {
        const report = await preflight(body, { at: arbs.at });
        assertReportShape(report, { value: body });
        expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
        expect(report.graphError).toBeNull();
      }),
      { numRuns: 60 },
    );
  });
});

describe('each mutation is reported with its rule at its path', () => {
  it.each(mutationKinds.map((k) => [k.kind, k.rule] as const))('%s → %s', async (kind) => {
    await fc.assert(
      fc.asyncProperty(arbs.mutation(kind), async (m) => {
        const report = await preflight(m.body, { at: arbs.at });
        assertReportShape(report, { value: m.body });
        expectMutationReported(m, report);
      }),
      { numRuns: 10 },
    );
  });

  it('holds for invalidBody drawing from every kind', async () => {
    await fc.assert(
      fc.asyncProperty(arbs.invalidBody, async (m) => {
        expectMutationReported(m, await preflight(m.body, { at: arbs.at }));
      }),
      { numRuns: 80 },
    );
  });

  it('holds for text-level defects (not JSON, a member written twice)', async () => {
    await fc.assert(
      fc.asyncProperty(arbs.invalidText, async ({ kind, text, expected }) => {
        const report = await preflight(text, { at: arbs.at });
        assertReportShape(report);
        const keys = findingKeys(report);
        expect(keys, kind).toContain(`${expected.severity} ${expected.rule} ${expected.path}`);
        if (expected.rule === 'body.not-json') expect(keys).toEqual([`error body.not-json `]);
        else expect(report.findings.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual([expected.rule]);
      }),
      { numRuns: 50 },
    );
  });
});

describe('preflight', () => {
  it('is deterministic: the same input, `at` and clientRequestId give deep-equal reports', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody(), fc.constantFrom('en', 'fr' as const), async (body, lang) => {
        const options = { at: arbs.at, clientRequestId: '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5', lang };
        const first = await preflight(body, options);
        const second = await preflight(body, options);
        expect(second).toEqual(first);
        assertReportShape(first, { value: body });
      }),
      { numRuns: 40 },
    );
  });

  it('never throws when any value replaces any member of a valid body', async () => {
    await fc.assert(
      fc.asyncProperty(arbs.validBody, fc.nat(), fc.jsonValue({ maxDepth: 3 }), fc.boolean(), async (body, where, value, asText) => {
        const paths = allPointers(body).filter((p) => p !== '');
        const target = paths[where % paths.length]!;
        setAtPointer(body, target, value);
        const input = asText ? JSON.stringify(body) : body;
        assertReportShape(await preflight(input, { at: arbs.at }), { value: JSON.parse(JSON.stringify(body)) });
      }),
      { numRuns: 100 },
    );
  });

  it("reports the same findings whatever the order of the entries (paths mapped to the entry's certificate)", async () => {
    await fc.assert(
      fc.asyncProperty(anyBody(), fc.array(fc.nat(), { minLength: 24, maxLength: 24 }), async (body, keys) => {
        const list = isObject(body) && Array.isArray(body.certificateAuthorities) ? body.certificateAuthorities : null;
        fc.pre(list !== null && list.length > 1);
        const shuffled = { ...(body as Record<string, unknown>) };
        shuffled.certificateAuthorities = list!
          .map((e, i) => ({ e, k: keys[i % keys.length]! * 1000 + i }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.e);
        const [before, after] = await Promise.all([preflight(body, { at: arbs.at }), preflight(shuffled, { at: arbs.at })]);
        expect(entryFindings(after, shuffled).sort()).toEqual(entryFindings(before, body).sort());
      }),
      { numRuns: 40 },
    );
  });

  it('finds the same (rule, path, severity) in JSON text as in the parsed value, with line and column', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody(), fc.constantFrom<(number | string)[]>(0, 2, '\t'), async (body, indent) => {
        const text = JSON.stringify(body, null, indent);
        const [fromValue, fromText] = await Promise.all([preflight(body, { at: arbs.at }), preflight(text, { at: arbs.at })]);
        expect(findingKeys(fromText)).toEqual(findingKeys(fromValue));
        for (const f of fromText.findings) expect(f.line, f.path).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 50 },
    );
  });
});

describe('formatters', () => {
  it('text and SARIF take every report, in both languages, with and without colour', async () => {
    await fc.assert(
      fc.asyncProperty(anyBody(), fc.constantFrom('en', 'fr' as const), fc.boolean(), async (body, lang, color) => {
        const { report, cas } = await runPreflight(body, { at: arbs.at, lang });
        const text = formatText(report, cas, { lang, color, source: 'body.json' });
        expect(text.endsWith(`${summaryLine(report, { lang, color })}\n`)).toBe(true);
        for (const f of report.findings) expect(text).toContain(f.message);
        const sarif = JSON.parse(
          JSON.stringify(
            formatSarif(report, { uri: 'body.json', version: '0.0.0', informationUri: 'https://example.test/', rules: describeRules() }),
          ),
        ) as {
          runs: { results: { ruleId: string; ruleIndex: number; properties: { path: string } }[] }[];
        };
        const results = sarif.runs[0]!.results;
        expect(results.map((r) => `${r.ruleId} ${r.properties.path}`)).toEqual(report.findings.map((f) => `${f.rule} ${f.path}`));
        for (const r of results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
      }),
      { numRuns: 40 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A stable name for an entry: the SHA-256 of its certificate when it is base64, else the entry's JSON. */
function entryKey(entry: unknown): string {
  const c = isObject(entry) ? entry.certificate : undefined;
  if (typeof c === 'string' && /^([A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+)$/.test(c)) {
    return (
      'sha256:' +
      createHash('sha256')
        .update(Buffer.from(c, c.includes('-') || c.includes('_') ? 'base64url' : 'base64'))
        .digest('hex')
    );
  }
  return `json:${JSON.stringify(entry)}`;
}

/** Findings as (severity, rule, entry key, path inside the entry): independent of where the entry sits in the list. */
function entryFindings(report: Report, body: unknown): string[] {
  const list = (body as { certificateAuthorities: unknown[] }).certificateAuthorities;
  return report.findings.map((f) => {
    const m = /^\/certificateAuthorities\/(\d+)(.*)$/.exec(f.path);
    return m ? `${f.severity} ${f.rule} ${entryKey(list[Number(m[1])])} ${m[2]}` : `${f.severity} ${f.rule} ${f.path}`;
  });
}

function allPointers(v: unknown, base = ''): string[] {
  const out = [base];
  if (Array.isArray(v))
    v.forEach((x, i) => {
      out.push(...allPointers(x, `${base}/${i}`));
    });
  else if (isObject(v))
    for (const k of Object.keys(v)) out.push(...allPointers(v[k], `${base}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  return out;
}

function setAtPointer(root: unknown, pointer: string, value: unknown): void {
  const tokens = pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let v = root as Record<string, unknown>;
  for (const t of tokens.slice(0, -1)) v = v[t] as Record<string, unknown>;
  Object.defineProperty(v, tokens[tokens.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
}
