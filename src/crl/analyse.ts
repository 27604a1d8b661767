/**
 * CRLs against the listed CAs: each CRL read, matched to the CA that issued it (by the URL it was downloaded from, else
 * by its AKI = the CA's SKI as Entra builds chains, else by issuer name), and checked once — issuer name (RFC 5280
 * §7.1), AKI against `issuerSki`, signature with the CA's key, validity window, CRL number, delta indicator, size
 * against the cloud's sign-in limit. The rules (src/rules/crl/) and the device check only read the result.
 */
import { CrlParseError, readCrl, type ParsedCrl } from '../certificate/crl.js';
import { verifySignature, type VerifyResult } from '../certificate/verify.js';
import { bytesEqual } from '../certificate/encoding.js';
import type { Cloud } from '../graph/clouds.js';
import { CRL_SIGN_IN_LIMIT_BYTES } from './limits.js';
import type { CrlInput, CrlMember, ListedCa } from './types.js';

export interface CrlCheckOptions {
  at: Date;
  crypto: Crypto;
  /** Whose sign-in size limit applies. Default global. */
  cloud?: Cloud;
}

export type AkiCheck = 'match' | 'mismatch' | 'missing' | 'ca-has-no-ski';

export interface AnalysedCrl {
  /** Position in the inputs. */
  n: number;
  input: CrlInput;
  crl: ParsedCrl | null;
  /** The bytes were PEM text. */
  pem: boolean;
  /** Why the bytes are not a readable CRL (null when they are, or when there were no bytes). */
  problem: { kind: CrlParseError['kind']; message: string; code: string; params: Readonly<Record<string, string>> } | null;
  /** The listed CA the CRL belongs to, and how that was decided. */
  ca: ListedCa | null;
  matchedBy: 'url' | 'key-identifier' | 'name' | null;
  /** Complete (base) or delta CRL: by the member it was downloaded for, else by its deltaCRLIndicator. */
  role: 'base' | 'delta';
  /** The configured member this CRL stands for, when the CA configures it. */
  member: CrlMember | null;
  issuerMatches: boolean;
  aki: AkiCheck;
  signature: VerifyResult | null;
  /** The tbsCertList signature algorithm differs from the outer one (RFC 5280 §5.1.1.2). */
  algorithmMismatch: boolean;
  window: 'valid' | 'expired' | 'not-yet-valid';
  /** Whole hours until nextUpdate, when it is in the future. */
  hoursLeft: number | null;
  size: number;
  /** Over the chosen cloud's sign-in limit. */
  tooLarge: boolean;
  /** For a delta CRL: the complete CRL of the same CA it is checked with (the highest CRL number given). */
  base: AnalysedCrl | null;
  /** The CA's keyUsage is present without cRLSign: its key may not sign CRLs (RFC 5280 §6.3.3 (f)). */
  caLacksCrlSign: boolean;
  /**
   * Its entries decide revocation: read, matched, signature not disproved, no unprocessed critical extension, and a CA
   * allowed to sign CRLs (RFC 5280 §6.3.3 (f)).
   */
  usable: boolean;
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return !!a && bytesEqual(a, b);
}

