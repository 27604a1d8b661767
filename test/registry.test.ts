import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { rules, describeRules } from '../src/rules/registry.js';

const graphApi = readFileSync(new URL('../docs/graph-api.md', import.meta.url), 'utf8');
const BASES = ['graph-documented', 'graph-inferred', 'entra-cba', 'rfc5280', 'best-practice'];

describe('rule registry', () => {
  it('registers every rule file exactly once, with a stable dotted id', () => {
    const dir = new URL('../src/rules/', import.meta.url);
    const files = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(new URL(`${d.name}/`, dir))
          .filter((f) => f.endsWith('.ts'))
          .map((f) => `${d.name}/${f}`),
      )
      .filter((f) => readFileSync(new URL(f, dir), 'utf8').includes('defineRule('));
    expect(rules.length).toBe(files.length);
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

  it('quotes every server message verbatim from docs/graph-api.md', () => {
    const sample = { property: 'PLACEHOLDER', type: 'PLACEHOLDER' };
    for (const r of rules) {
      if (!r.server) continue;
      const message = r.server.message(sample);
      // Turn the rendered message back into the reference's template form: '<p>', '<prop>', '<name>', '<t>'.
      const pattern = new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/PLACEHOLDER/g, '(<[a-z]+>|[A-Za-z]+)'));
      expect(graphApi, `${r.id}: ${message}`).toMatch(pattern);
    }
  });
});
