// `npm run generate`: rewrites what is derived from the rule files — the rule index (src/rules/all.ts), the README's
// rule table, the list of rules that no mutation kind of `invalidBody` produces (docs/arbitraries.md) and the device
// findings' table (docs/device.md). Tests fail,
// naming this command, when one is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { RULE_INDEX_PATH, ruleIndexSource } from './lib/rule-index.js';

function write(path: string | URL, next: string, what: string): void {
  let before = '';
  try {
    before = readFileSync(path, 'utf8');
  } catch {
    // a new file
  }
  if (before === next) console.log(`${what}: already current`);
  else {
    writeFileSync(path, next);
    console.log(`${what}: updated`);
  }
}

write(RULE_INDEX_PATH, ruleIndexSource(), 'src/rules/all.ts');

// The README table reads the registry, which reads the index just written: load it afresh.
const { rulesMarkdownTable } = await import('../src/rules/table.js');
const { uncoveredRulesLine } = await import('./lib/uncovered-rules.js');

function between(file: string, marker: string, content: string): void {
  const url = new URL(`../${file}`, import.meta.url);
  const pattern = new RegExp(`(<!-- ${marker}:start -->)[\\s\\S]*?(<!-- ${marker}:end -->)`);
  const text = readFileSync(url, 'utf8');
  if (!pattern.test(text)) throw new Error(`${file} has no <!-- ${marker}:start --> … <!-- ${marker}:end --> markers`);
  write(
    url,
    text.replace(pattern, (_, start: string, end: string) => `${start}\n${content}\n${end}`),
    `${file} (${marker})`,
  );
}

between('README.md', 'rules', rulesMarkdownTable());
between('docs/arbitraries.md', 'uncovered', uncoveredRulesLine());
const { deviceRulesMarkdownTable } = await import('../src/device/findings.js');
between('docs/device.md', 'device-rules', deviceRulesMarkdownTable());
