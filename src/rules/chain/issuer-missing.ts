import { defineRule } from '../rule.js';

export default defineRule({
  id: 'chain.issuer-missing',
  severity: 'error',
  basis: 'entra-cba',
  citation:
    'Entra CBA (how-to-configure-certificate-authorities): "Make sure every CA until the root is uploaded … CBA fails if there are missing CAs"; RFC 5280 §7.1 (name chaining)',
  description:
    'An intermediate whose issuer (subject name equal to its issuer name, SKI equal to its AKI when present, and a signature that verifies) is not among the listed CAs.',
  check(ctx, emit) {
    for (const e of ctx.entries) {
      if (e.chain?.status !== 'missing') continue;
      const r = e.record!;
      const params: Record<string, string> = { issuer: r.facts.issuer.rfc4514, aki: r.parsed.aki?.keyIdentifier ?? '' };
      if (e.chain.keyIdMatch) params.keyIdMatch = e.chain.keyIdMatch.path;
      emit({ path: e.path, params, variant: e.chain.keyIdMatch ? 'key-id-match' : undefined });
    }
  },
});
