import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.key-usage-missing',
  severity: 'warning',
  basis: 'rfc5280',
  citation:
    'RFC 5280 §4.2.1.3: conforming CAs MUST include keyUsage in certificates whose key validates signatures on other certificates or CRLs',
  description:
    'A v3 CA certificate without keyUsage: path validation accepts it (RFC 5280 §6.1.4 (n) checks keyCertSign only when keyUsage is present), but the profile requires it and strict linters reject it.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.cert.version === 3 && e.cert.basicConstraints?.cA && !e.cert.keyUsage) emit({ path: memberPath(e, 'certificate') });
    }
  },
});
