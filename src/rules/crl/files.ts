/** Shared pieces of the rules over given CRLs (files or downloads): iteration, pointers, message parameters. */
import type { AnalysedCrl } from '../../crl/analyse.js';
import type { ParsedCrl } from '../../certificate/crl.js';
import type { ListedCa } from '../../crl/types.js';
import type { CheckContext } from '../context.js';
import { isoTime } from '../helpers.js';
import { term } from '../../report/catalogue/index.js';

export { crlPointer } from '../../crl/pointer.js';
export { SIGN_IN } from '../../crl/sign-in.js';

/** Every given CRL. */
export function* givenCrls(ctx: CheckContext): Generator<AnalysedCrl> {
  if (ctx.crl) yield* ctx.crl.analysed;
}

/** Given CRLs that were read and matched to a listed CA. */
export function* matchedCrls(ctx: CheckContext): Generator<[AnalysedCrl, ParsedCrl, ListedCa]> {
  for (const a of givenCrls(ctx)) if (a.crl && a.ca) yield [a, a.crl, a.ca];
}

/** Every parameter a CRL message may quote; a rule's emit takes the ones its message names. */
export interface CrlParams {
  source: string;
  /** " delta" for a delta CRL, "" otherwise: "The{delta} CRL", "La CRL{delta}". */
  delta: string;
  issuer: string;
  thisUpdate: string;
  nextUpdate: string;
  aki: string;
  number: string;
  count: string;
  ca: string;
  subject: string;
  ski: string;
  size: string;
}

/** The parameters every CRL message may quote. */
export function crlParams(a: AnalysedCrl): CrlParams {
  return {
    source: a.input.source,
    delta: a.role === 'delta' ? ' delta' : '',
    issuer: a.crl ? a.crl.issuer.rfc4514 || term('empty-name') : '',
    thisUpdate: a.crl ? isoTime(a.crl.thisUpdate) : '',
    nextUpdate: a.crl?.nextUpdate ? isoTime(a.crl.nextUpdate) : term('none'),
    aki: a.crl?.aki?.keyIdentifier ?? term('none'),
    number: a.crl?.crlNumber?.toString() ?? term('none'),
    count: a.crl ? String(a.crl.revokedCount) : '0',
    ca: a.ca ? `#${a.ca.index}` : '',
    subject: a.ca ? a.ca.parsed.subject.rfc4514 || term('empty-subject') : '',
    ski: a.ca?.parsed.ski?.value ?? term('none'),
    size: String(a.size),
  };
}

export const CRL_PAGE = 'Entra CBA (concept-certificate-based-authentication-certificate-revocation-list, "CRL error reference")';