/** Reads and matches every CRL, verifies each against its CA once. */
export async function analyseCrls(cas: readonly ListedCa[], inputs: readonly CrlInput[], options: CrlCheckOptions): Promise<AnalysedCrl[]> {
  const cloud = options.cloud ?? 'global';
  const bySki = new Map<string, ListedCa[]>();
  const bySubject = new Map<string, ListedCa[]>();
  const byIndex = new Map<number, ListedCa>();
  const add = (m: Map<string, ListedCa[]>, k: string, ca: ListedCa) => {
    const l = m.get(k);
    if (l) {
      if (!l.some((c) => sameBytes(c.parsed.der, ca.parsed.der))) l.push(ca);
    } else m.set(k, [ca]);
  };
  for (const ca of cas) {
    byIndex.set(ca.index, ca);
    if (ca.parsed.ski) add(bySki, ca.parsed.ski.value, ca);
    add(bySubject, ca.parsed.subject.key, ca);
  }

  const analysed = await Promise.all(
    inputs.map(async (input, n): Promise<AnalysedCrl> => {
      const a: AnalysedCrl = {
        n,
        input,
        crl: null,
        pem: false,
        problem: null,
        ca: input.from ? (byIndex.get(input.from.index) ?? null) : null,
        matchedBy: input.from ? 'url' : null,
        role: input.from?.member === 'deltaCertificateRevocationListUrl' ? 'delta' : 'base',
        member: input.from?.member ?? null,
        issuerMatches: false,
        aki: 'missing',
        signature: null,
        algorithmMismatch: false,
        window: 'valid',
        hoursLeft: null,
        size: input.bytes?.length ?? 0,
        tooLarge: (input.bytes?.length ?? 0) > CRL_SIGN_IN_LIMIT_BYTES[cloud],
        base: null,
        caLacksCrlSign: false,
        usable: false,
      };
      if (!input.bytes) return a;
      try {
        const read = readCrl(input.bytes);
        a.crl = read.crl;
        a.pem = read.pem;
      } catch (e) {
        if (!(e instanceof CrlParseError)) throw e;
        a.problem = { kind: e.kind, message: e.message, code: e.code, params: e.params };
        return a;
      }
      const crl = a.crl;
      if (!input.from) {
        a.role = crl.deltaBaseCrlNumber !== null ? 'delta' : 'base';
        a.ca = await matchCa(crl, bySki, bySubject, options.crypto);
        if (a.ca) a.matchedBy = crl.aki?.keyIdentifier && a.ca.parsed.ski?.value === crl.aki.keyIdentifier ? 'key-identifier' : 'name';
        if (a.ca)
          a.member =
            a.role === 'delta'
              ? a.ca.deltaUrl
                ? 'deltaCertificateRevocationListUrl'
                : null
              : a.ca.baseUrl
                ? 'certificateRevocationListUrl'
                : null;
      }
      a.window = options.at < crl.thisUpdate ? 'not-yet-valid' : crl.nextUpdate && options.at >= crl.nextUpdate ? 'expired' : 'valid';
      if (crl.nextUpdate && a.window === 'valid') a.hoursLeft = Math.floor((crl.nextUpdate.getTime() - options.at.getTime()) / 3_600_000);
      a.algorithmMismatch = !bytesEqual(algorithmBytes(crl.signature), algorithmBytes(crl.signatureAlgorithm));
      const ca = a.ca;
      if (!ca) return a;
      a.issuerMatches = crl.issuer.key === ca.parsed.subject.key;
      const ski = ca.parsed.ski?.value ?? null;
      const aki = crl.aki?.keyIdentifier ?? null;
      a.aki = !aki ? 'missing' : !ski ? 'ca-has-no-ski' : aki === ski ? 'match' : 'mismatch';
      a.signature = await verifySignature(crl, ca.parsed.publicKey, options.crypto);
      a.caLacksCrlSign = ca.parsed.keyUsage !== null && !ca.parsed.keyUsage.bits.includes('cRLSign');
      a.usable =
        a.signature.status !== 'invalid' && !a.algorithmMismatch && crl.unknownCriticalExtensions.length === 0 && !a.caLacksCrlSign;
      return a;
    }),
  );
  // A delta CRL is checked with the complete CRL of the same CA that has the highest CRL number.
  for (const d of analysed) {
    if (d.role !== 'delta' || !d.ca || !d.crl) continue;
    let best: AnalysedCrl | null = null;
    for (const b of analysed) {
      if (b.role !== 'base' || b.ca?.index !== d.ca.index || !b.crl || b.crl.deltaBaseCrlNumber !== null) continue;
      if (!best || (b.crl.crlNumber ?? -1n) > (best.crl!.crlNumber ?? -1n)) best = b;
    }
    d.base = best;
  }
  return analysed;
}

function algorithmBytes(alg: { oid: string; params?: Uint8Array }): Uint8Array {
  const oid = new TextEncoder().encode(alg.oid);
  const out = new Uint8Array(oid.length + 1 + (alg.params?.length ?? 0));
  out.set(oid);
  out[oid.length] = 0;
  if (alg.params) out.set(alg.params, oid.length + 1);
  return out;
}

/**
 * The listed CA that issued a CRL found in a file: the CA whose SKI is the CRL's AKI (how Entra builds chains), else
 * the CA whose subject is the CRL's issuer name; among several, the one whose key verifies the CRL's signature.
 */
async function matchCa(
  crl: ParsedCrl,
  bySki: Map<string, ListedCa[]>,
  bySubject: Map<string, ListedCa[]>,
  crypto: Crypto,
): Promise<ListedCa | null> {
  const aki = crl.aki?.keyIdentifier;
  const byKey = aki ? (bySki.get(aki) ?? []) : [];
  const byName = bySubject.get(crl.issuer.key) ?? [];
  const candidates = [...byKey.filter((c) => byName.includes(c)), ...byKey, ...byName].filter((c, i, all) => all.indexOf(c) === i);
  if (candidates.length <= 1) return candidates[0] ?? null;
  for (const c of candidates.slice(0, 4)) if ((await verifySignature(crl, c.parsed.publicKey, crypto)).status === 'valid') return c;
  return candidates[0]!;
}
