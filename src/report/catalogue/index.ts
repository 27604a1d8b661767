/** Renders a finding's message and fix from the catalogue of the chosen language. */
import type { Lang } from '../../types.js';
import type { Catalogue } from './types.js';
import { en } from './en.js';

let french: Promise<Catalogue> | null = null;

/**
 * The catalogue of a language. English is always here (the rules are typed by it); French is loaded the first time it
 * is asked for, so the browser build keeps it in a chunk of its own that English pages never download.
 */
export function loadCatalogue(lang: Lang): Promise<Catalogue> {
  if (lang !== 'fr') return Promise.resolve(en);
  french ??= import('./fr.js').then((m) => m.fr);
  return french;
}

/** Longest parameter quoted in a message: a 10 MB member name must not make a 10 MB message. */
export const MAX_QUOTED_CHARS = 200;

function quote(value: string): string {
  return value.length > MAX_QUOTED_CHARS ? `${value.slice(0, MAX_QUOTED_CHARS)}… (${value.length} characters)` : value;
}

function fill(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => quote(params[name] ?? ''));
}

/** A finding's message and fix from `catalogue` (see {@link loadCatalogue}); an id it lacks falls back to English. */
export function renderMessage(
  catalogue: Catalogue,
  rule: string,
  params: Readonly<Record<string, string>> = {},
  variant?: string,
): { message: string; fix?: string } {
  const entry = catalogue[rule] ?? (en as Catalogue)[rule];
  if (!entry) return { message: rule };
  const v = variant ? entry.variants?.[variant] : undefined;
  const message = fill(v?.message ?? entry.message, params);
  const fix = v?.fix ?? entry.fix;
  return fix ? { message, fix: fill(fix, params) } : { message };
}
