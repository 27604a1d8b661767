/**
 * `deviceCase`: a device certificate (PEM, DER, a chain with the device first, or a .p7b), a configuration (a PATCH
 * body or a GET response) drawn from the pool, the CRLs given, and what `checkDevice` must answer: whether the
 * device authenticates, the AADSTS code of its one failure, the finding that says why, the identity and the path.
 */
import * as fc from 'fast-check';
import type { CrlInput } from '../crl/types.js';
import type { TlsClientAuthParameter } from '../device/identity.js';
import { encodePem } from '../certificate/encoding.js';
import type { CertificatePool, PooledCa } from './pool.js';
import type { CrlPool } from './crl-pool.js';
import { degenerateP7b, type DeviceVariant, type PooledDevices } from './device-pool.js';
import { bodyPlanArb, renderPlan, type BodyPlan, type RenderedBody, type RenderedEntry } from './body-plan.js';
import { configure, download, failedDownload, fileOf, notDer } from './crl-cases.js';
import { GET_CONTEXT } from './resource.js';
import { pick } from './mutations/types.js';

export type DeviceEncoding = 'pem' | 'der' | 'chain' | 'p7b';

export interface DeviceCase {
  kind: DeviceCaseKind;
  /** The device file: PEM text, DER, a PEM chain with the device first, or a .p7b (root first, as Windows writes it). */
  device: string | Uint8Array;
  encoding: DeviceEncoding;
  /** A PATCH body or a GET response. */
  configuration: Record<string, unknown>;
  crls: CrlInput[];
  /** Pass as the option of that name when set (a PATCH body says nothing about it). */
  tlsClientAuthParameter?: TlsClientAuthParameter;
  expected: {
    authenticates: boolean;
    /** The AADSTS code of the one failure (null when Entra documents none, or when it authenticates). */
    code: string | null;
    /** The finding that says why (null for a device that authenticates cleanly). */
    rule: string | null;
    identity: { parameter: TlsClientAuthParameter; value: string | null };
    /** Entry indexes from the device's issuer to the listed root; null when no path validates. */
    path: number[] | null;
  };
}

const SAN_PARAMETERS = [
  'tls_client_auth_san_dns',
  'tls_client_auth_san_uri',
  'tls_client_auth_san_ip',
  'tls_client_auth_san_email',
] as const;
const PARAMETERS: readonly TlsClientAuthParameter[] = ['tls_client_auth_subject_dn', ...SAN_PARAMETERS];

interface Draw {
  plan: BodyPlan;
  h: number;
  a: number;
  b: number;
  encoding: DeviceEncoding;
  form: 'get' | 'body-option' | 'body';
  parameter: TlsClientAuthParameter;
  id: string;
}

interface Scene {
  r: RenderedBody;
  d: Draw;
  devices: PooledDevices;
  crls: CrlPool;
  /** The entries of the device's path, issuer first. */
  path: RenderedEntry[];
}

interface Outcome {
  device?: DeviceVariant;
  crls?: CrlInput[];
  /** The parameter the case needs (else the drawn one). */
  parameter?: TlsClientAuthParameter;
  /** The file form the case needs (else the drawn one). */
  encoding?: DeviceEncoding;
  /** The configuration form the case needs (else the drawn one). */
  form?: Draw['form'];
}

interface DeviceCaseSpec {
  kind: string;
  description: string;
  authenticates: boolean;
  /** The AADSTS code of the one failure; null when Entra documents none, or when the device authenticates. */
  code: string | null;
  /** The finding that says why; null for a device that authenticates with no finding above info. */
  rule: string | null;
  /** Whether a path validates (default: the same as authenticates). */
  path?: boolean;
  /** Lists the device's hierarchy without its issuing CA. */
  withoutIssuer?: boolean;
  apply(s: Scene): Outcome;
}

const onPath = (s: Scene): RenderedEntry => pick(s.path, s.d.a);
const crlOf = (s: Scene, e: RenderedEntry) => s.crls.byCa.get(e.cert)!;
const BASE = 'certificateRevocationListUrl';

/** A failure of a CRL of a CA on the path, with the code of its crl.* finding: the path validates, the device fails. */
const crlFailure = <K extends string>(
  kind: K,
  rule: string,
  code: string,
  description: string,
  crl: (s: Scene, e: RenderedEntry) => CrlInput,
): DeviceCaseSpec & { kind: K } => ({
  kind,
  description,
  authenticates: false,
  code,
  rule,
  path: true,
  apply: (s) => {
    const e = onPath(s);
    configure(e);
    return { crls: [crl(s, e)] };
  },
});

