import { defineRule } from '../rule.js';
import { crlParams, crlPointer, givenCrls } from './files.js';

export default defineRule({
  id: 'crl.unknown-critical-extension',
  severity: 'error',
  basis: 'rfc5280',
  needs: 'crls',
  citation: 'RFC 5280 §5.2 and §5.3: a CRL with an unrecognised critical (entry) extension must not be used to decide revocation',
  description:
    'The CRL carries a critical extension, or an entry a critical entry extension (such as certificateIssuer of an indirect CRL), that is not processed here.',
  check(ctx, emit) {
    for (const a of givenCrls(ctx)) {
      const list = a.crl ? [...a.crl.unknownCriticalExtensions, ...a.crl.unknownCriticalEntryExtensions] : [];
      if (list.length) emit({ path: crlPointer(a), params: { ...crlParams(a), extensions: list.join(', ') } });
    }
  },
});
