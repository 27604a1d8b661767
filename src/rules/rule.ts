/**
 * The shape of a rule (zlint/pkilint style): metadata with a citation, and a check over the prepared context.
 * Rules are pure and synchronous: everything asynchronous (digests, signature checks) happens once while the
 * context is built, so a rule never repeats work another rule already did.
 */
import type { Basis, Severity } from '../types.js';
import type { CheckContext } from './context.js';

/** What the server does with a body that trips the rule. */
export interface ServerBehaviour {
  /** Position in the server's order (DESIGN "The server's order"): 1 JSON, 2 members, 3 types, 4 certificate. */
  step: 1 | 2 | 3 | 4;
  status: number;
  code: string;
  /** The server's message, verbatim from docs/graph-api.md for the finding's parameters. */
  message(params: Record<string, string>): string;
  /** `details[0].target`, when the envelope has one. */
  target?(params: Record<string, string>): string | null;
}

export interface RuleMeta {
  /** Stable dotted id, e.g. `certificate.not-ca`. */
  id: string;
  severity: Severity;
  basis: Basis;
  /** Where the claim comes from: a document and section, or an issue thread. */
  citation: string;
  /** One sentence: what the rule checks. */
  description: string;
  /** Present when the server is known (or, per the basis, inferred) to answer a tripped body with an error. */
  server?: ServerBehaviour;
}

export interface Emission {
  /** JSON Pointer of the most specific offending member. */
  path: string;
  /** Values for the message template. */
  params?: Record<string, string>;
  /** Overrides the rule's severity (e.g. an info "matches" from an echo rule that otherwise warns). */
  severity?: Severity;
  /** Selects a variant of the message in the catalogue (e.g. "match"). */
  variant?: string;
}

export interface Rule extends RuleMeta {
  check(ctx: CheckContext, emit: (e: Emission) => void): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
