/** The rule registry as a Markdown table, for the README (kept in sync by a test and `npm run generate`). */
import { describeRules } from './registry.js';

export function rulesMarkdownTable(): string {
  const rows = describeRules().map(
    (r) =>
      `| \`${r.id}\` | ${r.severity} | ${r.basis} | ${r.server ? `step ${r.server.step}` : '—'} | ${r.signIn ? r.signIn.code : '—'} | ${r.description.replace(/\|/g, '\\|')} |`,
  );
  return ['| rule | severity | basis | server rejects | sign-in fails | what it checks |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
