import { defineRule } from '../rule.js';
import { CRL_PAGE, SIGN_IN, crlParams, crlPointer, givenCrls } from './files.js';

export default defineRule({
  id: 'crl.not-der',
  severity: 'error',
  basis: 'entra-cba',
  needs: 'crls',
  citation: `${CRL_PAGE}: AADSTS2205011, a CRL must be ASN.1 DER; RFC 5280 §5`,
  description: 'A given CRL is not DER: garbage, cut short, or BER forms (indefinite or non-minimal lengths) that Entra cannot read.',
  signIn: SIGN_IN.notDer,
  check(ctx, emit) {
    for (const a of givenCrls(ctx)) {
      if (!a.problem || a.problem.kind === 'not-crl') continue;
      const base = crlParams(a);
      const path = crlPointer(a);
      const p = a.problem.params;
      // What is wrong, as data (the reader's code and its numbers), so every language words it.
      switch (a.problem.code) {
        case 'tag-leading-zero':
        case 'indefinite':
        case 'length-leading-zero':
        case 'long-form':
        case 'constructed-primitive':
        case 'cut-short':
        case 'length-overflow':
        case 'overrun':
          emit({ path, variant: a.problem.code, params: { ...base, offset: p.offset ?? '' } });
          break;
        case 'too-large':
          emit({ path, variant: 'too-large', params: { ...base, size: p.size ?? '', limit: p.limit ?? '' } });
          break;
        case 'trailing':
          emit({ path, variant: 'trailing', params: { ...base, count: p.count ?? '' } });
          break;
        case 'empty':
        case 'pem-unreadable':
          emit({ path, variant: a.problem.code, params: base });
          break;
        default:
          emit({ path, params: base });
      }
    }
  },
});
