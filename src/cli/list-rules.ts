import { describeRules } from '../rules/registry.js';
import { DEVICE_RULES } from '../device/findings.js';

export function formatRuleList(format: 'text' | 'json'): string {
  const list = describeRules();
  if (format === 'json') return `${JSON.stringify(list, null, 2)}\n`;
  const w = Math.max(...list.map((r) => r.id.length));
  const lines = list.map(
    (r) =>
      `${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${r.basis.padEnd(16)}  ${r.server ? `server step ${r.server.step} (${r.server.basis})`.padEnd(26) : ' '.repeat(26)}  ${r.signIn ? `${r.signIn.code}  ` : ''}${r.description}\n${' '.repeat(w + 2)}${r.citation}`,
  );
  const dw = Math.max(...DEVICE_RULES.map((r) => r.id.length));
  const device = DEVICE_RULES.map(
    (r) =>
      `${r.id.padEnd(dw)}  ${r.severity.padEnd(7)}  ${r.basis.padEnd(16)}  ${r.signIn ? `${r.signIn.code}  ` : ''}${r.description}\n${' '.repeat(dw + 2)}${r.citation}`,
  );
  return (
    `${list.length} rules (id, default severity, basis, whether the server is predicted to refuse it and how sure that is, the AADSTS code a device sign-in fails with, what it checks; then its citation)\n\n${lines.join('\n')}\n\n` +
    `${DEVICE_RULES.length} findings of \`ca-preflight device\` (id, default severity, basis, the AADSTS code, what it finds; then its citation)\n\n${device.join('\n')}\n`
  );
}
