/**
 * CRLs checked with the body (the `crls` option): CRL files matched to their CA by AKI and issuer name, and downloads of
 * the configured URLs (`from`), each rule with a case that trips it and a near miss; and the expiry forecast.
 */
import { buildCrl, type CrlSpec } from '../../src/testing/crl-builder.js';
import { parseCertificate } from '../../src/certificate/parse.js';
import { encodeInteger, type BuiltCertificate } from '../../src/testing/builder.js';
import type { CrlInput, CrlMember } from '../../src/crl/types.js';
import { AT_MS, ca, error, info, intermediate, list, root, warning, type VectorCase } from './framework.js';
import { dn, type Pki } from './pki.js';

const DAY = 86_400_000;
const BASE_URL = 'http://crl.example.com/vectors/root.crl';
const DELTA_URL = 'http://crl.example.com/vectors/root-delta.crl';
const SUB_URL = 'http://crl.example.com/vectors/intermediate.crl';
const at = (days: number): Date => new Date(AT_MS + days * DAY);

const serialOf = (c: BuiltCertificate): bigint => BigInt(`0x${parseCertificate(c.der).serialNumber}`);

export async function crlFileCases(pki: Pki): Promise<VectorCase[]> {
  const rootCa = await pki.root(dn('CRL Files Root CA'));
  const sub = await pki.issued(dn('CRL Files Intermediate CA'), rootCa, { crlDistributionPoints: [BASE_URL] });
  const stranger = await pki.root(dn('CRL Files Unlisted CA'));
  const soon = await pki.root(dn('Expiring Root CA'), { notAfter: at(10) });
  const later = await pki.root(dn('Later Root CA'), { notAfter: at(30) });

  /** A CRL of the root, valid from a day before the check time to a week after, unless the spec says otherwise. */
  const crl = async (spec: Partial<CrlSpec> = {}): Promise<Uint8Array> =>
    (await buildCrl({ issuer: rootCa, thisUpdate: at(-1), nextUpdate: at(7), crlNumber: 10, ...spec })).der;
  const file = (bytes: Uint8Array, source = 'root.crl'): CrlInput => ({ source, bytes });
  const fetched = (bytes: Uint8Array | null, member: CrlMember = 'certificateRevocationListUrl', failure?: CrlInput['failure']): CrlInput => {
    const url = member === 'certificateRevocationListUrl' ? BASE_URL : DELTA_URL;
    return { source: url, ...(bytes ? { bytes } : {}), from: { index: 0, member, url }, ...(failure ? { failure } : {}) };
  };

  const good = await crl();
  const rootOnly = list(root(rootCa, { crl: BASE_URL }));
  const withDelta = list(root(rootCa, { crl: BASE_URL, delta: DELTA_URL }));
  const twoTier = list(root(rootCa, { crl: BASE_URL }), intermediate(sub));
  const url = ca(0, 'certificateRevocationListUrl');
  const deltaUrl = ca(0, 'deltaCertificateRevocationListUrl');
  const checked = info('crl.checked', url);
  const checkedDelta = info('crl.checked', deltaUrl);
  const group = 'crl-files';
  const forecast = 'forecast';
  const ber = good.slice();
  // The outer SEQUENCE rewritten in BER's indefinite-length form (two end-of-contents octets appended).
  const berCrl = Uint8Array.from([0x30, 0x80, ...ber.subarray(ber[1]! & 0x80 ? 2 + (ber[1]! & 0x7f) : 2), 0, 0]);
  const pem = new TextEncoder().encode((await buildCrl({ issuer: rootCa, thisUpdate: at(-1), nextUpdate: at(7), crlNumber: 10 })).pem);
  const critical = (value: boolean) => crl({ extraExtensions: [{ oid: '1.3.6.1.4.1.55555.1', critical: value, value: Uint8Array.of(0x05, 0x00) }] });

  return [
    { group, name: 'checked', description: 'The root\'s CRL, given as a file: it matches the root by AKI and name, verifies, and is valid for seven more days (info).',
      body: rootOnly, crls: [file(good)], nearMissFor: ['crl.not-der', 'crl.aki-mismatch', 'crl.signature-invalid', 'crl.expired', 'crl.not-yet-valid', 'crl.number-missing', 'crl.number-critical', 'crl.next-update-missing', 'crl.unknown-critical-extension', 'crl.too-large', 'crl.pem-armour', 'crl.unmatched', 'crl.issuer-mismatch', 'crl.not-a-crl', 'crl.signature-unverifiable'],
      expect: { findings: [checked] } },
    { group, name: 'checked-no-url', description: 'The root\'s CRL given for a root that configures no CRL URL: checked, and Entra does not use it (info).',
      body: list(root(rootCa)), crls: [file(good)], expect: { findings: [info('crl.checked', ca(0))] } },
    { group, name: 'not-checked', description: 'CRL files given for the root only, while the intermediate configures a CRL URL too: that one was not checked (info).',
      body: list(root(rootCa, { crl: BASE_URL }), intermediate(sub, { crl: SUB_URL })), crls: [file(good)],
      expect: { findings: [checked, info('crl.not-checked', ca(1, 'certificateRevocationListUrl'))] } },
    { group, name: 'not-checked-near-miss', description: 'The same list with only the root configuring a URL: every configured CRL was given.',
      body: twoTier, crls: [file(good)], nearMissFor: ['crl.not-checked', 'crl.revokes-listed-ca'], expect: { findings: [checked] } },

    { group, name: 'not-der-garbage', description: 'An HTML error page saved as the CRL: not ASN.1 (AADSTS2205011).',
      body: rootOnly, crls: [file(new TextEncoder().encode('<html><body>403 Forbidden</body></html>'), 'error-page.crl')], expect: { findings: [info('crl.not-checked', url), error('crl.not-der', '')] } },
    { group, name: 'not-der-truncated', description: 'A CRL cut short by a failed transfer (AADSTS2205011).',
      body: rootOnly, crls: [file(good.subarray(0, good.length - 20))], expect: { findings: [info('crl.not-checked', url), error('crl.not-der', '')] } },
    { group, name: 'not-der-ber', description: 'A CRL whose outer SEQUENCE has BER\'s indefinite length: BER, not DER (AADSTS2205011).',
      body: rootOnly, crls: [file(berCrl)], expect: { findings: [info('crl.not-checked', url), error('crl.not-der', '')] } },
    { group, name: 'not-a-crl-certificate', description: 'The root certificate given where its CRL belongs (AADSTS500174).',
      body: rootOnly, crls: [file(rootCa.der, 'root.cer')], expect: { findings: [info('crl.not-checked', url), error('crl.not-a-crl', '')] } },
    { group, name: 'pem-file', description: 'The CRL file is PEM: read and checked, with a warning that the URL must serve DER.',
      body: rootOnly, crls: [file(pem, 'root.crl.pem')], expect: { findings: [warning('crl.pem-armour', url), checked] } },
    { group, name: 'pem-served', description: 'The distribution point serves PEM text: Entra needs DER (AADSTS2205011).',
      body: rootOnly, crls: [fetched(pem)], expect: { findings: [error('crl.pem-armour', url), checked] } },

    { group, name: 'unmatched', description: 'The CRL of a CA that is not listed.',
      body: rootOnly, crls: [file((await buildCrl({ issuer: stranger, thisUpdate: at(-1), nextUpdate: at(7) })).der, 'other.crl')], nearMissFor: ['crl.checked'], expect: { findings: [info('crl.not-checked', url), warning('crl.unmatched', '')] } },
    { group, name: 'issuer-mismatch', description: 'A CRL signed by the root, with the root\'s AKI, that names another issuer: matched by key identifier, the name differs.',
      body: rootOnly, crls: [file(await crl({ issuerName: dn('Renamed Root CA') }))], expect: { findings: [warning('crl.issuer-mismatch', url), checked] } },
    { group, name: 'aki-mismatch', description: 'A CRL that names the root and verifies with its key, but whose AKI is not the root\'s SKI (AADSTS2205015).',
      body: rootOnly, crls: [file(await crl({ authorityKeyIdentifier: new Uint8Array(20).fill(0xab) }))], expect: { findings: [error('crl.aki-mismatch', url), checked] } },
    { group, name: 'aki-missing', description: 'A CRL without authorityKeyIdentifier: Entra cannot match it by key identifier (AADSTS2205015).',
      body: rootOnly, crls: [file(await crl({ authorityKeyIdentifier: null }))], expect: { findings: [error('crl.aki-mismatch', url), checked] } },
    { group, name: 'signature-invalid', description: 'A CRL that names the root, with its AKI, signed by another key: the CRL "failed signature validation" (AADSTS2205015).',
      body: rootOnly, crls: [file(await crl({ signWith: stranger.key }))], expect: { findings: [checked, error('crl.signature-invalid', url)] } },
    { group, name: 'signature-unverifiable', description: 'A CRL labelled md5WithRSAEncryption, which cannot be verified here.',
      body: rootOnly, crls: [file(await crl({ signatureAlgorithm: { oid: '1.2.840.113549.1.1.4', params: 'null' } }))], expect: { findings: [checked, warning('crl.signature-unverifiable', url)] } },

    { group, name: 'expired', description: 'A CRL whose nextUpdate is the check time: expired (thisUpdate ≤ at < nextUpdate; AADSTS500172).',
      body: rootOnly, crls: [file(await crl({ thisUpdate: at(-7), nextUpdate: at(0) }))], expect: { findings: [checked, error('crl.expired', url)] } },
    { group, name: 'expires-in-one-second', description: 'A CRL whose nextUpdate is one second after the check time: still valid.',
      body: rootOnly, crls: [file(await crl({ thisUpdate: at(-7), nextUpdate: new Date(AT_MS + 1000) }))], nearMissFor: ['crl.expired'], expect: { findings: [checked] } },
    { group, name: 'not-yet-valid', description: 'A CRL whose thisUpdate is one second after the check time (AADSTS500172).',
      body: rootOnly, crls: [file(await crl({ thisUpdate: new Date(AT_MS + 1000) }))], expect: { findings: [checked, error('crl.not-yet-valid', url)] } },
    { group, name: 'valid-from-check-time', description: 'A CRL whose thisUpdate is the check time: valid from that instant.',
      body: rootOnly, crls: [file(await crl({ thisUpdate: at(0) }))], nearMissFor: ['crl.not-yet-valid'], expect: { findings: [checked] } },
    { group, name: 'next-update-missing', description: 'A CRL without nextUpdate.',
      body: rootOnly, crls: [file(await crl({ nextUpdate: null }))], expect: { findings: [checked, warning('crl.next-update-missing', url)] } },
    { group, name: 'number-missing', description: 'A CRL without a CRL number, on which Entra orders successive CRLs.',
      body: rootOnly, crls: [file(await crl({ crlNumber: null }))], expect: { findings: [checked, warning('crl.number-missing', url)] } },
    { group, name: 'number-critical', description: 'A CRL whose CRL number is marked critical (RFC 5280 §5.2.3 requires it non-critical).',
      body: rootOnly, crls: [file(await crl({ crlNumber: null, extraExtensions: [{ oid: '2.5.29.20', critical: true, value: encodeInteger(10) }] }))],
      expect: { findings: [checked, warning('crl.number-critical', url)] } },
    { group, name: 'unknown-critical-extension', description: 'A CRL with a critical private extension: it must not decide revocation (RFC 5280 §5.2).',
      body: rootOnly, crls: [file(await critical(true))], expect: { findings: [checked, error('crl.unknown-critical-extension', url)] } },
    { group, name: 'unknown-extension-not-critical', description: 'The same extension, not critical: ignored.',
      body: rootOnly, crls: [file(await critical(false))], nearMissFor: ['crl.unknown-critical-extension'], expect: { findings: [checked] } },

    { group, name: 'revokes-intermediate', description: 'The root\'s CRL revokes the listed intermediate: every device under it fails (AADSTS500171).',
      body: twoTier, crls: [file(await crl({ revoked: [{ serial: 12345 }, { serial: serialOf(sub), reason: 'cACompromise' }] }))], expect: { findings: [checked, error('crl.revokes-listed-ca', ca(1, 'certificate'))] } },
    { group, name: 'revokes-other-serials', description: 'The root\'s CRL revokes other serials only.',
      body: twoTier, crls: [file(await crl({ revoked: [{ serial: 12345 }, { serial: serialOf(sub) + 1n }] }))], nearMissFor: ['crl.revokes-listed-ca'], expect: { findings: [checked] } },
    { group, name: 'revoked-by-forged-crl', description: 'A CRL that lists the intermediate but does not verify with the root\'s key: it decides nothing.',
      body: twoTier, crls: [file(await crl({ signWith: stranger.key, revoked: [{ serial: serialOf(sub) }] }))], nearMissFor: ['crl.revokes-listed-ca'], expect: { findings: [checked, error('crl.signature-invalid', url)] } },
    { group, name: 'revoked-by-delta', description: 'The complete CRL lists nothing, the delta CRL revokes the intermediate.',
      body: list(root(rootCa, { crl: BASE_URL, delta: DELTA_URL }), intermediate(sub)),
      crls: [file(good), file(await crl({ crlNumber: 11, deltaOf: 10, revoked: [{ serial: serialOf(sub), reason: 'keyCompromise' }] }), 'root-delta.crl')],
      expect: { findings: [checked, checkedDelta, error('crl.revokes-listed-ca', ca(1, 'certificate'))] } },
    { group, name: 'hold-lifted-by-delta', description: 'The complete CRL puts the intermediate on hold, the delta CRL removes it from the CRL: not revoked (RFC 5280 §5.3.1).',
      body: list(root(rootCa, { crl: BASE_URL, delta: DELTA_URL }), intermediate(sub)),
      crls: [file(await crl({ revoked: [{ serial: serialOf(sub), reason: 'certificateHold' }] })), file(await crl({ crlNumber: 11, deltaOf: 10, revoked: [{ serial: serialOf(sub), reason: 'removeFromCRL' }] }), 'root-delta.crl')],
      nearMissFor: ['crl.revokes-listed-ca', 'crl.delta-base-too-old', 'crl.delta-without-base-crl', 'crl.delta-indicator'], expect: { findings: [checked, checkedDelta] } },
    { group, name: 'delta-base-too-old', description: 'The delta CRL updates complete CRL number 12, but the complete CRL given is number 10.',
      body: withDelta, crls: [file(good), file(await crl({ crlNumber: 13, deltaOf: 12 }), 'root-delta.crl')], expect: { findings: [checked, checkedDelta, error('crl.delta-base-too-old', deltaUrl)] } },
    { group, name: 'delta-without-base-crl', description: 'A delta CRL given without the complete CRL it updates.',
      body: withDelta, crls: [file(await crl({ crlNumber: 11, deltaOf: 10 }), 'root-delta.crl')], expect: { findings: [info('crl.not-checked', url), checkedDelta, warning('crl.delta-without-base-crl', deltaUrl)] } },
    { group, name: 'delta-indicator-missing', description: 'The delta CRL URL serves a complete CRL.',
      body: withDelta, crls: [fetched(good), fetched(await crl({ crlNumber: 11 }), 'deltaCertificateRevocationListUrl')], expect: { findings: [checked, checkedDelta, error('crl.delta-indicator', deltaUrl)] } },
    { group, name: 'delta-on-base-url', description: 'The base CRL URL serves a delta CRL, and the delta URL the complete one: swapped URLs.',
      body: withDelta, crls: [fetched(await crl({ crlNumber: 11, deltaOf: 10 })), fetched(good, 'deltaCertificateRevocationListUrl')], expect: { findings: [checked, error('crl.delta-indicator', url), checkedDelta, error('crl.delta-indicator', deltaUrl), warning('crl.delta-without-base-crl', deltaUrl)] } },

    { group, name: 'fetched', description: 'Both configured URLs downloaded: a complete CRL and its delta.',
      body: withDelta, crls: [fetched(good), fetched(await crl({ crlNumber: 11, deltaOf: 10 }), 'deltaCertificateRevocationListUrl')],
      nearMissFor: ['crl.download-failed', 'crl.download-timeout', 'crl.delta-indicator', 'crl.delta-base-too-old', 'crl.delta-without-base-crl', 'crl.not-checked'], expect: { findings: [checked, checkedDelta] } },
    { group, name: 'download-forbidden', description: 'The distribution point answers 403, Entra\'s documented case (AADSTS500173).',
      body: rootOnly, crls: [fetched(null, 'certificateRevocationListUrl', { kind: 'status', status: 403 })], expect: { findings: [error('crl.download-failed', url)] } },
    { group, name: 'download-network', description: 'The distribution point\'s host does not resolve (AADSTS500173).',
      body: rootOnly, crls: [fetched(null, 'certificateRevocationListUrl', { kind: 'network', message: 'getaddrinfo ENOTFOUND crl.example.com' })], expect: { findings: [error('crl.download-failed', url)] } },
    { group, name: 'download-redirect-loop', description: 'The distribution point redirects without end (AADSTS500173).',
      body: rootOnly, crls: [fetched(null, 'certificateRevocationListUrl', { kind: 'redirects', count: 5 })], expect: { findings: [error('crl.download-failed', url)] } },
    { group, name: 'download-timeout', description: 'The download takes longer than the 10 seconds Entra allows (AADSTS2205012).',
      body: rootOnly, crls: [fetched(null, 'certificateRevocationListUrl', { kind: 'timeout', seconds: 10 })], expect: { findings: [error('crl.download-timeout', url)] } },
    { group, name: 'download-too-large', description: 'The download passed the 20 MB sign-in limit of the global cloud and was stopped (AADSTS2205014).',
      body: rootOnly, crls: [fetched(null, 'certificateRevocationListUrl', { kind: 'too-large', limit: 20_000_000 })], expect: { findings: [error('crl.too-large', url)] } },

    { group: forecast, name: 'expires-soon', description: 'A root that expires in 10 days: within the 30-day horizon, and the first to expire.',
      body: list(root(soon), root(rootCa)), expect: { findings: [warning('certificate.expires-soon', ca(0, 'certificate'))] } },
    { group: forecast, name: 'expires-at-horizon', description: 'A root that expires in exactly 30 days: outside the 30-day horizon.',
      body: list(root(later)), nearMissFor: ['certificate.expires-soon'], expect: { findings: [] } },
    { group: forecast, name: 'expires-soon-horizon-option', description: 'The same root with a 45-day horizon (warnExpiryDays): within it.',
      body: list(root(later)), warnExpiryDays: 45, expect: { findings: [warning('certificate.expires-soon', ca(0, 'certificate'))] } },
    { group: forecast, name: 'horizon-zero', description: 'A root that expires in 10 days with warnExpiryDays 0: no warning.',
      body: list(root(soon)), warnExpiryDays: 0, nearMissFor: ['certificate.expires-soon'], expect: { findings: [] } },
  ];
}
