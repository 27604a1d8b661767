/**
 * The device vectors' cases: a device certificate against a configuration, each device finding with a case that trips
 * it and a near miss, an identity case for every tlsClientAuthParameter value, CRLs of the CAs on the path, .p7b input.
 */
import * as pkijs from 'pkijs';
import { buildCertificate, generateKeyPair, OID, type BuiltCertificate, type CertificateSpec, type KeyPairHandle } from '../../src/testing/builder.js';
import { buildCrl, type CrlSpec } from '../../src/testing/crl-builder.js';
import { parseCertificate } from '../../src/certificate/parse.js';
import { encodePem } from '../../src/certificate/encoding.js';
import type { CrlInput } from '../../src/crl/types.js';
import type { TlsClientAuthParameter } from '../../src/device/identity.js';
import { ecdsaKeyPair } from '../lib/node-signers.js';
import { AT, AT_MS, VALID_FROM, VALID_TO } from './framework.js';
import type { DeviceVectorFile } from './device-format.js';

export interface DeviceCase {
  name: string;
  description: string;
  at: string;
  /** PEM text, or bytes (DER, .p7b). */
  device: string | Uint8Array;
  config: unknown;
  crls?: CrlInput[];
  tlsClientAuthParameter?: TlsClientAuthParameter;
  nearMissFor?: string[];
  expect: DeviceVectorFile['expect'];
}

const DAY = 86_400_000;
const at = (days: number) => new Date(AT_MS + days * DAY);
const ROOT_URL = 'http://crl.example.com/device-vectors/root.crl';
const SUB_URL = 'http://crl.example.com/device-vectors/issuing.crl';
const ID = '5b8c2d1e-0f4a-4c6b-9a3e-7d2f1b0c9e84';
const DEVICE_DN = 'CN=device-001, O=Contoso Devices, C=US';
const DEVICE_RFC4514 = 'CN=device-001,O=Contoso Devices,C=US';

/** A degenerate SignedData (certificates only, no signers), as Windows' "PKCS #7 (.p7b)" export writes it. */
export function p7b(certs: Uint8Array[]): Uint8Array {
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    certificates: certs.map((der) => pkijs.Certificate.fromBER(new Uint8Array(der))),
  });
  const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER());
}

let serial = 0x5000;
const build = (spec: CertificateSpec) => buildCertificate({ notBefore: VALID_FROM, notAfter: VALID_TO, serialNumber: serial++, ...spec });

interface Entry {
  cert: BuiltCertificate;
  root: boolean;
  crl?: string;
}

/** A GET response (as Graph returns the resource) holding `entries`. */
function getResponse(parameter: TlsClientAuthParameter, ...entries: Entry[]) {
  return {
    id: ID,
    deletedDateTime: null,
    displayName: 'Contoso devices',
    tlsClientAuthParameter: parameter,
    certificateAuthorities: entries.map(listed),
  };
}

function listed(e: Entry) {
  return {
    certificate: e.cert.base64,
    isRootAuthority: e.root,
    certificateRevocationListUrl: e.crl ?? null,
    deltaCertificateRevocationListUrl: null,
  };
}

const f = (rule: string, path: string, severity: 'error' | 'warning' | 'info') => ({ rule, path, severity });
const ca = (i: number, member = 'certificate') => `/certificateAuthorities/${i}/${member}`;
const subjectDn = { parameter: 'tls_client_auth_subject_dn', value: DEVICE_RFC4514 };

