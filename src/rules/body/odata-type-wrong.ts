import { defineRule } from '../rule.js';
import { term } from '../../report/catalogue/index.js';
import { odataTypeMismatches } from '../helpers.js';

export default defineRule({
  id: 'body.odata-type-wrong',
  severity: 'error',
  basis: 'graph-inferred',
  citation:
    "beta metadata: the type exists but is not this one nor derived from it (OData JSON Format 4.01 §4.6.3: the type must be the expected one or derived); the message is the OData library's (OData/WebApi tests)",
  description:
    "An @odata.type that names a real type of Graph's model, but the wrong one: a sibling trust store's type (certificateBasedApplicationConfiguration, certificateAuthorityAsEntity …), a base type, or the entry type on the body.",
  server: {
    step: 2,
    status: 400,
    code: 'Request_BadRequest',
    message: (p) =>
      `A resource with type '${p.type}' was found, but it is not assignable to the expected type '${(p.expected ?? '').replace(/^#/, '')}'. The type specified in the resource must be equal to either the expected type or a derived type.`,
    basis: 'inferred',
    citation:
      "the OData library's message for a type that is not assignable (OData/WebApi); the directory's exact wording is not documented",
  },
  check(ctx, emit) {
    for (const m of odataTypeMismatches(ctx))
      if (m.known) emit({ path: m.path, params: { type: m.type, expected: m.expected, what: term(`type.${m.known}`) } });
  },
});
