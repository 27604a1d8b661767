import { defineRule } from '../rule.js';
import { CRL_SIGN_IN_LIMIT_BYTES, describeLimit } from '../../crl/limits.js';
import { CRL_PAGE, SIGN_IN, crlParams, crlPointer, givenCrls } from './files.js';

export default defineRule({
  id: 'crl.too-large',
  severity: 'error',
  basis: 'entra-cba',
  needs: 'crls',
  citation: `${CRL_PAGE}: "The maximum size of a CRL … on an interactive sign-in is 20 MB in public Microsoft Entra ID and 45 MB in Azure US Government clouds"; AADSTS2205014`,
  description:
    "A CRL larger than the chosen cloud's sign-in download limit (20 MB global, 45 MB US Government): the first sign-ins fail while Entra fetches it in the background.",
  signIn: SIGN_IN.tooLarge,
  check(ctx, emit) {
    const limit = { limit: describeLimit(ctx.cloud), limitBytes: String(CRL_SIGN_IN_LIMIT_BYTES[ctx.cloud]) };
    for (const a of givenCrls(ctx)) {
      if (a.input.failure?.kind === 'too-large') emit({ path: crlPointer(a), params: { ...crlParams(a), ...limit }, variant: 'download' });
      else if (a.tooLarge) emit({ path: crlPointer(a), params: { ...crlParams(a), ...limit } });
    }
  },
});
