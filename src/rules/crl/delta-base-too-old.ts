import { defineRule } from '../rule.js';
import { crlParams, crlPointer, matchedCrls } from './files.js';

export default defineRule({
  id: 'crl.delta-base-too-old',
  severity: 'error',
  basis: 'rfc5280',
  needs: 'crls',
  citation: 'RFC 5280 §5.2.4: a delta CRL applies to a complete CRL whose CRL number is at least its BaseCRLNumber; §6.3.3 (c)',
  description:
    "The delta CRL's BaseCRLNumber is above the complete CRL's number: the base CRL given (or served) is older than the delta requires.",
  check(ctx, emit) {
    for (const [a, crl] of matchedCrls(ctx)) {
      const baseNumber = a.base?.crl?.crlNumber ?? null;
      if (a.role !== 'delta' || crl.deltaBaseCrlNumber === null || baseNumber === null) continue;
      if (crl.deltaBaseCrlNumber > baseNumber)
        emit({
          path: crlPointer(a),
          params: {
            ...crlParams(a),
            wants: crl.deltaBaseCrlNumber.toString(),
            has: baseNumber.toString(),
            baseSource: a.base!.input.source,
          },
        });
    }
  },
});