export async function deviceCases(): Promise<DeviceCase[]> {
  const rootKey = await generateKeyPair('P-256');
  const subKey = await generateKeyPair('P-256');
  const root = await build({ subject: 'CN=Device Root CA, O=Contoso, C=US', key: rootKey });
  const sub = await build({ subject: 'CN=Device Issuing CA, O=Contoso, C=US', key: subKey, issuer: root });
  const deviceKey = await generateKeyPair('P-256');
  const device = (opts: Partial<CertificateSpec> = {}) =>
    build({
      subject: DEVICE_DN,
      key: deviceKey,
      issuer: sub,
      basicConstraints: { cA: false },
      keyUsage: { bits: ['digitalSignature'] },
      extendedKeyUsage: [OID.ekuClientAuth],
      ...opts,
    });
  const plain = await device();
  const serialOf = (c: BuiltCertificate) => BigInt(`0x${parseCertificate(c.der).serialNumber}`);
  const crlOf = async (issuer: BuiltCertificate, spec: Partial<CrlSpec> = {}, source = 'issuing.crl'): Promise<CrlInput> => ({
    source,
    bytes: (await buildCrl({ issuer, thisUpdate: at(-1), nextUpdate: at(7), crlNumber: 3, ...spec })).der,
  });
  const both = (param: TlsClientAuthParameter = 'tls_client_auth_subject_dn', subCrl?: string, rootCrl?: string) =>
    getResponse(param, { cert: root, root: true, ...(rootCrl ? { crl: rootCrl } : {}) }, { cert: sub, root: false, ...(subCrl ? { crl: subCrl } : {}) });
  const ok = (identity = subjectDn) => ({ authenticates: true, path: [1, 0], identity, failures: [], findings: [] });
  const pathOk = { authenticates: true, path: [1, 0] };
  const base = { at: AT };

  const san = (s: CertificateSpec['subjectAltName']) => device({ subjectAltName: s });
  const sanCase = async (name: string, param: TlsClientAuthParameter, s: CertificateSpec['subjectAltName'], value: string): Promise<DeviceCase> => ({
    ...base,
    name,
    description: `tlsClientAuthParameter ${param}: the device is identified by ${value}.`,
    device: (await san(s)).pem,
    config: both(param),
    expect: ok({ parameter: param, value }),
  });

  // Ten intermediates under the root: the eleventh CA from the device is past Entra's CRL limit.
  const ladder: BuiltCertificate[] = [root];
  for (let k = 1; k <= 10; k++) ladder.push(await build({ subject: `CN=Ladder CA ${k}, O=Contoso, C=US`, key: await generateKeyPair('P-256'), issuer: ladder[k - 1]! }));
  const ladderDevice = (top: number) => device({ issuer: ladder[top]! });
  const ladderConfig = (top: number) => getResponse('tls_client_auth_subject_dn', ...ladder.slice(0, top + 1).map((c, k) => ({ cert: c, root: k === 0 })));
  const ladderPath = (top: number) => Array.from({ length: top + 1 }, (_, k) => top - k);

  const expiredSub = await build({ subject: 'CN=Device Issuing CA, O=Contoso, C=US', key: subKey, issuer: root, notAfter: at(-1) });
  const soonSub = await build({ subject: 'CN=Device Issuing CA, O=Contoso, C=US', key: subKey, issuer: root, notAfter: at(10) });
  const constrained = await build({
    subject: 'CN=Device Issuing CA, O=Contoso, C=US',
    key: subKey,
    issuer: root,
    // nameConstraints permitting dNSName example.com: understood, not evaluated.
    extraExtensions: [{ oid: '2.5.29.30', critical: true, value: Uint8Array.from([0x30, 0x11, 0xa0, 0x0f, 0x30, 0x0d, 0x82, 0x0b, ...new TextEncoder().encode('example.com')]) }],
  });
  const rsa1024 = await generateKeyPair('RSA-1024');
  const p224: KeyPairHandle = ecdsaKeyPair('secp224r1');

  const cases: DeviceCase[] = [
    {
      ...base,
      name: 'subject-dn',
      description: 'A device issued by the listed issuing CA, identified by its subject DN: it would authenticate.',
      device: plain.pem,
      config: both(),
      nearMissFor: [
        'device.issuer-missing',
        'device.path-invalid',
        'device.expired',
        'device.not-yet-valid',
        'device.not-client-auth',
        'device.weak-key',
        'device.is-ca',
        'device.revoked',
        'device.identity-missing',
        'device.identity-several',
        'device.parameter-unknown',
        'device.expires-soon',
        'device.other-certificates',
        'device.unchecked-constraints',
        'device.revocation-unchecked',
      ],
      expect: ok(),
    },
    await sanCase('san-dns', 'tls_client_auth_san_dns', { dns: ['device-001.devices.contoso.com'] }, 'device-001.devices.contoso.com'),
    await sanCase('san-uri', 'tls_client_auth_san_uri', { uri: ['urn:contoso:device:001'] }, 'urn:contoso:device:001'),
    await sanCase('san-ip', 'tls_client_auth_san_ip', { ip: ['192.0.2.10'] }, '192.0.2.10'),
    await sanCase('san-ip-v6', 'tls_client_auth_san_ip', { ip: ['2001:DB8:0:0:0:0:0:10'] }, '2001:db8::10'),
    await sanCase('san-email', 'tls_client_auth_san_email', { email: ['device-001@contoso.com'] }, 'device-001@contoso.com'),
    {
      ...base,
      name: 'identity-missing',
      description: 'tlsClientAuthParameter selects the SAN dNSName, and the device certificate has no subjectAltName: the device cannot be identified.',
      device: plain.pem,
      config: both('tls_client_auth_san_dns'),
      expect: { authenticates: false, path: [1, 0], identity: { parameter: 'tls_client_auth_san_dns', value: null }, failures: [null], findings: [f('device.identity-missing', '', 'error')] },
    },
    {
      ...base,
      name: 'identity-several',
      description: 'Two dNSName entries: the device must be registered with one of them (a warning).',
      device: (await san({ dns: ['a.devices.contoso.com', 'b.devices.contoso.com'] })).pem,
      config: both('tls_client_auth_san_dns'),
      expect: { ...pathOk, identity: { parameter: 'tls_client_auth_san_dns', value: 'a.devices.contoso.com' }, failures: [], findings: [f('device.identity-several', '', 'warning')] },
    },
    {
      ...base,
      name: 'parameter-unknown',
      description: 'A PATCH body, which carries no tlsClientAuthParameter: the subject DN is shown, and said to be assumed.',
      device: plain.pem,
      config: { certificateAuthorities: [listed({ cert: root, root: true }), listed({ cert: sub, root: false })] },
      expect: { ...ok(), findings: [f('device.parameter-unknown', '', 'info')] },
    },
    {
      ...base,
      name: 'parameter-given',
      description: 'The same PATCH body with the parameter given as an option: nothing assumed.',
      device: (await san({ dns: ['device-001.devices.contoso.com'] })).pem,
      config: { certificateAuthorities: [listed({ cert: root, root: true }), listed({ cert: sub, root: false })] },
      tlsClientAuthParameter: 'tls_client_auth_san_dns',
      nearMissFor: ['device.parameter-unknown'],
      expect: ok({ parameter: 'tls_client_auth_san_dns', value: 'device-001.devices.contoso.com' }),
    },
    {
      ...base,
      name: 'issuer-missing',
      description: 'The configuration lists the root but not the issuing CA: AADSTS500176.',
      device: plain.pem,
      config: getResponse('tls_client_auth_subject_dn', { cert: root, root: true }),
      expect: { authenticates: false, path: null, identity: subjectDn, failures: ['AADSTS500176'], findings: [f('device.issuer-missing', '', 'error')] },
    },
    {
      ...base,
      name: 'issuer-missing-in-file',
      description: 'The issuing CA is in the device file but not in the configuration: Entra builds the path from the configuration only.',
      device: plain.pem + sub.pem,
      config: getResponse('tls_client_auth_subject_dn', { cert: root, root: true }),
      expect: {
        authenticates: false,
        path: null,
        identity: subjectDn,
        failures: ['AADSTS500176'],
        findings: [f('device.other-certificates', '', 'info'), f('device.issuer-missing', '', 'error')],
      },
    },
    {
      ...base,
      name: 'other-certificates',
      description: 'A chain file (device, issuing CA, root) against the full configuration: the extra certificates are not used.',
      device: plain.pem + sub.pem + root.pem,
      config: both(),
      expect: { ...ok(), findings: [f('device.other-certificates', '', 'info')] },
    },
    {
      ...base,
      name: 'p7b-root-first',
      description: 'A .p7b bundle that starts at the root (as Windows exports it): the device is the certificate that issued none of the others.',
      device: p7b([root.der, sub.der, plain.der]),
      config: both(),
      expect: { ...ok(), findings: [f('device.other-certificates', '', 'info')] },
    },
    {
      ...base,
      name: 'der',
      description: 'The device certificate as DER (a .cer file as Windows exports it): read as the PEM one is.',
      device: plain.der,
      config: both(),
      expect: ok(),
    },
    {
      ...base,
      name: 'p7b-pem',
      description: 'A base64 .p7b bundle (-----BEGIN PKCS7-----) holding the device, its issuing CA and the root: the device is found and the others are not used.',
      device: encodePem(p7b([plain.der, sub.der, root.der]), 'PKCS7'),
      config: both(),
      expect: { ...ok(), findings: [f('device.other-certificates', '', 'info')] },
    },
    {
      ...base,
      name: 'path-invalid',
      description: 'The configuration lists the issuing CA expired: the path does not validate (AADSTS50017).',
      device: plain.pem,
      config: getResponse('tls_client_auth_subject_dn', { cert: root, root: true }, { cert: expiredSub, root: false }),
      expect: { authenticates: false, path: null, identity: subjectDn, failures: ['AADSTS50017'], findings: [f('device.path-invalid', '', 'error')] },
    },
    {
      ...base,
      name: 'expired',
      description: 'The device certificate expired the day before.',
      device: (await device({ notAfter: at(-1) })).pem,
      config: both(),
      expect: { authenticates: false, path: null, identity: subjectDn, failures: [null], findings: [f('device.expired', '', 'error')] },
    },
    {
      ...base,
      name: 'not-yet-valid',
      description: 'The device certificate is valid from the next day.',
      device: (await device({ notBefore: at(1) })).pem,
      config: both(),
      expect: { authenticates: false, path: null, identity: subjectDn, failures: [null], findings: [f('device.not-yet-valid', '', 'error')] },
    },
    {
      ...base,
      name: 'not-client-auth',
      description: 'A device certificate for TLS servers only (extendedKeyUsage serverAuth).',
      device: (await device({ extendedKeyUsage: [OID.ekuServerAuth] })).pem,
      config: both(),
      expect: { authenticates: false, path: [1, 0], identity: subjectDn, failures: [null], findings: [f('device.not-client-auth', '', 'error')] },
    },
    {
      ...base,
      name: 'not-client-auth-key-usage',
      description: 'A device certificate whose keyUsage is keyEncipherment only: it cannot sign the TLS handshake.',
      device: (await device({ keyUsage: { bits: ['keyEncipherment'] } })).pem,
      config: both(),
      expect: { authenticates: false, path: [1, 0], identity: subjectDn, failures: [null], findings: [f('device.not-client-auth', '', 'error')] },
    },
    {
      ...base,
      name: 'any-extended-key-usage',
      description: 'extendedKeyUsage anyExtendedKeyUsage, and no keyUsage: fit for TLS client authentication.',
      device: (await device({ extendedKeyUsage: ['2.5.29.37.0'], keyUsage: null })).pem,
      config: both(),
      nearMissFor: ['device.not-client-auth'],
      expect: ok(),
    },
    {
      ...base,
      name: 'weak-key-rsa',
      description: 'An RSA-1024 device key: Entra refuses weak RSA keys (AADSTS50032).',
      device: (await device({ key: rsa1024 })).pem,
      config: both(),
      expect: { authenticates: false, path: [1, 0], identity: subjectDn, failures: ['AADSTS50032'], findings: [f('device.weak-key', '', 'error')] },
    },
    {
      ...base,
      name: 'weak-key-ec',
      description: 'A P-224 device key: under 256 bits, a warning.',
      device: (await device({ key: p224 })).pem,
      config: both(),
      expect: { ...ok(), findings: [f('device.weak-key', '', 'warning')] },
    },
    {
      ...base,
      name: 'rsa-2048',
      description: 'An RSA-2048 device key.',
      device: (await device({ key: await generateKeyPair('RSA-2048') })).pem,
      config: both(),
      nearMissFor: ['device.weak-key'],
      expect: ok(),
    },
    {
      ...base,
      name: 'is-ca',
      description: 'A device certificate that is a CA (basicConstraints cA=true): a warning.',
      device: (await device({ basicConstraints: { cA: true } })).pem,
      config: both(),
      expect: { ...ok(), findings: [f('device.is-ca', '', 'warning')] },
    },
    {
      ...base,
      name: 'revoked',
      description: "The issuing CA's CRL (configured) revokes the device: AADSTS500171.",
      device: plain.pem,
      config: both('tls_client_auth_subject_dn', SUB_URL),
      crls: [await crlOf(sub, { revoked: [{ serial: serialOf(plain), reason: 'keyCompromise' }] })],
      expect: {
        authenticates: false,
        path: [1, 0],
        identity: subjectDn,
        failures: ['AADSTS500171'],
        findings: [f('device.revoked', '', 'error'), f('crl.checked', ca(1, 'certificateRevocationListUrl'), 'info')],
      },
    },
    {
      ...base,
      name: 'not-revoked',
      description: "The issuing CA's CRL revokes other serials.",
      device: plain.pem,
      config: both('tls_client_auth_subject_dn', SUB_URL),
      crls: [await crlOf(sub, { revoked: [{ serial: serialOf(plain) + 1n }] })],
      nearMissFor: ['device.revoked', 'device.revocation-unchecked'],
      expect: { ...ok(), findings: [f('crl.checked', ca(1, 'certificateRevocationListUrl'), 'info')] },
    },
    {
      ...base,
      name: 'revoked-issuing-ca',
      description: "The root's CRL (configured) revokes the issuing CA: every device under it fails (AADSTS500171).",
      device: plain.pem,
      config: both('tls_client_auth_subject_dn', undefined, ROOT_URL),
      crls: [await crlOf(root, { revoked: [{ serial: serialOf(sub), reason: 'cACompromise' }] }, 'root.crl')],
      expect: {
        authenticates: false,
        path: [1, 0],
        identity: subjectDn,
        failures: ['AADSTS500171'],
        findings: [f('device.revoked', ca(1), 'error'), f('crl.checked', ca(0, 'certificateRevocationListUrl'), 'info')],
      },
    },
    {
      ...base,
      name: 'revoked-not-configured',
      description: "A CRL revokes the device, but the issuing CA configures no CRL URL: Entra does not check it, the device authenticates (a warning).",
      device: plain.pem,
      config: both(),
      crls: [await crlOf(sub, { revoked: [{ serial: serialOf(plain) }] })],
      expect: { ...ok(), findings: [f('device.revoked', '', 'warning'), f('crl.checked', '/certificateAuthorities/1', 'info')] },
    },
    {
      ...base,
      name: 'revocation-unchecked',
      description: 'The issuing CA configures a CRL URL and no CRL is given: Entra downloads it, this check could not.',
      device: plain.pem,
      config: both('tls_client_auth_subject_dn', SUB_URL),
      expect: { ...ok(), findings: [f('device.revocation-unchecked', ca(1, 'certificateRevocationListUrl'), 'info')] },
    },
    {
      ...base,
      name: 'crl-expired-on-path',
      description: "The issuing CA's configured CRL has expired: sign-in fails (AADSTS500172).",
      device: plain.pem,
      config: both('tls_client_auth_subject_dn', SUB_URL),
      crls: [await crlOf(sub, { thisUpdate: at(-8), nextUpdate: at(-1) })],
      expect: {
        authenticates: false,
        path: [1, 0],
        identity: subjectDn,
        failures: ['AADSTS500172'],
        findings: [f('crl.checked', ca(1, 'certificateRevocationListUrl'), 'info'), f('crl.expired', ca(1, 'certificateRevocationListUrl'), 'error')],
      },
    },
    {
      ...base,
      name: 'expires-soon',
      description: 'The device certificate expires in 10 days.',
      device: (await device({ notAfter: at(10) })).pem,
      config: both(),
      expect: { ...ok(), findings: [f('device.expires-soon', '', 'warning')] },
    },
    {
      ...base,
      name: 'expires-soon-issuing-ca',
      description: 'The issuing CA expires in 10 days (said by the device check and by the list check).',
      device: plain.pem,
      config: getResponse('tls_client_auth_subject_dn', { cert: root, root: true }, { cert: soonSub, root: false }),
      expect: { ...ok(), findings: [f('device.expires-soon', ca(1), 'warning'), f('certificate.expires-soon', ca(1), 'warning')] },
    },
    {
      ...base,
      name: 'crl-chain-limit',
      description: 'Eleven CAs from the device to the root: Entra checks the CRLs of the first ten only.',
      device: (await ladderDevice(10)).pem,
      config: ladderConfig(10),
      expect: { authenticates: true, path: ladderPath(10), identity: subjectDn, failures: [], findings: [f('device.crl-chain-limit', '', 'warning')] },
    },
    {
      ...base,
      name: 'ten-cas',
      description: 'Ten CAs from the device to the root: all within the limit.',
      device: (await ladderDevice(9)).pem,
      config: ladderConfig(9),
      nearMissFor: ['device.crl-chain-limit'],
      expect: { authenticates: true, path: ladderPath(9), identity: subjectDn, failures: [], findings: [] },
    },
    {
      ...base,
      name: 'unchecked-constraints',
      description: 'The issuing CA carries nameConstraints: the path validates, and the constraint is said not to be evaluated.',
      device: plain.pem,
      config: getResponse('tls_client_auth_subject_dn', { cert: root, root: true }, { cert: constrained, root: false }),
      expect: { ...ok(), findings: [f('device.unchecked-constraints', '', 'info')] },
    },
  ];
  return cases;
}
