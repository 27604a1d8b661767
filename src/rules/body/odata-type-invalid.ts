import { defineRule } from '../rule.js';
import { ENTRY_TYPE, RESOURCE_TYPE, hasOwn, odataTypeName } from '../../graph/model.js';
import { pointer } from '../../graph/json-text.js';

export default defineRule({
  id: 'body.odata-type-invalid',
  severity: 'error',
  basis: 'graph-documented',
  citation: 'OData JSON Format 4.01 §4.6.3; observed message in msgraph-sdk-dotnet#601',
  description: `An @odata.type must name the resource's own type (#${RESOURCE_TYPE} on the body, #${ENTRY_TYPE} on an entry); any other name is rejected.`,
  server: {
    step: 2,
    status: 400,
    code: 'Request_BadRequest',
    message: (p) =>
      `A type named '${p.type}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`,
  },
  check(ctx, emit) {
    const visit = (obj: Record<string, unknown>, base: string, expected: string) => {
      if (!hasOwn(obj, '@odata.type')) return;
      const value = obj['@odata.type'];
      const name = odataTypeName(value);
      if (name !== expected)
        emit({ path: base + pointer('@odata.type'), params: { type: name ?? JSON.stringify(value), expected: `#${expected}` } });
    };
    if (ctx.bodyObject) visit(ctx.bodyObject, '', RESOURCE_TYPE);
    for (const e of ctx.entries) if (e.object) visit(e.object, e.path, ENTRY_TYPE);
  },
});
