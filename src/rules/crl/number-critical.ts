import { defineRule } from '../rule.js';
import { crlParams, crlPointer, givenCrls } from './files.js';

const CRL_NUMBER = '2.5.29.20';

export default defineRule({
  id: 'crl.number-critical',
  severity: 'warning',
  basis: 'rfc5280',
  needs: 'crls',
  citation:
    'RFC 5280 §5.2.3: "CRL issuers conforming to this profile MUST include this extension in all CRLs and MUST mark this extension as non-critical"; OpenSSL refuses such a CRL ("unhandled critical CRL extension")',
  description:
    'The CRL marks its CRL number critical, which RFC 5280 forbids; verifiers that do not process it as critical refuse the CRL.',
  check(ctx, emit) {
    for (const a of givenCrls(ctx))
      if (a.crl?.extensions.some((e) => e.oid === CRL_NUMBER && e.critical)) emit({ path: crlPointer(a), params: crlParams(a) });
  },
});
