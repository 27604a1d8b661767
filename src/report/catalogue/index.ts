/** Renders a finding's message and fix from the catalogue of the chosen language. */
import type { Lang } from '../../types.js';
import type { Catalogue } from './types.js';
import { en } from './en.js';
import { enTerms, type TermKey, type Terms } from './terms-en.js';

let french: Promise<Catalogue> | null = null;
let frenchTerms: Promise<Terms> | null = null;

/** Marks a parameter that is a word of the catalogue (see terms-en.ts) rather than data. */
const TERM = '\u0000term:';

/** A parameter that the renderer writes as the term `key` in the finding's language. */
export function term(key: TermKey): string {
  return TERM + key;
}

/** The JSON type name of a value (`typeOfJson`) as a term. */
export function jsonTypeTerm(type: string): string {
  return term(`json.${type}` as TermKey);
}

/** The terms of a language (French is loaded with its catalogue, in the same chunk). */
export function loadTerms(lang: Lang): Promise<Terms> {
  if (lang !== 'fr') return Promise.resolve(enTerms);
  frenchTerms ??= import('./terms-fr.js').then((m) => m.frTerms);
  return frenchTerms;
}

/**
 * The catalogue of a language. English is always here (the rules are typed by it); French is loaded the first time it
 * is asked for, so the browser build keeps it in a chunk of its own that English pages never download.
 */
export function loadCatalogue(lang: Lang): Promise<Catalogue> {
  if (lang !== 'fr') return Promise.resolve(en);
  french ??= import('./fr.js').then((m) => m.fr);
  return french;
}

/**
 * A server behaviour's citation in the language of `terms`: the term whose English text it is (terms-en.ts, `server.*`),
 * or the citation as written when none is (then it is shown as is, never dropped).
 */
export function citationIn(terms: Terms, citation: string): string {
  const key = (Object.keys(enTerms) as TermKey[]).find((k) => k.startsWith('server.') && enTerms[k] === citation);
  return key ? terms[key] : citation;
}

/** Longest parameter quoted in a message: a 10 MB member name must not make a 10 MB message. */
export const MAX_QUOTED_CHARS = 200;

function quote(value: string, terms: Terms): string {
  if (value.startsWith(TERM)) return terms[value.slice(TERM.length) as TermKey] ?? enTerms[value.slice(TERM.length) as TermKey] ?? '';
  if (value.length <= MAX_QUOTED_CHARS) return value;
  return `${value.slice(0, MAX_QUOTED_CHARS)}${terms['cut-value'].replace('{length}', String(value.length))}`;
}

function fill(template: string, params: Readonly<Record<string, string>>, terms: Terms): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => quote(params[name] ?? '', terms));
}

/**
 * A finding's message and fix from `catalogue` (see {@link loadCatalogue}), terms from `terms` ({@link loadTerms}); an id
 * it lacks falls back to English.
 */
export function renderMessage(
  catalogue: Catalogue,
  rule: string,
  params: Readonly<Record<string, string>> = {},
  variant?: string,
  terms: Terms = enTerms,
): { message: string; fix?: string } {
  const entry = catalogue[rule] ?? (en as Catalogue)[rule];
  if (!entry) return { message: rule };
  const v = variant ? entry.variants?.[variant] : undefined;
  const message = fill(v?.message ?? entry.message, params, terms);
  const fix = v?.fix ?? entry.fix;
  return fix ? { message, fix: fill(fix, params, terms) } : { message };
}
