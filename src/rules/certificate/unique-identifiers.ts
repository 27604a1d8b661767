import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.unique-identifiers',
  severity: 'warning',
  basis: 'rfc5280',
  citation:
    'RFC 5280 §4.1.2.8: CAs conforming to this profile MUST NOT generate certificates with unique identifiers; they appear only in version 2 or 3',
  description: 'A certificate with issuerUniqueID or subjectUniqueID, fields RFC 5280 retired: a sign of an old or unusual CA software.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      const u = e.cert.uniqueIdentifiers;
      if (!u.issuer && !u.subject) continue;
      const fields = [u.issuer ? 'issuerUniqueID' : '', u.subject ? 'subjectUniqueID' : ''].filter(Boolean).join(', ');
      if (e.cert.version === 1) emit({ path: memberPath(e, 'certificate'), variant: 'version-1', params: { fields } });
      else emit({ path: memberPath(e, 'certificate'), params: { fields } });
    }
  },
});
