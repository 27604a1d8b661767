import { defineRule } from '../rule.js';
import { jsonTypeTerm } from '../../report/catalogue/index.js';
import { hasOwn } from '../../graph/model.js';
import { typeOfJson } from '../context.js';
import { invalidValue, memberPath } from '../helpers.js';

export default defineRule({
  id: 'entry.root-flag-invalid',
  severity: 'error',
  basis: 'graph-documented',
  citation: 'certificateAuthority resource: isRootAuthority Boolean, Nullable="false", "Required."',
  description: 'isRootAuthority is required and must be true or false (the server message is inferred from the documented template).',
  server: invalidValue(3, 'isRootAuthority'),
  check(ctx, emit) {
    for (const e of ctx.entries) {
      if (!e.object) continue;
      const has = hasOwn(e.object, 'isRootAuthority');
      const v = e.object.isRootAuthority;
      if (!has) emit({ path: memberPath(e, 'isRootAuthority'), variant: 'missing' });
      else if (typeof v !== 'boolean') emit({ path: memberPath(e, 'isRootAuthority'), params: { actual: jsonTypeTerm(typeOfJson(v)) } });
    }
  },
});
