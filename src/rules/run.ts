/**
 * Runs the rules over a context, each one guarded: a rule that throws — or emits a finding its catalogue entry cannot
 * render (an unknown variant, a missing parameter) — yields one `internal.rule-failed` error naming it, its partial
 * findings are dropped, and every other rule's findings are kept. zlint and pkilint treat a failing check the same way:
 * as a fatal result of that check, never as a crash of the run or as silence.
 */
import { en } from '../report/catalogue/en.js';
import type { CheckContext } from './context.js';
import type { AnyEmission, AnyRule, RuleMeta } from './rule.js';

/** The finding the engine reports for a rule that failed; it is not a check of its own. */
export const RULE_FAILED = {
  id: 'internal.rule-failed',
  severity: 'error',
  basis: 'best-practice',
  citation:
    'zlint (a lint that cannot run is a fatal result) and pkilint (a validator that raises is reported as a fatal finding naming it): a check that fails must not pass silently',
  description:
    'A rule failed while checking this input (a defect in ca-preflight, not in the body); what it checks is unknown here, every other rule ran.',
} as const satisfies RuleMeta<'internal.rule-failed'>;

/** A finding before it is rendered: the rule (or the engine) that made it, and what it emitted. */
export interface RawFinding {
  rule: AnyRule | typeof RULE_FAILED;
  emission: AnyEmission;
}

const PLACEHOLDER = /\{(\w+)\}/g;
type Requirements = Map<string | undefined, string[]>;
const requirements = new Map<string, Requirements>();

/** Parameter names each variant of a catalogue entry needs (undefined: no variant), as the renderer fills them. */
function requirementsOf(id: string): Requirements {
  let req = requirements.get(id);
  if (req) return req;
  const entry = (en as Record<string, { message: string; fix?: string; variants?: Record<string, { message?: string; fix?: string }> }>)[
    id
  ];
  req = new Map();
  if (entry) {
    const names = (...texts: (string | undefined)[]) => [
      ...new Set(texts.flatMap((t) => [...(t ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]!))),
    ];
    req.set(undefined, names(entry.message, entry.fix));
    for (const [v, t] of Object.entries(entry.variants ?? {})) req.set(v, names(t.message ?? entry.message, t.fix ?? entry.fix));
  }
  requirements.set(id, req);
  return req;
}

/** Throws when `emission` cannot be rendered from rule `id`'s catalogue entry (the types prevent it; this holds for JS callers). */
function checkEmission(id: string, emission: AnyEmission): void {
  if (typeof emission?.path !== 'string') throw new TypeError(`${id} emitted a finding without a JSON Pointer path`);
  const needed = requirementsOf(id).get(emission.variant);
  if (!needed) throw new TypeError(`${id} emitted variant "${emission.variant}", which its catalogue entry does not have`);
  for (const name of needed) {
    if (typeof emission.params?.[name] !== 'string') throw new TypeError(`${id} emitted a finding without its parameter "${name}"`);
  }
}

function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  try {
    return `thrown value ${String(e)}`;
  } catch {
    return 'thrown value that cannot be printed';
  }
}

/** Every rule's findings over `ctx`, in rule order; a failing rule contributes one `internal.rule-failed` instead. */
export function runRules(ctx: CheckContext, rules: readonly AnyRule[]): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rule of rules) {
    const mine: RawFinding[] = [];
    try {
      rule.check(ctx, (emission) => {
        checkEmission(rule.id, emission);
        mine.push({ rule, emission });
      });
    } catch (e) {
      out.push({ rule: RULE_FAILED, emission: { path: '', params: { rule: rule.id, error: describeError(e) } } });
      continue;
    }
    for (const raw of mine) out.push(raw);
  }
  return out;
}
