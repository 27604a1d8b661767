/**
 * French output has no English fragment: every vector (every rule trips in at least one) is checked in French, and its
 * messages and fixes are searched for the English catalogue's own words. Data the messages quote stays as it is —
 * distinguished names, URLs, file names, member names, algorithm and field identifiers, dates — and is set aside first.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../src/report/catalogue/en.js';
import { fr } from '../src/report/catalogue/fr.js';
import { preflight } from '../src/preflight.js';
import { describeRules } from '../src/rules/registry.js';
import { enTerms } from '../src/report/catalogue/terms-en.js';
import { summaryLine } from '../src/report/text.js';
import { isTextVector, preflightOptions, vectorBody, type PreflightVector } from './support/vector-format.js';

type Entry = { message: string; fix?: string; variants?: Record<string, { message?: string; fix?: string }> };
const texts = (c: Record<string, Entry>) =>
  Object.values(c).flatMap((e) => [
    e.message,
    e.fix ?? '',
    ...Object.values(e.variants ?? {}).flatMap((v) => [v.message ?? '', v.fix ?? '']),
  ]);

/** What a message quotes: set aside before looking for English. */
function withoutData(text: string): string {
  const attr = '(?:CN|OU|O|L|ST|C|DC|SERIALNUMBER|E|S)';
  // Every attribute up to the last, whose value (a country, a domain component) is one word.
  const name = new RegExp(`\\b(?:${attr}=[^,;)]*?,\\s*)*${attr}=[^\\s,;)]*`, 'g');
  return text
    .replace(/\{\w+\}/g, ' ')
    .replace(/"[^"]*"|«[^»]*»|“[^”]*”/g, ' ') // quoted member names, values, file names
    .replace(name, ' ') // distinguished names, attribute by attribute
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ') // URLs
    .replace(/\b\d{4}-\d\d-\d\dT[\d:.]+Z\b/g, ' ') // dates
    .replace(/\/[\w/~.@-]*/g, ' ') // JSON pointers, paths
    .replace(/\b[a-z]+(?:\.[A-Za-z-]+)+\b/g, ' ') // dotted ids (rule ids, fields, file names)
    .replace(/\b[\w-]*(?:[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]|_)[\w.-]*\b/g, ' ') // identifiers: camelCase, with digits
    .replace(/\b[A-Z][A-Z0-9-]+\b/g, ' ') // ASN.1 keywords and acronyms (SEQUENCE, SIZE, DER)
    .replace(/\b(?:critical|version|issuer|subject|validity|extensions|signature)\b(?=\s+(?:RDN|critical|contient|est|n’|a\s))/g, ' '); // ASN.1 field names where the decoder names a field
}

const words = (text: string) => text.match(/[A-Za-zÀ-ÿ’']{3,}/g) ?? [];

const frenchWords = new Set(
  texts(fr as Record<string, Entry>)
    .flatMap((t) => words(withoutData(t)))
    .map((w) => w.toLowerCase()),
);
/** The English catalogue's words that French never uses, and the small words every English sentence has. */
const english = new Set([
  ...texts(en as Record<string, Entry>)
    .flatMap((t) => words(withoutData(t)))
    .map((w) => w.toLowerCase())
    .filter((w) => !frenchWords.has(w)),
  ...['the', 'and', 'with', 'than', 'that', 'this', 'which', 'cannot', 'not', 'more', 'none', 'bytes', 'characters', 'given'],
]);

const index = JSON.parse(readFileSync(new URL('../vectors/index.json', import.meta.url), 'utf8')) as { cases: { file: string }[] };
const vectors = index.cases.map(
  (c) => [c.file, JSON.parse(readFileSync(new URL(`../vectors/${c.file}`, import.meta.url), 'utf8'))] as const,
);

describe('French output', () => {
  it('has vocabulary to look for', () => {
    expect(english.size).toBeGreaterThan(200);
    for (const w of ['expired', 'listed', 'the', 'cannot']) expect(english.has(w), w).toBe(true);
  });

  it('has every predicted answer’s citation in French: each rule’s server citation is a term of the catalogue', () => {
    const cited = Object.entries(enTerms)
      .filter(([k]) => k.startsWith('server.'))
      .map(([, v]) => v as string);
    const rules = describeRules().filter((r) => r.server);
    expect(rules.length).toBeGreaterThan(5);
    for (const r of rules)
      expect(cited, `${r.id}: its server citation needs a server.* term (terms-en.ts, terms-fr.ts)`).toContain(r.server!.citation);
  });

  it('carries no English fragment in any message, fix or summary line of any vector', async () => {
    const found: string[] = [];
    for (const [file, v] of vectors as (readonly [string, PreflightVector])[]) {
      const report = await preflight(vectorBody(v), { ...preflightOptions(v), lang: 'fr' });
      const look = (where: string, text: string) => {
        const hits = words(withoutData(text)).filter((w) => english.has(w.toLowerCase()));
        if (hits.length) found.push(`${file} ${where}: [${[...new Set(hits)].join(', ')}] in "${text}"`);
      };
      for (const f of report.findings) for (const text of [f.message, f.fix ?? '']) look(f.rule, text);
      // The summary line: counts, the verdict and the prediction's citation; Graph's own message is quoted, set aside.
      const summary = summaryLine(report, { lang: 'fr' });
      look('summary', report.graphError ? summary.replace(report.graphError.body.error.message, ' ') : summary);
      void isTextVector;
    }
    expect(found).toEqual([]);
  }, 120_000);
});
