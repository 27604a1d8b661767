/**
 * Will this device sign in? A device certificate against a configuration: the path to a listed root
 * (`validateDevicePath`), the device certificate itself (validity, TLS client use, key strength), revocation of every
 * certificate on the path against the CRLs given, and the identity the configuration's tlsClientAuthParameter selects.
 * Each failure carries the AADSTS code Entra documents for it (documented for certificate-based authentication; that
 * device mTLS sign-in fails the same way is inferred, its flow is not publicly documented).
 */
import type { Finding, Lang } from '../types.js';
import type { Cloud } from '../graph/clouds.js';
import type { CrlInput } from '../crl/types.js';
import { readCertificates } from '../certificate/input.js';
import { parseCertificate, type ParsedCertificate } from '../certificate/parse.js';
import { readCertificateValue } from '../certificate/reader.js';
import { defaultCrypto } from '../certificate/verify.js';
import { sha256 } from '../certificate/sha.js';
import { toHex } from '../certificate/encoding.js';
import { serialKeyOfHex } from '../certificate/crl.js';
import { validateDevicePath } from '../chain/validate-path.js';
import { checkRevocation, coveredOnPath, DEVICE } from '../crl/revocation.js';
import { CRL_CHAIN_LIMIT } from '../crl/limits.js';
import { renderMessage } from '../report/catalogue/index.js';
import { ruleById } from '../rules/registry.js';
import { resolveClock, runPreflight } from '../preflight.js';
import { choiceProblem, chooseConfiguration } from '../graph/collection.js';
import { DEVICE_EN, DEVICE_FR, deviceRuleById } from './findings.js';
import { FIELD_NAMES, identityOf, isTlsClientAuthParameter, type TlsClientAuthParameter } from './identity.js';
import { chooseDevice } from './choose.js';

export interface DeviceCheckOptions {
  /** CRL files (or downloads) for the CAs of the configuration, matched to them as `preflight` does. */
  crls?: readonly CrlInput[];
  /** The sign-in time; default now. */
  at?: Date | string | number;
  crypto?: Crypto;
  lang?: Lang;
  /** Chooses the configuration in a collection GET response. */
  id?: string;
  /** Whose CRL size limit applies (default global). */
  cloud?: Cloud;
  /** The device certificate or a CA on its path expiring within this many days is warned about (default 30). */
  warnExpiryDays?: number;
  /** The identifying field when the configuration does not say (a PATCH body has no tlsClientAuthParameter). */
  tlsClientAuthParameter?: TlsClientAuthParameter;
}

export interface DevicePathEntry {
  /** Position in the configuration's certificateAuthorities. */
  index: number;
  subject: string;
  /** SHA-256 of the DER, lower-case hex. */
  thumbprint: string;
}

export interface DeviceFailure {
  /** The AADSTS code Entra documents for this failure, when it documents one. */
  code: string | null;
  message: string;
}

/** `ca-preflight device --format json` (DESIGN "Contract additions"). */
export interface DeviceResult {
  authenticates: boolean;
  /** From the device's issuer up to the listed root; null when no path validates. */
  path: DevicePathEntry[] | null;
  identity: { parameter: string; value: string | null };
  failures: DeviceFailure[];
  findings: Finding[];
}

/** The device input holds no certificate (its message says what it holds instead). */
export class DeviceInputError extends Error {
  override name = 'DeviceInputError';
}

const DAY = 86_400_000;
const iso = (d: Date): string => d.toISOString();

interface Emitted {
  id: string;
  path: string;
  params: Record<string, string>;
  variant?: string;
  severity?: Finding['severity'];
}

/** The device certificate as a formatter shows it. */
export interface DeviceSummary {
  subject: string;
  /** The subject in the Windows/Graph style. */
  windows: string;
  issuer: string;
  thumbprint: string;
  notBefore: string;
  notAfter: string;
}

/** Checks whether `device` would authenticate against `configuration` (a PATCH body or a GET response, text or value). */
export async function checkDevice(
  device: string | Uint8Array,
  configuration: unknown,
  options: DeviceCheckOptions = {},
): Promise<DeviceResult> {
  return (await runDeviceCheck(device, configuration, options)).result;
}

