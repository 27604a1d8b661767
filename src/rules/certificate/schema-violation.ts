import { defineRule } from '../rule.js';
import { certifiedEntries, issueCounts, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.schema-violation',
  severity: 'warning',
  basis: 'rfc5280',
  citation:
    'RFC 5280 §4.1 and Appendix A (the X.509 ASN.1 module: SIZE (1..MAX) lists, RDNs, attribute syntaxes, string alphabets per X.680 §41, times per §4.1.2.5)',
  description:
    'A field is readable but not a value the X.509 definitions allow — an empty RDN in a name, an empty extension or purpose list, a name attribute of the wrong string type, characters outside a PrintableString or IA5String alphabet, fractional seconds, an extension value that is not of its type — so readers may differ on it; OpenSSL reads such certificates, so it is reported, not refused.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      for (const { first, count } of issueCounts(e.cert.encodingIssues)) {
        if (first.kind !== 'schema') continue;
        emit({ path: memberPath(e, 'certificate'), variant: first.code, params: { where: first.where, clause: first.clause, count } });
      }
    }
  },
});
