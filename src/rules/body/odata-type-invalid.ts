import { defineRule } from '../rule.js';
import { ENTRY_TYPE, RESOURCE_TYPE } from '../../graph/model.js';
import { odataTypeMismatches } from '../helpers.js';

export default defineRule({
  id: 'body.odata-type-invalid',
  severity: 'error',
  basis: 'graph-documented',
  citation: 'OData JSON Format 4.01 §4.6.3; observed message in msgraph-sdk-dotnet#601',
  description: `An @odata.type must name the object's own type (#${RESOURCE_TYPE} on the body, #${ENTRY_TYPE} on an entry); a name the model does not have is rejected.`,
  server: {
    step: 2,
    status: 400,
    code: 'Request_BadRequest',
    message: (p) =>
      `A type named '${p.type}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`,
    basis: 'observed',
    citation: 'msgraph-sdk-dotnet#601',
  },
  check(ctx, emit) {
    for (const m of odataTypeMismatches(ctx)) if (!m.known) emit({ path: m.path, params: { type: m.type, expected: m.expected } });
  },
});
