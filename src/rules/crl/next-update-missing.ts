import { defineRule } from '../rule.js';
import { crlParams, crlPointer, givenCrls } from './files.js';

export default defineRule({
  id: 'crl.next-update-missing',
  severity: 'warning',
  basis: 'rfc5280',
  needs: 'crls',
  citation: 'RFC 5280 §5.1.2.5: conforming CRL issuers MUST include nextUpdate; Entra caches a CRL "until the Next Update timestamp"',
  description: 'The CRL has no nextUpdate, so no reader can tell when it goes stale.',
  check(ctx, emit) {
    for (const a of givenCrls(ctx)) if (a.crl && a.crl.nextUpdate === null) emit({ path: crlPointer(a), params: crlParams(a) });
  },
});
