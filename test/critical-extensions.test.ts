/**
 * One list of recognised extensions (certificate/oids.ts EXTENSIONS) decides both verdicts: a CA with a critical
 * extension trips certificate.unknown-critical-extension exactly when device-path validation rejects it for that
 * extension (RFC 5280 §4.2, §6.1.4 (o)).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDevicePath } from '../src/chain/validate-path.js';
import { EXTENSIONS } from '../src/certificate/oids.js';
import { preflight } from '../src/preflight.js';
import { buildCertificate, generateKeyPair, type KeyPairHandle } from '../src/testing/builder.js';

const at = new Date('2026-06-01T00:00:00Z');
const validity = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2035-01-01T00:00:00Z') };
let rootKey: KeyPairHandle;
let leafKey: KeyPairHandle;
beforeAll(async () => {
  [rootKey, leafKey] = await Promise.all([generateKeyPair('P-256'), generateKeyPair('P-256')]);
});

/** A root carrying `oid` critical (DER `30 00` as its value), a leaf under it, and both verdicts. */
async function verdicts(oid: string) {
  const root = await buildCertificate({
    ...validity,
    subject: 'CN=Extension Root',
    key: rootKey,
    extraExtensions: [{ oid, critical: true, value: Uint8Array.of(0x30, 0x00) }],
  });
  const leaf = await buildCertificate({
    ...validity,
    subject: 'CN=Extension Device',
    key: leafKey,
    issuer: root,
    basicConstraints: { cA: false },
    keyUsage: { bits: ['digitalSignature'] },
  });
  const report = await preflight({ certificateAuthorities: [{ certificate: root.base64, isRootAuthority: true }] }, { at });
  const path = await validateDevicePath([root.der], leaf.der, { at, crypto: globalThis.crypto });
  return {
    rule: report.findings.some((f) => f.rule === 'certificate.unknown-critical-extension'),
    rejected: path.reasons.some((r) => r.includes(`unrecognised critical extension ${oid}`)),
  };
}

describe('critical extensions', () => {
  // 2.5.29.9 (subjectDirectoryAttributes) was the case where the two lists disagreed: the rule stayed silent.
  it.each(['2.5.29.9', '1.3.6.1.4.1.55555.1', '2.5.29.16'])('%s, unrecognised: the rule fires and path validation rejects', async (oid) => {
    expect(await verdicts(oid)).toEqual({ rule: true, rejected: true });
  });

  it.each(['2.5.29.32', '2.5.29.30', '2.5.29.54', '1.3.6.1.5.5.7.1.1'])('%s, recognised: neither speaks', async (oid) => {
    expect(EXTENSIONS[oid]).toBeDefined();
    expect(await verdicts(oid)).toEqual({ rule: false, rejected: false });
  });
});
