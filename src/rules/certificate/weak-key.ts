import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.weak-key',
  severity: 'warning',
  basis: 'best-practice',
  citation: 'NIST SP 800-131A Rev. 2 (RSA < 2048 bits disallowed); CA/Browser Forum Baseline Requirements §6.1.5',
  description: 'An RSA key shorter than 2048 bits or an elliptic-curve key under 256 bits is too weak for a CA.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      const k = e.cert.key;
      const weak =
        ((k.algorithm === 'RSA' || k.algorithm === 'RSA-PSS') && (k.size ?? 0) < 2048) || (k.algorithm === 'EC' && (k.size ?? 0) < 256);
      if (weak) emit({ path: memberPath(e, 'certificate'), params: { algorithm: k.algorithm, size: String(k.size ?? 0) } });
    }
  },
});
