import { NOT_JSON_MESSAGE } from '../../graph/model.js';
import { defineRule } from '../rule.js';
import { jsonTypeTerm } from '../../report/catalogue/index.js';
import { typeOfJson } from '../context.js';

export default defineRule({
  id: 'body.not-object',
  severity: 'error',
  basis: 'graph-inferred',
  citation: 'OData JSON Format 4.01 §5 (a resource is a JSON object); update page "Request body"',
  description:
    'The body must be a JSON object holding the members to update; the server cannot read an array, string or number as a resource.',
  server: {
    step: 2,
    status: 400,
    code: 'BadRequest',
    message: () => NOT_JSON_MESSAGE,
    basis: 'inferred',
    citation:
      'the message observed for an unreadable payload (microsoft-graph-docs-contrib#6337); for a JSON value that is not an object, an inference',
  },
  check(ctx, emit) {
    if (!ctx.jsonError && !ctx.tooLarge && !ctx.bodyObject) emit({ path: '', params: { type: jsonTypeTerm(typeOfJson(ctx.body)) } });
  },
});
