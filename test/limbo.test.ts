import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { itWith, openssl } from './support/prerequisites.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KNOWN_DIVERGENCES, notApplicable, readLimboFile, runCase, type LimboTestcase } from '../scripts/limbo.js';
import { validateDevicePath } from '../src/chain/validate-path.js';
import { buildCrl, CRL_OID, type CrlSpec } from '../src/testing/crl-builder.js';
import {
  buildCertificate,
  buildHierarchy,
  encodeInteger,
  generateKeyPair,
  type BuiltCertificate,
  type CertificateSpec,
  type KeyPairHandle,
  toPem,
} from '../src/testing/builder.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The x509-limbo runner (scripts/limbo.ts, `npm run limbo -- <file>`), on testcases this project generates in limbo's
 * format; and, when LIMBO_FILE names a file of upstream's testcases (third-party data, kept outside the repository: CI
 * passes ../shared/conformance/limbo-ca-subset.json in its conformance step), every applicable case of that file.
 */

const runnerAt = new Date('2026-06-01T00:00:00Z');
const pem = (c: BuiltCertificate): string => toPem(c.der, 'CERTIFICATE');

/** A handful of cases in upstream's `limbo.json` shape, each one built here with its expected verdict by construction. */
async function generatedLimboFile(): Promise<{ version: 1; testcases: LimboTestcase[] }> {
  const [k0, k1, k2, k3, k9] = await Promise.all([0, 1, 2, 3, 9].map(() => generateKeyPair('P-256')));
  const base = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2035-01-01T00:00:00Z') };
  const root = await buildCertificate({ ...base, subject: 'CN=Limbo Root', key: k0! });
  const inter = await buildCertificate({ ...base, subject: 'CN=Limbo Issuing', key: k1!, issuer: root, serialNumber: 0x77 });
  const expired = await buildCertificate({
    ...base,
    subject: 'CN=Limbo Expired',
    key: k2!,
    issuer: root,
    notAfter: new Date('2026-01-01T00:00:00Z'),
  });
  const capped = await buildCertificate({
    ...base,
    subject: 'CN=Limbo Capped',
    key: k3!,
    issuer: root,
    basicConstraints: { cA: true, pathLenConstraint: 0 },
  });
  const underCapped = await buildCertificate({ ...base, subject: 'CN=Limbo Under Capped', key: k1!, issuer: capped });
  const leaf = (issuer: BuiltCertificate, serialNumber?: number) =>
    buildCertificate({
      ...base,
      subject: 'CN=device.limbo.test',
      key: k9!,
      issuer,
      basicConstraints: { cA: false },
      keyUsage: { bits: ['digitalSignature'] },
      ...(serialNumber !== undefined ? { serialNumber } : {}),
    });
  // CRLs: valid at the runner's time unless a case says otherwise; the device has serial 0x4242.
  const crl = async (issuer: BuiltCertificate, extra: Partial<CrlSpec> = {}): Promise<string> =>
    (
      await buildCrl({
        issuer,
        thisUpdate: new Date('2026-05-01T00:00:00Z'),
        nextUpdate: new Date('2026-07-01T00:00:00Z'),
        ...extra,
      })
    ).pem;
  const serial = 0x4242;
  const revoking = (...serials: number[]) => ({ revoked: serials.map((s) => ({ serial: s, date: new Date('2026-05-02T00:00:00Z') })) });
  const noCrlSign = await buildCertificate({ ...base, subject: 'CN=Limbo Root', key: k0!, keyUsage: { bits: ['keyCertSign'] } });
  const noKeyUsage = await buildCertificate({ ...base, subject: 'CN=Limbo Root', key: k0!, keyUsage: null });
  const otherRoot = await buildCertificate({ ...base, subject: 'CN=Limbo Other Root', key: k3! });
  const crossInter = await buildCertificate({ ...base, subject: 'CN=Limbo Issuing', key: k1!, issuer: otherRoot, serialNumber: 0x78 });
  const crlCase = (crls: string[], trusted: BuiltCertificate[] = [root]) => ({ features: ['has-crl'], crls, trusted });
  const withCrls = async (
    id: string,
    expected: 'SUCCESS' | 'FAILURE',
    c: { features: string[]; crls: string[]; trusted: BuiltCertificate[] },
    intermediates: BuiltCertificate[] = [],
    peer?: BuiltCertificate,
  ) => tc(id, expected, c.trusted, intermediates, peer ?? (await leaf(c.trusted[0]!, serial)), { features: c.features, crls: c.crls });
  const tc = (
    id: string,
    expected: 'SUCCESS' | 'FAILURE',
    trusted: BuiltCertificate[],
    intermediates: BuiltCertificate[],
    peer: BuiltCertificate,
    extra: Partial<LimboTestcase> = {},
  ): LimboTestcase => ({
    id: `ca-preflight::${id}`,
    description: id,
    features: [],
    expected_result: expected,
    validation_time: runnerAt.toISOString(),
    max_chain_depth: null,
    trusted_certs: trusted.map(pem),
    untrusted_intermediates: intermediates.map(pem),
    peer_certificate: pem(peer),
    crls: [],
    ...extra,
  });
  return {
    version: 1,
    testcases: [
      tc('chain::three-tier', 'SUCCESS', [root], [inter], await leaf(inter)),
      tc('chain::missing-intermediate', 'FAILURE', [root], [], await leaf(inter)),
      tc('validity::expired-intermediate', 'FAILURE', [root], [expired], await leaf(expired)),
      tc('pathlen::exceeded', 'FAILURE', [root], [capped, underCapped], await leaf(underCapped)),
      tc('pathlen::max-chain-depth', 'FAILURE', [root], [inter], await leaf(inter), { max_chain_depth: 0 }),
      await withCrls('crl::device-revoked', 'FAILURE', crlCase([await crl(root, revoking(7, serial))])),
      await withCrls('crl::device-not-on-crl', 'SUCCESS', crlCase([await crl(root, revoking(7, serial + 1))])),
      await withCrls(
        'crl::intermediate-revoked',
        'FAILURE',
        crlCase([await crl(root, revoking(0x77)), await crl(inter)]),
        [inter],
        await leaf(inter, serial),
      ),
      // The issuing CA cross-signed: revoked by one root, not by the other, so the path goes around the revocation.
      await withCrls(
        'crl::revoked-intermediate-cross-signed',
        'SUCCESS',
        crlCase([await crl(root, revoking(0x77)), await crl(otherRoot), await crl(inter)], [root, otherRoot]),
        [inter, crossInter],
        await leaf(inter, serial),
      ),
      // The device revoked by that CA: its CRL is the CA's, whichever of its two certificates the path goes through.
      await withCrls(
        'crl::device-revoked-under-cross-signed-ca',
        'FAILURE',
        crlCase([await crl(root), await crl(otherRoot), await crl(inter, revoking(serial))], [root, otherRoot]),
        [inter, crossInter],
        await leaf(inter, serial),
      ),
      await withCrls(
        'crl::serial-on-another-issuers-crl',
        'SUCCESS',
        crlCase([await crl(root), await crl(otherRoot, revoking(serial))], [root, otherRoot]),
      ),
      await withCrls('crl::issuer-lacks-crl-sign', 'FAILURE', crlCase([await crl(noCrlSign)], [noCrlSign])),
      await withCrls('crl::issuer-without-key-usage', 'SUCCESS', crlCase([await crl(noKeyUsage)], [noKeyUsage])),
      await withCrls('crl::wrong-signer', 'FAILURE', crlCase([await crl(root, { signWith: k2! })])),
      await withCrls('crl::expired', 'FAILURE', crlCase([await crl(root, { nextUpdate: new Date('2026-05-15T00:00:00Z') })])),
      await withCrls('crl::number-missing', 'FAILURE', crlCase([await crl(root, { crlNumber: null })])),
      await withCrls(
        'crl::number-critical',
        'FAILURE',
        crlCase([
          await crl(root, { crlNumber: null, extraExtensions: [{ oid: CRL_OID.crlNumber, critical: true, value: encodeInteger(1) }] }),
        ]),
      ),
      // An indirect CRL (issuingDistributionPoint indirectCRL TRUE): not a question a CA list decides.
      await withCrls(
        'crl::indirect',
        'FAILURE',
        crlCase([
          await crl(root, {
            extraExtensions: [
              { oid: CRL_OID.issuingDistributionPoint, critical: true, value: new Uint8Array([0x30, 0x03, 0x84, 0x01, 0xff]) },
            ],
          }),
        ]),
      ),
    ],
  };
}

