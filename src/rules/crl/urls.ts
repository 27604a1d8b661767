/** Reading the CRL URL members of an entry. */
import type { EntryContext } from '../context.js';
import { URL_MEMBERS } from '../../graph/model.js';

/**
 * The URL when `value` is an absolute URL with an authority (`scheme://host…`). WHATWG parsing alone would accept
 * "http:host/x.crl" by repairing it; other URL readers (Windows' among them) do not.
 */
export function parseAbsoluteUrl(value: string): URL | null {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^https?:\/\/([/?#\s]|$)/i.test(value)) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** The configured URL strings of an entry (non-empty strings only). */
export function configuredUrls(e: EntryContext): [member: (typeof URL_MEMBERS)[number], value: string][] {
  if (!e.object) return [];
  const out: [(typeof URL_MEMBERS)[number], string][] = [];
  for (const m of URL_MEMBERS) {
    const v = e.object[m];
    if (typeof v === 'string') out.push([m, v]);
  }
  return out;
}

export function baseCrlUrl(e: EntryContext): string | null {
  const v = e.object?.certificateRevocationListUrl;
  return typeof v === 'string' && v !== '' ? v : null;
}
