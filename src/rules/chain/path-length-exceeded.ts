import { defineRule } from '../rule.js';
import { certifiedAt, certifiedEntries, memberPath } from '../helpers.js';
import { pathUp } from '../../chain/link.js';

export default defineRule({
  id: 'chain.path-length-exceeded',
  severity: 'warning',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.2.1.9 and §6.1.4 (l)-(m): pathLenConstraint limits the non-self-issued intermediates below a CA',
  description:
    "A listed CA sits deeper under an issuer than that issuer's pathLenConstraint allows, so devices it issues will fail path validation.",
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.chain.status !== 'issued') continue;
      const path = pathUp(ctx.links, e.index).path.map((i) => certifiedAt(ctx, i));
      // The CA itself will issue device certificates, so it counts as one intermediate below each ancestor.
      let intermediates = 0;
      for (let i = 0; i < path.length - 1; i++) {
        if (!path[i]!.cert.selfIssued) intermediates++;
        const ancestor = path[i + 1]!;
        const limit = ancestor.cert.basicConstraints?.pathLenConstraint;
        if (limit !== null && limit !== undefined && intermediates > limit) {
          emit({
            path: memberPath(e, 'certificate'),
            params: { ancestor: ancestor.path, limit: String(limit), depth: String(intermediates) },
          });
          break;
        }
      }
    }
  },
});
