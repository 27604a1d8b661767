import { defineRule } from '../rule.js';
import { jsonTypeTerm } from '../../report/catalogue/index.js';
import { CERTIFICATE_REJECTED, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.not-base64',
  severity: 'error',
  basis: 'graph-documented',
  citation:
    'OData JSON Format 4.01 §7.1 (Edm.Binary is base64url); certificateAuthority "The base64 encoded string"; update page (400 message)',
  description:
    'The certificate must be a JSON string of standard base64 or base64url, with no spaces or line breaks; anything else fails certificate validation.',
  server: CERTIFICATE_REJECTED,
  check(ctx, emit) {
    for (const e of ctx.entries) {
      const c = e.certificate;
      if (c.kind === 'wrong-type') emit({ path: memberPath(e, 'certificate'), params: { actual: jsonTypeTerm(c.type) }, variant: 'type' });
      else if (c.kind === 'not-base64') {
        const p = c.problem;
        const path = memberPath(e, 'certificate');
        if (p.kind === 'whitespace') emit({ path, variant: p.kind, params: { index: String(p.index) } });
        else if (p.kind === 'character') emit({ path, variant: p.kind, params: { index: String(p.index), char: p.char } });
        else if (p.kind !== 'pem') emit({ path, variant: p.kind }); // PEM text is certificate.pem-armour's
      }
    }
  },
});
