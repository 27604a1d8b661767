import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.rsa-modulus-size',
  severity: 'warning',
  basis: 'best-practice',
  citation: 'CA/Browser Forum Baseline Requirements §6.1.5 and Mozilla Root Store Policy §5.1: an RSA modulus size in bits divisible by 8',
  description:
    'An RSA key whose modulus is not a whole number of octets (e.g. 2052 bits): standard key generators never make one, and strict verifiers refuse it.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      const k = e.cert.rsaKey;
      if (k && !e.cert.key.problem && k.modulusBits % 8 !== 0)
        emit({ path: memberPath(e, 'certificate'), params: { bits: String(k.modulusBits) } });
    }
  },
});
