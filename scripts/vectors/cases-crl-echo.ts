/**
 * CRL URL rules (crl.*) and the read-only echoes issuer / issuerSki (echo.*).
 */
import { ca, info, intermediate, list, root, warning, error, type VectorCase } from './framework.js';
import { dn, type Pki } from './pki.js';

const CRL = 'http://crl.example.com/vectors/root.crl';
const DELTA = 'http://crl.example.com/vectors/root-delta.crl';
/** The issuer in the documentation's example of `issuer` (docs/graph-api.md), as an RFC 4514 subject. */
const DOC_SUBJECT = 'CN=certauthority.com, OU=IoT Org, O=Microsoft Corporation, L=Redmond, ST=WA, C=US';

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();

export async function crlEchoCases(pki: Pki): Promise<VectorCase[]> {
  const rootCa = await pki.root(dn('CRL Root CA'));
  const sub = await pki.issued(dn('CRL Intermediate CA'), rootCa, { crlDistributionPoints: [CRL] });
  const subElsewhere = await pki.issued(dn('CRL Intermediate CA pointing elsewhere'), rootCa, { crlDistributionPoints: ['http://crl.other.example.net/ca.crl'] });
  const subSeveral = await pki.issued(dn('CRL Intermediate CA with two points'), rootCa, {
    crlDistributionPoints: ['ldap://ldap.example.com/cn=CRL%20Root%20CA?certificateRevocationList', CRL.replace('crl.example.com', 'CRL.Example.COM')],
  });
  const subNoCdp = await pki.issued(dn('CRL Intermediate CA without CDP'), rootCa);
  const noCrlSign = await pki.root(dn('CRL Root CA without cRLSign'), { keyUsage: { bits: ['keyCertSign'] } });
  const docRoot = await pki.root(DOC_SUBJECT);
  const docSub = await pki.issued(dn('Echo Intermediate CA'), docRoot);
  const commaRoot = await pki.root('CN=Example\\, Inc. Root CA, O=Example\\, Inc., L=Saint-Étienne, C=FR');
  const noSki = await pki.root(dn('Echo Root CA without SKI'), { subjectKeyIdentifier: null });

  const crl = 'crl';
  const echo = 'echo';
  const url = (i: number) => ca(i, 'certificateRevocationListUrl');
  const delta = (i: number) => ca(i, 'deltaCertificateRevocationListUrl');
  return [
    { group: crl, name: 'url-not-absolute-bare-host', description: 'A CRL URL without a scheme ("crl.example.com/…"): not an absolute URL.',
      body: list(root(rootCa, { crl: 'crl.example.com/vectors/root.crl' })), expect: { findings: [error('crl.url-not-absolute', url(0))] } },
    { group: crl, name: 'url-not-absolute-no-slashes', description: 'A CRL URL "http:crl.example.com/…" without "//": browsers repair it, Windows\' URL reader does not.',
      body: list(root(rootCa, { crl: 'http:crl.example.com/vectors/root.crl' })), expect: { findings: [error('crl.url-not-absolute', url(0))] } },
    { group: crl, name: 'url-not-absolute-empty', description: 'An empty CRL URL: null, not "", means "no CRL".',
      body: list(root(rootCa, { crl: '' })), expect: { findings: [error('crl.url-not-absolute', url(0))] } },
    { group: crl, name: 'url-not-http-https', description: 'An https:// CRL URL: Entra fetches CRLs over http only ("HTTPS is not allowed").',
      body: list(root(rootCa, { crl: CRL.replace('http:', 'https:') })), expect: { findings: [warning('crl.url-not-http', url(0))] } },
    { group: crl, name: 'url-not-http-ldap-delta', description: 'An ldap:// delta CRL URL next to an http base URL.',
      body: list(root(rootCa, { crl: CRL, delta: 'ldap://ldap.example.com/cn=CRL%20Root%20CA?deltaRevocationList' })), expect: { findings: [warning('crl.url-not-http', delta(0))] } },
    { group: crl, name: 'url-http', description: 'http:// base and delta CRL URLs, different from each other.',
      body: list(root(rootCa, { crl: CRL, delta: DELTA })),
      nearMissFor: ['crl.url-not-absolute', 'crl.url-not-http', 'crl.delta-without-base', 'crl.delta-equals-base', 'crl.ca-lacks-crl-sign'], expect: { findings: [] } },
    { group: crl, name: 'delta-without-base', description: 'A delta CRL URL and no base CRL URL.',
      body: list(root(rootCa, { crl: null, delta: DELTA })), expect: { findings: [warning('crl.delta-without-base', delta(0))] } },
    { group: crl, name: 'delta-equals-base', description: 'The delta CRL URL equals the base CRL URL (the host differs only in letter case).',
      body: list(root(rootCa, { crl: CRL, delta: CRL.replace('crl.example.com', 'CRL.Example.COM') })), expect: { findings: [warning('crl.delta-equals-base', delta(0))] } },
    { group: crl, name: 'ca-lacks-crl-sign', description: 'A CRL URL configured for a root whose keyUsage is keyCertSign only: it cannot sign that CRL.',
      body: list(root(noCrlSign, { crl: CRL })), expect: { findings: [warning('crl.ca-lacks-crl-sign', url(0))] } },
    { group: crl, name: 'no-crl-sign-no-url', description: 'The same root with no CRL URL configured.',
      body: list(root(noCrlSign, { crl: null })), nearMissFor: ['crl.ca-lacks-crl-sign'], expect: { findings: [] } },
    { group: crl, name: 'subordinate-cdp-mismatch', description: 'The root\'s configured CRL URL is not among its intermediate\'s CRL distribution points: a warning at the root\'s URL.',
      body: list(root(rootCa, { crl: CRL }), intermediate(subElsewhere)), expect: { findings: [warning('crl.subordinate-cdp-mismatch', url(0))] } },
    { group: crl, name: 'subordinate-cdp-match', description: 'The intermediate\'s CRL distribution point is the root\'s configured CRL URL.',
      body: list(root(rootCa, { crl: CRL }), intermediate(sub)), nearMissFor: ['crl.subordinate-cdp-mismatch'], expect: { findings: [] } },
    { group: crl, name: 'subordinate-cdp-match-among-several', description: 'The intermediate lists an LDAP point and the root\'s URL in its host in other letter case (hosts are case-insensitive): the configured URL is among them.',
      body: list(root(rootCa, { crl: CRL }), intermediate(subSeveral)), nearMissFor: ['crl.subordinate-cdp-mismatch'], expect: { findings: [] } },
    { group: crl, name: 'subordinate-without-cdp', description: 'An intermediate without CRL distribution points: nothing to compare with the root\'s URL.',
      body: list(root(rootCa, { crl: CRL }), intermediate(subNoCdp)), nearMissFor: ['crl.subordinate-cdp-mismatch'], expect: { findings: [] } },

    { group: echo, name: 'issuer-null', description: 'issuer sent as null: the metadata declares it Nullable="false" (the server computes it); what the server answers is not documented, so the verdict is unknown.',
      body: list(root(docRoot, { extra: { issuer: null, issuerSki: null } })), expect: { findings: [error('entry.null-not-nullable', ca(0, 'issuer')), error('entry.null-not-nullable', ca(0, 'issuerSki'))] } },
    { group: echo, name: 'crl-url-null-near-miss', description: 'The CRL URLs are nullable: null is fine there.',
      body: list(root(docRoot, { crl: null, delta: null })), nearMissFor: ['entry.null-not-nullable'], expect: { findings: [] } },
    { group: echo, name: 'issuer-match-rfc4514', description: 'issuer echoed as the RFC 4514 form of the certificate\'s issuer: read-only, the server computes it (info).',
      body: list(root(docRoot, { extra: { issuer: 'CN=certauthority.com,OU=IoT Org,O=Microsoft Corporation,L=Redmond,ST=WA,C=US' } })), expect: { findings: [info('echo.issuer', ca(0, 'issuer'))] } },
    { group: echo, name: 'issuer-match-windows', description: 'issuer echoed in Graph\'s Windows style, with S= for the state (the documentation\'s own example value).',
      body: list(root(docRoot, { extra: { issuer: 'CN=certauthority.com, OU=IoT Org, O=Microsoft Corporation, L=Redmond, S=WA, C=US' } })), expect: { findings: [info('echo.issuer', ca(0, 'issuer'))] } },
    { group: echo, name: 'issuer-match-intermediate-subject', description: 'An intermediate whose issuer echo names its own subject (Graph does not document which of the two it computes): info.',
      body: list(root(docRoot), intermediate(docSub, { extra: { issuer: 'CN=Echo Intermediate CA, O=ca-preflight vectors, C=US' } })), expect: { findings: [info('echo.issuer', ca(1, 'issuer'))] } },
    { group: echo, name: 'issuer-match-intermediate-issuer', description: 'An intermediate whose issuer echo names its issuer, Windows style: info.',
      body: list(root(docRoot), intermediate(docSub, { extra: { issuer: 'CN=certauthority.com, OU=IoT Org, O=Microsoft Corporation, L=Redmond, S=WA, C=US' } })), expect: { findings: [info('echo.issuer', ca(1, 'issuer'))] } },
    { group: echo, name: 'issuer-match-escaped-commas', description: 'A name with commas inside values and a non-ASCII letter, echoed Windows style with quoted values: the same name.',
      body: list(root(commaRoot, { extra: { issuer: 'CN="Example, Inc. Root CA", O="Example, Inc.", L=Saint-Étienne, C=FR' } })), expect: { findings: [info('echo.issuer', ca(0, 'issuer'))] } },
    { group: echo, name: 'issuer-match-escaped-commas-rfc4514', description: 'The same name in RFC 4514 with backslash escapes, in other letter case and with extra spaces: the same name (RFC 5280 §7.1 matching).',
      body: list(root(commaRoot, { extra: { issuer: 'cn=example\\, inc.  root ca,o=EXAMPLE\\, INC.,l=saint-étienne,c=fr' } })), expect: { findings: [info('echo.issuer', ca(0, 'issuer'))] } },
    { group: echo, name: 'issuer-mismatch-page-example', description: 'issuer "Lakeshore Retail" (the update page\'s example value) does not name the certificate\'s issuer: a pasted or stale entry.',
      body: list(root(docRoot, { extra: { issuer: 'Lakeshore Retail' } })), expect: { findings: [warning('echo.issuer', ca(0, 'issuer'))] } },
    { group: echo, name: 'issuer-mismatch-other-name', description: 'issuer names a different CA (a changed state, S=OR).',
      body: list(root(docRoot, { extra: { issuer: 'CN=certauthority.com, OU=IoT Org, O=Microsoft Corporation, L=Redmond, S=OR, C=US' } })), expect: { findings: [warning('echo.issuer', ca(0, 'issuer'))] } },
    { group: echo, name: 'issuer-ski-match', description: 'issuerSki echoed as the certificate\'s own SKI, 40 upper-case hex digits: info.',
      body: list(root(docRoot, { extra: { issuerSki: hex(docRoot.ski!) } })), expect: { findings: [info('echo.issuer-ski', ca(0, 'issuerSki'))] } },
    { group: echo, name: 'issuer-ski-match-lower-case', description: 'issuerSki in lower case: the same value.',
      body: list(root(docRoot, { extra: { issuerSki: hex(docRoot.ski!).toLowerCase() } })), expect: { findings: [info('echo.issuer-ski', ca(0, 'issuerSki'))] } },
    { group: echo, name: 'issuer-ski-mismatch-page-example', description: 'issuerSki "SKI" (the update page\'s placeholder, under the right name): not the certificate\'s SKI.',
      body: list(root(docRoot, { extra: { issuerSki: 'SKI' } })), expect: { findings: [warning('echo.issuer-ski', ca(0, 'issuerSki'))] } },
    { group: echo, name: 'issuer-ski-of-the-issuer', description: 'An intermediate whose issuerSki is its issuer\'s SKI: Graph\'s issuerSki is the certificate\'s own SKI, so this is a mismatch.',
      body: list(root(docRoot), intermediate(docSub, { extra: { issuerSki: hex(docRoot.ski!) } })), expect: { findings: [warning('echo.issuer-ski', ca(1, 'issuerSki'))] } },
    { group: echo, name: 'issuer-ski-without-ski', description: 'issuerSki given for a certificate that has no SKI.',
      body: list(root(noSki, { extra: { issuerSki: hex(docRoot.ski!) } })),
      expect: { findings: [warning('certificate.ski-missing', ca(0, 'certificate')), warning('echo.issuer-ski', ca(0, 'issuerSki'))] } },
    { group: echo, name: 'no-echoes', description: 'The same entries without issuer or issuerSki: nothing to compare.',
      body: list(root(docRoot), intermediate(docSub)), nearMissFor: ['echo.issuer', 'echo.issuer-ski'], expect: { findings: [] } },
  ];
}
