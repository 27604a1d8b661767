import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { RULE_INDEX_PATH, ruleFiles, ruleIndexSource } from '../scripts/lib/rule-index.js';
import { rules, describeRules } from '../src/rules/registry.js';

const graphApi = readFileSync(new URL('../docs/graph-api.md', import.meta.url), 'utf8');
const BASES = ['graph-documented', 'graph-inferred', 'entra-cba', 'rfc5280', 'best-practice'];

describe('rule registry', () => {
  it('is generated from the rule files (src/rules/all.ts is current: run `npm run generate`)', () => {
    expect(readFileSync(RULE_INDEX_PATH, 'utf8')).toBe(ruleIndexSource());
  });

  it('names each rule after its file: src/rules/<family>/<name>.ts declares <family>.<name>', () => {
    expect(rules.map((r) => r.id.replace('.', '/'))).toEqual(ruleFiles());
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every rule a severity, a basis, a citation and a description', () => {
    for (const r of describeRules()) {
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(BASES).toContain(r.basis);
      expect(r.citation.length).toBeGreaterThan(10);
      expect(r.description.length).toBeGreaterThan(20);
    }
  });

  it('quotes every sign-in failure (AADSTS code and message) verbatim from docs/graph-api.md', () => {
    const quoted = rules.filter((r) => r.signIn);
    expect(quoted.length).toBeGreaterThan(10);
    for (const r of quoted) {
      const row = graphApi.split('\n').find((l) => l.startsWith(`| ${r.signIn!.code} |`));
      expect(row, `${r.id}: no row for ${r.signIn!.code}`).toBeDefined();
      expect(row, r.id).toContain(`\`${r.signIn!.message}\``);
      expect(row, `${r.id} is not named in the ${r.signIn!.code} row`).toContain(`\`${r.id}\``);
    }
  });

  it('quotes every server message verbatim from docs/graph-api.md', () => {
    const sample = { property: 'PLACEHOLDER', type: 'PLACEHOLDER', expected: 'PLACEHOLDER' };
    for (const r of rules) {
      if (!r.server) continue;
      const message = r.server.message(sample);
      // Turn the rendered message back into the reference's template form: '<p>', '<prop>', '<name>', '<t>'.
      // A member the rule names itself ("property 'isRootAuthority'") stands for the reference's '<p>' too.
      const pattern = new RegExp(
        message
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/PLACEHOLDER/g, '(<[a-z]+>|[A-Za-z]+)')
          .replace(/property '(\w+)'/g, "property '(<[a-z]+>|$1)'"),
      );
      expect(graphApi, `${r.id}: ${message}`).toMatch(pattern);
    }
  });
});