/** One defect of the device certificate itself. */
const deviceOnly = <K extends string>(
  kind: K,
  device: DeviceVariant,
  rule: string,
  code: string | null,
  description: string,
  path: boolean,
): DeviceCaseSpec & { kind: K } => ({
  kind,
  description,
  authenticates: false,
  code,
  rule,
  path,
  apply: () => ({ device }),
});

/** A device that authenticates, with one finding (a warning, or an info that says what was assumed or not checked). */
const authenticatesWith = <K extends string>(
  kind: K,
  rule: string,
  description: string,
  apply: DeviceCaseSpec['apply'],
): DeviceCaseSpec & { kind: K } => ({
  kind,
  description,
  authenticates: true,
  code: null,
  rule,
  apply,
});

const SPECS = [
  {
    kind: 'device-authenticates',
    description: 'A device issued by a listed CA, with its complete path listed: sometimes with the good CRLs of the CAs on it.',
    authenticates: true,
    code: null,
    rule: null,
    apply: (s) => {
      const given: CrlInput[] = [];
      for (const [k, e] of s.path.entries()) {
        if (!((s.d.b >> k) & 1)) continue;
        configure(e);
        given.push(fileOf(crlOf(s, e).der.good, `${e.cert.id.replace('/', '-')}.crl`));
      }
      return { crls: given };
    },
  },
  authenticatesWith(
    'device-identity-several',
    'device.identity-several',
    'The device has two dNSNames and the configuration selects tls_client_auth_san_dns: it authenticates, and must be registered with one (warning).',
    () => ({ device: 'severalDns', parameter: 'tls_client_auth_san_dns' }),
  ),
  {
    kind: 'device-identity-missing',
    description: 'The configuration selects a subjectAltName kind the device does not have.',
    authenticates: false,
    code: null,
    rule: 'device.identity-missing',
    path: true,
    apply: (s) => ({ device: 'noSan', parameter: pick(SAN_PARAMETERS, s.d.a) }),
  },
  {
    kind: 'device-issuer-missing',
    description: "The configuration lists the device's root but not the CA that issued it (AADSTS500176).",
    authenticates: false,
    code: 'AADSTS500176',
    rule: 'device.issuer-missing',
    path: false,
    withoutIssuer: true,
    apply: () => ({}),
  },
  deviceOnly(
    'device-path-invalid',
    'forged',
    'device.path-invalid',
    'AADSTS50017',
    'The device names a listed CA but another key signed it (AADSTS50017).',
    false,
  ),
  deviceOnly('device-expired', 'expired', 'device.expired', null, 'The device certificate expired a day before `at`.', false),
  deviceOnly(
    'device-not-yet-valid',
    'notYetValid',
    'device.not-yet-valid',
    null,
    'The device certificate is valid from a day after `at`.',
    false,
  ),
  deviceOnly(
    'device-not-client-auth',
    'serverAuthOnly',
    'device.not-client-auth',
    null,
    'The device certificate is for TLS servers only (extendedKeyUsage serverAuth).',
    true,
  ),
  deviceOnly(
    'device-no-digital-signature',
    'noDigitalSignature',
    'device.not-client-auth',
    null,
    'The device keyUsage lacks digitalSignature.',
    true,
  ),
  deviceOnly('device-weak-key', 'weakKey', 'device.weak-key', 'AADSTS50032', 'The device key is RSA with 1024 bits (AADSTS50032).', true),
  authenticatesWith(
    'device-is-ca',
    'device.is-ca',
    'The device certificate is a CA certificate (basicConstraints cA=true): it authenticates, with a warning.',
    () => ({
      device: 'isCa',
    }),
  ),
  authenticatesWith(
    'device-expires-soon',
    'device.expires-soon',
    'The device certificate expires ten days after `at`, inside the default 30-day horizon: it authenticates, with a warning.',
    () => ({ device: 'expiresSoon' }),
  ),
  authenticatesWith(
    'device-parameter-unknown',
    'device.parameter-unknown',
    'A PATCH body and no tlsClientAuthParameter option: the subject DN is assumed, and said (info).',
    () => ({ form: 'body' }),
  ),
  authenticatesWith(
    'device-other-certificates',
    'device.other-certificates',
    'The device file is a chain or a .p7b that also holds its CAs: paths are built from the list only (info).',
    (s) => ({ encoding: s.d.b % 2 ? 'chain' : 'p7b' }),
  ),
  authenticatesWith(
    'device-revocation-unchecked',
    'device.revocation-unchecked',
    'A CA on the path configures its CRL URL and no CRL is given: Entra checks it at sign-in, this check could not (info).',
    (s) => {
      configure(onPath(s));
      return {};
    },
  ),
  {
    kind: 'device-revoked',
    description: 'The issuing CA configures its CRL URL and its CRL revokes the device (AADSTS500171).',
    authenticates: false,
    code: 'AADSTS500171',
    rule: 'device.revoked',
    path: true,
    apply: (s) => {
      configure(s.path[0]!);
      return { crls: [fileOf(s.devices.revokedCrl, 'issuing.crl')] };
    },
  },
  authenticatesWith(
    'device-revoked-not-configured',
    'device.revoked',
    'A CRL of the issuing CA revokes the device, but the CA configures no CRL URL: Entra does not check it, the device authenticates (warning).',
    (s) => {
      s.path[0]!.object.certificateRevocationListUrl = null;
      s.path[0]!.object.deltaCertificateRevocationListUrl = null;
      return { crls: [fileOf(s.devices.revokedCrl, 'issuing.crl')] };
    },
  ),
  {
    kind: 'device-ca-revoked',
    description: "The issuing CA's issuer configures its CRL URL and its CRL revokes the issuing CA (AADSTS500171).",
    authenticates: false,
    code: 'AADSTS500171',
    rule: 'device.revoked',
    path: true,
    apply: (s) => {
      configure(s.path[1]!);
      return { crls: [fileOf(crlOf(s, s.path[0]!).revokedByIssuer!, 'issuer.crl')] };
    },
  },
  crlFailure('device-crl-expired', 'crl.expired', 'AADSTS500172', 'The CRL of a CA on the path expired (AADSTS500172).', (s, e) =>
    fileOf(crlOf(s, e).der.expired, 'expired.crl'),
  ),
  crlFailure(
    'device-crl-not-yet-valid',
    'crl.not-yet-valid',
    'AADSTS500172',
    'The CRL of a CA on the path is not valid yet (AADSTS500172).',
    (s, e) => fileOf(crlOf(s, e).der.notYetValid, 'future.crl'),
  ),
  crlFailure(
    'device-crl-signature-invalid',
    'crl.signature-invalid',
    'AADSTS2205015',
    'The CRL of a CA on the path was signed by another key (AADSTS2205015).',
    (s, e) => fileOf(crlOf(s, e).der.forged, 'forged.crl'),
  ),
  crlFailure(
    'device-crl-aki-mismatch',
    'crl.aki-mismatch',
    'AADSTS2205015',
    "The CRL of a CA on the path carries an AKI that is not the CA's SKI (AADSTS2205015).",
    (s, e) => fileOf(crlOf(s, e).der.wrongAki, 'wrong-aki.crl'),
  ),
  crlFailure(
    'device-crl-not-der',
    'crl.not-der',
    'AADSTS2205011',
    'The configured URL of a CA on the path serves BER, a cut CRL or an HTML page (AADSTS2205011).',
    (s, e) => download(e, BASE, notDer(crlOf(s, e).der.good, s.d.b)),
  ),
  crlFailure(
    'device-crl-download-failed',
    'crl.download-failed',
    'AADSTS500173',
    'The configured URL of a CA on the path cannot be downloaded (AADSTS500173).',
    (s, e) => download(e, BASE, failedDownload(s.d.b)),
  ),
  crlFailure(
    'device-crl-timeout',
    'crl.download-timeout',
    'AADSTS2205012',
    'The download of the configured URL of a CA on the path timed out (AADSTS2205012).',
    (_s, e) => download(e, BASE, { kind: 'timeout', seconds: 10 }),
  ),
  crlFailure(
    'device-crl-too-large',
    'crl.too-large',
    'AADSTS2205014',
    "The configured CRL of a CA on the path passed the global cloud's 20 MB sign-in limit (AADSTS2205014).",
    (_s, e) => download(e, BASE, { kind: 'too-large', limit: 20_000_000 }),
  ),
] as const satisfies readonly DeviceCaseSpec[];

