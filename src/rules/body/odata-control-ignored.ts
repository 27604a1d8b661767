import { defineRule } from '../rule.js';
import { isControlInformation } from '../../graph/model.js';
import { pointer } from '../../graph/json-text.js';

export default defineRule({
  id: 'body.odata-control-ignored',
  severity: 'warning',
  basis: 'graph-documented',
  citation: 'OData JSON Format 4.01 §4.6: clients MUST NOT … servers MUST NOT signal an error for unknown control information',
  description:
    'Control information such as @odata.context or @odata.etag (typical of a re-sent GET response) is ignored by the server; it does not belong in a request.',
  check(ctx, emit) {
    const visit = (obj: Record<string, unknown>, base: string) => {
      for (const key of Object.keys(obj)) {
        if (isControlInformation(key) && key !== '@odata.type') emit({ path: base + pointer(key), params: { property: key } });
      }
    };
    if (ctx.bodyObject) visit(ctx.bodyObject, '');
    for (const e of ctx.entries) if (e.object) visit(e.object, e.path);
  },
});
