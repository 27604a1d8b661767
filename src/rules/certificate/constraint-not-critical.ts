import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';
import { extensionOid } from '../../certificate/oids.js';

const NAME_CONSTRAINTS = extensionOid('nameConstraints');
const POLICY_CONSTRAINTS = extensionOid('policyConstraints');
const INHIBIT_ANY_POLICY = extensionOid('inhibitAnyPolicy');

export default defineRule({
  id: 'certificate.constraint-not-critical',
  severity: 'warning',
  basis: 'rfc5280',
  citation:
    'RFC 5280 §4.2.1.10 (nameConstraints), §4.2.1.11 (policyConstraints) and §4.2.1.14 (inhibitAnyPolicy): conforming CAs MUST mark them critical',
  description:
    'A nameConstraints, policyConstraints or inhibitAnyPolicy extension not marked critical: a verifier that does not implement it may ignore it, so the limit it sets is not reliable.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      for (const x of e.cert.extensions) {
        if (x.critical) continue;
        if (x.oid === NAME_CONSTRAINTS) emit({ path: memberPath(e, 'certificate'), variant: 'nameConstraints' });
        else if (x.oid === POLICY_CONSTRAINTS) emit({ path: memberPath(e, 'certificate'), variant: 'policyConstraints' });
        else if (x.oid === INHIBIT_ANY_POLICY) emit({ path: memberPath(e, 'certificate'), variant: 'inhibitAnyPolicy' });
      }
    }
  },
});
