/** Renders a finding's message and fix from the catalogue of the chosen language. */
import type { Lang } from '../../types.js';
import type { Catalogue } from './types.js';
import { en } from './en.js';
import { fr } from './fr.js';

export const catalogues: Record<Lang, Catalogue> = { en, fr };

/** Longest parameter quoted in a message: a 10 MB member name must not make a 10 MB message. */
export const MAX_QUOTED_CHARS = 200;

function quote(value: string): string {
  return value.length > MAX_QUOTED_CHARS ? `${value.slice(0, MAX_QUOTED_CHARS)}… (${value.length} characters)` : value;
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => quote(params[name] ?? ''));
}

export function renderMessage(
  lang: Lang,
  rule: string,
  params: Record<string, string> = {},
  variant?: string,
): { message: string; fix?: string } {
  const entry = catalogues[lang][rule] ?? catalogues.en[rule];
  if (!entry) return { message: rule };
  const v = variant ? entry.variants?.[variant] : undefined;
  const message = fill(v?.message ?? entry.message, params);
  const fix = v?.fix ?? entry.fix;
  return fix ? { message, fix: fill(fix, params) } : { message };
}
