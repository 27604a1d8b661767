/**
 * Guarded rule execution: a rule that throws, or emits what its catalogue entry cannot render, yields one
 * `internal.rule-failed` error naming it, and every other rule's findings are still reported.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preflight } from '../src/preflight.js';
import { buildContext } from '../src/rules/context.js';
import { ruleById, rules } from '../src/rules/registry.js';
import type { AnyRule } from '../src/rules/rule.js';
import { runRules } from '../src/rules/run.js';

const valid = JSON.parse(readFileSync(new URL('../examples/valid-body.json', import.meta.url), 'utf8')) as {
  certificateAuthorities: Record<string, unknown>[];
};
const AT = '2026-06-01T00:00:00Z';

/** The valid example with an unknown top-level member, a wrong root flag and a CRL URL over https: several rules fire. */
function troubled(): Record<string, unknown> {
  const [root, ...rest] = valid.certificateAuthorities;
  return {
    certificateAuthorites: [],
    certificateAuthorities: [
      { ...root, isRootAuthority: false, certificateRevocationListUrl: 'https://crl.example.com/root.crl' },
      ...rest,
    ],
  };
}

const keys = (findings: { rule: string; path: string; severity: string }[]) => findings.map((f) => `${f.rule} ${f.path} ${f.severity}`);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a rule that throws', () => {
  it('becomes internal.rule-failed naming the rule, and every other finding stays', async () => {
    const clean = await preflight(troubled(), { at: AT });
    expect(clean.findings.map((f) => f.rule)).toEqual(
      expect.arrayContaining(['body.unknown-property', 'flag.self-signed-not-root', 'crl.url-not-http']),
    );

    const victim = ruleById('flag.self-signed-not-root') as AnyRule;
    vi.spyOn(victim, 'check').mockImplementation(() => {
      throw new TypeError("Cannot read properties of null (reading 'subject')");
    });
    const report = await preflight(troubled(), { at: AT });
    const failed = report.findings.filter((f) => f.rule === 'internal.rule-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ severity: 'error', path: '', basis: 'best-practice' });
    expect(failed[0]!.message).toContain('flag.self-signed-not-root');
    expect(failed[0]!.message).toContain("TypeError: Cannot read properties of null (reading 'subject')");
    expect(failed[0]!.fix).toMatch(/defect in ca-preflight/);

    const others = report.findings.filter((f) => f.rule !== 'internal.rule-failed');
    expect(keys(others)).toEqual(keys(clean.findings.filter((f) => f.rule !== 'flag.self-signed-not-root')));
    expect(report.ok).toBe(false);
    expect(report.graphError?.body.error.message).toBe(clean.graphError?.body.error.message);
  });

  it('is reported in French too, and a thrown non-Error value is described', async () => {
    vi.spyOn(ruleById('body.empty-list') as AnyRule, 'check').mockImplementation(() => {
      throw 42;
    });
    const report = await preflight({ certificateAuthorities: [] }, { at: AT, lang: 'fr' });
    const failed = report.findings.find((f) => f.rule === 'internal.rule-failed');
    expect(failed?.message).toMatch(/^La règle body\.empty-list a échoué .*thrown value 42/);
  });

  it('drops the partial findings of the failing rule only', async () => {
    vi.spyOn(ruleById('body.unknown-property') as AnyRule, 'check').mockImplementation((_ctx, emit) => {
      emit({ path: '/certificateAuthorites', params: { property: 'certificateAuthorites' } });
      throw new Error('half way');
    });
    const report = await preflight(troubled(), { at: AT });
    expect(report.findings.map((f) => f.rule)).not.toContain('body.unknown-property');
    expect(report.findings.map((f) => f.rule)).toContain('flag.self-signed-not-root');
    // The server's answer came from the rule that failed: it is no longer predicted.
    expect(report.graphError).toBeNull();
  });
});

describe('an emission the catalogue cannot render', () => {
  const rule = (emit: Parameters<AnyRule['check']>[1] extends (e: infer E) => void ? E : never): AnyRule => ({
    ...(ruleById('body.empty-list') as AnyRule),
    check: (_ctx, e) => e(emit),
  });
  const run = async (r: AnyRule) => runRules(await buildContext({}, { at: new Date(AT), strict: false, crypto: globalThis.crypto }), [r]);

  it('an unknown variant fails the rule instead of falling back to the plain message', async () => {
    const [raw, ...more] = await run(rule({ path: '', variant: 'no-such-variant' }));
    expect(more).toEqual([]);
    expect(raw!.rule.id).toBe('internal.rule-failed');
    expect(raw!.emission.params?.error).toMatch(/variant "no-such-variant"/);
  });

  it('a missing parameter fails the rule instead of rendering as an empty string', async () => {
    const tooLong = ruleById('body.display-name-too-long') as AnyRule;
    const [raw] = await runRules(await buildContext({}, { at: new Date(AT), strict: false, crypto: globalThis.crypto }), [
      { ...tooLong, check: (_ctx, e) => e({ path: '/displayName', params: { length: '300' } }) },
    ]);
    expect(raw!.rule.id).toBe('internal.rule-failed');
    expect(raw!.emission.params?.error).toMatch(/parameter "max"/);
  });

  it('a complete emission passes through unchanged', async () => {
    const [raw] = await run(rule({ path: '/certificateAuthorities' }));
    expect(raw!.rule.id).toBe('body.empty-list');
    expect(raw!.emission).toEqual({ path: '/certificateAuthorities' });
  });
});

describe('the registry', () => {
  it('runs no rule twice and lists the engine finding apart from the checks', () => {
    expect(new Set(rules).size).toBe(rules.length);
    expect(rules.map((r) => r.id)).not.toContain('internal.rule-failed');
    expect(ruleById('internal.rule-failed')).toMatchObject({ severity: 'error' });
  });
});
