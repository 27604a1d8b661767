/**
 * How the x509-limbo runner (scripts/limbo.ts) tells the cases a CA list decides from those it does not: by their
 * features, and by what the certificates carry (a name constraint, a usage or a TLS server name the peer lacks, the
 * CA/B Forum's end-entity rules). Each reason has a case that is not applicable and a near miss that is.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { notApplicable, type LimboTestcase } from '../scripts/limbo.js';
import {
  buildCertificate,
  generateKeyPair,
  OID,
  toPem,
  type BuiltCertificate,
  type CertificateSpec,
  type KeyPairHandle,
} from '../src/testing/builder.js';
import { concat } from '../src/certificate/der.js';

const base = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2035-01-01T00:00:00Z') };
const pem = (c: BuiltCertificate) => toPem(c.der, 'CERTIFICATE');
const dnsSan = (...names: string[]) => {
  const gn = names.map((n) => Uint8Array.of(0x82, n.length, ...new TextEncoder().encode(n)));
  const body = concat(...gn);
  return [{ oid: '2.5.29.17', value: Uint8Array.of(0x30, body.length, ...body) }];
};

let rootKey: KeyPairHandle;
let leafKey: KeyPairHandle;
let root: BuiltCertificate;

const leaf = (extra: Partial<CertificateSpec> = {}) =>
  buildCertificate({ ...base, subject: 'CN=example.com', key: leafKey, issuer: root, basicConstraints: { cA: false }, ...extra });

function tc(peer: BuiltCertificate, extra: Partial<LimboTestcase> = {}, trusted: BuiltCertificate[] = [root]): LimboTestcase {
  return {
    id: 'ca-preflight::classification::case',
    features: [],
    expected_result: 'SUCCESS',
    trusted_certs: trusted.map(pem),
    untrusted_intermediates: [],
    peer_certificate: pem(peer),
    ...extra,
  };
}

beforeAll(async () => {
  [rootKey, leafKey] = await Promise.all([generateKeyPair('P-256'), generateKeyPair('P-256')]);
  root = await buildCertificate({ ...base, subject: 'CN=Classification Root', key: rootKey });
});

describe('the limbo runner counts as not applicable what a CA list does not decide', () => {
  it('a name constraint on any certificate of the case', async () => {
    const nc = Uint8Array.of(0x30, 0x0a, 0xa0, 0x08, 0x30, 0x06, 0x82, 0x04, ...new TextEncoder().encode('test'));
    const constrained = await buildCertificate({
      ...base,
      subject: 'CN=Constrained Root',
      key: rootKey,
      extraExtensions: [{ oid: '2.5.29.30', critical: true, value: nc }],
    });
    expect(notApplicable(tc(await leaf(), {}, [constrained]))).toMatch(/name constraints are not evaluated/);
    expect(notApplicable(tc(await leaf()))).toBeNull();
  });

  it('a usage the harness asks of the peer that its EKU lacks, but not one it has or anyExtendedKeyUsage', async () => {
    const client = await leaf({ extendedKeyUsage: [OID.ekuClientAuth] });
    expect(notApplicable(tc(client, { extended_key_usage: ['serverAuth'] }))).toMatch(/asks the peer for serverAuth/);
    expect(notApplicable(tc(client, { extended_key_usage: ['clientAuth'] }))).toBeNull();
    expect(notApplicable(tc(await leaf({ extendedKeyUsage: ['2.5.29.37.0'] }), { extended_key_usage: ['serverAuth'] }))).toBeNull();
    expect(notApplicable(tc(await leaf(), { extended_key_usage: ['serverAuth'] }))).toBeNull();
  });

  it('a TLS server name the peer does not carry (RFC 6125 wildcards match one label)', async () => {
    const named = await leaf({ extraExtensions: dnsSan('ca.example.com', '*.devices.example.com') });
    const asked = (value: string) => notApplicable(tc(named, { expected_peer_name: { kind: 'DNS', value } }));
    expect(asked('other.example.com')).toMatch(/do not include other\.example\.com/);
    expect(asked('a.b.devices.example.com')).toMatch(/do not include/);
    expect(asked('CA.example.com')).toBeNull();
    expect(asked('cam7.devices.example.com')).toBeNull();
  });

  it("the CA/B Forum's end-entity EKU and key rules, but not its root rules", async () => {
    const peer = await leaf();
    expect(notApplicable(tc(peer, { features: ['pedantic-webpki-subscriber-key'] }))).toMatch(/CA\/B Forum key rules/);
    expect(notApplicable(tc(peer, { id: 'webpki::eku::ee-without-eku', features: ['pedantic-webpki-eku'] }))).toMatch(
      /CA\/B Forum EKU rules/,
    );
    expect(notApplicable(tc(peer, { id: 'webpki::eku::root-has-eku', features: ['pedantic-webpki-eku'] }))).toBeNull();
  });
});