describe("the x509-limbo runner, on cases in limbo's format made here", () => {
  let dir: string;
  let file: string;
  let data: Awaited<ReturnType<typeof generatedLimboFile>>;

  beforeAll(async () => {
    data = await generatedLimboFile();
    dir = mkdtempSync(join(tmpdir(), 'limbo-'));
    file = join(dir, 'limbo.json');
    writeFileSync(file, JSON.stringify(data));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the file and gives every applicable case its expected verdict, CRL cases included; an indirect CRL is not applicable', async () => {
    const cases = readLimboFile(file);
    expect(cases.map((c) => c.id)).toEqual(data.testcases.map((c) => c.id));
    for (const tc of cases) {
      const outcome = await runCase(tc, crypto);
      if (tc.id === 'ca-preflight::crl::indirect') {
        expect(outcome.notApplicable, tc.id).toMatch(
          /^crls\[0\] is an indirect CRL \(issuingDistributionPoint indirectCRL, RFC 5280 §5\.2\.5\)/,
        );
        continue;
      }
      expect(outcome.notApplicable, tc.id).toBeNull();
      expect(outcome.verdict, `${tc.id}: ${outcome.reasons.join('; ')}`).toBe(tc.expected_result);
      if (outcome.verdict === 'FAILURE') expect(outcome.reasons.length, tc.id).toBeGreaterThan(0);
    }
  });

  /**
   * OpenSSL as an independent oracle on the same CRL cases: `openssl verify -crl_check_all` (every certificate of the
   * chain against its issuer's CRL). It agrees with the strict verdict but where the §5.2.3 profile decides — it takes a
   * CRL without cRLNumber, as the lenient run does — and with the lenient verdict but where it refuses a critical
   * cRLNumber as an unhandled critical extension, as the strict run does.
   */
  itWith([openssl])(
    'gives the CRL cases the verdicts `openssl verify -crl_check_all` gives, but where RFC 5280 §5.2.3 decides',
    async () => {
      const strictOnly: Record<string, string> = { 'crl::number-missing': 'OpenSSL does not require cRLNumber' };
      const lenientOnly: Record<string, string> = { 'crl::number-critical': 'OpenSSL refuses a critical cRLNumber' };
      // OpenSSL builds one chain and then checks its CRLs; it does not look for another path around a revoked CA.
      const neither: Record<string, string> = { 'crl::revoked-intermediate-cross-signed': 'OpenSSL does not build around a revocation' };
      const compared: string[] = [];
      for (const tc of data.testcases.filter((t) => t.crls?.length && notApplicable(t) === null)) {
        const id = tc.id.replace('ca-preflight::', '');
        const at = (name: string, pems: string[]) => {
          const p = join(dir, `${id.replace(/\W/g, '_')}.${name}.pem`);
          writeFileSync(p, pems.join(''));
          return p;
        };
        const args = ['verify', '-crl_check_all', '-attime', String(Math.floor(runnerAt.getTime() / 1000))];
        args.push('-CAfile', at('trusted', tc.trusted_certs), '-CRLfile', at('crls', tc.crls!));
        if (tc.untrusted_intermediates.length) args.push('-untrusted', at('untrusted', tc.untrusted_intermediates));
        args.push(at('peer', [tc.peer_certificate]));
        const r = spawnSync('openssl', args, { encoding: 'utf8' });
        const theirs = r.status === 0 ? 'SUCCESS' : 'FAILURE';
        const strict = (await runCase(tc, crypto)).verdict;
        const lenient = (await runCase(tc, crypto, { lenient: true })).verdict;
        const detail = `${id}: openssl ${theirs} (${`${r.stdout}${r.stderr}`.trim().replace(/\s+/g, ' ')})`;
        if (neither[id]) expect([strict, lenient, theirs], detail).toEqual(['SUCCESS', 'SUCCESS', 'FAILURE']);
        else if (strictOnly[id]) expect([strict, lenient], detail).toEqual([tc.expected_result, theirs]);
        else if (lenientOnly[id]) expect([strict, lenient], detail).toEqual([theirs, 'SUCCESS']);
        else expect([strict, lenient], detail).toEqual([theirs, theirs]);
        compared.push(id);
      }
      expect(compared).toHaveLength(12);
    },
  );

  it('says why a path with CRLs fails: the revoked certificate and its CRL, or why no CRL given could decide', async () => {
    const byId = new Map(data.testcases.map((t) => [t.id.replace('ca-preflight::', ''), t]));
    const reasons = async (id: string, lenient = false) => (await runCase(byId.get(id)!, crypto, { lenient })).reasons;
    expect(await reasons('crl::device-revoked')).toEqual([
      'the peer "CN=device.limbo.test" (serial 4242) is revoked by crls[0] since 2026-05-02T00:00:00.000Z (no reason given)',
    ]);
    // Cross-signed: the path through the root that revokes the issuing CA is refused, the one through the other root taken.
    const cross = await runCase(byId.get('crl::revoked-intermediate-cross-signed')!, crypto);
    expect([cross.verdict, cross.validation.path]).toEqual(['SUCCESS', [3, 1]]);
    expect(cross.revocation).toEqual({ revoked: [], undetermined: [] });
    // Both paths refused: through either certificate of the issuing CA, its CRL revokes the device.
    expect(await reasons('crl::device-revoked-under-cross-signed-ca')).toEqual([
      'the peer "CN=device.limbo.test" (serial 4242) is revoked by crls[2] since 2026-05-02T00:00:00.000Z (no reason given)',
    ]);
    expect(await reasons('crl::intermediate-revoked')).toEqual([
      'I0 "CN=Limbo Issuing" (serial 77) is revoked by crls[0] since 2026-05-02T00:00:00.000Z (no reason given)',
    ]);
    const undetermined = 'the revocation status of the peer "CN=device.limbo.test" is undetermined (RFC 5280 §6.3.3 (k)): crls[0] ';
    expect(await reasons('crl::issuer-lacks-crl-sign')).toEqual([
      `${undetermined}is signed by a CA whose keyUsage lacks cRLSign (RFC 5280 §6.3.3 (f))`,
    ]);
    expect(await reasons('crl::wrong-signer')).toEqual([`${undetermined}does not verify with its issuer's key (RFC 5280 §6.3.3 (g))`]);
    expect(await reasons('crl::expired')).toEqual([`${undetermined}is past its nextUpdate (RFC 5280 §6.3.3 (a))`]);
    expect(await reasons('crl::number-missing')).toEqual([`${undetermined}has no cRLNumber (RFC 5280 §5.2.3)`]);
    expect(await reasons('crl::number-critical')).toEqual([`${undetermined}marks cRLNumber critical (RFC 5280 §5.2.3)`]);
    // The §5 profile is the strict mode's: without it, a CRL that lacks its number or marks it critical still decides.
    expect(await reasons('crl::number-missing', true)).toEqual([]);
    expect(await reasons('crl::number-critical', true)).toEqual([]);
    // What RFC 5280 §6.3 itself refuses is refused in both modes.
    expect(await reasons('crl::issuer-lacks-crl-sign', true)).toHaveLength(1);
    expect(await reasons('crl::device-revoked', true)).toHaveLength(1);
  });

  it('prints the agreement per family and exits 0; one wrong expectation makes it exit 1 and name the case', () => {
    const run = (path: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'scripts/limbo.ts', path], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    const ok = run(file);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^total\s+18\s+17\s+17\s+0\s+0\s+1$/m);
    expect(ok.stdout).toMatch(/^ca-preflight::crl\s+13\s+12\s+12\s+0\s+0\s+1$/m);
    expect(ok.stdout).toMatch(/^ca-preflight::pathlen\s+2\s+2\s+2\s+0\s+0\s+0$/m);

    const wrong = structuredClone(data);
    wrong.testcases[0]!.expected_result = 'FAILURE';
    const wrongFile = join(dir, 'wrong.json');
    writeFileSync(wrongFile, JSON.stringify(wrong));
    const bad = run(wrongFile);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^BAD ca-preflight::chain::three-tier/m);
    expect(bad.stdout).toContain('unexpected disagreements (1):');
  });

  it('says what it needs when no file is given or the file is not a limbo file (exit 2)', () => {
    const env = { ...process.env };
    delete env.LIMBO_FILE;
    const none = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/limbo.ts'], { cwd: root, encoding: 'utf8', env });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no x509-limbo file given/);
    const notLimbo = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/limbo.ts', 'package.json'], {
      cwd: root,
      encoding: 'utf8',
      env,
    });
    expect(notLimbo.status).toBe(2);
    expect(notLimbo.stderr).toMatch(/has no "testcases" array/);
  });
});

