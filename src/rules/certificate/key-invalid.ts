import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.key-invalid',
  severity: 'error',
  basis: 'rfc5280',
  citation:
    'RFC 5280 §4.1.2.7 with RFC 3279 §2.3.1 (RSAPublicKey: two positive INTEGERs, DER), RFC 5480 §2.2 (an EC point on the named curve, SEC 1 §2.3.4) and RFC 8410 §4 (Ed25519: 32 octets, no parameters)',
  description:
    'The subjectPublicKeyInfo does not hold a key of its algorithm — an EC point off its curve or of the wrong size, an RSA key that is not a DER RSAPublicKey of positive integers — so nothing verifies with it: the CA cannot be a root, and no certificate it issued chains to it.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      const k = e.cert.key;
      if (k.problem) emit({ path: memberPath(e, 'certificate'), params: { algorithm: k.algorithm, problem: k.problem } });
    }
  },
});
