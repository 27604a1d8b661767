import { defineRule } from '../rule.js';
import { certifiedAt, certifiedEntries, memberPath } from '../helpers.js';

const ANY_POLICY = '2.5.29.32.0';

export default defineRule({
  id: 'chain.policies-inconsistent',
  severity: 'warning',
  basis: 'entra-cba',
  citation:
    'Microsoft support article "Error AADSTS50017 – Validation of given certificate for certificate-based authentication failed", cause 2: certificate policy extensions and their OIDs must be consistent across the chain; RFC 5280 §6.1.3 (d)',
  description:
    "A listed CA whose certificatePolicies do not match its listed issuer's: one has the extension and the other does not, or it asserts a policy its issuer neither asserts nor allows through anyPolicy. Entra lists inconsistent policies among the causes of AADSTS50017.",
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.chain.status !== 'issued') continue;
      const issuer = certifiedAt(ctx, e.chain.issuer);
      const mine = e.cert.certificatePolicies;
      const theirs = issuer.cert.certificatePolicies;
      const path = memberPath(e, 'certificate');
      if (!mine && !theirs) continue;
      if (!mine) emit({ path, variant: 'missing', params: { issuer: issuer.path } });
      else if (!theirs) emit({ path, variant: 'issuer-missing', params: { issuer: issuer.path } });
      else if (!theirs.includes(ANY_POLICY)) {
        const outside = mine.filter((p) => p !== ANY_POLICY && !theirs.includes(p));
        if (outside.length) emit({ path, params: { policies: outside.join(', '), issuer: issuer.path } });
      }
    }
  },
});