const LIMBO_FILE = process.env.LIMBO_FILE;
if (!LIMBO_FILE) {
  process.stderr.write(
    "\nx509-limbo testcases: none given, so only the runner's own cases ran. To run upstream's (third-party data, not in this " +
      'repository): LIMBO_FILE=path/to/limbo.json npx vitest run test/limbo.test.ts\n',
  );
}
const external: LimboTestcase[] = LIMBO_FILE ? readLimboFile(LIMBO_FILE) : [];
const applicable = external.filter((tc) => notApplicable(tc) === null);

describe.skipIf(!LIMBO_FILE)(`x509-limbo testcases from LIMBO_FILE${LIMBO_FILE ? ` (${LIMBO_FILE})` : ' — not set, skipped'}`, () => {
  // The whole suite has many TLS server-name and name-constraint cases a CA list does not decide (99 of 208, each with
  // its reason: docs/conformance.md); a runner that set aside more than half would be deciding too little.
  it('holds testcases, and leaves at most half of them not applicable', () => {
    expect(external.length).toBeGreaterThan(0);
    expect(external.length - applicable.length).toBeLessThanOrEqual(external.length / 2);
  });

  it.each(applicable.map((tc) => [tc.id, tc] as const))('%s', async (id, tc) => {
    const outcome = await runCase(tc, globalThis.crypto);
    const detail = `${id}: got ${outcome.verdict}; ${outcome.validation.reasons.join('; ') || `path ${JSON.stringify(outcome.validation.path)}`}`;
    if (KNOWN_DIVERGENCES[id])
      expect(outcome.verdict, `${detail} — listed as a known divergence but agrees now: remove it`).not.toBe(tc.expected_result);
    else expect(outcome.verdict, detail).toBe(tc.expected_result);
    if (!outcome.validation.ok) expect(outcome.validation.reasons.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------------------------------

const notBefore = new Date('2025-01-01T00:00:00Z');
const notAfter = new Date('2035-01-01T00:00:00Z');
const at = new Date('2026-06-01T00:00:00Z');
const crypto = globalThis.crypto;

describe('validateDevicePath', () => {
  let keys: KeyPairHandle[];
  const key = (i: number): KeyPairHandle => keys[i]!;
  const cert = (spec: Omit<CertificateSpec, 'notBefore' | 'notAfter'> & Partial<CertificateSpec>): Promise<BuiltCertificate> =>
    buildCertificate({ notBefore, notAfter, ...spec });
  const device = (issuer: BuiltCertificate, extra: Partial<CertificateSpec> = {}): Promise<BuiltCertificate> =>
    cert({
      subject: 'CN=device-001, O=Contoso',
      key: key(9),
      issuer,
      basicConstraints: { cA: false },
      keyUsage: { bits: ['digitalSignature'] },
      ...extra,
    });

  beforeAll(async () => {
    keys = await Promise.all(Array.from({ length: 10 }, () => generateKeyPair('P-256')));
  });

  it('accepts a valid three-tier path, whatever the order of the list', async () => {
    const [root, inter, leaf] = await buildHierarchy({ depth: 3, leaf: true, notBefore, notAfter });
    const r = await validateDevicePath([root!.der, inter!.der], leaf!.der, { at, crypto });
    expect(r).toEqual({ ok: true, path: [1, 0], reasons: [], unchecked: [] });
    const reversed = await validateDevicePath([inter!.der, root!.der], leaf!.der, { at, crypto });
    expect(reversed.path).toEqual([0, 1]);
    const noIntermediate = await validateDevicePath([root!.der], leaf!.der, { at, crypto });
    expect(noIntermediate.ok).toBe(false);
    expect(noIntermediate.reasons.join('\n')).toMatch(/no listed CA has the subject "CN=Test Intermediate CA 1/);
  });

  it('rejects an intermediate that is expired at the validation time, and accepts it before', async () => {
    const root = await cert({ subject: 'CN=Root', key: key(0) });
    const inter = await cert({ subject: 'CN=Issuing', key: key(1), issuer: root, notAfter: new Date('2026-01-01T00:00:00Z') });
    const leaf = await device(inter);
    const r = await validateDevicePath([root.der, inter.der], leaf.der, { at, crypto });
    expect(r.ok).toBe(false);
    expect(r.path).toBeNull();
    expect(r.reasons.join('\n')).toMatch(/#1 "CN=Issuing" expired on 2026-01-01T00:00:00Z/);
    const before = await validateDevicePath([root.der, inter.der], leaf.der, { at: new Date('2025-12-01T00:00:00Z'), crypto });
    expect(before).toMatchObject({ ok: true, path: [1, 0] });
  });

  it('enforces pathLenConstraint over non-self-issued intermediates, and the maximum depth', async () => {
    const root = await cert({ subject: 'CN=Root', key: key(0) });
    const limited = await cert({
      subject: 'CN=Policy CA',
      key: key(1),
      issuer: root,
      basicConstraints: { cA: true, pathLenConstraint: 0 },
    });
    const issuing = await cert({ subject: 'CN=Issuing', key: key(2), issuer: limited });
    const leaf = await device(issuing);
    const r = await validateDevicePath([root.der, limited.der, issuing.der], leaf.der, { at, crypto });
    expect(r.ok).toBe(false);
    expect(r.reasons.join('\n')).toMatch(/#1 "CN=Policy CA" has pathLenConstraint 0 but 1 CA certificate\(s\) below it/);

    const roomy = await cert({ subject: 'CN=Policy CA', key: key(1), issuer: root, basicConstraints: { cA: true, pathLenConstraint: 1 } });
    const ok = await validateDevicePath([root.der, roomy.der, issuing.der], leaf.der, { at, crypto });
    expect(ok).toMatchObject({ ok: true, path: [2, 1, 0] });
    const shallow = await validateDevicePath([root.der, roomy.der, issuing.der], leaf.der, { at, crypto, maxDepth: 1 });
    expect(shallow.ok).toBe(false);
    expect(shallow.reasons.join('\n')).toMatch(/more than the maximum depth 1/);
  });

  it('terminates on two CAs that certify each other, and finds the way out when one is also certified by the root', async () => {
    const root = await cert({ subject: 'CN=Root', key: key(0) });
    const a = await cert({ subject: 'CN=CA A', key: key(1), issuer: { subject: 'CN=CA B', key: key(2) } });
    const b = await cert({ subject: 'CN=CA B', key: key(2), issuer: { subject: 'CN=CA A', key: key(1) } });
    const leaf = await device(a);
    const r = await validateDevicePath([root.der, a.der, b.der], leaf.der, { at, crypto, maxDepth: 255 });
    expect(r.ok).toBe(false);
    expect(r.reasons.join('\n')).toMatch(/already on the path \(a cycle\)/);

    const aByRoot = await cert({ subject: 'CN=CA A', key: key(1), issuer: root });
    const out = await validateDevicePath([root.der, a.der, b.der, aByRoot.der], leaf.der, { at, crypto });
    expect(out.ok).toBe(true);
    expect(out.path!.at(-2)).toBe(3);
    expect(out.path!.at(-1)).toBe(0);
  });

  it('rejects an intermediate whose signature was made with another key', async () => {
    const root = await cert({ subject: 'CN=Root', key: key(0) });
    const forged = await cert({ subject: 'CN=Issuing', key: key(1), issuer: root, signWith: key(5) });
    const leaf = await device(forged);
    const r = await validateDevicePath([root.der, forged.der], leaf.der, { at, crypto });
    expect(r.ok).toBe(false);
    expect(r.reasons).toEqual(['#0 "CN=Root" as issuer of #1 "CN=Issuing": its key does not verify the signature']);
  });

  it('backtracks: the first of two same-named issuers leads to an expired root, the second to a valid one', async () => {
    const oldRoot = await cert({ subject: 'CN=Old Root', key: key(0), notAfter: new Date('2026-01-01T00:00:00Z') });
    const newRoot = await cert({ subject: 'CN=New Root', key: key(3) });
    // The same issuing CA (same name, same key) certified by both roots, the one under the expired root listed first.
    const viaOld = await cert({ subject: 'CN=Issuing', key: key(1), issuer: oldRoot });
    const viaNew = await cert({ subject: 'CN=Issuing', key: key(1), issuer: newRoot });
    const leaf = await device(viaOld);
    const list = [oldRoot.der, viaOld.der, newRoot.der, viaNew.der];
    const r = await validateDevicePath(list, leaf.der, { at, crypto });
    expect(r).toEqual({ ok: true, path: [3, 2], reasons: [], unchecked: [] });
    // Only the first candidate's path exists: the verdict is a failure that names the expired root.
    const only = await validateDevicePath(list.slice(0, 2), leaf.der, { at, crypto });
    expect(only.reasons.join('\n')).toMatch(/#0 "CN=Old Root" expired/);
  });

  it('rejects unknown critical and duplicate extensions, and checks the profile rules only when strict', async () => {
    const root = await cert({ subject: 'CN=Root', key: key(0) });
    const odd = await cert({
      subject: 'CN=Issuing',
      key: key(1),
      issuer: root,
      extraExtensions: [{ oid: '1.3.6.1.4.1.55738.666.1', critical: true, value: new Uint8Array([0x05, 0x00]) }],
    });
    const r = await validateDevicePath([root.der, odd.der], (await device(odd)).der, { at, crypto });
    expect(r.reasons.join('\n')).toMatch(/unrecognised critical extension 1\.3\.6\.1\.4\.1\.55738\.666\.1/);

    const repeated = await device(root, { extraExtensions: [{ oid: '2.5.29.14', value: new Uint8Array([0x04, 0x02, 0x01, 0x02]) }] });
    const dup = await validateDevicePath([root.der], repeated.der, { at, crypto });
    expect(dup).toMatchObject({
      ok: false,
      path: null,
      reasons: ['the device "CN=device-001,O=Contoso" repeats extension 2.5.29.14 (RFC 5280 §4.2)'],
    });

    const noSki = await cert({ subject: 'CN=Issuing', key: key(1), issuer: root, subjectKeyIdentifier: null });
    const leaf = await device(noSki);
    expect((await validateDevicePath([root.der, noSki.der], leaf.der, { at, crypto })).ok).toBe(true);
    const strict = await validateDevicePath([root.der, noSki.der], leaf.der, { at, crypto, strict: true });
    expect(strict.ok).toBe(false);
    expect(strict.reasons.join('\n')).toMatch(/#1 "CN=Issuing" is a CA without subjectKeyIdentifier/);
  });

  it('needs a CA at every issuing position: v1 roots are accepted, v3 roots without cA and v1 intermediates are not', async () => {
    const v1Root = await cert({ subject: 'CN=Legacy Root', key: key(0), version: 1 });
    const inter = await cert({ subject: 'CN=Issuing', key: key(1), issuer: v1Root });
    const leaf = await device(inter);
    expect(await validateDevicePath([v1Root.der, inter.der], leaf.der, { at, crypto })).toMatchObject({ ok: true, path: [1, 0] });

    const v1Inter = await cert({ subject: 'CN=Issuing', key: key(1), issuer: v1Root, version: 1 });
    const viaV1 = await validateDevicePath([v1Root.der, v1Inter.der], (await device(v1Inter)).der, { at, crypto });
    expect(viaV1.reasons.join('\n')).toMatch(/#1 "CN=Issuing" is a version 1 certificate, which cannot be a CA/);

    const bareRoot = await cert({ subject: 'CN=Root', key: key(0), basicConstraints: null, keyUsage: null });
    const bare = await validateDevicePath([bareRoot.der], (await device(bareRoot)).der, { at, crypto });
    expect(bare.reasons).toEqual(['#0 "CN=Root" is a trust anchor whose basicConstraints is missing, so it is not a CA']);
  });

  it('asks acceptPath about each complete path, in search order, and goes on to the next one when it refuses', async () => {
    const rootA = await cert({ subject: 'CN=Root A', key: key(0) });
    const rootB = await cert({ subject: 'CN=Root B', key: key(3) });
    const viaA = await cert({ subject: 'CN=Issuing', key: key(1), issuer: rootA });
    const viaB = await cert({ subject: 'CN=Issuing', key: key(1), issuer: rootB });
    const leaf = await device(viaA);
    const list = [rootA.der, rootB.der, viaA.der, viaB.der];
    const asked: number[][] = [];
    const refuseA = (path: readonly number[]) => {
      asked.push([...path]);
      return path.includes(0) ? ['#0 revokes #2'] : [];
    };
    expect(await validateDevicePath(list, leaf.der, { at, crypto, acceptPath: refuseA })).toMatchObject({ ok: true, path: [3, 1] });
    expect(asked).toEqual([
      [2, 0],
      [3, 1],
    ]);
    const none = await validateDevicePath(list, leaf.der, { at, crypto, acceptPath: async () => ['refused'] });
    expect(none).toMatchObject({ ok: false, path: null, reasons: ['refused'] });
    expect(await validateDevicePath(list, leaf.der, { at, crypto })).toMatchObject({ ok: true, path: [2, 0] });
  });

  it('takes the trust anchors from the caller, or every listed CA with trustRootsOnly false', async () => {
    const root = await cert({ subject: 'CN=Root', key: key(0) });
    const inter = await cert({ subject: 'CN=Issuing', key: key(1), issuer: root });
    const leaf = await device(inter);
    expect((await validateDevicePath([inter.der], leaf.der, { at, crypto })).ok).toBe(false);
    expect(await validateDevicePath([inter.der], leaf.der, { at, crypto, trustRootsOnly: false })).toMatchObject({ ok: true, path: [0] });
    const untrustedRoot = await validateDevicePath([root.der, inter.der], leaf.der, { at, crypto, anchors: [] });
    expect(untrustedRoot.reasons.join('\n')).toMatch(/#0 "CN=Root" is self-signed but not a trust anchor/);
  });
});
