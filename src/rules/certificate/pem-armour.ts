import { defineRule } from '../rule.js';
import { CERTIFICATE_REJECTED, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.pem-armour',
  severity: 'error',
  basis: 'graph-documented',
  citation: 'certificateAuthority "The base64 encoded string representing the public certificate"; update page (400 message)',
  description:
    'PEM text (-----BEGIN CERTIFICATE-----) is not base64: send only the base64 body, without the header, footer and line breaks.',
  server: CERTIFICATE_REJECTED,
  check(ctx, emit) {
    for (const e of ctx.entries) if (e.certificate.kind === 'pem') emit({ path: memberPath(e, 'certificate') });
  },
});
