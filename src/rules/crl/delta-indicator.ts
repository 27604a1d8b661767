import { defineRule } from '../rule.js';
import { crlParams, crlPointer, givenCrls } from './files.js';

export default defineRule({
  id: 'crl.delta-indicator',
  severity: 'error',
  basis: 'rfc5280',
  needs: 'crls',
  citation: 'RFC 5280 §5.2.4: a delta CRL carries the critical deltaCRLIndicator, a complete CRL does not',
  description:
    'The delta CRL URL serves a CRL without the deltaCRLIndicator (a complete CRL), or the base CRL URL serves a delta CRL: the two URLs are swapped or wrong.',
  check(ctx, emit) {
    for (const a of givenCrls(ctx)) {
      if (!a.crl || !a.input.from) continue;
      const isDelta = a.crl.deltaBaseCrlNumber !== null;
      if (a.role === 'delta' && !isDelta) emit({ path: crlPointer(a), params: crlParams(a) });
      else if (a.role === 'base' && isDelta)
        emit({ path: crlPointer(a), params: { ...crlParams(a), base: a.crl.deltaBaseCrlNumber!.toString() }, variant: 'on-base' });
    }
  },
});
