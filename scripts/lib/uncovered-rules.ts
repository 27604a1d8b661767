/** The rules no kind of `invalidBody` or `crlCase` produces, as docs/arbitraries.md lists them (`npm run generate`). */
import { describeRules } from '../../src/rules/registry.js';
import { mutationKinds } from '../../src/testing/mutations/index.js';
import { crlCaseKinds } from '../../src/testing/crl-cases.js';

export function uncoveredRules(): string[] {
  const covered = new Set([...mutationKinds, ...crlCaseKinds].map((k) => k.rule));
  return describeRules()
    .map((r) => r.id)
    .filter((id) => !covered.has(id) && id !== 'internal.rule-failed');
}

export function uncoveredRulesLine(): string {
  return uncoveredRules()
    .map((id) => `\`${id}\``)
    .join(', ');
}
