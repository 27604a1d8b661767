import { defineRule } from '../rule.js';
import { term } from '../../report/catalogue/index.js';
import { READ_ONLY_ENTRY, SIBLING_ENTRY_MEMBERS, WRITABLE_ENTRY, isControlInformation } from '../../graph/model.js';
import { pointer } from '../../graph/json-text.js';
import { suggestMember } from '../suggest.js';

const KNOWN = [...WRITABLE_ENTRY, ...READ_ONLY_ENTRY] as readonly string[];

export default defineRule({
  id: 'entry.unknown-property',
  severity: 'error',
  basis: 'graph-documented',
  citation:
    'certificateAuthority complex type (metadata: a closed type); observed message in msgraph-sdk-powershell#3230; the update page\'s "issuerSubjectkeyIdentifier" is a doc error; the sibling stores\' certificateAuthorityDetail and certificateAuthorityAsEntity spell the key id issuerSubjectKeyIdentifier',
  description:
    'A member the certificateAuthority type does not have: the update page\'s "issuerSubjectkeyIdentifier", or a member of the sibling stores\' entry types (issuerSubjectKeyIdentifier, thumbprint, certificateAuthorityType …).',
  server: {
    step: 3,
    status: 400,
    code: 'Request_BadRequest',
    message: (p) => `Invalid property '${p.property}'.`,
    basis: 'observed',
    citation: 'on directory objects (msgraph-sdk-powershell#3230); for a member of a closed complex type, an inference',
  },
  check(ctx, emit) {
    for (const e of ctx.entries) {
      if (!e.object) continue;
      for (const key of Object.keys(e.object)) {
        if (KNOWN.includes(key) || isControlInformation(key)) continue;
        const path = e.path + pointer(key);
        const sibling = Object.hasOwn(SIBLING_ENTRY_MEMBERS, key) ? SIBLING_ENTRY_MEMBERS[key] : undefined;
        if (sibling?.instead)
          emit({
            path,
            variant: (READ_ONLY_ENTRY as readonly string[]).includes(sibling.instead) ? 'sibling-read-only' : 'sibling',
            params: { property: key, suggestion: sibling.instead, sibling: term(`sibling.${sibling.sibling}`) },
          });
        else if (sibling) emit({ path, variant: 'sibling-only', params: { property: key, sibling: term(`sibling.${sibling.sibling}`) } });
        else {
          const suggestion = suggestMember(key, KNOWN);
          if (suggestion) emit({ path, variant: 'suggestion', params: { property: key, suggestion } });
          else emit({ path, params: { property: key } });
        }
      }
    }
  },
});
