/**
 * Updates against a current resource (update.*), valid hierarchies with their CRL URLs, and `strict` variants of
 * inferred rules.
 */
import { buildHierarchy, generateKeyPair, type BuiltCertificate, type KeySpec } from '../../src/testing/builder.js';
import { VALID_FROM, VALID_TO, ca, entry, error, intermediate, list, root, seconds, warning, type VectorCase } from './framework.js';
import { dn, type Pki } from './pki.js';

const ID = 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb';

/** A GET response as Graph returns it: control information, id, read-only members and the echoes. */
function getResponse(cas: BuiltCertificate[]): Record<string, unknown> {
  return {
    '@odata.context': 'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations/$entity',
    id: ID,
    deletedDateTime: null,
    displayName: 'DoorCamera_Model_X_TrustedCAs',
    tlsClientAuthParameter: 'tls_client_auth_subject_dn',
    certificateAuthorities: cas.map((c) => ({
      ...entry(c, c.issuer === c.subject, { crl: null, delta: null }),
      issuer: c.issuer,
      issuerSki: c.ski ? Array.from(c.ski, (x) => x.toString(16).padStart(2, '0')).join('').toUpperCase() : '',
    })),
  };
}

export async function updateCases(pki: Pki): Promise<VectorCase[]> {
  const lakeshoreA = await pki.root('CN=Lakeshore Retail Root CA A, O=Lakeshore Retail, C=US');
  const lakeshoreB = await pki.root('CN=Lakeshore Retail Root CA B, O=Lakeshore Retail, C=US');
  const newRoot = await pki.root(dn('Update New Root CA'));
  const expired = await pki.root(dn('Update Expired Root CA'), { notAfter: seconds(-86_400) });
  const group = 'update';
  return [
    { group, name: 'removes-cas', description: 'Update page, Example 2 with real certificates: the stored resource holds two roots, the request keeps one, so the server deletes the other.',
      body: list(root(lakeshoreA, { crl: 'http://LakeshoreRetail.com/root.crl', delta: null })), current: getResponse([lakeshoreA, lakeshoreB]),
      expect: { findings: [warning('update.removes-cas', '/certificateAuthorities')] } },
    { group, name: 'keeps-and-adds', description: 'The whole current list re-posted with one CA added: nothing removed.',
      body: list(root(lakeshoreA), root(lakeshoreB), root(newRoot)), current: getResponse([lakeshoreA, lakeshoreB]),
      nearMissFor: ['update.removes-cas', 'update.adds-while-expired'], expect: { findings: [] } },
    { group, name: 'display-name-only', description: 'A body that changes only displayName leaves the list alone: no removal, even against a current list.',
      body: { displayName: 'THIS_IS_A_NEW_NAME' }, current: getResponse([lakeshoreA, lakeshoreB]),
      nearMissFor: ['update.removes-cas'], expect: { findings: [] } },
    { group, name: 'adds-while-expired', description: 'The body keeps an expired CA from the current resource and adds a new one: Entra refuses uploads while a CA is expired.',
      body: list(root(expired), root(lakeshoreA), root(newRoot)), current: getResponse([expired, lakeshoreA]),
      expect: { findings: [error('update.adds-while-expired', ca(0)), error('certificate.expired', ca(0, 'certificate'))] } },
    { group, name: 'keeps-expired-adds-nothing', description: 'The body re-posts the current list with its expired CA and adds nothing: the expired CA is still an error, but no upload is attempted.',
      body: list(root(expired), root(lakeshoreA)), current: getResponse([expired, lakeshoreA]),
      nearMissFor: ['update.adds-while-expired', 'update.removes-cas'], expect: { findings: [error('certificate.expired', ca(0, 'certificate'))] } },
    { group, name: 'replaces-expired', description: 'The body drops the expired CA and adds a new one in the same update: a removal to confirm, and no expired CA kept.',
      body: list(root(lakeshoreA), root(newRoot)), current: getResponse([expired, lakeshoreA]),
      nearMissFor: ['update.adds-while-expired'], expect: { findings: [warning('update.removes-cas', '/certificateAuthorities')] } },
  ];
}

