/**
 * Words a message takes as a parameter — a JSON type, "none", what a type name designates — in English. A rule passes
 * `term('json.array')` instead of the word, and the renderer writes the word of the finding's language (terms-fr.ts),
 * so a parameter never carries English into another language.
 */
export const enTerms = {
  'json.null': 'null',
  'json.array': 'array',
  'json.object': 'object',
  'json.string': 'string',
  'json.number': 'number',
  'json.boolean': 'boolean',
  none: '(none)',
  'no-ski': '(none: the certificate has no SKI)',
  'empty-name': '(empty name)',
  'empty-subject': '(empty subject)',
  'no-reason': 'no reason given',
  /** A value cut for quoting; `{length}` is its full length. */
  'cut-value': '… ({length} characters)',
  'type.resource-on-entry': 'the trust-list resource (on an entry)',
  'type.entry-on-resource': 'the entry type (on the resource)',
  'type.app-store': 'the application-certificate trust store',
  'type.app-store-entry': "the application-certificate trust store's entry",
  'type.pki-entry': "the PKI trust store's entry",
  'type.pki-store': 'the PKI trust store',
  'type.classic-store': 'the classic certificate-based-authentication store',
  'type.abstract-base': "this resource's abstract base type",
  'type.app-abstract-base': "the application-certificate store's abstract base type",
  'type.path': 'the certificateAuthorities container',
  'type.directory-object': "this resource's base type",
  'type.entity': 'the root of all entity types',
  'sibling.detail-and-entity': 'certificateAuthorityDetail, certificateAuthorityAsEntity',
  'sibling.update-page': "the update page's examples (a doc error)",
  'sibling.pki-store': 'certificateAuthorityDetail (the PKI store)',
  // Where a predicted answer comes from (`graphError.citation`): each rule's `server.citation`, word for word, so the
  // prediction reads in the report's language (test/french.test.ts holds every rule's citation to one of these).
  'server.documented': 'the update and create pages',
  'server.template-other-member': "the template documented for 'certificate' (update page), applied to another member",
  'server.not-json': 'microsoft-graph-docs-contrib#6337 (a body that is not JSON)',
  'server.not-object':
    'the message observed for an unreadable payload (microsoft-graph-docs-contrib#6337); for a JSON value that is not an object, an inference',
  'server.odata-type-invalid': 'msgraph-sdk-dotnet#601',
  'server.odata-type-wrong':
    "the OData library's message for a type that is not assignable (OData/WebApi); the directory's exact wording is not documented",
  'server.read-only':
    'on other directory resources (msgraph-beta-sdk-java#621, microsoft-graph-docs-contrib#6969); for this endpoint the message is an inference',
  'server.unknown-member': 'on directory objects (msgraph-sdk-powershell#3230); for this endpoint an inference',
  'server.unknown-entry-member': 'on directory objects (msgraph-sdk-powershell#3230); for a member of a closed complex type, an inference',
  'server.directory-extension': 'the answer observed for members a directory object does not have (msgraph-sdk-powershell#3230)',
  'server.collection-response':
    'the answer for members a directory object does not have (msgraph-sdk-powershell#3230); for "value", an inference',
} as const;

export type TermKey = keyof typeof enTerms;
export type Terms = Readonly<Record<TermKey, string>>;
