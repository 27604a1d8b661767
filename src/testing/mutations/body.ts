/** Mutations of the body's own members (DESIGN "The server's order", steps 2 and 3, and the body-level warnings). */
import { CA_LIST, pick, setMember, type MutationSpec } from './types.js';

/** Members the resource has (writable or read-only): never used as "unknown". */
const KNOWN_TOP = ['displayName', 'certificateAuthorities', 'id', 'deletedDateTime', 'tlsClientAuthParameter'];
/** Names people and tools actually send, plus keys that are dangerous to copy naively. */
const UNKNOWN_TOP = [
  'certificateAuthority',
  'certificateauthorities',
  'DisplayName',
  'name',
  'trustedCertificateAuthorities',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'a/b~c',
  '',
];

function escapeToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A member name the resource does not have: the free text when it qualifies, otherwise one of the samples. */
export function unknownName(s: string, b: number, known: readonly string[], present: object): string {
  const ok = (k: string) => !known.includes(k) && !k.includes('@') && !Object.hasOwn(present, k);
  if (b % 3 === 0 && ok(s)) return s;
  const samples = UNKNOWN_TOP.filter(ok);
  return pick(samples, b);
}

const UNKNOWN_VALUES: unknown[] = ['value', 1, null, true, [], {}];

export const bodyMutations = [
  {
    kind: 'body-not-object',
    rule: 'body.not-object',
    severity: 'error',
    mayAlso: [],
    description: 'The body is an array, a number, a boolean or null instead of an object (never a string: a string is read as JSON text).',
    apply: (r, c) => ({ body: pick([[r.body], c.a, c.b % 2 === 0, null, []], c.b), path: '' }),
  },
  {
    kind: 'top-level-unknown-member',
    rule: 'body.unknown-property',
    severity: 'error',
    mayAlso: [],
    description:
      'A member the resource does not have, e.g. the update page\'s "certificateAuthority", or `__proto__`, `constructor`, an empty name, a name with "/" and "~".',
    apply: (r, c) => {
      const name = unknownName(c.s, c.b, KNOWN_TOP, r.body);
      setMember(r.body, name, pick(UNKNOWN_VALUES, c.a));
      return { body: r.body, path: `/${escapeToken(name)}` };
    },
  },
  {
    kind: 'top-level-read-only-member',
    rule: 'body.read-only-property',
    severity: 'error',
    mayAlso: [],
    description: 'A read-only member of the resource (id, deletedDateTime, tlsClientAuthParameter), as a re-sent GET response carries.',
    apply: (r, c) => {
      const [name, value] = pick<[string, unknown]>(
        [
          ['id', '0f6e2a34-3b5e-4f6a-9c1d-2e8f7a6b5c4d'],
          ['deletedDateTime', null],
          ['tlsClientAuthParameter', 'tls_client_auth_subject_dn'],
        ],
        c.b,
      );
      r.body[name] = value;
      return { body: r.body, path: `/${name}` };
    },
  },
  {
    kind: 'top-level-odata-type-wrong',
    rule: 'body.odata-type-invalid',
    severity: 'error',
    mayAlso: [],
    description: '`@odata.type` on the body names a type the model does not have (a plural, wrong case, not a string).',
    apply: (r, c) => {
      r.body['@odata.type'] = pick(
        [
          '#microsoft.graph.mutualTlsOauthConfigurations',
          '#Microsoft.Graph.mutualTlsOauthConfiguration',
          '#microsoft.graph.trustedCertificateAuthority',
          42,
        ],
        c.b,
      );
      return { body: r.body, path: '/@odata.type' };
    },
  },
  {
    kind: 'top-level-odata-type-real',
    rule: 'body.odata-type-wrong',
    severity: 'error',
    mayAlso: [],
    description:
      "`@odata.type` on the body names a real type of Graph's model, but another one (a sibling trust store, a base type, the entry type).",
    apply: (r, c) => {
      r.body['@odata.type'] = pick(
        [
          '#microsoft.graph.certificateBasedApplicationConfiguration',
          '#microsoft.graph.certificateBasedAuthConfiguration',
          '#microsoft.graph.directoryObject',
          '#microsoft.graph.certificateAuthority',
        ],
        c.b,
      );
      return { body: r.body, path: '/@odata.type' };
    },
  },
  {
    kind: 'top-level-odata-control',
    rule: 'body.odata-control-ignored',
    severity: 'warning',
    mayAlso: [],
    description: 'OData control information the server ignores (`@odata.context`, `@odata.etag`, `displayName@odata.type`).',
    apply: (r, c) => {
      const [name, value] = pick<[string, unknown]>(
        [
          [
            '@odata.context',
            'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations/$entity',
          ],
          ['@odata.etag', 'W/"AAAAAAAAAAE="'],
          ['displayName@odata.type', '#String'],
          ['@odata.id', 'https://graph.microsoft.com/beta/x'],
        ],
        c.b,
      );
      r.body[name] = value;
      return { body: r.body, path: `/${escapeToken(name)}` };
    },
  },
  {
    kind: 'display-name-wrong-type',
    rule: 'body.wrong-type',
    severity: 'error',
    mayAlso: [],
    description: '`displayName` is a number, a boolean, an object or an array.',
    apply: (r, c) => {
      r.body.displayName = pick([c.a, c.b % 2 === 1, { value: c.s }, [c.s]], c.b);
      return { body: r.body, path: '/displayName' };
    },
  },
  {
    kind: 'display-name-too-long',
    rule: 'body.display-name-too-long',
    severity: 'warning',
    mayAlso: [],
    description: '`displayName` of 257 to 1,000 characters (UTF-16 code units).',
    apply: (r, c) => {
      const unit = c.s.length > 0 ? c.s : 'x';
      const length = 257 + (c.a % 744);
      r.body.displayName = unit
        .repeat(Math.ceil(length / unit.length))
        .slice(0, length)
        .replace(/[\uD800-\uDBFF]$/, 'x');
      return { body: r.body, path: '/displayName' };
    },
  },
  {
    kind: 'ca-list-wrong-type',
    rule: 'body.wrong-type',
    severity: 'error',
    mayAlso: [],
    description: '`certificateAuthorities` is an object (entries keyed by index), a single entry, a string, a number or null.',
    apply: (r, c) => {
      const entries = r.body.certificateAuthorities as Record<string, unknown>[];
      r.body.certificateAuthorities = pick<unknown>([{ ...entries }, entries[0], entries[0]?.certificate, entries.length, null], c.b);
      return { body: r.body, path: CA_LIST };
    },
  },
  {
    kind: 'ca-list-empty',
    rule: 'body.empty-list',
    severity: 'warning',
    mayAlso: [],
    description: '`certificateAuthorities: []`, which removes every CA.',
    apply: (r) => {
      r.body.certificateAuthorities = [];
      return { body: r.body, path: CA_LIST };
    },
  },
] as const satisfies readonly MutationSpec[];
