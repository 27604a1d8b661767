import { defineRule } from '../rule.js';
import { READ_ONLY_TOP, hasOwn } from '../../graph/model.js';
import { pointer } from '../../graph/json-text.js';
import { readOnlyUnchanged } from '../helpers.js';

export default defineRule({
  id: 'body.read-only-property',
  severity: 'error',
  basis: 'graph-documented',
  citation:
    'update page: "You can only update the following two properties"; observed message in msgraph-beta-sdk-java#621, microsoft-graph-docs-contrib#6969',
  description:
    'Only displayName and certificateAuthorities may be sent; id, deletedDateTime and tlsClientAuthParameter are read-only. A value that differs from the current resource (or cannot be compared, without one) is predicted to be refused.',
  server: {
    step: 2,
    status: 400,
    code: 'Request_BadRequest',
    message: (p) => `Property '${p.property}' is read-only and cannot be set.`,
    basis: 'observed',
    citation:
      'on other directory resources (msgraph-beta-sdk-java#621, microsoft-graph-docs-contrib#6969); for this endpoint the message is an inference',
  },
  check(ctx, emit) {
    if (!ctx.bodyObject) return;
    for (const key of Object.keys(ctx.bodyObject)) {
      if (!(READ_ONLY_TOP as readonly string[]).includes(key) || !hasOwn(ctx.bodyObject, key)) continue;
      const unchanged = readOnlyUnchanged(ctx, key);
      if (unchanged === true) continue; // body.read-only-unchanged
      if (unchanged === null) emit({ path: pointer(key), variant: 'no-current', params: { property: key } });
      else emit({ path: pointer(key), params: { property: key } });
    }
  },
});
