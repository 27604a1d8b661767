/**
 * The CRL and device arbitraries: the CRLs and device certificates they are made of are what they claim (checked with
 * pkijs and @peculiar/x509, not with this library's readers), and their oracles hold — every `crlCase` kind is reported
 * by `preflight` with its rule at its path and nothing else but info, `validCrls` draw no error and no warning, and every
 * `deviceCase` kind gets from `checkDevice` the verdict, the one AADSTS code, the finding, the identity and the path
 * it promises; `preflight` on the same configuration and CRLs agrees, and so does `ca-preflight device`.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createArbitraries,
  crlCaseKinds,
  deviceCaseKinds,
  type CaPreflightArbitraries,
  type DeviceCase,
} from '../src/testing/arbitraries.js';
import { preflight } from '../src/preflight.js';
import { checkDevice } from '../src/index.js';
import { describeRules } from '../src/rules/registry.js';

const described = new Map(describeRules().map((r) => [r.id, r]));
import { deviceRuleById } from '../src/device/findings.js';
import { runCli } from './helpers/cli.js';

/** Runs per kind and per property; REVOCATION_RUNS raises them (e.g. REVOCATION_RUNS=200 npx vitest run test/revocation-arbitraries.test.ts). */
const RUNS = Number(process.env.REVOCATION_RUNS ?? 6);
const runs = (n: number) => ({ numRuns: Math.max(n, RUNS) });

