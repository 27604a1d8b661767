import { defineRule } from '../rule.js';
import { ENTRY_TYPE, RESOURCE_TYPE, hasOwn } from '../../graph/model.js';
import { pointer } from '../../graph/json-text.js';

export default defineRule({
  id: 'body.odata-type-no-hash',
  severity: 'warning',
  basis: 'graph-inferred',
  citation: 'OData JSON Format 4.01 §4.5.3 (the type is a URI fragment: "#Namespace.Type"); docs/graph-api.md "What users trip over"',
  description:
    'An @odata.type names the right type but without the leading "#" that OData JSON prescribes (the update page\'s own response writes it so); lenient readers accept it, strict ones do not.',
  check(ctx, emit) {
    const visit = (obj: Record<string, unknown>, base: string, expected: string) => {
      if (hasOwn(obj, '@odata.type') && obj['@odata.type'] === expected)
        emit({ path: base + pointer('@odata.type'), params: { type: expected } });
    };
    if (ctx.bodyObject) visit(ctx.bodyObject, '', RESOURCE_TYPE);
    for (const e of ctx.entries) if (e.object) visit(e.object, e.path, ENTRY_TYPE);
  },
});
