/**
 * A collection GET (`GET …/mutualTlsOauthConfigurations`: `{ "@odata.context": …, "value": [configuration, …] }`) where one
 * configuration is meant: with one configuration it is that one; with several, the caller names it by id. One reading
 * for check (body and --current), diff, patch, the library and the page.
 */
import { hasOwn, isPlainObject } from './model.js';

export type ConfigurationChoice =
  /** Not a collection response: the value is the resource itself. */
  | { kind: 'resource'; value: unknown }
  /** The configuration at `index` of the collection (the only one, or the one whose id was given). */
  | { kind: 'chosen'; value: Record<string, unknown>; index: number; id: string | null; ids: string[] }
  /** Several configurations and no id to choose by. */
  | { kind: 'choose'; ids: string[] }
  /** No configuration has the id given (or the collection is empty). */
  | { kind: 'not-found'; id: string | null; ids: string[] };

/** A collection response: an object whose `value` is an array, and none of the resource's own members. */
export function isCollectionResponse(value: unknown): value is Record<string, unknown> & { value: unknown[] } {
  return isPlainObject(value) && Array.isArray(value.value) && !hasOwn(value, 'certificateAuthorities') && !hasOwn(value, 'displayName');
}

const idOf = (v: unknown): string | null => (isPlainObject(v) && typeof v.id === 'string' ? v.id : null);

/** The ids of a collection's configurations, as a message lists them. */
export function listIds(ids: readonly string[]): string {
  return ids.length ? ids.join(', ') : 'none';
}

/** Picks the configuration `id` names (or the only one) when `value` is a collection response. */
export function chooseConfiguration(value: unknown, id?: string): ConfigurationChoice {
  if (!isCollectionResponse(value)) return { kind: 'resource', value };
  const items = value.value;
  const ids = items.map((v, i) => idOf(v) ?? `(configuration ${i} has no id)`);
  if (id !== undefined) {
    const index = items.findIndex((v) => idOf(v) === id);
    const chosen = items[index];
    return index >= 0 && isPlainObject(chosen) ? { kind: 'chosen', value: chosen, index, id, ids } : { kind: 'not-found', id, ids };
  }
  if (items.length === 1 && isPlainObject(items[0])) return { kind: 'chosen', value: items[0], index: 0, id: idOf(items[0]), ids };
  return items.length === 0 ? { kind: 'not-found', id: null, ids } : { kind: 'choose', ids };
}

/**
 * Why a choice gives no configuration, in words for an error about `what` ("current", "the body"); null when it gives one.
 * `option` names how the caller chooses (--id, options.id).
 */
export function choiceProblem(choice: ConfigurationChoice, what: string, option: string): string | null {
  switch (choice.kind) {
    case 'resource':
    case 'chosen':
      return null;
    case 'choose':
      return `${what} is a collection response with ${choice.ids.length} configurations; choose one with ${option} (ids: ${listIds(choice.ids)})`;
    case 'not-found':
      return choice.id === null
        ? `${what} is a collection response with no configuration in it`
        : `${what} is a collection response without a configuration whose id is "${choice.id}" (ids: ${listIds(choice.ids)})`;
  }
}