/** {@link checkDevice}, and the device certificate it checked, for the text formatter. */
export async function runDeviceCheck(
  device: string | Uint8Array,
  configuration: unknown,
  options: DeviceCheckOptions = {},
): Promise<{ result: DeviceResult; device: DeviceSummary }> {
  const at = resolveClock(options.at);
  const lang: Lang = options.lang === 'fr' ? 'fr' : 'en';
  const crypto = options.crypto ?? (await defaultCrypto());
  const horizon = options.warnExpiryDays ?? 30;
  if (options.tlsClientAuthParameter !== undefined && !isTlsClientAuthParameter(options.tlsClientAuthParameter))
    throw new TypeError(`options.tlsClientAuthParameter is not a tlsClientAuthParameter value: ${String(options.tlsClientAuthParameter)}`);

  // The device: the first certificate of a file, or the end of the chain a bundle holds.
  let certificates: Uint8Array[];
  try {
    certificates = (await readCertificates(device)).certificates.map((c) => c.der);
  } catch (e) {
    throw new DeviceInputError(`the device input is not a certificate: ${(e as Error).message}`);
  }
  const parsed: ParsedCertificate[] = [];
  for (const [i, der] of certificates.entries()) {
    try {
      parsed.push(parseCertificate(der));
    } catch (e) {
      throw new DeviceInputError(`certificate ${i + 1} of the device input is not a DER X.509 certificate: ${(e as Error).message}`);
    }
  }
  const { device: cert, others } = chooseDevice(parsed);

  // A collection GET response: the configuration the id chooses, or the only one (the check says which ids there are).
  let value: unknown = configuration;
  if (typeof configuration === 'string') {
    try {
      value = JSON.parse(configuration.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new TypeError(`the configuration is not JSON: ${(e as Error).message}`);
    }
  }
  const problem = choiceProblem(chooseConfiguration(value, options.id), 'the configuration', 'an id (--id)');
  if (problem) throw new TypeError(problem);

  const run = await runPreflight(configuration, {
    at,
    crypto,
    lang,
    ...(options.crls ? { crls: options.crls } : {}),
    ...(options.cloud ? { cloud: options.cloud } : {}),
    ...(options.id !== undefined ? { id: options.id } : {}),
    warnExpiryDays: horizon,
  });
  const notJson = run.report.findings.find((f) => f.rule === 'body.not-json');
  if (notJson) throw new TypeError(`the configuration is not JSON: ${notJson.message}`);
  const { entries, crl, prefix } = run.context;
  const entryPath = (i: number) => `${prefix}/certificateAuthorities/${i}`;

  // The listed CAs that parse, and where each sits in the list.
  const listed: { index: number; parsed: ParsedCertificate; thumbprint: string }[] = [];
  for (const e of entries) {
    if (!e.cert) continue;
    const record = (await readCertificateValue(e.object?.certificate, crypto)).record;
    if (record) listed.push({ index: e.index, parsed: record.parsed, thumbprint: e.cert.thumbprint });
  }

  const out: Emitted[] = [];
  const emit = (x: Emitted) => out.push(x);

  // The device certificate itself.
  if (at < cert.notBefore) emit({ id: 'device.not-yet-valid', path: '', params: { notBefore: iso(cert.notBefore) } });
  if (at > cert.notAfter) emit({ id: 'device.expired', path: '', params: { notAfter: iso(cert.notAfter) } });
  else {
    const days = Math.floor((cert.notAfter.getTime() - at.getTime()) / DAY);
    if (days < horizon)
      emit({ id: 'device.expires-soon', path: '', params: { notAfter: iso(cert.notAfter), days: String(days), horizon: String(horizon) } });
  }
  const ekus = cert.extendedKeyUsage;
  if (ekus && !ekus.includes('clientAuth') && !ekus.includes('anyExtendedKeyUsage'))
    emit({ id: 'device.not-client-auth', path: '', params: { ekus: ekus.join(', ') || 'none' } });
  if (cert.keyUsage && !cert.keyUsage.bits.includes('digitalSignature'))
    emit({ id: 'device.not-client-auth', path: '', params: { bits: cert.keyUsage.bits.join(', ') || 'none' }, variant: 'key-usage' });
  const key = cert.publicKey.info;
  if ((key.algorithm === 'RSA' || key.algorithm === 'RSA-PSS') && key.size !== undefined && key.size < 2048)
    emit({ id: 'device.weak-key', path: '', params: { size: String(key.size) } });
  // A curve whose size is not known here (secp224r1 …) is flagged as the CA rule flags it, never passed.
  if (key.algorithm === 'EC' && (key.size ?? 0) < 256)
    emit({
      id: 'device.weak-key',
      path: '',
      params: { curve: key.curve ?? 'unknown', size: key.size ? String(key.size) : '?' },
      variant: 'ec',
      severity: 'warning',
    });
  if (cert.basicConstraints?.cA) emit({ id: 'device.is-ca', path: '', params: {} });
  if (others.length) emit({ id: 'device.other-certificates', path: '', params: { count: String(others.length) } });

  // The path: Entra builds it from the configuration's CAs only.
  const aki = cert.aki?.keyIdentifier ?? null;
  const issuerListed = listed.some((l) => l.parsed.subject.key === cert.issuer.key || (aki !== null && l.parsed.ski?.value === aki));
  let path: number[] | null = null;
  if (!issuerListed) {
    const inFile = others.findIndex((o) => o.subject.key === cert.issuer.key);
    const params = { issuer: cert.issuer.rfc4514 || '(empty name)', aki: aki ?? '(none)' };
    if (inFile >= 0)
      emit({
        id: 'device.issuer-missing',
        path: '',
        params: { ...params, where: `certificate ${inFile + 2} of the file` },
        variant: 'in-file',
      });
    else emit({ id: 'device.issuer-missing', path: '', params });
  } else {
    const validation = await validateDevicePath(
      listed.map((l) => l.parsed),
      cert,
      { at, crypto },
    );
    if (validation.ok) {
      path = validation.path!.map((i) => listed[i]!.index);
      for (const what of validation.unchecked) emit({ id: 'device.unchecked-constraints', path: '', params: { what } });
    } else {
      // A device outside its validity fails before any path is tried: that is said already.
      const deviceOnly = validation.reasons.every((r) => r.startsWith('the device '));
      const said = out.some((x) => x.id === 'device.expired' || x.id === 'device.not-yet-valid');
      if (!(deviceOnly && said))
        emit({ id: 'device.path-invalid', path: '', params: { reasons: validation.reasons.slice(0, 5).join('; ') } });
    }
  }

  const byIndex = new Map(listed.map((l) => [l.index, l]));
  if (path) {
    if (path.length > CRL_CHAIN_LIMIT) emit({ id: 'device.crl-chain-limit', path: '', params: { count: String(path.length) } });
    for (const i of path) {
      const ca = byIndex.get(i)!.parsed;
      const days = Math.floor((ca.notAfter.getTime() - at.getTime()) / DAY);
      if (days >= 0 && days < horizon)
        emit({
          id: 'device.expires-soon',
          path: `${entryPath(i)}/certificate`,
          params: { subject: ca.subject.rfc4514, notAfter: iso(ca.notAfter), days: String(days), horizon: String(horizon) },
          variant: 'ca',
        });
    }
    // Revocation of the device and of every CA below the root, against the CRLs given for their issuers.
    // (A certificate whose CRLs are all refused is undetermined; the CRL's own findings say why, with Entra's code.)
    const covered = coveredOnPath(cert, path, (i) => byIndex.get(i)!.parsed);
    for (const hit of crl ? checkRevocation(crl.analysed, covered).revoked : []) {
      const revokedCert = hit.key === DEVICE ? cert : byIndex.get(hit.key)!.parsed;
      const params = {
        serial: serialKeyOfHex(revokedCert.serialNumber),
        source: hit.crl.input.source,
        date: iso(hit.revocation.date),
        reason: hit.revocation.reason ?? 'no reason given',
        subject: revokedCert.subject.rfc4514,
      };
      const where = hit.key === DEVICE ? '' : `${entryPath(hit.key)}/certificate`;
      // Entra checks a CRL only where its CA configures the URL.
      const enforced = hit.crl.input.from !== undefined || hit.crl.member !== null;
      if (!enforced) emit({ id: 'device.revoked', path: where, params, variant: 'not-configured', severity: 'warning' });
      else if (hit.key === DEVICE) emit({ id: 'device.revoked', path: where, params });
      else emit({ id: 'device.revoked', path: where, params, variant: 'ca' });
    }
    // CRLs Entra downloads at sign-in that were not checked (with CRLs given, crl.not-checked says it per URL).
    for (const i of crl ? [] : path.slice(0, CRL_CHAIN_LIMIT)) {
      const e = entries[i]!;
      for (const [member, role] of [
        ['certificateRevocationListUrl', 'base'],
        ['deltaCertificateRevocationListUrl', 'delta'],
      ] as const) {
        const url = e.object?.[member];
        if (typeof url !== 'string' || url === '') continue;
        if (crl?.analysed.some((a) => a.ca?.index === i && a.role === role && a.crl)) continue;
        emit({
          id: 'device.revocation-unchecked',
          path: `${entryPath(i)}/${member}`,
          params: { subject: byIndex.get(i)!.parsed.subject.rfc4514, url },
        });
      }
    }
  }

  // The identity the configuration selects.
  const configured = run.context.configuration?.tlsClientAuthParameter;
  let parameter: TlsClientAuthParameter;
  if (isTlsClientAuthParameter(configured)) parameter = configured;
  else if (options.tlsClientAuthParameter) parameter = options.tlsClientAuthParameter;
  else {
    parameter = 'tls_client_auth_subject_dn';
    emit({ id: 'device.parameter-unknown', path: '', params: {} });
  }
  const identity = identityOf(cert, parameter);
  if (identity.values.length === 0) emit({ id: 'device.identity-missing', path: '', params: { parameter, field: FIELD_NAMES[parameter] } });
  else if (identity.values.length > 1)
    emit({
      id: 'device.identity-several',
      path: '',
      params: { parameter, count: String(identity.values.length), values: identity.values.join(', ') },
    });

  // Findings: the device's, then the configuration's about the CAs on the path.
  const catalogue = lang === 'fr' ? DEVICE_FR : DEVICE_EN;
  // Errors first, then warnings, then notes; in the order found within each.
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const ordered = out
    .map((x, i) => ({ x, i, severity: x.severity ?? deviceRuleById.get(x.id)!.severity }))
    .sort((a, b) => rank[a.severity] - rank[b.severity] || a.i - b.i)
    .map((o) => o.x);
  const findings: Finding[] = ordered.map((x) => {
    const rule = deviceRuleById.get(x.id)!;
    const { message, fix } = renderMessage(catalogue, x.id, x.params, x.variant);
    const f: Finding = { rule: x.id, severity: x.severity ?? rule.severity, path: x.path, message, basis: rule.basis };
    // A finding about an entry of the configuration text sits where preflight's findings sit: at the value it names.
    const pos = x.path === '' ? undefined : run.context.positionOf?.(x.path);
    if (pos) {
      f.line = pos.line;
      f.column = pos.column;
    }
    if (fix) f.fix = fix;
    return f;
  });
  const onPath = new Set((path ?? []).map((i) => entryPath(i)));
  const underPath = (p: string) => [...onPath].some((e) => p === e || p.startsWith(`${e}/`));
  // device.revoked already says what crl.revokes-listed-ca would for a CA on the path.
  const configFindings = run.report.findings.filter((f) => underPath(f.path) && f.rule !== 'crl.revokes-listed-ca');

  // A CRL of a CA on the path that Entra cannot use fails the sign-in too (it downloads each configured CRL).
  const failures: DeviceFailure[] = findings
    .filter((f) => f.severity === 'error')
    .map((f) => ({ code: deviceRuleById.get(f.rule)?.signIn?.code ?? null, message: f.message }));
  for (const f of configFindings) {
    if (f.severity !== 'error' || !f.rule.startsWith('crl.')) continue;
    if (!/\/(certificateRevocationListUrl|deltaCertificateRevocationListUrl)$/.test(f.path)) continue;
    const rule = ruleById(f.rule);
    failures.push({ code: (rule && 'signIn' in rule && rule.signIn?.code) || null, message: f.message });
  }

  const result: DeviceResult = {
    authenticates: failures.length === 0,
    path: path
      ? path.map((i) => {
          const l = byIndex.get(i)!;
          return { index: i, subject: l.parsed.subject.rfc4514, thumbprint: l.thumbprint };
        })
      : null,
    identity: { parameter, value: identity.values[0] ?? null },
    failures,
    findings: [...findings, ...configFindings],
  };
  const summary: DeviceSummary = {
    subject: cert.subject.rfc4514,
    windows: cert.subject.windows,
    issuer: cert.issuer.rfc4514,
    thumbprint: toHex(sha256(cert.der)),
    notBefore: iso(cert.notBefore),
    notAfter: iso(cert.notAfter),
  };
  return { result, device: summary };
}
