import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { rulesMarkdownTable } from '../src/rules/table.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists the rules exactly as the registry has them (run npm run docs:rules after changing a rule)', () => {
    const section = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme)?.[1];
    expect(section).toBe(rulesMarkdownTable());
  });

  it('shows the two quick-start commands', () => {
    expect(readme).toMatch(/npm ci && npm run demo/);
    expect(readme).toMatch(/^npm test\b/m);
  });
});
