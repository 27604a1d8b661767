import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.serial-invalid',
  severity: 'warning',
  basis: 'rfc5280',
  citation:
    'RFC 5280 §4.1.2.2: the serial number MUST be a positive integer of at most 20 octets (certificate users SHOULD handle others gracefully)',
  description:
    'A serial number that is zero, negative or longer than 20 octets: lenient readers take it, strict verifiers and linters reject it, and tools that store serials in 20 octets truncate it.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      const serial = e.cert.serialNumber;
      const path = memberPath(e, 'certificate');
      if (/^0+$/.test(serial)) emit({ path, variant: 'zero' });
      else if (serial.startsWith('-')) emit({ path, variant: 'negative', params: { serial } });
      else if (e.cert.serialOctets > 20) emit({ path, variant: 'too-long', params: { octets: String(e.cert.serialOctets) } });
    }
  },
});
