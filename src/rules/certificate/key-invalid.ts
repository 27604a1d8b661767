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
      const p = e.cert.keyProblem;
      if (!p) continue;
      const path = memberPath(e, 'certificate');
      const algorithm = e.cert.key.algorithm;
      // The problem as data, so every language words it.
      switch (p.code) {
        case 'ec-coordinates':
        case 'ec-off-curve':
        case 'ec-x-range':
        case 'ec-no-point':
          emit({ path, variant: p.code, params: { algorithm, curve: p.curve } });
          break;
        case 'ec-length':
          emit({
            path,
            variant: 'ec-length',
            params: {
              algorithm,
              curve: p.curve,
              uncompressed: String(p.uncompressed),
              compressed: String(p.compressed),
              actual: String(p.actual),
            },
          });
          break;
        case 'eddsa-size':
          emit({ path, variant: 'eddsa-size', params: { algorithm, size: String(p.size), actual: String(p.actual) } });
          break;
        case 'unused-bits':
          emit({ path, variant: 'unused-bits', params: { algorithm, count: String(p.count) } });
          break;
        default:
          emit({ path, variant: p.code, params: { algorithm } });
      }
    }
  },
});
