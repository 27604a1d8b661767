/**
 * Mutations for the RFC 5280 profile rules: a CA swapped for a twin that breaks one (no keyUsage, serial 0, serverAuth
 * only, …), or profile certificates added to the list (src/testing/profile-pool.ts) where a twin cannot carry the defect.
 */
import type { TwinKind } from '../pool.js';
import type { ProfileKind } from '../profile-pool.js';
import { anyEntry, entryPath, list, plainEntry, useTwin, type MutationChoice, type MutationSpec } from './types.js';
import type { RenderedBody } from '../body-plan.js';

type Twin<K extends string = string> = readonly [
  kind: K,
  rule: string,
  severity: 'error' | 'warning',
  twin: TwinKind,
  mayAlso: readonly string[],
  description: string,
];

const TWINS = [
  ['certificate-key-usage-missing', 'certificate.key-usage-missing', 'warning', 'noKeyUsage', [], 'A CA re-issued without keyUsage.'],
  [
    'certificate-key-usage-not-critical',
    'certificate.key-usage-not-critical',
    'warning',
    'keyUsageNotCritical',
    [],
    'A CA re-issued with a non-critical keyUsage.',
  ],
  ['certificate-serial-zero', 'certificate.serial-invalid', 'warning', 'serialZero', [], 'A CA re-issued with serial number 0.'],
  [
    'certificate-eku-server-auth-only',
    'certificate.eku-excludes-client-auth',
    'warning',
    'serverAuthOnly',
    [],
    'A CA re-issued with extendedKeyUsage serverAuth only.',
  ],
  [
    'certificate-constraint-not-critical',
    'certificate.constraint-not-critical',
    'warning',
    'inhibitAnyPolicyNotCritical',
    [],
    'A CA re-issued with a non-critical inhibitAnyPolicy.',
  ],
  [
    'certificate-path-length-negative',
    'certificate.path-length-negative',
    'error',
    'pathLenNegative',
    ['chain.path-length-exceeded'],
    'A CA re-issued with pathLenConstraint −1 (the CAs below it then exceed it).',
  ],
  [
    'certificate-path-length-without-key-cert-sign',
    'certificate.path-length-without-key-cert-sign',
    'warning',
    'pathLenWithoutKeyCertSign',
    ['certificate.key-cert-sign-missing'],
    'A CA re-issued with pathLenConstraint 5 and keyUsage cRLSign only (so keyCertSign is missing too).',
  ],
  [
    'certificate-schema-violation',
    'certificate.schema-violation',
    'warning',
    'emptySubjectAltName',
    [],
    'A CA re-issued with a subjectAltName that holds no name (GeneralNames is SIZE (1..MAX)).',
  ],
] as const satisfies readonly Twin[];

type Added<K extends string = string> = readonly [
  kind: K,
  rule: string,
  severity: 'error' | 'warning',
  added: ProfileKind,
  mayAlso: readonly string[],
  description: string,
];

/** Profile certificates issued by the profile root: the root is added before them. */
const UNDER_ROOT = [
  [
    'certificate-rsa-exponent-even',
    'certificate.rsa-exponent-invalid',
    'error',
    'rsaEvenExponent',
    [],
    'The profile root and a CA under it whose RSA public exponent is 65538.',
  ],
  [
    'certificate-rsa-modulus-2052',
    'certificate.rsa-modulus-size',
    'warning',
    'rsaModulus2052',
    [],
    'The profile root and a CA under it on a 2052-bit RSA modulus.',
  ],
  [
    'certificate-rsa-parameters-absent',
    'certificate.rsa-parameters-not-null',
    'warning',
    'rsaParametersAbsent',
    [],
    'The profile root and a CA under it whose rsaEncryption parameters are absent.',
  ],
  [
    'certificate-key-off-curve',
    'certificate.key-invalid',
    'error',
    'keyInvalid',
    [],
    'The profile root and a CA under it whose P-256 point is off the curve.',
  ],
  [
    'certificate-subject-empty',
    'certificate.subject-empty',
    'error',
    'emptySubject',
    [],
    'The profile root and a CA under it with an empty subject.',
  ],
  [
    'chain-policies-inconsistent',
    'chain.policies-inconsistent',
    'warning',
    'otherPolicy',
    [],
    'The profile root and a CA under it asserting a policy the root does not.',
  ],
] as const satisfies readonly Added[];

/** Profile roots of their own. */
const ROOTS = [
  [
    'certificate-issuer-empty',
    'certificate.issuer-empty',
    'error',
    'emptyNameRoot',
    ['certificate.subject-empty'],
    'A self-signed root whose issuer and subject are empty.',
  ],
  [
    'certificate-extensions-before-v3',
    'certificate.extensions-before-v3',
    'warning',
    'v2WithExtensions',
    [],
    'A version 2 root that carries extensions.',
  ],
  [
    'certificate-unique-identifiers',
    'certificate.unique-identifiers',
    'warning',
    'uniqueIdentifiers',
    [],
    'A root with issuerUniqueID and subjectUniqueID.',
  ],
] as const satisfies readonly Added[];

const swap = <K extends string>([kind, rule, severity, twin, mayAlso, description]: Twin<K>) => ({
  kind,
  rule,
  severity,
  mayAlso,
  description: `${description} Same subject and key, so the CAs below it still chain to it.`,
  apply: (r: RenderedBody, c: MutationChoice) => {
    const e = anyEntry(r, c.a);
    useTwin(e, twin);
    return { body: r.body, path: entryPath(e.index, 'certificate') };
  },
});

/** Adds the profile certificate (after the profile root when it is one of the root's CAs); the finding is on it. */
const add = <K extends string>(underRoot: boolean, [kind, rule, severity, added, mayAlso, description]: Added<K>) => ({
  kind,
  rule,
  severity,
  mayAlso,
  description,
  apply: (r: RenderedBody, c: MutationChoice, pool: Parameters<MutationSpec['apply']>[2]) => {
    const at = c.b % (r.entries.length + 1);
    const entries = underRoot
      ? [plainEntry(pool.profile.root, true), plainEntry(pool.profile[added], false)]
      : [plainEntry(pool.profile[added], true)];
    list(r).splice(at, 0, ...entries);
    return { body: r.body, path: entryPath(at + entries.length - 1, 'certificate') };
  },
});

export const profileMutations = [
  ...TWINS.map(swap),
  ...UNDER_ROOT.map((t) => add(true, t)),
  ...ROOTS.map((t) => add(false, t)),
] satisfies readonly MutationSpec[];
