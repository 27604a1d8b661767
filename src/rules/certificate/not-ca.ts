import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.not-ca',
  severity: 'error',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.2.1.9 and §6.1.4 (k): a CA certificate has basicConstraints with cA TRUE',
  description: 'A trusted CA must carry basicConstraints with cA=true; a leaf or a v1 certificate cannot issue the device certificates.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      const bc = e.cert.basicConstraints;
      const path = memberPath(e, 'certificate');
      const params = { subject: e.cert.subject.rfc4514 };
      if (!bc) emit({ path, params, variant: 'absent' });
      else if (!bc.cA) emit({ path, params });
    }
  },
});
