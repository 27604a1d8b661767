/**
 * Body-level rules (body.*): JSON, members of the resource, OData control information, limits of the sibling PKI store.
 */
import {
  CERTIFICATE_400,
  NOT_JSON_400,
  NOT_OBJECT_400,
  extension400,
  wrongType400,
  badType400,
  ca,
  error,
  invalidValue400,
  list,
  readOnly400,
  root,
  unknown400,
  warning,
  type VectorCase,
} from './framework.js';
import { dn, type Pki } from './pki.js';

/** Text as UTF-16LE bytes (with the byte order mark Windows PowerShell 5 writes), or UTF-16BE without one. */
const utf16le = (text: string, bom: boolean) =>
  new Uint8Array([...(bom ? [0xff, 0xfe] : []), ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
const utf16be = (text: string) => new Uint8Array([...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]));

export async function bodyCases(pki: Pki): Promise<VectorCase[]> {
  const group = 'body';
  const rootCa = await pki.root(dn('Body Root CA'));
  const otherRoot = await pki.root(dn('Body Other Root CA'));
  const one = list(root(rootCa));

  // 251 distinct cheap roots: one more than the PKI store's documented limit.
  const many = [];
  for (let i = 0; i < 251; i++) many.push(await pki.root(dn(`Limit Root CA ${String(i + 1).padStart(3, '0')}`), { keyUsage: { bits: ['keyCertSign'] } }));

  const twoRootsText = `{
  "displayName": "Two roots",
  "certificateAuthorities": [
    { "certificate": "${rootCa.base64}", "isRootAuthority": true },
    { "certificate": "${otherRoot.base64}", "isRootAuthority": true }
  ]
}`;

  return [
    {
      group, name: 'not-json-single-quotes',
      description: 'Single-quoted strings are not JSON: 400 BadRequest, position of the first bad character.',
      bodyText: `{\n  'displayName': 'x'\n}`,
      expect: { findings: [error('body.not-json', '', [2, 3])], graphError: NOT_JSON_400 },
    },
    {
      group, name: 'not-json-empty',
      description: 'An empty body is not JSON.',
      bodyText: '',
      expect: { findings: [error('body.not-json', '', [1, 1])], graphError: NOT_JSON_400 },
    },
    {
      group, name: 'not-json-byte-order-mark',
      description: 'A body that starts with a UTF-8 byte order mark (U+FEFF): RFC 8259 §8.1 forbids adding one, and the server\'s reader does not skip it.',
      bodyText: '\ufeff{"displayName": "x"}',
      expect: { findings: [error('body.not-json', '', [1, 1])], graphError: NOT_JSON_400 },
    },
    {
      group, name: 'not-utf8-utf16le-bom',
      description: 'The bytes of a body saved by Windows PowerShell 5 (Out-File, >): UTF-16LE with a byte order mark. Checked as decoded (a clean list), and reported: sent as they are, the bytes are not the UTF-8 JSON Graph reads; what it does with them is not documented.',
      bodyBytes: utf16le(twoRootsText, true),
      expect: { findings: [error('body.not-utf8', '', [1, 1])] },
    },
    {
      group, name: 'not-utf8-utf16be',
      description: 'UTF-16BE without a byte order mark, told by the zero bytes of its ASCII characters (RFC 4627 §3).',
      bodyBytes: utf16be(twoRootsText),
      expect: { findings: [error('body.not-utf8', '', [1, 1])] },
    },
    {
      group, name: 'not-utf8-invalid-byte',
      description: 'A byte that is not UTF-8 (0xE9, "é" in Windows-1252) inside displayName: reported, and read as U+FFFD.',
      bodyBytes: new Uint8Array([...new TextEncoder().encode('{"displayName": "Cam'), 0xe9, ...new TextEncoder().encode('ras"}')]),
      expect: { findings: [error('body.not-utf8', '', [1, 1])] },
    },
    {
      group, name: 'utf8-bytes',
      description: 'The same bodies as UTF-8 bytes, with a character outside ASCII: what RFC 8259 §8.1 asks for, nothing to report.',
      bodyBytes: new TextEncoder().encode(twoRootsText.replace('Two roots', 'Deux racines, caméras')),
      nearMissFor: ['body.not-utf8', 'body.not-json'],
      expect: { findings: [] },
    },
    {
      group, name: 'not-json-utf8-bom-bytes',
      description: 'UTF-8 bytes that start with a byte order mark (EF BB BF), as Notepad\'s "UTF-8 with BOM" writes them: not JSON, at 1:1, with the fix to save without it.',
      bodyBytes: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"displayName": "x"}')]),
      nearMissFor: ['body.not-utf8'],
      expect: { findings: [error('body.not-json', '', [1, 1])], graphError: NOT_JSON_400 },
    },
    {
      group, name: 'too-large',
      description: 'A body longer than the checker is asked to read (maxBodyChars 16 here; 16 MiB by default) is not read: a local limit, not a Graph answer, so no graphError.',
      bodyText: '{"displayName": "seventeen"}',
      maxBodyChars: 16,
      expect: { findings: [error('body.too-large', '', [1, 1])] },
    },
    {
      group, name: 'too-large-at-the-limit',
      description: 'A body exactly as long as the limit is read and checked.',
      bodyText: '{"displayName": "sixteen"}',
      maxBodyChars: 26,
      nearMissFor: ['body.too-large'],
      expect: { findings: [] },
    },
    {
      group, name: 'not-object-array',
      description: 'A JSON array is JSON but not a resource: body.not-object at the whole body.',
      body: [one],
      expect: { findings: [error('body.not-object', '')], graphError: NOT_OBJECT_400 },
    },
    {
      group, name: 'not-object-near-miss-empty-object',
      description: 'An empty object is a valid (if pointless) PATCH body: nothing to report.',
      body: {},
      nearMissFor: ['body.not-object', 'body.empty-list'],
      expect: { findings: [] },
    },
    {
      group, name: 'display-name-257',
      description: 'A displayName of 257 characters, one over the limit documented for the sibling PKI store: a warning (entra-cba), the server is not known to reject it.',
      body: { displayName: 'D'.repeat(257) },
      expect: { findings: [warning('body.display-name-too-long', '/displayName')] },
    },
    {
      group, name: 'display-name-256',
      description: 'A displayName of exactly 256 characters: at the limit, no finding.',
      body: { displayName: 'D'.repeat(256) },
      nearMissFor: ['body.display-name-too-long'],
      expect: { findings: [] },
    },
    {
      group, name: 'display-name-null',
      description: 'displayName may be null (String, nullable).',
      body: { displayName: null },
      nearMissFor: ['body.wrong-type'],
      expect: { findings: [] },
    },
    {
      group, name: 'display-name-number',
      description: 'displayName must be a string or null; a number is an invalid value (template message, inferred).',
      body: { displayName: 42 },
      expect: { findings: [error('body.wrong-type', '/displayName')], graphError: invalidValue400('displayName') },
    },
    {
      group, name: 'certificate-authorities-object',
      description: 'certificateAuthorities must be an array; a single object is an invalid value.',
      body: { certificateAuthorities: root(rootCa) },
      expect: { findings: [error('body.wrong-type', '/certificateAuthorities')], graphError: invalidValue400('certificateAuthorities') },
    },
    {
      group, name: 'empty-list',
      description: 'certificateAuthorities: [] removes every trusted CA: a warning, the server accepts it.',
      body: { certificateAuthorities: [] },
      expect: { findings: [warning('body.empty-list', '/certificateAuthorities')] },
    },
    {
      group, name: 'one-root',
      description: 'A list with one valid root: nothing to report.',
      body: one,
      nearMissFor: ['body.empty-list', 'body.too-many-cas'],
      expect: { findings: [] },
    },
    {
      group, name: 'too-many-cas-251',
      description: '251 distinct self-signed roots, one more than the sibling PKI store accepts: a warning at /certificateAuthorities and nothing else.',
      body: list(...many.map((c) => root(c))),
      expect: { findings: [warning('body.too-many-cas', '/certificateAuthorities')] },
    },
    {
      group, name: 'too-many-cas-250',
      description: '250 distinct self-signed roots: at the limit, no finding.',
      body: list(...many.slice(0, 250).map((c) => root(c))),
      nearMissFor: ['body.too-many-cas'],
      expect: { findings: [] },
    },
    {
      group, name: 'read-only-id',
      description: 'id is read-only: the documented "Property \'id\' is read-only and cannot be set." (observed).',
      body: { id: 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb', displayName: 'x' },
      expect: { findings: [error('body.read-only-property', '/id')], graphError: readOnly400('id') },
    },
    {
      group, name: 'read-only-deleted-date-time',
      description: 'deletedDateTime is read-only.',
      body: { deletedDateTime: null, ...one },
      expect: { findings: [error('body.read-only-property', '/deletedDateTime')], graphError: readOnly400('deletedDateTime') },
    },
    {
      group, name: 'read-only-unchanged',
      description:
        'A GET response modified and sent back, as the SDKs do: id and tlsClientAuthParameter unchanged against the current resource. Graph\'s guidelines say they are ignored; other directory resources refused them: a warning, no predicted 400.',
      body: { id: 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb', tlsClientAuthParameter: 'tls_client_auth_subject_dn', displayName: 'Renamed', ...one },
      current: { id: 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb', deletedDateTime: null, displayName: 'x', tlsClientAuthParameter: 'tls_client_auth_subject_dn', ...one },
      nearMissFor: ['body.read-only-property'],
      expect: { findings: [warning('body.read-only-unchanged', '/id'), warning('body.read-only-unchanged', '/tlsClientAuthParameter')] },
    },
    {
      group, name: 'read-only-changed',
      description: 'tlsClientAuthParameter changed against the current resource: a PATCH cannot set it, the observed 400.',
      body: { tlsClientAuthParameter: 'tls_client_auth_san_uri', ...one },
      current: { id: 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb', deletedDateTime: null, displayName: 'x', tlsClientAuthParameter: 'tls_client_auth_subject_dn', ...one },
      nearMissFor: ['body.read-only-unchanged'],
      expect: { findings: [error('body.read-only-property', '/tlsClientAuthParameter')], graphError: readOnly400('tlsClientAuthParameter') },
    },
    {
      group, name: 'directory-extension',
      description: 'A directory extension property (extension_<appId>_<name>): extensions do not target this resource; refused as an unknown member (inferred).',
      body: { extension_b7d8e5fa3c4b4d2e9f1a0c6b8d7e5f4a_deviceFamily: 'cameras', ...one },
      expect: {
        findings: [error('body.directory-extension', '/extension_b7d8e5fa3c4b4d2e9f1a0c6b8d7e5f4a_deviceFamily')],
        graphError: extension400('extension_b7d8e5fa3c4b4d2e9f1a0c6b8d7e5f4a_deviceFamily'),
      },
    },
    {
      group, name: 'extension-attribute-near-miss',
      description: 'extensionAttribute1 (a user attribute of on-premises sync) is not a directory extension: an unknown member.',
      body: { extensionAttribute1: 'cameras', ...one },
      nearMissFor: ['body.directory-extension'],
      expect: { findings: [error('body.unknown-property', '/extensionAttribute1')], graphError: unknown400('extensionAttribute1') },
    },
    {
      group, name: 'certificate-authorities-null',
      description: 'certificateAuthorities is Nullable="false" in the metadata: null does not clear the list.',
      body: { certificateAuthorities: null },
      expect: { findings: [error('body.wrong-type', '/certificateAuthorities')], graphError: invalidValue400('certificateAuthorities') },
    },
    {
      group, name: 'writable-members-only',
      description: 'Both writable members and nothing else: no read-only or unknown member.',
      body: { displayName: 'x', ...one },
      nearMissFor: ['body.read-only-property', 'body.unknown-property', 'body.odata-control-ignored'],
      expect: { findings: [] },
    },
    {
      group, name: 'unknown-certificate-authority-singular',
      description: 'The update page\'s table spells the member "certificateAuthority": no such property, "Invalid property" (observed message).',
      body: { certificateAuthority: [root(rootCa)] },
      expect: { findings: [error('body.unknown-property', '/certificateAuthority')], graphError: unknown400('certificateAuthority') },
    },
    {
      group, name: 'read-only-before-unknown',
      description: 'An unknown member before a read-only one: both are found, and the server names the first in document order.',
      body: { displayname: 'x', tlsClientAuthParameter: 'tls_client_auth_subject_dn' },
      expect: {
        findings: [error('body.unknown-property', '/displayname'), error('body.read-only-property', '/tlsClientAuthParameter')],
        graphError: unknown400('displayname'),
      },
    },
    {
      group, name: 'collection-response-one',
      description: 'A collection GET (GET …/mutualTlsOauthConfigurations) saved and checked as it is: its one configuration is checked in place (findings under /value/0, positions in the text), and Graph would read "value" as an unknown member.',
      bodyText: `{
  "@odata.context": "https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations",
  "value": [
    {
      "id": "eec5ba11-2fc0-4113-83a2-ed986ed13cdb",
      "displayName": "Cameras",
      "certificateAuthorities": [
        { "certificate": "${rootCa.base64}", "isRootAuthority": false }
      ]
    }
  ]
}`,
      expect: {
        findings: [
          error('body.collection-response', '/value/0', [4, 5]),
          error('body.read-only-property', '/value/0/id', [5, 13]),
          error('flag.self-signed-not-root', '/value/0/certificateAuthorities/0/isRootAuthority', [8, 49 + rootCa.base64.length]),
        ],
        graphError: unknown400('value'),
      },
    },
    {
      group, name: 'collection-response-several',
      description: 'A collection of two configurations and no id to choose by: nothing is checked but the choice, and Graph would read "value" as an unknown member.',
      body: {
        '@odata.context': 'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations',
        value: [
          { id: 'a', displayName: 'A', ...one },
          { id: 'b', displayName: 'B', ...one },
        ],
      },
      expect: {
        findings: [warning('body.odata-control-ignored', '/@odata.context'), error('body.collection-response', '')],
        graphError: unknown400('value'),
      },
    },
    {
      group, name: 'value-member-not-a-collection',
      description: 'A member named "value" beside the resource\'s own members is no collection response: an unknown member.',
      body: { value: [], ...one },
      nearMissFor: ['body.collection-response'],
      expect: { findings: [error('body.unknown-property', '/value')], graphError: unknown400('value') },
    },
    {
      group, name: 'odata-context-ignored',
      description: '@odata.context and @odata.etag (from a re-sent GET) are ignored by the server: warnings, the body is accepted.',
      body: { '@odata.context': 'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations/$entity', '@odata.etag': 'W/"1"', ...one },
      expect: { findings: [warning('body.odata-control-ignored', '/@odata.context'), warning('body.odata-control-ignored', '/@odata.etag')] },
    },
    {
      group, name: 'odata-type-correct',
      description: 'The resource\'s own @odata.type on the body and the entry\'s own on an entry: accepted, nothing to report.',
      body: { '@odata.type': '#microsoft.graph.mutualTlsOauthConfiguration', certificateAuthorities: [{ '@odata.type': '#microsoft.graph.certificateAuthority', ...root(rootCa) }] },
      nearMissFor: ['body.odata-type-invalid', 'body.odata-type-wrong', 'body.odata-control-ignored', 'body.odata-type-no-hash'],
      expect: { findings: [] },
    },
    {
      group, name: 'odata-type-without-hash',
      description: 'The entry\'s own type written without the "#" OData JSON prescribes, as the update page\'s Example 1 response does: a warning, not a rejection.',
      body: { certificateAuthorities: [{ '@odata.type': 'microsoft.graph.certificateAuthority', ...root(rootCa) }] },
      nearMissFor: ['body.odata-type-invalid', 'body.odata-type-wrong'],
      expect: { findings: [warning('body.odata-type-no-hash', '/certificateAuthorities/0/@odata.type')] },
    },
    {
      group, name: 'odata-type-wrong',
      description: 'An @odata.type naming another type cannot be resolved: the observed "A type named … could not be resolved by the model" 400.',
      body: { '@odata.type': '#microsoft.graph.trustedCertificateAuthority', ...one },
      expect: { findings: [error('body.odata-type-invalid', '/@odata.type')], graphError: badType400('microsoft.graph.trustedCertificateAuthority') },
    },
    {
      group, name: 'odata-type-wrong-on-entry',
      description: 'An entry typed as the resource: a real type, but not assignable to the entry type (the OData library\'s message, inferred).',
      body: list({ '@odata.type': '#microsoft.graph.mutualTlsOauthConfiguration', ...root(rootCa) }),
      expect: {
        findings: [error('body.odata-type-wrong', ca(0, '@odata.type'))],
        graphError: wrongType400('microsoft.graph.mutualTlsOauthConfiguration', 'microsoft.graph.certificateAuthority'),
      },
    },
    {
      group, name: 'odata-type-sibling-store',
      description: "The application-certificate store's type on the body: it exists in Graph's model, so it is not \"could not be resolved\"; it is not assignable here.",
      body: { '@odata.type': '#microsoft.graph.certificateBasedApplicationConfiguration', ...one },
      nearMissFor: ['body.odata-type-invalid'],
      expect: {
        findings: [error('body.odata-type-wrong', '/@odata.type')],
        graphError: wrongType400('microsoft.graph.certificateBasedApplicationConfiguration', 'microsoft.graph.mutualTlsOauthConfiguration'),
      },
    },
    {
      group, name: 'duplicate-key',
      description: 'displayName written twice: JSON readers disagree on which counts (the last one, here). A warning at the member, with its position.',
      bodyText: `{\n  "displayName": "first",\n  "displayName": "second"\n}`,
      expect: { findings: [warning('body.duplicate-key', '/displayName', [3, 18])] },
    },
    {
      group, name: 'duplicate-key-list',
      description: 'certificateAuthorities written twice: one warning at the member, none for the members of the entries inside either copy.',
      bodyText: `{\n  "certificateAuthorities": [ { "certificate": "${otherRoot.base64}", "isRootAuthority": true } ],\n  "certificateAuthorities": [ { "certificate": "${rootCa.base64}", "isRootAuthority": true } ]\n}`,
      expect: { findings: [warning('body.duplicate-key', '/certificateAuthorities', [3, 29])] },
    },
    {
      group, name: 'unknown-property-pointer-escapes',
      description: 'A member named "a/b~c" after an emoji: the JSON Pointer escapes "/" and "~" (/a~1b~0c), and the column counts UTF-16 code units (the emoji is two).',
      bodyText: '{"displayName": "\u{1F600}", "a/b~c": 1}',
      expect: { findings: [error('body.unknown-property', '/a~1b~0c', [1, 32])], graphError: unknown400('a/b~c') },
    },
    {
      group, name: 'read-only-crlf-lines',
      description: 'JSON text with CRLF line ends: the line of a finding counts each CRLF once.',
      bodyText: '{\r\n  "displayName": "x",\r\n  "id": "x"\r\n}',
      expect: { findings: [error('body.read-only-property', '/id', [3, 9])], graphError: readOnly400('id') },
    },
    {
      group, name: 'same-member-names-in-sibling-entries',
      description: 'The same member names in two different entries are not duplicates.',
      bodyText: twoRootsText,
      nearMissFor: ['body.duplicate-key'],
      expect: { findings: [] },
    },
    {
      group: 'server-order', name: 'members-before-entry-types',
      description: 'A misspelt entry member (step 3) written before a read-only top-level id (step 2): both are found; the server answers for the step that comes first, the read-only id.',
      body: { certificateAuthorities: [root(rootCa, { extra: { issuerSubjectkeyIdentifier: 'SKI' } })], id: 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb' },
      expect: {
        findings: [error('entry.unknown-property', ca(0, 'issuerSubjectkeyIdentifier')), error('body.read-only-property', '/id')],
        graphError: readOnly400('id'),
      },
    },
    {
      group: 'server-order', name: 'types-before-certificates',
      description: 'An unreadable certificate in the first entry (step 4) and a string isRootAuthority in the second (step 3): the server answers for the type error.',
      body: list({ certificate: 'Binary', isRootAuthority: true }, { certificate: otherRoot.base64, isRootAuthority: 'yes' }),
      expect: {
        findings: [error('certificate.not-x509', ca(0, 'certificate')), error('entry.root-flag-invalid', ca(1, 'isRootAuthority'))],
        graphError: invalidValue400('isRootAuthority'),
      },
    },
    {
      group: 'server-order', name: 'first-certificate-failure',
      description: 'Three entries with certificate problems of different kinds: one finding each, and a single 400 (the certificate message names no entry).',
      body: list({ certificate: rootCa.pem, isRootAuthority: true }, { isRootAuthority: true }, { certificate: 'not base64!', isRootAuthority: true }),
      expect: {
        findings: [error('certificate.pem-armour', ca(0, 'certificate')), error('certificate.missing', ca(1, 'certificate')), error('certificate.not-base64', ca(2, 'certificate'))],
        graphError: CERTIFICATE_400,
      },
    },
  ];
}
