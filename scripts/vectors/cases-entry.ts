/**
 * Entry-level rules (entry.*) and the certificate member's encoding (certificate.missing, not-base64, pem-armour, not-x509).
 */
import { concatBytes, toBase64 } from '../../src/testing/builder.js';
import { CERTIFICATE_400, ca, entry, error, info, intermediate, invalidValue400, list, root, unknown400, type VectorCase } from './framework.js';
import { dn, type Pki } from './pki.js';

const toBase64Url = (b64: string): string => b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export async function entryCases(pki: Pki): Promise<VectorCase[]> {
  const group = 'entry';
  const rootCa = await pki.root(dn('Entry Root CA'));
  const sub = await pki.issued(dn('Entry Intermediate CA'), rootCa);
  // A certificate whose base64 uses both '+' and '/', so that one can be swapped for its base64url twin and the other kept.
  let urlCert = await pki.root(dn('Entry base64url Root CA'));
  while (!urlCert.base64.includes('+') || !urlCert.base64.includes('/')) urlCert = await pki.root(dn('Entry base64url Root CA'));

  const certCases: VectorCase[] = [
    {
      group: 'certificate', name: 'missing',
      description: 'An entry without certificate: Required, so the documented certificate 400.',
      body: list({ isRootAuthority: true }),
      expect: { findings: [error('certificate.missing', ca(0, 'certificate'))], graphError: CERTIFICATE_400 },
    },
    {
      group: 'certificate', name: 'null',
      description: 'certificate: null (Nullable="false"): the documented certificate 400.',
      body: list(entry(null, true)),
      expect: { findings: [error('certificate.missing', ca(0, 'certificate'))], graphError: CERTIFICATE_400 },
    },
    {
      group: 'certificate', name: 'not-base64-number',
      description: 'certificate given as a number: not a base64 string.',
      body: list(entry(12345, true)),
      expect: { findings: [error('certificate.not-base64', ca(0, 'certificate'))], graphError: CERTIFICATE_400 },
    },
    {
      group: 'certificate', name: 'not-base64-line-breaks',
      description: 'Base64 wrapped at 64 characters (as in PEM, without the armour): line breaks are not base64.',
      body: list(entry(rootCa.base64.replace(/(.{64})/g, '$1\n'), true)),
      expect: { findings: [error('certificate.not-base64', ca(0, 'certificate'))], graphError: CERTIFICATE_400 },
    },
    {
      group: 'certificate', name: 'not-base64-mixed-alphabets',
      description: 'A string that mixes the base64 and base64url alphabets is neither.',
      body: list(entry(urlCert.base64.replace('+', '-').replace(/=+$/, ''), true)),
      expect: { findings: [error('certificate.not-base64', ca(0, 'certificate'))], graphError: CERTIFICATE_400 },
    },
    {
      group: 'certificate', name: 'base64url',
      description: 'The same certificate in base64url (OData\'s Edm.Binary form, no padding): accepted like standard base64.',
      body: list(entry(toBase64Url(urlCert.base64), true)),
      nearMissFor: ['certificate.not-base64', 'certificate.not-x509'],
      expect: { findings: [] },
    },
    {
      group: 'certificate', name: 'pem-armour',
      description: 'PEM text (header, footer, line breaks) instead of the base64 body.',
      body: list(entry(rootCa.pem, true)),
      expect: { findings: [error('certificate.pem-armour', ca(0, 'certificate'))], graphError: CERTIFICATE_400 },
    },
    {
      group: 'certificate', name: 'pem-body-only',
      description: 'The base64 body of the same PEM, without armour or line breaks: accepted.',
      body: list(entry(rootCa.pem.replace(/-----[A-Z ]+-----|\n/g, ''), true)),
      nearMissFor: ['certificate.pem-armour', 'certificate.not-base64', 'certificate.missing'],
      expect: { findings: [] },
    },
    {
      group: 'certificate', name: 'not-x509-trailing-byte',
      description: 'A valid certificate followed by one extra byte: not exactly one DER certificate.',
      body: list(entry(toBase64(concatBytes(rootCa.der, new Uint8Array([0]))), true)),
      expect: { findings: [error('certificate.not-x509', ca(0, 'certificate'))], graphError: CERTIFICATE_400 },
    },
    {
      group: 'certificate', name: 'not-x509-truncated',
      description: 'A certificate cut short by 16 bytes.',
      body: list(entry(toBase64(rootCa.der.slice(0, rootCa.der.length - 16)), true)),
      expect: { findings: [error('certificate.not-x509', ca(0, 'certificate'))], graphError: CERTIFICATE_400 },
    },
    {
      group: 'certificate', name: 'not-x509-second-entry',
      description: 'A good entry, then a bad one: the finding and the 400 concern the second entry only.',
      body: list(root(rootCa), entry('AAAA', true)),
      expect: { findings: [error('certificate.not-x509', ca(1, 'certificate'))], graphError: CERTIFICATE_400 },
    },
  ];

  const entryCasesList: VectorCase[] = [
    {
      group, name: 'not-object-string',
      description: 'An entry that is the certificate string itself rather than an object.',
      body: list(rootCa.base64),
      expect: { findings: [error('entry.not-object', ca(0))], graphError: invalidValue400('certificateAuthorities') },
    },
    {
      group, name: 'not-object-null',
      description: 'A null entry in the list.',
      body: list(root(rootCa), null),
      expect: { findings: [error('entry.not-object', ca(1))], graphError: invalidValue400('certificateAuthorities') },
    },
    {
      group, name: 'root-flag-missing',
      description: 'isRootAuthority is Required: an entry without it is an invalid value (template message, inferred).',
      body: list({ certificate: rootCa.base64 }),
      expect: { findings: [error('entry.root-flag-invalid', ca(0, 'isRootAuthority'))], graphError: invalidValue400('isRootAuthority') },
    },
    {
      group, name: 'root-flag-string',
      description: 'isRootAuthority: "true" (a string) is not a boolean.',
      body: list(entry(rootCa, 'true')),
      expect: { findings: [error('entry.root-flag-invalid', ca(0, 'isRootAuthority'))], graphError: invalidValue400('isRootAuthority') },
    },
    {
      group, name: 'root-flag-booleans',
      description: 'isRootAuthority true on the root and false on its intermediate: both correct.',
      body: list(root(rootCa), intermediate(sub)),
      nearMissFor: ['entry.root-flag-invalid', 'entry.not-object'],
      expect: { findings: [] },
    },
    {
      group, name: 'unknown-issuer-subject-key-identifier',
      description: 'The update page\'s "issuerSubjectkeyIdentifier" is not a member of certificateAuthority: "Invalid property" (observed).',
      body: list(root(rootCa, { extra: { issuerSubjectkeyIdentifier: 'SKI' } })),
      expect: { findings: [error('entry.unknown-property', ca(0, 'issuerSubjectkeyIdentifier'))], graphError: unknown400('issuerSubjectkeyIdentifier') },
    },
    {
      group, name: 'known-read-only-issuer-ski',
      description: 'The real member issuerSki (read-only, computed) is known: no unknown-property error, only the echo note that it matches.',
      body: list(root(rootCa, { extra: { issuerSki: toHex(rootCa.ski!) } })),
      nearMissFor: ['entry.unknown-property'],
      expect: { findings: [info('echo.issuer-ski', ca(0, 'issuerSki'))] },
    },
    {
      group, name: 'url-number',
      description: 'certificateRevocationListUrl must be a string or null.',
      body: list(root(rootCa, { crl: 42 as unknown as string })),
      expect: { findings: [error('entry.url-wrong-type', ca(0, 'certificateRevocationListUrl'))], graphError: invalidValue400('certificateRevocationListUrl') },
    },
    {
      group, name: 'url-array',
      description: 'deltaCertificateRevocationListUrl as an array of URLs (one CRL URL per CA).',
      body: list(root(rootCa, { crl: 'http://crl.example.com/root.crl', delta: ['http://crl.example.com/root+.crl'] as unknown as string })),
      expect: { findings: [error('entry.url-wrong-type', ca(0, 'deltaCertificateRevocationListUrl'))], graphError: invalidValue400('deltaCertificateRevocationListUrl') },
    },
    {
      group, name: 'url-null',
      description: 'Both CRL URLs null: allowed.',
      body: list(root(rootCa, { crl: null, delta: null })),
      nearMissFor: ['entry.url-wrong-type', 'crl.url-not-absolute'],
      expect: { findings: [] },
    },
  ];
  return [...certCases, ...entryCasesList];
}

function toHex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();
}
