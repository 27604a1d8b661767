/**
 * The shape of a rule (zlint/pkilint style): metadata with a citation, and a check over the prepared context.
 * Rules are pure and synchronous: everything asynchronous (digests, signature checks) happens once while the
 * context is built, so a rule never repeats work another rule already did.
 *
 * A rule's id is a key of the English catalogue, and the catalogue entry types what the rule may emit: the
 * parameters are exactly the entry's `{placeholders}` (for the variant named), and a variant must be one the entry
 * has — so a rule and its messages cannot drift apart without a compile error.
 */
import type { en } from '../report/catalogue/en.js';
import type { ParamsOf, VariantOf } from '../report/catalogue/types.js';
import type { Basis, PredictionBasis, Severity } from '../types.js';
import type { CheckContext } from './context.js';
import type { SignInFailure } from '../crl/sign-in.js';

export type { SignInFailure };

/** Every id the catalogue has a message for: the only ids a rule can take. */
export type RuleId = keyof typeof en;

type EntryOf<Id extends RuleId> = (typeof en)[Id];

type ParamsField<P> = [keyof P] extends [never] ? { params?: undefined } : { params: P };

interface Where {
  /** JSON Pointer of the most specific offending member. */
  path: string;
  /** Overrides the rule's severity (e.g. an info "matches" from an echo rule that otherwise warns). */
  severity?: Severity;
}

type EmissionOf<E> =
  | (Where & { variant?: undefined } & ParamsField<ParamsOf<E, undefined>>)
  | { [V in VariantOf<E>]: Where & { variant: V } & ParamsField<ParamsOf<E, V>> }[VariantOf<E>];

/** One finding of rule `Id`: where, and the parameters its message (or the variant's) needs — no fewer, no others. */
export type Emission<Id extends RuleId> = EmissionOf<EntryOf<Id>>;

/** Every parameter set rule `Id` can emit (what its server message is given). */
export type EmittedParams<Id extends RuleId> = NonNullable<Emission<Id>['params']>;

/** An emission as the engine handles it, whatever the rule. */
export interface AnyEmission extends Where {
  params?: Readonly<Record<string, string>> | undefined;
  variant?: string | undefined;
}

/** What the server does with a body that trips the rule. */
export interface ServerBehaviour<P = unknown> {
  /** Position in the server's order (DESIGN "The server's order"): 1 JSON, 2 members, 3 types, 4 certificate. */
  step: 1 | 2 | 3 | 4;
  status: number;
  code: string;
  /** The server's message, verbatim from docs/graph-api.md for the finding's parameters. */
  message(params: P): string;
  /** `details[0].target`, when the envelope has one. */
  target?(params: P): string | null;
  /** What the prediction rests on: the status and message documented, observed in a real response, or inferred. */
  basis: PredictionBasis;
  /** The source of the status and message (docs/graph-api.md "Errors"). */
  citation: string;
}

export interface RuleMeta<Id extends RuleId = RuleId> {
  /** Stable dotted id `<family>.<name>`, the file `src/rules/<family>/<name>.ts`, and the key of its messages. */
  id: Id;
  severity: Severity;
  basis: Basis;
  /** Where the claim comes from: a document and section, or an issue thread. */
  citation: string;
  /** One sentence: what the rule checks. */
  description: string;
  /** What the rule reads besides the body and `current`: `crls`, the CRL files or downloads checked with it. */
  needs?: 'crls';
  /** Present when Entra documents the sign-in failure this finding leads to (documented for CBA, inferred for device mTLS). */
  signIn?: SignInFailure;
}

export interface Rule<Id extends RuleId = RuleId> extends RuleMeta<Id> {
  /** Present when the server is known (or, per the basis, inferred) to answer a tripped body with an error. */
  server?: ServerBehaviour<EmittedParams<Id>>;
  check(ctx: CheckContext, emit: (e: Emission<Id>) => void): void;
}

/** A rule of any id, as the registry and the engine hold it. */
export interface AnyRule extends RuleMeta {
  server?: ServerBehaviour<Readonly<Record<string, string>>>;
  check(ctx: CheckContext, emit: (e: AnyEmission) => void): void;
}

/** Declares a rule; its id must have a catalogue entry, which then types every `emit`. */
export function defineRule<const Id extends RuleId>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
