import { certifiedAt, certifiedEntries } from '../helpers.js';
import { defineRule } from '../rule.js';
import { pathUp } from '../../chain/link.js';

export default defineRule({
  id: 'chain.no-root',
  severity: 'error',
  basis: 'entra-cba',
  citation:
    'Entra CBA (how-to-configure-certificate-authorities): every CA until the root must be uploaded; RFC 5280 §6.1 (a path ends at a trust anchor)',
  description: 'Following issuers among the listed CAs goes round in a loop (cross-certificates) without reaching a self-signed root.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.chain.status !== 'issued') continue;
      const { path, end } = pathUp(ctx.links, e.index);
      if (end === 'cycle') emit({ path: e.path, params: { loop: path.map((i) => certifiedAt(ctx, i).path).join(' → ') } });
    }
  },
});
