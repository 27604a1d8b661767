/** Every mutation kind, in one list: drives `invalidBody`, `mutation(kind)` and the documentation. */
import { bodyMutations } from './body.js';
import { entryMutations } from './entry.js';
import { certificateMutations } from './certificate.js';
import { chainMutations } from './chain.js';
import { profileMutations } from './profile.js';
import type { MutationSpec } from './types.js';

const ALL = [...bodyMutations, ...entryMutations, ...certificateMutations, ...chainMutations, ...profileMutations] as const;

/** The name of one kind of defect `invalidBody` can apply. */
export type MutationKind = (typeof ALL)[number]['kind'];

export const MUTATIONS: readonly MutationSpec<MutationKind>[] = ALL;

/** What each mutation kind does and the finding it produces: plain data for filtering and documentation. */
export interface MutationKindInfo {
  kind: MutationKind;
  rule: string;
  severity: 'error' | 'warning' | 'info';
  /** Rules the mutated body may also trip as consequences. */
  mayAlso: readonly string[];
  description: string;
  /** The valid body it starts from lists an intermediate with its issuer. */
  needsIntermediate: boolean;
}

export const mutationKinds: readonly MutationKindInfo[] = Object.freeze(
  MUTATIONS.map((m) =>
    Object.freeze({
      kind: m.kind,
      rule: m.rule,
      severity: m.severity,
      mayAlso: m.mayAlso,
      description: m.description,
      needsIntermediate: !!m.needsIntermediate,
    }),
  ),
);

const byKind = new Map(MUTATIONS.map((m) => [m.kind, m]));

export function mutationSpec(kind: MutationKind): MutationSpec<MutationKind> {
  const m = byKind.get(kind);
  if (!m) throw new RangeError(`unknown mutation kind ${JSON.stringify(kind)}; known: ${[...byKind.keys()].join(', ')}`);
  return m;
}

export type { MutationSpec, MutationChoice } from './types.js';
