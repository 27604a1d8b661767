import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.rsa-exponent-invalid',
  severity: 'error',
  basis: 'rfc5280',
  citation:
    'RFC 5280 §4.1.2.7 and RFC 3279 §2.3.1 (the RSA key of PKCS #1); RFC 8017 §3.1: the public exponent is an integer from 3 to n − 1 with GCD(e, λ(n)) = 1, so it is odd',
  description:
    'An RSA key whose public exponent is even, or 1 or below 3: no RSA private key matches it, so no signature made by this CA can be genuine.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      const k = e.cert.rsaKey;
      if (!k || e.cert.key.problem) continue;
      const exponent = k.exponent.toString();
      if (k.exponent < 3n) emit({ path: memberPath(e, 'certificate'), variant: 'below-3', params: { exponent } });
      else if (k.exponent % 2n === 0n) emit({ path: memberPath(e, 'certificate'), variant: 'even', params: { exponent } });
    }
  },
});
