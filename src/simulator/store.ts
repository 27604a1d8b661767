/**
 * The simulator's state: the configurations as GET returns them (without `@odata.context`), in creation order, and
 * what a read sees. Writes go to the store at once; after a write a "stale" window can make reads return the state
 * before it for N reads or T milliseconds — Entra documents that "a successful write to Microsoft Entra does not
 * guarantee that an immediate read will reflect that change".
 */
import { isControlInformation, isPlainObject } from '../graph/model.js';

export type Resource = Record<string, unknown>;

interface StaleWindow {
  snapshot: Map<string, Resource>;
  readsLeft: number | null;
  until: number | null;
}

function copy(resources: Map<string, Resource>): Map<string, Resource> {
  return new Map([...resources].map(([id, r]) => [id, structuredClone(r)]));
}

/** A resource as the store keeps it: control information dropped, members copied. */
export function storedForm(value: unknown, what: string): Resource {
  if (!isPlainObject(value)) throw new TypeError(`${what} must be a mutualTlsOauthConfiguration resource (a JSON object)`);
  if (typeof value.id !== 'string' || value.id === '') throw new TypeError(`${what} needs a string "id"`);
  return structuredClone(Object.fromEntries(Object.entries(value).filter(([k]) => !isControlInformation(k))));
}

/**
 * The resources a GET response holds: a single resource, or a collection `{ value: [...] }` (what the list call and
 * `ca-preflight serve --state` write).
 */
export function resourcesOf(value: unknown, what = 'the resource'): Resource[] {
  if (isPlainObject(value) && Array.isArray(value.value) && !('id' in value))
    return value.value.map((r, i) => storedForm(r, `${what}, value[${i}],`));
  return [storedForm(value, what)];
}

export class ResourceStore {
  private resources = new Map<string, Resource>();
  private stale: StaleWindow | null = null;

  constructor(
    initial: readonly Resource[],
    private readonly now: () => number,
  ) {
    for (const r of initial) {
      if (this.resources.has(r.id as string)) throw new TypeError(`two resources have the id "${String(r.id)}"`);
      this.resources.set(r.id as string, structuredClone(r));
    }
  }

  /** What a read sees now; counts the read against a stale window. */
  read(): Map<string, Resource> {
    const w = this.stale;
    if (w) {
      const timeLeft = w.until === null || this.now() < w.until;
      const readsLeft = w.readsLeft === null || w.readsLeft > 0;
      if (timeLeft && readsLeft) {
        if (w.readsLeft !== null) w.readsLeft--;
        return w.snapshot;
      }
      this.stale = null;
    }
    return this.resources;
  }

  /** The state writes see: always current. */
  current(): Map<string, Resource> {
    return this.resources;
  }

  /** Applies a write; `staleFor` opens a window in which reads still see the state before it. */
  write(change: (resources: Map<string, Resource>) => void, staleFor?: { reads: number | null; ms: number | null }): void {
    const before = staleFor ? copy(this.resources) : null;
    change(this.resources);
    if (before && staleFor)
      this.stale = {
        snapshot: before,
        readsLeft: staleFor.reads,
        until: staleFor.ms === null ? null : this.now() + staleFor.ms,
      };
  }

  /** Copies of the current resources, in creation order. */
  list(): Resource[] {
    return [...this.resources.values()].map((r) => structuredClone(r));
  }
}
