/**
 * Compile-time tests of the rule API (run by `npm run typecheck`, not by vitest): each `@ts-expect-error` line must fail
 * to compile — if the types stopped catching the mistake, the directive itself would be the error.
 */
import type { en } from '../../src/report/catalogue/en.js';
import type { OverlayMismatches, Placeholders } from '../../src/report/catalogue/types.js';
import { defineRule } from '../../src/rules/rule.js';

const meta = { severity: 'warning', basis: 'best-practice', citation: 'a citation long enough', description: 'a description' } as const;

// body.display-name-too-long: "displayName is {length} characters long; the trust store allows {max}."
defineRule({
  id: 'body.display-name-too-long',
  ...meta,
  check(_ctx, emit) {
    emit({ path: '/displayName', params: { length: '300', max: '256' } });
    // @ts-expect-error a parameter of the message is missing
    emit({ path: '/displayName', params: { length: '300' } });
    // @ts-expect-error a parameter the message does not have
    emit({ path: '/displayName', params: { length: '300', max: '256', extra: 'x' } });
    // @ts-expect-error parameters must be strings
    emit({ path: '/displayName', params: { length: 300, max: '256' } });
    // @ts-expect-error the entry has no variants
    emit({ path: '/displayName', params: { length: '300', max: '256' }, variant: 'long' });
  },
});

// certificate.not-ca: the plain message and the "absent" variant both need {subject}.
defineRule({
  id: 'certificate.not-ca',
  ...meta,
  check(_ctx, emit) {
    emit({ path: '', params: { subject: 'CN=x' }, variant: 'absent' });
    // @ts-expect-error "false" is not a variant of certificate.not-ca
    emit({ path: '', params: { subject: 'CN=x' }, variant: 'false' });
    // @ts-expect-error the variant's message needs {subject}
    emit({ path: '', variant: 'absent' });
  },
});

// echo.issuer-ski: the "match" variant has no placeholder, the plain message needs {given} and {computed}.
defineRule({
  id: 'echo.issuer-ski',
  ...meta,
  check(_ctx, emit) {
    emit({ path: '', severity: 'info', variant: 'match' });
    // @ts-expect-error the match variant takes no parameters
    emit({ path: '', variant: 'match', params: { computed: 'AB' } });
    // @ts-expect-error the plain message needs {given}
    emit({ path: '', params: { computed: 'AB' } });
  },
});

// @ts-expect-error an id without catalogue messages cannot be declared
defineRule({ id: 'body.no-such-rule', ...meta, check() {} });

defineRule({
  id: 'entry.url-wrong-type',
  ...meta,
  // @ts-expect-error the server message reads a parameter the rule never emits
  server: { step: 3, status: 400, code: 'x', message: (p: { missing: string }) => p.missing },
  check() {},
});

// Placeholders follow the renderer's grammar: `{word}` only; `{"displayName": …}` is text.
const found: Placeholders<'a {one} b {"x": 1} {two_2}{three}'> = 'two_2';
void found;
// @ts-expect-error "x" is not a placeholder
const notFound: Placeholders<'{"x": 1}'> = 'x';
void notFound;

// A French catalogue with another placeholder, a missing fix or a missing variant is named.
type En = Pick<typeof en, 'certificate.missing'>;
const frWrongPlaceholder = {
  'certificate.missing': {
    message: 'Pas de certificat {x}.',
    fix: 'Ajoutez-le.',
    variants: { null: { message: 'certificate vaut null.', fix: 'Ajoutez-le.' } },
  },
} as const;
const wrong: OverlayMismatches<En, typeof frWrongPlaceholder> = 'certificate.missing.message';
void wrong;
const frNoVariant = { 'certificate.missing': { message: 'Pas de certificat.', fix: 'Ajoutez-le.' } } as const;
const noVariant: OverlayMismatches<En, typeof frNoVariant> = 'certificate.missing (variants differ)';
void noVariant;
const frRight = {
  'certificate.missing': {
    message: 'Pas de certificat.',
    fix: 'Ajoutez-le.',
    variants: { null: { message: 'certificate vaut null.', fix: 'Ajoutez-le.' } },
  },
} as const;
// @ts-expect-error a faithful overlay has no mismatch at all
const none: OverlayMismatches<En, typeof frRight> = 'certificate.missing.message';
void none;
