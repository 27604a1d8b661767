import { defineRule } from '../rule.js';
import { READ_ONLY_ENTRY, WRITABLE_ENTRY, isControlInformation } from '../../graph/model.js';
import { pointer } from '../../graph/json-text.js';
import { suggestMember } from '../suggest.js';

const KNOWN = [...WRITABLE_ENTRY, ...READ_ONLY_ENTRY] as readonly string[];

export default defineRule({
  id: 'entry.unknown-property',
  severity: 'error',
  basis: 'graph-documented',
  citation:
    'certificateAuthority complex type (metadata, not an open type); observed message in msgraph-sdk-powershell#3230; the update page\'s "issuerSubjectkeyIdentifier" is a doc error',
  description:
    'A member the certificateAuthority type does not have, such as the update page\'s "issuerSubjectkeyIdentifier", is rejected.',
  server: {
    step: 3,
    status: 400,
    code: 'Request_BadRequest',
    message: (p) => `Invalid property '${p.property}'.`,
  },
  check(ctx, emit) {
    for (const e of ctx.entries) {
      if (!e.object) continue;
      for (const key of Object.keys(e.object)) {
        if (KNOWN.includes(key) || isControlInformation(key)) continue;
        const suggestion = key === 'issuerSubjectkeyIdentifier' ? 'issuerSki' : suggestMember(key, KNOWN);
        const path = e.path + pointer(key);
        if (suggestion) emit({ path, variant: 'suggestion', params: { property: key, suggestion } });
        else emit({ path, params: { property: key } });
      }
    }
  },
});
