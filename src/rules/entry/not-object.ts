import { defineRule } from '../rule.js';
import { jsonTypeTerm } from '../../report/catalogue/index.js';
import { typeOfJson } from '../context.js';
import { invalidValue } from '../helpers.js';

export default defineRule({
  id: 'entry.not-object',
  severity: 'error',
  basis: 'graph-documented',
  citation: 'certificateAuthority complex type (metadata): each entry is an object',
  description:
    'Every element of certificateAuthorities must be a certificateAuthority object (the server message is inferred from the documented template).',
  server: invalidValue(3, 'certificateAuthorities'),
  check(ctx, emit) {
    for (const e of ctx.entries) {
      if (!e.object) emit({ path: e.path, params: { actual: jsonTypeTerm(typeOfJson(e.value)) } });
    }
  },
});
