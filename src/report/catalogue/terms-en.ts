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
} as const;

export type TermKey = keyof typeof enTerms;
export type Terms = Readonly<Record<TermKey, string>>;
