// Rewrites the rule table between the markers in README.md from the registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { rulesMarkdownTable } from '../src/rules/table.js';

const path = new URL('../README.md', import.meta.url);
const text = readFileSync(path, 'utf8');
const next = text.replace(
  /(<!-- rules:start -->)[\s\S]*?(<!-- rules:end -->)/,
  (_, start: string, end: string) => `${start}\n${rulesMarkdownTable()}\n${end}`,
);
writeFileSync(path, next);
console.log(next === text ? 'README rule table already current' : 'README rule table updated');
