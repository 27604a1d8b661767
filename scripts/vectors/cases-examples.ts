/**
 * The update page's own examples (reference/seeds/update-mutualtlsoauthconfiguration.en.txt), as JSON text so that
 * positions are checked too.
 */
import { AT, CERTIFICATE_400, NOT_JSON_400, error, readOnly400, unknown400, warning, type VectorCase } from './framework.js';

const EXAMPLE_1_REQUEST = `{
  "displayName": "THIS_IS_A_NEW_NAME"
}`;

/** Example 1 as an older revision of the page printed it: with a trailing comma. */
const EXAMPLE_1_TRAILING_COMMA = `{
  "displayName": "THIS_IS_A_NEW_NAME",
}`;

const EXAMPLE_1_RESPONSE = `{
  "@odata.context": "https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations/$entity",
  "id":"eec5ba11-2fc0-4113-83a2-ed986ed13cdb",
  "displayName": "THIS_IS_A_NEW_NAME",
  "tlsClientAuthParameter": "tls_client_auth_subject_dn",
  "certificateAuthorities": [
    {
      "@odata.type": "microsoft.graph.certificateAuthority"
    }
  ]
}`;

const EXAMPLE_2_STORED = `{
  "@odata.context": "https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations/$entity",
  "id": "eec5ba11-2fc0-4113-83a2-ed986ed13cdb",
  "displayName": "DoorCamera_Model_X_TrustedCAs",
  "tlsClientAuthParameter": "tls_client_auth_subject_dn",
  "certificateAuthorities": [
    {
      "isRootAuthority": true,
      "certificateRevocationListUrl": "http://LakeshoreRetail.com/root.crl",
      "deltaCertificateRevocationListUrl": null,
      "certificate": "joGrWL+Yqkik/CABWG0d1w....",
      "issuer": "Lakeshore Retail",
      "issuerSubjectkeyIdentifier": "SKI"
    },
    {
      "isRootAuthority": true,
      "certificateRevocationListUrl": "http://LakeshoreRetail.com/root.crl",
      "deltaCertificateRevocationListUrl": null,
      "certificate": "koGrWL+Yqkik/CABWG0d1w....",
      "issuer": "Lakeshore Retail",
      "issuerSubjectkeyIdentifier": "SKI"
    }
  ]
}`;

/** The update page's Example 2 request, as published (also bundled as examples/example2-request.json). */
export const EXAMPLE_2_REQUEST = `{
  "certificateAuthorities": [
    {
      "isRootAuthority": true,
      "certificateRevocationListUrl": "http://LakeshoreRetail.com/root.crl",
      "deltaCertificateRevocationListUrl": null,
      "certificate": "Binary",
      "issuer": "Lakeshore Retail",
      "issuerSubjectkeyIdentifier": "SKI"
    }
  ]
}`;

export function exampleCases(): VectorCase[] {
  const group = 'examples';
  return [
    {
      group, name: 'example-1-request',
      description: 'Update page, Example 1: the request that renames the configuration. Valid: no findings, the server accepts it.',
      bodyText: EXAMPLE_1_REQUEST,
      nearMissFor: ['body.not-json'],
      expect: { findings: [] },
    },
    {
      group, name: 'example-1-trailing-comma',
      description: 'Update page, Example 1 as an older revision printed it, with a trailing comma: not JSON, so the server answers 400 BadRequest before reading anything.',
      bodyText: EXAMPLE_1_TRAILING_COMMA,
      expect: { findings: [error('body.not-json', '', [3, 1])], graphError: NOT_JSON_400 },
    },
    {
      group, name: 'example-1-response-resent',
      description: 'Update page, Example 1 response sent back as a request (a re-sent GET): @odata.context is ignored, id and tlsClientAuthParameter are read-only, and the entry has neither certificate nor isRootAuthority. The first failure in the server\'s order is the read-only id.',
      bodyText: EXAMPLE_1_RESPONSE,
      expect: {
        findings: [
          warning('body.odata-control-ignored', '/@odata.context', [2, 21]),
          error('body.read-only-property', '/id', [3, 8]),
          error('body.read-only-property', '/tlsClientAuthParameter', [5, 29]),
          error('certificate.missing', '/certificateAuthorities/0/certificate', [7, 5]),
          error('entry.root-flag-invalid', '/certificateAuthorities/0/isRootAuthority', [7, 5]),
          warning('body.odata-type-no-hash', '/certificateAuthorities/0/@odata.type', [8, 22]),
        ],
        graphError: readOnly400('id'),
      },
    },
    {
      group, name: 'example-2-stored-resource-as-body',
      description: 'Update page, Example 2: the stored resource sent as a body. Read-only id and tlsClientAuthParameter, ignored @odata.context, certificates "joGrWL+Yqkik/CABWG0d1w...." that are not base64 (the dots), and the misspelt issuerSubjectkeyIdentifier. The server stops at the read-only id.',
      bodyText: EXAMPLE_2_STORED,
      expect: {
        findings: [
          warning('body.odata-control-ignored', '/@odata.context', [2, 21]),
          error('body.read-only-property', '/id', [3, 9]),
          error('body.read-only-property', '/tlsClientAuthParameter', [5, 29]),
          error('certificate.not-base64', '/certificateAuthorities/0/certificate', [11, 22]),
          error('entry.unknown-property', '/certificateAuthorities/0/issuerSubjectkeyIdentifier', [13, 37]),
          error('certificate.not-base64', '/certificateAuthorities/1/certificate', [19, 22]),
          error('entry.unknown-property', '/certificateAuthorities/1/issuerSubjectkeyIdentifier', [21, 37]),
        ],
        graphError: readOnly400('id'),
      },
    },
    {
      group, name: 'example-2-request',
      description: 'Update page, Example 2: the request with "certificate": "Binary" (valid base64, but not a certificate) and the misspelt issuerSubjectkeyIdentifier. The unknown member fails first in the server\'s order (types and members before certificate validation).',
      bodyText: EXAMPLE_2_REQUEST,
      expect: {
        findings: [
          error('certificate.not-x509', '/certificateAuthorities/0/certificate', [7, 22]),
          error('entry.unknown-property', '/certificateAuthorities/0/issuerSubjectkeyIdentifier', [9, 37]),
        ],
        graphError: unknown400('issuerSubjectkeyIdentifier'),
      },
    },
    {
      group, name: 'example-2-request-without-misspelling',
      description: 'Update page, Example 2 request with the misspelt member removed: only "certificate": "Binary" is left, and the server gives the documented certificate 400.',
      bodyText: EXAMPLE_2_REQUEST.replace(/,\n\s+"issuerSubjectkeyIdentifier": "SKI"/, ''),
      expect: { findings: [error('certificate.not-x509', '/certificateAuthorities/0/certificate', [7, 22])], graphError: CERTIFICATE_400 },
    },
    {
      group, name: 'example-2-request-with-current',
      description: 'Update page, Example 2 request checked against the stored resource as the current one: the stored certificates cannot be read, so no removal can be named; the findings are those of the request alone.',
      bodyText: EXAMPLE_2_REQUEST,
      current: JSON.parse(EXAMPLE_2_STORED),
      nearMissFor: ['update.removes-cas'],
      expect: {
        findings: [
          error('certificate.not-x509', '/certificateAuthorities/0/certificate', [7, 22]),
          error('entry.unknown-property', '/certificateAuthorities/0/issuerSubjectkeyIdentifier', [9, 37]),
        ],
        graphError: unknown400('issuerSubjectkeyIdentifier'),
      },
    },
  ].map((c) => ({ at: AT, ...c }));
}
