import { defineRule } from '../rule.js';
import { memberPath, withRecords } from '../helpers.js';

export default defineRule({
  id: 'certificate.not-ca',
  severity: 'error',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.2.1.9 and §6.1.4 (k): a CA certificate has basicConstraints with cA TRUE',
  description: 'A trusted CA must carry basicConstraints with cA=true; a leaf or a v1 certificate cannot issue the device certificates.',
  check(ctx, emit) {
    for (const [e, r] of withRecords(ctx)) {
      const bc = r.parsed.basicConstraints;
      if (!bc?.cA)
        emit({ path: memberPath(e, 'certificate'), params: { subject: r.facts.subject.rfc4514 }, variant: bc ? 'false' : 'absent' });
    }
  },
});
