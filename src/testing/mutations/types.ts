/** The shape of a mutation: one defect applied to a rendered valid body, with the finding it must produce. */
import type { Severity } from '../../types.js';
import type { CertificatePool, PooledCa, PooledCertificate, TwinKind } from '../pool.js';
import type { RenderedBody, RenderedEntry } from '../body-plan.js';

/** Random inputs a mutation draws on: two choosers and a string, so every kind shrinks the same way. */
export interface MutationChoice {
  /** Usually picks the target entry. */
  a: number;
  /** Usually picks a variant (which value, which member, where to insert). */
  b: number;
  /** Free text for names, keys and values. */
  s: string;
}

export interface MutationResult {
  body: unknown;
  /** JSON Pointer of the finding the mutation must produce. */
  path: string;
}

export interface MutationSpec<K extends string = string> {
  kind: K;
  /** The rule id the mutation trips. */
  rule: string;
  /** The finding's severity without `strict`. */
  severity: Severity;
  /**
   * Other rules the same body may also trip, as consequences (e.g. a CA whose certificate cannot be read leaves the CAs
   * it issued without an issuer). The expected rule may also fire at other paths when listed here or noted in `description`.
   */
  mayAlso: readonly string[];
  description: string;
  /** The valid body must list an intermediate together with its issuer. */
  needsIntermediate?: boolean;
  apply(r: RenderedBody, c: MutationChoice, pool: CertificatePool): MutationResult;
}

export const CA_LIST = '/certificateAuthorities';

export function entryPath(index: number, member?: string): string {
  return member === undefined ? `${CA_LIST}/${index}` : `${CA_LIST}/${index}/${member.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function pick<T>(items: readonly T[], n: number): T {
  if (items.length === 0) throw new Error('nothing to pick from');
  return items[n % items.length]!;
}

export function anyEntry(r: RenderedBody, n: number): RenderedEntry {
  return pick(r.entries, n);
}

export function intermediateEntry(r: RenderedBody, n: number): RenderedEntry {
  return pick(
    r.entries.filter((e) => e.cert.level > 0),
    n,
  );
}

export function rootEntry(r: RenderedBody, n: number): RenderedEntry {
  return pick(
    r.entries.filter((e) => e.cert.level === 0),
    n,
  );
}

/** The listed entry of a CA's issuer (a plan always lists complete chains). */
export function parentEntry(r: RenderedBody, child: RenderedEntry): RenderedEntry {
  const parent = child.cert.parent;
  const found = r.entries.find((e) => e.cert === parent);
  if (!found) throw new Error(`the issuer of ${child.cert.id} is not listed`);
  return found;
}

/** The listed entry of the CA that `parent` issued, if any. */
export function childEntry(r: RenderedBody, parent: RenderedEntry): RenderedEntry | undefined {
  return r.entries.find((e) => e.cert.parent === parent.cert);
}

/** Sets a member, even one named `__proto__`, as an own enumerable data property (what JSON.parse does). */
export function setMember(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

export function list(r: RenderedBody): unknown[] {
  return r.body.certificateAuthorities as unknown[];
}

/** Swaps an entry's certificate for one of its CA's twins; the read-only echoes of the original go with it. */
export function useTwin(e: RenderedEntry, twin: TwinKind): PooledCertificate {
  const t = (e.cert as PooledCa).twins[twin];
  if (!t) throw new Error(`${e.cert.id} has no ${twin} twin`);
  e.object.certificate = t.base64;
  delete e.object.issuer;
  delete e.object.issuerSki;
  return t;
}

/** A new entry for a certificate outside the plan, written the plain way. */
export function plainEntry(cert: PooledCertificate, isRootAuthority: boolean): Record<string, unknown> {
  return { certificate: cert.base64, isRootAuthority };
}
