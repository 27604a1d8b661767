import { defineRule } from '../rule.js';
import { jsonTypeTerm } from '../../report/catalogue/index.js';
import { URL_MEMBERS, hasOwn } from '../../graph/model.js';
import { typeOfJson } from '../context.js';
import { invalidValue, memberPath } from '../helpers.js';

export default defineRule({
  id: 'entry.url-wrong-type',
  severity: 'error',
  basis: 'graph-documented',
  citation: 'certificateAuthority resource: certificateRevocationListUrl and deltaCertificateRevocationListUrl are Edm.String (nullable)',
  description: 'CRL URLs must be strings or null (the server message is inferred from the documented template).',
  server: invalidValue(3),
  check(ctx, emit) {
    for (const e of ctx.entries) {
      if (!e.object) continue;
      for (const m of URL_MEMBERS) {
        if (hasOwn(e.object, m) && e.object[m] !== null && typeof e.object[m] !== 'string') {
          emit({ path: memberPath(e, m), params: { property: m, actual: jsonTypeTerm(typeOfJson(e.object[m])) } });
        }
      }
    }
  },
});
