/**
 * Every rule, in one list: drives preflight, `--list-rules` and the documentation. The list is generated from the rule
 * files (src/rules/all.ts, `npm run generate`), and checked here against the catalogue: an id with messages but no rule
 * does not compile, and a rule without messages cannot be declared (`defineRule` takes only catalogue ids).
 */
import { ruleFiles } from './all.js';
import type { RuleDescription } from '../types.js';
import type { AnyRule, RuleId } from './rule.js';
import { RULE_FAILED } from './run.js';

export const rules: readonly AnyRule[] = ruleFiles;

type Registered = (typeof ruleFiles)[number]['id'] | typeof RULE_FAILED.id;
type WithoutRule = Exclude<RuleId, Registered>;
/** Checked when compiling: a catalogue entry whose rule is not in src/rules/all.ts is named here (run `npm run generate`). */
const everyEntryHasARule: [WithoutRule] extends [never] ? true : WithoutRule = true;
void everyEntryHasARule;

/** A rule's metadata, or the engine's own finding (`internal.rule-failed`), which has no check. */
export type RegisteredRule = AnyRule | typeof RULE_FAILED;

const byId = new Map<string, RegisteredRule>([...rules.map((r) => [r.id, r] as const), [RULE_FAILED.id, RULE_FAILED]]);

export function ruleById(id: string): RegisteredRule | undefined {
  return byId.get(id);
}

/** Rule metadata without the check functions — the rules, then the engine's finding: the registry as data. */
export function describeRules(): RuleDescription[] {
  return [...rules, RULE_FAILED].map((r) => {
    const server = 'server' in r ? r.server : undefined;
    const signIn = 'signIn' in r ? r.signIn : undefined;
    return {
      id: r.id,
      severity: r.severity,
      basis: r.basis,
      citation: r.citation,
      description: r.description,
      server: server
        ? { step: server.step, status: server.status, code: server.code, basis: server.basis, citation: server.citation }
        : null,
      signIn: signIn ? { code: signIn.code, message: signIn.message } : null,
      needs: ('needs' in r && r.needs) || null,
    };
  });
}