export type DeviceCaseKind = (typeof SPECS)[number]['kind'];

/** What each device case kind does and what `checkDevice` must answer. */
export interface DeviceCaseKindInfo {
  kind: DeviceCaseKind;
  authenticates: boolean;
  /** The AADSTS code of the one failure (null when Entra documents none, or when the device authenticates). */
  code: string | null;
  /** The finding that says why (null: no finding above info). */
  rule: string | null;
  description: string;
}

export const deviceCaseKinds: readonly DeviceCaseKindInfo[] = Object.freeze(
  SPECS.map((s) => Object.freeze({ kind: s.kind, authenticates: s.authenticates, code: s.code, rule: s.rule, description: s.description })),
);

function identityValue(devices: PooledDevices, device: DeviceVariant, parameter: TlsClientAuthParameter): string | null {
  if (parameter === 'tls_client_auth_subject_dn') return devices.identities.subject;
  if (device === 'noSan') return null;
  if (device === 'severalDns') return parameter === 'tls_client_auth_san_dns' ? devices.severalDns[0] : null;
  const key = {
    tls_client_auth_san_dns: 'dns',
    tls_client_auth_san_uri: 'uri',
    tls_client_auth_san_ip: 'ip',
    tls_client_auth_san_email: 'email',
  } as const;
  return devices.identities[key[parameter]];
}

