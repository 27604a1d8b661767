import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { ANSWERS } from '../src/simulator/messages.js';

const graphApi = readFileSync(new URL('../docs/graph-api.md', import.meta.url), 'utf8');
const table = graphApi.slice(graphApi.indexOf('## What the simulator answers'));

describe('the simulator’s answers', () => {
  it('quotes every message verbatim from docs/graph-api.md, with its status and code', () => {
    for (const [name, a] of Object.entries(ANSWERS)) {
      const row = table.split('\n').find((line) => line.includes(`\`${a.template}\``));
      expect(row, `${name}: "${a.template}" is not in the table of docs/graph-api.md`).toBeDefined();
      expect(row, name).toContain(`${a.status} \`${a.code}\``);
      expect(row!.split('|').at(-2)!.trim().startsWith(a.basis), `${name}: the table labels it otherwise than "${a.basis}"`).toBe(true);
    }
  });
});