let arbs: CaPreflightArbitraries;
let dir: string;
beforeAll(async () => {
  arbs = await createArbitraries({ seed: 77 });
  dir = mkdtempSync(join(tmpdir(), 'ca-preflight-revocation-arbs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DELTA_CRL_INDICATOR = '2.5.29.27';
const hexSerial = (der: Uint8Array) => x509Of(der).serialNumber.replace(/^0+/, '').toUpperCase();
/** A copy on its own ArrayBuffer, as pkijs and @peculiar/x509 take it. */
const ab = (der: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(der);
const x509Of = (der: Uint8Array) => new x509.X509Certificate(ab(der));
const crlSerials = (crl: pkijs.CertificateRevocationList) =>
  (crl.revokedCertificates ?? []).map((r) =>
    Buffer.from(r.userCertificate.valueBlock.valueHexView).toString('hex').replace(/^0+/, '').toUpperCase(),
  );

describe('the CRL pool (oracle: pkijs)', () => {
  it('holds, for every CA, CRLs that verify with its key, except the forged one, each with exactly its defect', async () => {
    const at = arbs.at.getTime();
    for (const ca of arbs.pool.hierarchies.flat()) {
      const own = arbs.crls.byCa.get(ca)!;
      const issuerCertificate = pkijs.Certificate.fromBER(ab(ca.der));
      for (const [variant, der] of Object.entries(own.der)) {
        const crl = pkijs.CertificateRevocationList.fromBER(ab(der));
        if (variant !== 'unverifiable') {
          // The signature alone, with pkijs's engine: every variant but the forged one is signed by the CA's key.
          const signed = await pkijs
            .getCrypto(true)
            .verifyWithPublicKey(ab(crl.tbsView), crl.signatureValue, issuerCertificate.subjectPublicKeyInfo, crl.signatureAlgorithm);
          expect(signed, `${ca.id} ${variant} signature`).toBe(variant !== 'forged');
          // pkijs's verify also compares the issuer name and refuses a CRL with a critical extension it does not
          // know (RFC 5280 §5.2), before it looks at the signature.
          expect(await crl.verify({ issuerCertificate }), `${ca.id} ${variant}`).toBe(
            variant !== 'forged' && variant !== 'renamed' && variant !== 'criticalExtension',
          );
        }
        const thisUpdate = crl.thisUpdate.value.getTime();
        const nextUpdate = crl.nextUpdate?.value.getTime() ?? null;
        const valid = thisUpdate <= at && (nextUpdate === null || at < nextUpdate);
        expect(valid, `${ca.id} ${variant}`).toBe(variant !== 'expired' && variant !== 'notYetValid');
        expect(nextUpdate === null, variant).toBe(variant === 'noNextUpdate');
        const exts = crl.crlExtensions?.extensions ?? [];
        expect(
          exts.some((e) => e.extnID === DELTA_CRL_INDICATOR),
          variant,
        ).toBe(variant === 'delta' || variant === 'deltaTooNew');
        expect(
          exts.some((e) => e.extnID === '2.5.29.20'),
          variant,
        ).toBe(variant !== 'noNumber');
        expect(exts.find((e) => e.extnID === '2.5.29.20')?.critical ?? false, variant).toBe(variant === 'criticalNumber');
        expect(
          exts.some((e) => e.critical && e.extnID.startsWith('1.3.6.1.4.1.55555')),
          variant,
        ).toBe(variant === 'criticalExtension');
        const aki = exts.find((e) => e.extnID === '2.5.29.35');
        const akiHex = aki
          ? Buffer.from((aki.parsedValue as pkijs.AuthorityKeyIdentifier).keyIdentifier!.valueBlock.valueHexView)
              .toString('hex')
              .toUpperCase()
          : null;
        expect(akiHex, variant).toBe(variant === 'noAki' ? null : variant === 'wrongAki' ? 'AB'.repeat(20) : ca.ski);
        const issuerName = new x509.Name(crl.issuer.toSchema().toBER()).toString();
        expect(issuerName === x509Of(ca.der).subject, variant).toBe(variant !== 'renamed');
        // None revokes a pooled CA: the good CRLs list two serials that no pooled certificate has.
        expect(crlSerials(crl)).toEqual(['1001', '1002']);
      }
      const unverifiable = pkijs.CertificateRevocationList.fromBER(ab(own.der.unverifiable));
      expect(['1.2.840.113549.1.1.4', '1.2.840.10045.4.3.1', '1.3.101.113']).toContain(unverifiable.signatureAlgorithm.algorithmId);
      expect(own.pem).toMatch(/^-----BEGIN X509 CRL-----\n/);
      if (ca.parent) {
        const revoking = pkijs.CertificateRevocationList.fromBER(ab(own.revokedByIssuer!));
        expect(await revoking.verify({ issuerCertificate: pkijs.Certificate.fromBER(ab(ca.parent.der)) })).toBe(true);
        expect(crlSerials(revoking)).toContain(hexSerial(ca.der));
      } else expect(own.revokedByIssuer).toBeNull();
    }
    const stranger = pkijs.CertificateRevocationList.fromBER(ab(arbs.crls.stranger));
    expect(await stranger.verify({ issuerCertificate: pkijs.Certificate.fromBER(ab(arbs.crls.strangerIssuer.der)) })).toBe(true);
  });
});

describe('the device pool (oracle: @peculiar/x509)', () => {
  it('holds devices issued by the last CA of each hierarchy, each with exactly its defect', async () => {
    const at = arbs.at.getTime();
    for (const devices of arbs.devices) {
      const issuerKey = x509Of(devices.issuer.der).publicKey;
      for (const [variant, der] of Object.entries(devices.der)) {
        const cert = x509Of(der);
        expect(await cert.verify({ publicKey: issuerKey, signatureOnly: true }), variant).toBe(variant !== 'forged');
        expect(cert.issuer, variant).toBe(x509Of(devices.issuer.der).subject);
        expect(cert.notBefore.getTime() <= at && at < cert.notAfter.getTime(), variant).toBe(
          variant !== 'expired' && variant !== 'notYetValid',
        );
        const eku = cert.getExtension(x509.ExtendedKeyUsageExtension)!.usages;
        expect(eku, variant).toEqual([variant === 'serverAuthOnly' ? '1.3.6.1.5.5.7.3.1' : '1.3.6.1.5.5.7.3.2']);
        const ku = cert.getExtension(x509.KeyUsagesExtension)!.usages;
        const F = x509.KeyUsageFlags;
        expect(ku, variant).toBe(
          variant === 'noDigitalSignature'
            ? F.keyEncipherment
            : variant === 'isCa'
              ? F.digitalSignature | F.keyCertSign
              : F.digitalSignature,
        );
        expect(cert.getExtension(x509.BasicConstraintsExtension)?.ca ?? false, variant).toBe(variant === 'isCa');
        const daysLeft = (cert.notAfter.getTime() - at) / 86_400_000;
        expect(daysLeft > 0 && daysLeft <= 30, variant).toBe(variant === 'expiresSoon');
        const bits = (cert.publicKey.algorithm as RsaHashedKeyAlgorithm).modulusLength;
        if (variant === 'weakKey') expect(bits).toBe(1024);
        else expect(cert.publicKey.algorithm.name).toBe('ECDSA');
        const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
        const names = san?.names.toJSON().map((n) => `${n.type}:${n.value}`) ?? [];
        if (variant === 'noSan') expect(names).toEqual([]);
        else if (variant === 'severalDns') expect(names).toEqual(devices.severalDns.map((d) => `dns:${d}`));
        else {
          const id = devices.identities;
          expect(names, variant).toEqual([`dns:${id.dns}`, `url:${id.uri}`, `ip:${id.ip}`, `email:${id.email}`]);
        }
      }
      // The subject the identity promises, as RFC 4514 writes it, names the device's subject RDN by RDN.
      const subject = new x509.Name(devices.identities.subject).toJSON();
      expect(subject.reverse()).toEqual(x509Of(devices.der.plain).subjectName.toJSON());
      const revoking = pkijs.CertificateRevocationList.fromBER(ab(devices.revokedCrl));
      expect(await revoking.verify({ issuerCertificate: pkijs.Certificate.fromBER(ab(devices.issuer.der)) })).toBe(true);
      expect(crlSerials(revoking)).toEqual([hexSerial(devices.der.plain)]);
    }
  });
});

describe('crlCase', () => {
  it('ties every kind to a CRL rule the body alone cannot trip, with its severity', () => {
    expect(new Set(crlCaseKinds.map((k) => k.kind)).size).toBe(crlCaseKinds.length);
    for (const k of crlCaseKinds) {
      const rule = described.get(k.rule);
      expect(rule?.needs, k.kind).toBe('crls');
      // crl.pem-armour is an error for a URL that serves PEM, a warning for a PEM file (the file is read, the URL is not).
      expect(k.severity, k.kind).toBe(k.kind === 'crl-pem-file' ? 'warning' : rule!.severity);
    }
  });

  it.each(crlCaseKinds.map((k) => [k.kind, k.rule] as const))('%s → %s', async (kind) => {
    await fc.assert(
      fc.asyncProperty(arbs.crlMutation(kind), async (m) => {
        const report = await preflight(m.body, { at: arbs.at, crls: m.crls });
        const where = `${m.kind}: ${JSON.stringify(report.findings.map((f) => [f.rule, f.path, f.severity]))}`;
        const { rule, path, severity } = m.expected;
        expect(
          report.findings.some((f) => f.rule === rule && f.path === path && f.severity === severity),
          where,
        ).toBe(true);
        expect(
          report.findings.filter((f) => f.severity !== 'info' && f.rule !== rule && !m.mayAlso.includes(f.rule)),
          where,
        ).toEqual([]);
        // A CRL concerns sign-in, not the upload: the server's answer is unchanged.
        expect(report.graphError).toBeNull();
        expect(report.ok).toBe(severity !== 'error');
      }),
      runs(6),
    );
  });

  it('validCrls: good CRLs (files, deltas, downloads) of CAs that configure their URL draw no error and no warning', async () => {
    await fc.assert(
      fc.asyncProperty(arbs.validCrls, async ({ body, crls }) => {
        const report = await preflight(body, { at: arbs.at, crls });
        expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
        // Each one was matched and checked at the URL it stands for.
        const checked = report.findings.filter((f) => f.rule === 'crl.checked').map((f) => f.path);
        expect(checked.length).toBe(crls.length);
        for (const p of checked)
          expect(p).toMatch(/^\/certificateAuthorities\/\d+\/(certificateRevocationListUrl|deltaCertificateRevocationListUrl)$/);
      }),
      runs(30),
    );
  });
});

const optionsOf = (m: DeviceCase) => ({
  at: arbs.at,
  crls: m.crls,
  ...(m.tlsClientAuthParameter ? { tlsClientAuthParameter: m.tlsClientAuthParameter } : {}),
});

describe('deviceCase', () => {
  it('ties every kind to a device or CRL finding, with the AADSTS code that finding documents', () => {
    expect(new Set(deviceCaseKinds.map((k) => k.kind)).size).toBe(deviceCaseKinds.length);
    for (const k of deviceCaseKinds) {
      if (k.rule === null) {
        expect(k.authenticates, k.kind).toBe(true);
        continue;
      }
      const signIn = deviceRuleById.get(k.rule)?.signIn ?? described.get(k.rule)?.signIn;
      expect(deviceRuleById.has(k.rule) || described.get(k.rule)?.needs === 'crls', k.kind).toBe(true);
      expect(k.code, k.kind).toBe(k.authenticates ? null : (signIn?.code ?? null));
    }
  });

  it.each(deviceCaseKinds.map((k) => [k.kind] as const))('%s: checkDevice answers as the case says', async (kind) => {
    await fc.assert(
      fc.asyncProperty(arbs.deviceMutation(kind), async (m) => {
        const result = await checkDevice(m.device, m.configuration, optionsOf(m));
        const e = m.expected;
        const where = `${m.kind} (${m.encoding}): ${JSON.stringify({ failures: result.failures, findings: result.findings.map((f) => [f.rule, f.path, f.severity]) })}`;
        expect(result.authenticates, where).toBe(e.authenticates);
        expect(
          result.failures.map((f) => f.code),
          where,
        ).toEqual(e.authenticates ? [] : [e.code]);
        if (e.rule)
          expect(
            result.findings.map((f) => f.rule),
            where,
          ).toContain(e.rule);
        // Nothing else above info: the case has exactly its one defect.
        expect(
          result.findings.filter((f) => f.severity !== 'info' && f.rule !== e.rule).map((f) => f.rule),
          where,
        ).toEqual([]);
        expect(result.identity, where).toEqual(e.identity);
        expect(result.path?.map((p) => p.index) ?? null, where).toEqual(e.path);
        // The code is the one the finding's rule documents.
        if (e.rule && e.code) expect((deviceRuleById.get(e.rule)?.signIn ?? described.get(e.rule)?.signIn)?.code).toBe(e.code);
      }),
      runs(6),
    );
  });

  it("preflight on the same configuration and CRLs reports each failing CRL of the device's path as an error", async () => {
    const crlKinds = deviceCaseKinds.map((k) => k.kind).filter((k) => k.startsWith('device-crl-'));
    await fc.assert(
      fc.asyncProperty(arbs.deviceMutation(...crlKinds), async (m) => {
        const report = await preflight(m.configuration, { at: arbs.at, crls: m.crls });
        const onPath = (p: string) => m.expected.path!.some((i) => p === `/certificateAuthorities/${i}/certificateRevocationListUrl`);
        expect(report.findings.some((f) => f.rule === m.expected.rule && f.severity === 'error' && onPath(f.path))).toBe(true);
      }),
      runs(20),
    );
  });

  it('ca-preflight device gives the same JSON as checkDevice for any case', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arbs.deviceCase, async (m) => {
        const k = n++;
        const device = join(dir, `device-${k}.${m.encoding === 'p7b' ? 'p7b' : m.encoding === 'der' ? 'cer' : 'pem'}`);
        writeFileSync(device, m.device);
        const config = join(dir, `config-${k}.json`);
        writeFileSync(config, JSON.stringify(m.configuration));
        const crlArgs = m.crls.flatMap((c, i) => {
          if (!c.bytes || c.from) return []; // downloads are the library's input only: the CLI fetches them itself
          const file = join(dir, `crl-${k}-${i}.crl`);
          writeFileSync(file, c.bytes);
          return ['--crl', file];
        });
        const files = m.crls.filter((c) => c.bytes && !c.from).map((c, i) => ({ source: join(dir, `crl-${k}-${i}.crl`), bytes: c.bytes! }));
        const args = ['device', device, '--config', config, ...crlArgs, '--at', arbs.at.toISOString(), '--format', 'json'];
        if (m.tlsClientAuthParameter) args.push('--tls-client-auth-parameter', m.tlsClientAuthParameter);
        const cli = await runCli(args);
        const lib = await checkDevice(readFileSync(device), readFileSync(config, 'utf8'), { ...optionsOf(m), crls: files });
        expect(cli.code).toBe(lib.authenticates ? 0 : 1);
        // With every CRL of the case on the command line, the CLI answers as the case says.
        if (files.length === m.crls.length) expect(lib.authenticates, m.kind).toBe(m.expected.authenticates);
        expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(JSON.stringify(lib)));
      }),
      runs(15),
    );
  });
});

/**
 * openssl's verdict on a device case: the listed roots as trust anchors, the other listed CAs as untrusted
 * certificates, `-purpose sslclient` (TLS client use: extendedKeyUsage clientAuth and keyUsage digitalSignature), the
 * case's time, and `-crl_check_all` with the case's CRLs — each CA on the path that the case gives no CRL for gets its
 * good CRL from the pool, since openssl wants one for every certificate and a good CRL revokes nothing pooled.
 */
function opensslVerdict(m: DeviceCase, work: string): { ok: boolean; text: string } {
  const entries = (m.configuration.certificateAuthorities as { certificate: string; isRootAuthority: boolean }[]).map((e) => ({
    der: new Uint8Array(Buffer.from(e.certificate, 'base64')),
    root: e.isRootAuthority,
  }));
  const pem = (der: Uint8Array, label = 'CERTIFICATE') =>
    `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END ${label}-----\n`;
  const file = (name: string, text: string) => {
    const f = join(work, name);
    writeFileSync(f, text);
    return f;
  };
  const given = m.crls.map((c) => c.bytes!);
  const givenIssuers = new Set(given.map((b) => new x509.X509Crl(ab(b)).issuer));
  const pooled = arbs.pool.hierarchies.flat();
  const supplied = entries.flatMap((e) => {
    const ca = pooled.find((c) => Buffer.from(c.der).equals(Buffer.from(e.der)));
    return ca && !givenIssuers.has(x509Of(ca.der).subject) ? [arbs.crls.byCa.get(ca)!.der.good] : [];
  });
  // The device: the first PEM block (PEM, a chain with the device first), the DER, or the last certificate of the .p7b.
  const device =
    typeof m.device === 'string'
      ? new x509.X509Certificate(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/.exec(m.device)![0])
      : m.encoding === 'p7b'
        ? new x509.X509Certificates(ab(m.device)).at(-1)!
        : new x509.X509Certificate(ab(m.device));
  const args = [
    'verify',
    '-attime',
    String(Math.floor(arbs.at.getTime() / 1000)),
    '-purpose',
    'sslclient',
    '-CAfile',
    file(
      'roots.pem',
      entries
        .filter((e) => e.root)
        .map((e) => pem(e.der))
        .join(''),
    ),
    '-untrusted',
    file(
      'cas.pem',
      entries
        .filter((e) => !e.root)
        .map((e) => pem(e.der))
        .join('') || pem(entries[0]!.der),
    ),
    '-crl_check_all',
    '-CRLfile',
    file('crls.pem', [...given, ...supplied].map((b) => pem(b, 'X509 CRL')).join('')),
    file('device.pem', pem(new Uint8Array(device.rawData))),
  ];
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  return { ok: r.status === 0, text: `${r.stdout}${r.stderr}` };
}

describe('docs/arbitraries.md', () => {
  const doc = readFileSync(new URL('../docs/arbitraries.md', import.meta.url), 'utf8');
  it('lists every crlCase kind with its rule and severity, and every deviceCase kind with its verdict, code and finding', () => {
    for (const k of crlCaseKinds) expect(doc, k.kind).toContain(`| \`${k.kind}\` | \`${k.rule}\` | ${k.severity} |`);
    for (const k of deviceCaseKinds)
      expect(doc, k.kind).toContain(
        `| \`${k.kind}\` | ${k.authenticates ? 'yes' : 'no'} | ${k.code ?? '—'} | ${k.rule ? `\`${k.rule}\`` : '—'} |`,
      );
  });
});

describe('deviceCase against openssl verify -crl_check_all (an independent oracle)', () => {
  // The kinds whose verdict is the path, the device's validity and TLS client use, and revocation from CRL files:
  // what openssl verify decides too. Identities, key strength and downloads are Entra's alone.
  const kinds = [
    'device-authenticates',
    'device-issuer-missing',
    'device-path-invalid',
    'device-expired',
    'device-not-yet-valid',
    'device-not-client-auth',
    'device-no-digital-signature',
    'device-revoked',
    'device-ca-revoked',
    'device-crl-expired',
    'device-crl-not-yet-valid',
    'device-crl-signature-invalid',
    'device-expires-soon',
    'device-other-certificates',
  ] as const;

  it('openssl and checkDevice agree on whether the device authenticates', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(arbs.deviceMutation(...kinds), async (m) => {
        const work = join(dir, `openssl-${n++}`);
        mkdirSync(work);
        const openssl = opensslVerdict(m, work);
        const result = await checkDevice(m.device, m.configuration, optionsOf(m));
        expect(result.authenticates, `${m.kind}: openssl says ${openssl.text}`).toBe(openssl.ok);
        expect(openssl.ok, m.kind).toBe(m.expected.authenticates);
      }),
      runs(40),
    );
  });
});
