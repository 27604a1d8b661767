/** Mutations of an entry's members and of its `isRootAuthority` flag. */
import { unknownName } from './body.js';
import { anyEntry, entryPath, intermediateEntry, list, pick, rootEntry, setMember, type MutationSpec } from './types.js';

const KNOWN_ENTRY = [
  'certificate',
  'isRootAuthority',
  'certificateRevocationListUrl',
  'deltaCertificateRevocationListUrl',
  'issuer',
  'issuerSki',
];
const UNKNOWN_ENTRY = [
  'issuerSubjectkeyIdentifier',
  'id',
  'thumbprint',
  'certificateRevocationListURL',
  'isRoot',
  'subject',
  '__proto__',
  'constructor',
];

export const entryMutations = [
  {
    kind: 'entry-not-object',
    rule: 'entry.not-object',
    severity: 'error',
    mayAlso: ['chain.issuer-missing'],
    description: 'An entry is the bare base64 string, null, a number, a boolean or an array. The CAs it issued lose their issuer.',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      list(r)[e.index] = pick<unknown>([e.object.certificate, null, c.b, true, [e.object]], c.b);
      return { body: r.body, path: entryPath(e.index) };
    },
  },
  {
    kind: 'entry-unknown-member',
    rule: 'entry.unknown-property',
    severity: 'error',
    mayAlso: [],
    description:
      'A member the certificateAuthority type does not have, e.g. the update page\'s "issuerSubjectkeyIdentifier", `id`, `__proto__`.',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      const name = c.b % 3 === 0 ? unknownName(c.s, c.b, KNOWN_ENTRY, e.object) : pick(UNKNOWN_ENTRY, c.b);
      setMember(e.object, name, e.cert.ski ?? 'value');
      return { body: r.body, path: entryPath(e.index, name) };
    },
  },
  {
    kind: 'entry-odata-type-wrong',
    rule: 'body.odata-type-invalid',
    severity: 'error',
    mayAlso: [],
    description:
      '`@odata.type` on an entry names a type the model does not have (the legacy CertificateAuthorityInformation, wrong case, no namespace, null).',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      e.object['@odata.type'] = pick(
        ['#microsoft.graph.certificateAuthorityInformation', '#microsoft.graph.CertificateAuthority', 'certificateAuthority', null],
        c.b,
      );
      return { body: r.body, path: entryPath(e.index, '@odata.type') };
    },
  },
  {
    kind: 'entry-odata-type-real',
    rule: 'body.odata-type-wrong',
    severity: 'error',
    mayAlso: [],
    description:
      "`@odata.type` on an entry names a real type of Graph's model, but another one (the sibling stores' entries, the resource type).",
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      e.object['@odata.type'] = pick(
        [
          '#microsoft.graph.certificateAuthorityAsEntity',
          '#microsoft.graph.certificateAuthorityDetail',
          '#microsoft.graph.mutualTlsOauthConfiguration',
        ],
        c.b,
      );
      return { body: r.body, path: entryPath(e.index, '@odata.type') };
    },
  },
  {
    kind: 'odata-type-without-hash',
    rule: 'body.odata-type-no-hash',
    severity: 'warning',
    mayAlso: [],
    description: '`@odata.type` naming the right type without the leading "#", on the body or on an entry.',
    apply: (r, c) => {
      if (c.b % 2 === 0) {
        r.body['@odata.type'] = 'microsoft.graph.mutualTlsOauthConfiguration';
        return { body: r.body, path: '/@odata.type' };
      }
      const e = anyEntry(r, c.a);
      e.object['@odata.type'] = 'microsoft.graph.certificateAuthority';
      return { body: r.body, path: entryPath(e.index, '@odata.type') };
    },
  },
  {
    kind: 'root-flag-missing',
    rule: 'entry.root-flag-invalid',
    severity: 'error',
    mayAlso: [],
    description: '`isRootAuthority` left out (it is required).',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      delete e.object.isRootAuthority;
      return { body: r.body, path: entryPath(e.index, 'isRootAuthority') };
    },
  },
  {
    kind: 'root-flag-wrong-type',
    rule: 'entry.root-flag-invalid',
    severity: 'error',
    mayAlso: [],
    description: '`isRootAuthority` written as "true"/"false", 1/0 or null.',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      e.object.isRootAuthority = pick<unknown>([String(e.cert.selfSigned), e.cert.selfSigned ? 1 : 0, null, 'True'], c.b);
      return { body: r.body, path: entryPath(e.index, 'isRootAuthority') };
    },
  },
  {
    kind: 'root-flag-true-on-intermediate',
    rule: 'flag.root-not-self-signed',
    severity: 'error',
    mayAlso: [],
    needsIntermediate: true,
    description: '`isRootAuthority: true` on a CA issued by another CA.',
    apply: (r, c) => {
      const e = intermediateEntry(r, c.a);
      e.object.isRootAuthority = true;
      return { body: r.body, path: entryPath(e.index, 'isRootAuthority') };
    },
  },
  {
    kind: 'root-flag-false-on-root',
    rule: 'flag.self-signed-not-root',
    severity: 'error',
    mayAlso: [],
    description: '`isRootAuthority: false` on a self-signed root.',
    apply: (r, c) => {
      const e = rootEntry(r, c.a);
      e.object.isRootAuthority = false;
      return { body: r.body, path: entryPath(e.index, 'isRootAuthority') };
    },
  },
] as const satisfies readonly MutationSpec[];
