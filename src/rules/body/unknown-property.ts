import { defineRule } from '../rule.js';
import { READ_ONLY_TOP, WRITABLE_TOP, isControlInformation } from '../../graph/model.js';
import { pointer } from '../../graph/json-text.js';
import { suggestMember } from '../suggest.js';

const KNOWN = [...WRITABLE_TOP, ...READ_ONLY_TOP] as readonly string[];

export default defineRule({
  id: 'body.unknown-property',
  severity: 'error',
  basis: 'graph-documented',
  citation: 'mutualTlsOauthConfiguration resource (metadata); observed message in msgraph-sdk-powershell#3230',
  description: 'A member the resource does not have, such as the update page\'s misspelt "certificateAuthority", is rejected.',
  server: {
    step: 2,
    status: 400,
    code: 'Request_BadRequest',
    message: (p) => `Invalid property '${p.property}'.`,
  },
  check(ctx, emit) {
    if (!ctx.bodyObject) return;
    for (const key of Object.keys(ctx.bodyObject)) {
      if (KNOWN.includes(key) || isControlInformation(key)) continue;
      if (key === 'value' && ctx.collection) continue; // a collection response: body.collection-response says it

      const suggestion = suggestMember(key, WRITABLE_TOP);
      const path = pointer(key);
      if (suggestion) emit({ path, variant: 'suggestion', params: { property: key, suggestion } });
      else emit({ path, params: { property: key } });
    }
  },
});