export async function hierarchyCases(): Promise<VectorCase[]> {
  const specs: [KeySpec, string][] = [['P-256', 'p256'], ['P-384', 'p384'], ['RSA-2048', 'rsa2048']];
  const out: VectorCase[] = [];
  for (const [keySpec, label] of specs) {
    for (const depth of [2, 3]) {
      const crlBase = `http://crl.example.com/${label}-${depth}`;
      const chain = await buildHierarchy({ depth, keySpec, namePrefix: `Hierarchy ${keySpec} ${depth}-tier`, crlBase, notBefore: VALID_FROM, notAfter: VALID_TO });
      // Each CA publishes the CRL its subordinates point at: root.crl, intermediate-<n>.crl.
      const entries = chain.map((c, i) => (i === 0 ? root(c, { crl: `${crlBase}/root.crl`, delta: null }) : intermediate(c, { crl: `${crlBase}/intermediate-${i}.crl`, delta: null })));
      out.push({
        group: 'hierarchies', name: `${label}-${depth}-tier`,
        description: `A valid ${depth}-tier ${keySpec} hierarchy (root first), each CA with the CRL URL its subordinates name in their CRL distribution points: no findings.`,
        body: list(...entries),
        nearMissFor: ['crl.subordinate-cdp-mismatch', 'chain.issuer-missing', 'chain.path-length-exceeded', 'certificate.key-identifier-critical'],
        expect: { findings: [] },
      });
      if (depth === 3 && keySpec === 'P-256') {
        out.push({
          group: 'hierarchies', name: `${label}-${depth}-tier-reversed`,
          description: 'The same three-tier hierarchy listed leaf-most CA first: list order does not matter.',
          body: list(...[...entries].reverse()), expect: { findings: [] },
        });
      }
    }
  }
  // Four tiers, a different algorithm at each: RSASSA-PSS root, then P-384, P-256 and Ed25519 CAs.
  const keys = [await generateKeyPair('RSA-2048', { pss: true }), await generateKeyPair('P-384'), await generateKeyPair('P-256'), await generateKeyPair('Ed25519')];
  const crlBase = 'http://crl.example.com/mixed-4';
  const mixed = await buildHierarchy({ depth: 4, keys, namePrefix: 'Hierarchy mixed 4-tier', crlBase, notBefore: VALID_FROM, notAfter: VALID_TO });
  out.push({
    group: 'hierarchies', name: 'mixed-4-tier',
    description: 'A valid four-tier hierarchy with a different algorithm at each tier: an RSASSA-PSS (SHA-256) root, then P-384, P-256 and Ed25519 CAs, each with the CRL URL its subordinate names.',
    body: list(...mixed.map((c, i) => (i === 0 ? root(c, { crl: `${crlBase}/root.crl` }) : intermediate(c, { crl: `${crlBase}/intermediate-${i}.crl` })))),
    nearMissFor: ['certificate.signature-unverifiable', 'crl.subordinate-cdp-mismatch', 'chain.issuer-signature-invalid'],
    expect: { findings: [] },
  });
  return out;
}

export async function strictCases(pki: Pki): Promise<VectorCase[]> {
  const rootCa = await pki.root(dn('Strict Root CA'));
  const sub = await pki.issued(dn('Strict Intermediate CA'), rootCa, { crlDistributionPoints: ['http://crl.other.example.net/ca.crl'] });
  const bcNotCritical = await pki.root(dn('Strict Root CA with non-critical basicConstraints'), { basicConstraints: { cA: true, critical: false } });
  const group = 'strict';
  return [
    { group, name: 'url-not-http-https', strict: true, description: 'strict: an https CRL URL (entra-cba, inferred for this endpoint) becomes an error.',
      body: list(root(rootCa, { crl: 'https://crl.example.com/root.crl' })), expect: { findings: [error('crl.url-not-http', ca(0, 'certificateRevocationListUrl'))] } },
    { group, name: 'display-name-257', strict: true, description: 'strict: a displayName over the PKI store\'s 256 characters (entra-cba) becomes an error.',
      body: { displayName: 'D'.repeat(257) }, expect: { findings: [error('body.display-name-too-long', '/displayName')] } },
    { group, name: 'subordinate-cdp-mismatch', strict: true, description: 'strict: a subordinate whose CDP does not name its issuer\'s configured CRL URL (entra-cba) becomes an error.',
      body: list(root(rootCa, { crl: 'http://crl.example.com/root.crl' }), intermediate(sub)), expect: { findings: [error('crl.subordinate-cdp-mismatch', ca(0, 'certificateRevocationListUrl'))] } },
    { group, name: 'documented-and-rfc-warnings-stay', strict: true, description: 'strict leaves warnings on documented or RFC 5280 grounds alone: @odata.context (graph-documented) and a non-critical basicConstraints (rfc5280) stay warnings.',
      body: { '@odata.context': 'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations/$entity', ...list(root(bcNotCritical)) },
      expect: { findings: [warning('body.odata-control-ignored', '/@odata.context'), warning('certificate.basic-constraints-not-critical', ca(0, 'certificate'))] } },
    { group, name: 'url-http', strict: true, description: 'strict: an http CRL URL is still fine.',
      body: list(root(rootCa, { crl: 'http://crl.example.com/root.crl' })), nearMissFor: ['crl.url-not-http'], expect: { findings: [] } },
  ];
}
