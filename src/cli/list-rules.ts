import { describeRules } from '../rules/registry.js';

export function formatRuleList(format: 'text' | 'json'): string {
  const list = describeRules();
  if (format === 'json') return `${JSON.stringify(list, null, 2)}\n`;
  const w = Math.max(...list.map((r) => r.id.length));
  const lines = list.map(
    (r) =>
      `${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${r.basis.padEnd(16)}  ${r.server ? `server step ${r.server.step} (${r.server.basis})`.padEnd(26) : ' '.repeat(26)}  ${r.signIn ? `${r.signIn.code}  ` : ''}${r.description}\n${' '.repeat(w + 2)}${r.citation}`,
  );
  return `${list.length} rules (id, default severity, basis, whether the server is predicted to refuse it and how sure that is, the AADSTS code a device sign-in fails with, what it checks; then its citation)\n\n${lines.join('\n')}\n`;
}
