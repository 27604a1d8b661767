import { defineRule } from '../rule.js';
import { hasOwn } from '../../graph/model.js';
import { memberPath } from '../helpers.js';

/** Entry members the metadata declares Nullable="false" that other rules do not already cover (certificate, isRootAuthority). */
const CHECKED = ['issuer', 'issuerSki'] as const;

export default defineRule({
  id: 'entry.null-not-nullable',
  severity: 'error',
  basis: 'graph-documented',
  citation: 'certificateAuthority complex type (metadata): issuer and issuerSki are Edm.String with Nullable="false"',
  description:
    'issuer or issuerSki sent as null: the metadata does not allow null there (the server computes both); what the server answers is not documented.',
  check(ctx, emit) {
    for (const e of ctx.entries) {
      if (!e.object) continue;
      for (const m of CHECKED) if (hasOwn(e.object, m) && e.object[m] === null) emit({ path: memberPath(e, m), params: { property: m } });
    }
  },
});
