/**
 * Bodies as JSON text: valid bodies serialised with different layouts, and text-level defects that only exist
 * before parsing (not JSON at all → `body.not-json` at ""; a member written twice → `body.duplicate-key`).
 */
import * as fc from 'fast-check';
import type { Severity } from '../types.js';
import type { CertificatePool } from './pool.js';
import { bodyPlanArb, renderPlan } from './body-plan.js';

export type TextMutationKind =
  | 'text-trailing-comma'
  | 'text-byte-order-mark'
  | 'text-comment'
  | 'text-single-quotes'
  | 'text-truncated'
  | 'text-bad-literal'
  | 'text-duplicate-key';

export const textMutationKinds: readonly TextMutationKind[] = [
  'text-trailing-comma',
  'text-byte-order-mark',
  'text-comment',
  'text-single-quotes',
  'text-truncated',
  'text-bad-literal',
  'text-duplicate-key',
];

export interface InvalidText {
  kind: TextMutationKind;
  text: string;
  expected: { rule: string; path: string; severity: Severity };
}

const LAYOUTS: (number | string)[] = [0, 2, 4, '\t'];

export function validTextArb(validBody: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string> {
  return fc.tuple(validBody, fc.constantFrom(...LAYOUTS)).map(([body, indent]) => JSON.stringify(body, null, indent));
}

const NOT_JSON = { rule: 'body.not-json', path: '', severity: 'error' as const };

export function invalidTextArb(pool: CertificatePool, kinds: readonly TextMutationKind[] = textMutationKinds): fc.Arbitrary<InvalidText> {
  return (
    fc
      .record({ plan: bodyPlanArb(pool), kind: fc.constantFrom(...kinds), indent: fc.constantFrom(...LAYOUTS), a: fc.nat() })
      // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch covers every kind, as the return type makes tsc check.
      .map(({ plan, kind, indent, a }): InvalidText => {
        const { body, entries } = renderPlan(pool, plan);
        const text = JSON.stringify(body, null, indent);
        switch (kind) {
          case 'text-trailing-comma': {
            // After the body's last member: `{…,"displayName":"x",}` (JSON.stringify writes nothing after the final brace).
            let end = text.length - 1;
            while (/\s/.test(text[end - 1]!)) end--;
            return { kind, text: `${text.slice(0, end)},${text.slice(end)}`, expected: NOT_JSON };
          }
          case 'text-byte-order-mark':
            return { kind, text: `\uFEFF${text}`, expected: NOT_JSON };
          case 'text-comment':
            return { kind, text: a % 2 === 0 ? `/* trust list */\n${text}` : `// trust list\n${text}`, expected: NOT_JSON };
          case 'text-single-quotes':
            return { kind, text: text.replace('"certificateAuthorities"', "'certificateAuthorities'"), expected: NOT_JSON };
          case 'text-truncated':
            return { kind, text: text.slice(0, a % text.length), expected: NOT_JSON };
          case 'text-bad-literal':
            return {
              kind,
              text: text.replace(
                /("isRootAuthority":\s*)(true|false)/,
                (_, p: string, v: string) => p + pick(['True', 'FALSE', 'yes', 'NaN', 'undefined'], a, v),
              ),
              expected: NOT_JSON,
            };
          case 'text-duplicate-key': {
            // Written twice: first a wrong value, then the right one; JSON.parse (and Graph, likely) keeps the last.
            const e = entries[a % entries.length]!;
            const sentinel = '\u0000duplicate-key-sentinel';
            (body.certificateAuthorities as unknown[])[e.index] = sentinel;
            const entryText = JSON.stringify(e.object);
            const doubled = `{"isRootAuthority":${String(!e.cert.selfSigned)},${entryText.slice(1)}`;
            return {
              kind,
              text: JSON.stringify(body).replace(JSON.stringify(sentinel), () => doubled),
              expected: { rule: 'body.duplicate-key', path: `/certificateAuthorities/${e.index}/isRootAuthority`, severity: 'warning' },
            };
          }
        }
      })
  );
}

function pick(items: string[], n: number, avoid: string): string {
  const v = items[n % items.length]!;
  return v === avoid ? items[(n + 1) % items.length]! : v;
}
