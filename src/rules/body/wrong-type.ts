import { defineRule } from '../rule.js';
import { jsonTypeTerm } from '../../report/catalogue/index.js';
import { hasOwn } from '../../graph/model.js';
import { pointer } from '../../graph/json-text.js';
import { typeOfJson } from '../context.js';
import { invalidValue } from '../helpers.js';

export default defineRule({
  id: 'body.wrong-type',
  severity: 'error',
  basis: 'graph-documented',
  citation: 'mutualTlsOauthConfiguration resource: displayName String (nullable), certificateAuthorities Collection(certificateAuthority)',
  description:
    'displayName must be a string or null and certificateAuthorities an array; the server cannot convert other JSON types (its message here is inferred from the documented template).',
  server: invalidValue(3),
  check(ctx, emit) {
    const body = ctx.bodyObject;
    if (!body) return;
    if (hasOwn(body, 'displayName') && body.displayName !== null && typeof body.displayName !== 'string') {
      emit({
        path: pointer('displayName'),
        params: { property: 'displayName', actual: jsonTypeTerm(typeOfJson(body.displayName)) },
        variant: 'string-or-null',
      });
    }
    if (hasOwn(body, 'certificateAuthorities') && body.certificateAuthorities === null) {
      // Nullable="false" in the metadata: null does not clear the list.
      emit({ path: pointer('certificateAuthorities'), params: { property: 'certificateAuthorities' }, variant: 'null' });
    } else if (hasOwn(body, 'certificateAuthorities') && !Array.isArray(body.certificateAuthorities)) {
      emit({
        path: pointer('certificateAuthorities'),
        params: { property: 'certificateAuthorities', actual: jsonTypeTerm(typeOfJson(body.certificateAuthorities)) },
        variant: 'array',
      });
    }
  },
});
