import { defineRule } from '../rule.js';
import { READ_ONLY_TOP, hasOwn } from '../../graph/model.js';
import { pointer } from '../../graph/json-text.js';
import { readOnlyUnchanged } from '../helpers.js';

export default defineRule({
  id: 'body.read-only-unchanged',
  severity: 'warning',
  basis: 'graph-inferred',
  citation:
    'Microsoft Graph API guidelines (microsoft/api-guidelines graph/propertyconventions.md): an unchanged read-only value should be ignored, a changed one rejected; 400 "Property \'…\' is read-only and cannot be set." is observed on other directory resources (msgraph-beta-sdk-java#621)',
  description:
    "A read-only member (id, deletedDateTime, tlsClientAuthParameter) sent back with the current resource's value, as the SDKs' GET → modify → PATCH does: the guidelines say it is ignored, other directory resources have refused it.",
  check(ctx, emit) {
    if (!ctx.bodyObject) return;
    for (const key of Object.keys(ctx.bodyObject)) {
      if ((READ_ONLY_TOP as readonly string[]).includes(key) && hasOwn(ctx.bodyObject, key) && readOnlyUnchanged(ctx, key) === true)
        emit({ path: pointer(key), params: { property: key } });
    }
  },
});