function deviceFile(der: Uint8Array, path: readonly PooledCa[], encoding: DeviceEncoding): string | Uint8Array {
  if (encoding === 'der') return der;
  if (encoding === 'pem') return encodePem(der);
  if (encoding === 'chain') return [encodePem(der), ...path.map((c) => c.pem)].join('');
  return degenerateP7b([...[...path].reverse().map((c): Uint8Array => c.der), der]);
}

/** `deviceCase` drawn from the given kinds (every kind when none is given). */
export function deviceCaseArb(
  pool: CertificatePool,
  crls: CrlPool,
  devices: readonly PooledDevices[],
  kinds: readonly DeviceCaseKind[],
): fc.Arbitrary<DeviceCase> {
  const byKind = new Map<string, DeviceCaseSpec>(SPECS.map((s) => [s.kind, s]));
  for (const k of kinds)
    if (!byKind.has(k)) throw new RangeError(`unknown device case kind ${JSON.stringify(k)}; known: ${[...byKind.keys()].join(', ')}`);
  const chosen = (kinds.length ? kinds : SPECS.map((s) => s.kind)).map((k) => byKind.get(k)!);
  const draw: fc.Arbitrary<Draw> = fc.record({
    plan: bodyPlanArb(pool),
    h: fc.nat(pool.hierarchies.length - 1),
    a: fc.nat(),
    b: fc.nat(),
    encoding: fc.constantFrom<DeviceEncoding>('pem', 'pem', 'der', 'chain', 'p7b'),
    form: fc.constantFrom<Draw['form']>('get', 'get', 'body-option', 'body'),
    parameter: fc.constantFrom(...PARAMETERS),
    id: fc.uuid(),
  });
  return fc.oneof(...chosen.map((spec) => draw.map((d) => render(pool, crls, devices, spec, d))));
}

function render(pool: CertificatePool, crls: CrlPool, devices: readonly PooledDevices[], spec: DeviceCaseSpec, d: Draw): DeviceCase {
  const chain = pool.hierarchies[d.h]!;
  // The device's hierarchy listed in full (or without its issuing CA), beside whatever else the plan lists.
  const depth = spec.withoutIssuer ? chain.length - 1 : chain.length;
  const plan: BodyPlan = { ...d.plan, picks: [...d.plan.picks.filter(([h]) => h !== d.h), [d.h, depth]] };
  const r = renderPlan(pool, plan);
  const path = [...chain]
    .reverse()
    .map((ca) => r.entries.find((e) => e.cert === ca))
    .filter((e): e is RenderedEntry => e !== undefined);
  const own = devices[d.h]!;
  const outcome = spec.apply({ r, d, devices: own, crls, path });
  const variant = outcome.device ?? 'plain';
  // The parameter: from a GET response, from the option beside a PATCH body, or assumed (the subject DN).
  const needed = outcome.parameter;
  const form = outcome.form ?? (needed && d.form === 'body' ? 'get' : d.form);
  const encoding = outcome.encoding ?? d.encoding;
  const parameter = needed ?? (form === 'body' ? 'tls_client_auth_subject_dn' : d.parameter);
  const configuration =
    form === 'get'
      ? {
          '@odata.context': GET_CONTEXT,
          id: d.id,
          deletedDateTime: null,
          displayName: 'Device trust list',
          tlsClientAuthParameter: parameter,
          certificateAuthorities: r.body.certificateAuthorities,
        }
      : r.body;
  const validates = spec.path ?? spec.authenticates;
  return {
    kind: spec.kind as DeviceCaseKind,
    device: deviceFile(own.der[variant], [...chain].reverse(), encoding),
    encoding,
    configuration,
    crls: outcome.crls ?? [],
    ...(form === 'body-option' ? { tlsClientAuthParameter: parameter } : {}),
    expected: {
      authenticates: spec.authenticates,
      code: spec.code,
      rule: spec.rule,
      identity: { parameter, value: identityValue(own, variant, parameter) },
      path: validates ? path.map((e) => e.index) : null,
    },
  };
}
