import { defineRule } from '../rule.js';
import { READ_ONLY_TOP, WRITABLE_TOP, isControlInformation, isDirectoryExtension } from '../../graph/model.js';
import { pointer } from '../../graph/json-text.js';
import { suggestMember } from '../suggest.js';

const KNOWN = [...WRITABLE_TOP, ...READ_ONLY_TOP] as readonly string[];

export default defineRule({
  id: 'body.unknown-property',
  severity: 'error',
  basis: 'graph-inferred',
  citation:
    'the metadata does not forbid it (directoryObject is OpenType="true", so the resource is open); directory objects answer an unknown member with 400 "Invalid property \'<name>\'." (observed: msgraph-sdk-powershell#3230)',
  description:
    'A member the resource does not declare, such as the update page\'s misspelt "certificateAuthority": the metadata allows open members, but directory objects are observed to refuse them.',
  server: {
    step: 2,
    status: 400,
    code: 'Request_BadRequest',
    message: (p) => `Invalid property '${p.property}'.`,
    basis: 'observed',
    citation: 'on directory objects (msgraph-sdk-powershell#3230); for this endpoint an inference',
  },
  check(ctx, emit) {
    if (!ctx.bodyObject) return;
    for (const key of Object.keys(ctx.bodyObject)) {
      if (KNOWN.includes(key) || isControlInformation(key) || isDirectoryExtension(key)) continue;
      if (key === 'value' && ctx.collection) continue; // a collection response: body.collection-response says it

      const suggestion = suggestMember(key, WRITABLE_TOP);
      if (suggestion) emit({ path: pointer(key), variant: 'suggestion', params: { property: key, suggestion } });
      else emit({ path: pointer(key), params: { property: key } });
    }
  },
});
