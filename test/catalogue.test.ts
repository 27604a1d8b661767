import { describe, expect, it } from 'vitest';
import { en as enTyped } from '../src/report/catalogue/en.js';
import { fr as frTyped } from '../src/report/catalogue/fr.js';
import { renderMessage } from '../src/report/catalogue/index.js';
import type { Catalogue, MessageText } from '../src/report/catalogue/types.js';
import { describeRules } from '../src/rules/registry.js';

/** The catalogues as plain records, to walk them by key (their literal types are checked when compiling). */
const en: Catalogue = enTyped;
const fr: Catalogue = frTyped;

/** Same pattern as the renderer's `fill`: `{"displayName": …}` in a fix is literal text, not a placeholder. */
const PLACEHOLDER = /\{(\w+)\}/g;

function placeholders(text: string | undefined): string[] {
  return [...new Set([...(text ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
}

/**
 * Texts allowed to be identical in both languages: only strings made of placeholders and technical terms.
 * Keyed `id`, `id#variant`, followed by `.message` or `.fix`. None today.
 */
const SAME_IN_BOTH = new Set<string>([]);

interface Text {
  key: string;
  id: string;
  variant?: string;
  en: Partial<MessageText>;
  fr: Partial<MessageText>;
}

/** Every entry and every variant of the English catalogue, paired with the French one. */
function texts(): Text[] {
  const out: Text[] = [];
  for (const [id, entry] of Object.entries(en)) {
    const f = fr[id];
    out.push({ key: id, id, en: entry, fr: f ?? { message: '' } });
    for (const [variant, v] of Object.entries(entry.variants ?? {})) {
      out.push({ key: `${id}#${variant}`, id, variant, en: v, fr: f?.variants?.[variant] ?? {} });
    }
  }
  return out;
}

function variantKeys(c: Catalogue): string[] {
  return Object.entries(c)
    .flatMap(([id, e]) => Object.keys(e.variants ?? {}).map((v) => `${id}#${v}`))
    .sort();
}

describe('message catalogues', () => {
  it('has an entry for every registered rule in both languages', () => {
    const ids: string[] = describeRules().map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    const missing = (c: Catalogue) => ids.filter((id) => !c[id]);
    expect(missing(en)).toEqual([]);
    expect(missing(fr)).toEqual([]);
    expect(
      Object.keys(en).filter((id) => !ids.includes(id)),
      'entries without a rule',
    ).toEqual([]);
  });

  it('has the same keys and the same variant keys in English and French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    expect(variantKeys(fr)).toEqual(variantKeys(en));
  });

  it('is not the English catalogue reused', () => {
    expect(fr).not.toBe(en);
    for (const id of Object.keys(en)) expect(fr[id], id).not.toBe(en[id]);
  });

  describe.each(texts().map((t) => [t.key, t] as const))('%s', (_key, t) => {
    it('has the same placeholders in message and fix', () => {
      expect(placeholders(t.fr.message), 'message').toEqual(placeholders(t.en.message));
      expect(placeholders(t.fr.fix), 'fix').toEqual(placeholders(t.en.fix));
    });

    it('has a fix in French exactly where English has one', () => {
      expect(t.fr.fix === undefined, 'fix presence').toBe(t.en.fix === undefined);
      expect(t.fr.message === undefined, 'message presence').toBe(t.en.message === undefined);
    });

    it('has non-empty texts that are translated', () => {
      for (const field of ['message', 'fix'] as const) {
        const e = t.en[field];
        const f = t.fr[field];
        if (e === undefined) continue;
        expect(e.trim(), `en ${field}`).not.toBe('');
        expect((f ?? '').trim(), `fr ${field}`).not.toBe('');
        if (!SAME_IN_BOTH.has(`${t.key}.${field}`)) expect(f, `fr ${field} is a copy of en`).not.toBe(e);
      }
    });

    it('renders in French with every placeholder filled', () => {
      const names = new Set([
        ...placeholders(t.en.message),
        ...placeholders(t.en.fix),
        ...placeholders(en[t.id]!.message),
        ...placeholders(en[t.id]!.fix),
      ]);
      const params = Object.fromEntries([...names].map((n) => [n, `<${n}>`]));
      const out = renderMessage(fr, t.id, params, t.variant);
      const templates = { message: t.fr.message ?? fr[t.id]!.message, fix: t.fr.fix ?? fr[t.id]!.fix };
      expect(out.message).not.toMatch(PLACEHOLDER);
      for (const n of placeholders(templates.message)) expect(out.message).toContain(`<${n}>`);
      expect(out.fix === undefined).toBe(templates.fix === undefined);
      if (out.fix !== undefined) {
        expect(out.fix).not.toMatch(PLACEHOLDER);
        for (const n of placeholders(templates.fix)) expect(out.fix).toContain(`<${n}>`);
      }
      expect(out.message).not.toBe(renderMessage(en, t.id, params, t.variant).message);
    });
  });

  it('lists only texts that really are identical in the allow-list', () => {
    for (const key of SAME_IN_BOTH) {
      const [path, field] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1) as 'message' | 'fix'];
      const t = texts().find((x) => x.key === path);
      expect(t, key).toBeDefined();
      expect(t!.fr[field], key).toBe(t!.en[field]);
    }
  });
});
