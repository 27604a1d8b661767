import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { rulesMarkdownTable } from '../src/rules/table.js';
import { commands } from '../src/cli/commands/index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists the rules exactly as the registry has them (run npm run generate after changing a rule)', () => {
    const section = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme)?.[1];
    expect(section).toBe(rulesMarkdownTable());
  });

  it('shows the two quick-start commands', () => {
    expect(readme).toMatch(/npm ci && npm run demo/);
    expect(readme).toMatch(/^npm test\b/m);
  });

  it("shows in its synopsis every option that each command's --help lists", async () => {
    const synopsis = /## Command line\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    for (const entry of commands) {
      const command = await entry.load();
      // The command's synopsis: its line and the indented continuation lines after it.
      const block = new RegExp(`^ca-preflight ${command.name} .*(?:\\n {2,}.*)*`, 'm').exec(synopsis)?.[0] ?? '';
      expect(block, `no synopsis line for ${command.name}`).not.toBe('');
      const listed = new Set(block.match(/--[a-z][a-z-]*/g) ?? []);
      const helped = new Set((command.help.match(/^ {2,}(?:-\w, )?(--[a-z][a-z-]*)/gm) ?? []).map((l) => l.trim().replace(/^-\w, /, '')));
      helped.delete('--help');
      const missing = [...helped].filter((o) => !listed.has(o));
      expect(missing, `README synopsis of ${command.name} lacks options its --help lists`).toEqual([]);
    }
  });
});
