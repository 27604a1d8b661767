/**
 * x509-limbo runner: `npm run limbo -- <limbo.json> [--family X] [--verbose] [--lenient]` (or the file in LIMBO_FILE).
 *
 * For each testcase, the trust list is trusted_certs (the trust anchors) followed by untrusted_intermediates; the peer
 * certificate is validated against it with validateDevicePath (strict RFC 5280 profile, or its default checks with
 * --lenient) at validation_time (now when null) with max_chain_depth; when the case gives CRLs, every complete path is
 * checked for revocation against them before it is accepted, by the product's own revocation logic (src/crl/, what
 * `ca-preflight device` and `check --crl` decide with); and the verdict is compared with upstream's expected_result.
 * Cases that need what the validator leaves out (name constraints, policies, peer names, indirect CRLs) are "n/a".
 * Beside the verdict, each case's list goes through preflight as a Graph body (trusted → isRootAuthority
 * true, intermediates → false) and its error findings are printed, to show how the list lint relates to the path
 * verdict. Exit 1 on an unexpected disagreement, or when a known divergence agrees again (the list must shrink).
 *
 * Takes any file in limbo's format: upstream's `limbo.json` (C2SP/x509-limbo, Apache-2.0: build it with the suite's own
 * generators, or take it from a release) or a subset of it. The testcases are third-party data and are not part of this
 * repository.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { decodePem, encodeBase64 } from '../src/certificate/encoding.js';
import { validateDevicePath, type PathValidation } from '../src/chain/validate-path.js';
import { children, content, decode, isContext, parseCertificate, type ParsedCertificate } from '../src/certificate/parse.js';
import { preflight } from '../src/preflight.js';
import { readCrl } from '../src/certificate/crl.js';
import { pathRevocationCheck } from '../src/crl/path.js';
import { CRL_REFUSAL_CLAUSE, DEVICE, type PathRevocation } from '../src/crl/revocation.js';
import type { AnalysedCrl } from '../src/crl/analyse.js';

export interface LimboTestcase {
  id: string;
  family?: string;
  description?: string;
  features?: string[] | null;
  expected_result: 'SUCCESS' | 'FAILURE';
  validation_time?: string | null;
  max_chain_depth?: number | null;
  trusted_certs: string[];
  untrusted_intermediates: string[];
  peer_certificate: string;
  crls?: string[] | null;
  /** The usages the harness asks of the peer (upstream: `serverAuth`, `clientAuth`, …). */
  extended_key_usage?: string[] | null;
  /** The name the harness asks the peer to carry (a TLS server name). */
  expected_peer_name?: { kind: string; value: string } | null;
}

/**
 * Cases whose verdict does not match upstream's for a reason we stand by. Each one is asserted to still diverge by
 * test/limbo.test.ts, which holds the same map.
 */
export const KNOWN_DIVERGENCES: Record<string, string> = {
  'webpki::aki::root-with-aki-missing-keyidentifier':
    'CA/B Forum root profile; RFC 5280 §4.2.1.1 lets a self-signed certificate omit the key identifier',
  'webpki::aki::root-with-aki-authoritycertissuer': 'CA/B Forum root profile; RFC 5280 §4.2.1.1 allows authorityCertIssuer',
  'webpki::aki::root-with-aki-authoritycertserialnumber': 'CA/B Forum root profile; RFC 5280 §4.2.1.1 allows authorityCertSerialNumber',
  'webpki::aki::root-with-aki-all-fields':
    'CA/B Forum root profile; RFC 5280 §4.2.1.1 allows authorityCertIssuer and authorityCertSerialNumber',
  'webpki::eku::root-has-eku': 'CA/B Forum root profile; RFC 5280 allows an EKU in a CA certificate',
  'webpki::forbidden-weak-rsa-key-in-root':
    'CA/B Forum key-size policy (RSA ≥ 2048); the list lint warns about it, path validation does not reject it',
  'webpki::forbidden-rsa-not-divisible-by-8-in-root': 'CA/B Forum key-size policy (modulus a multiple of 8); not an RFC 5280 rule',
  'webpki::ee-basicconstraints-ca': 'CA/B Forum subscriber profile (cA must be false); RFC 5280 puts no CA/EE condition on the leaf',
  'webpki::ca-as-leaf':
    'CA/B Forum subscriber profile; RFC 5280 accepts a CA certificate as the leaf (rfc5280::ca-as-leaf expects SUCCESS)',
  'rfc5280::aki::cross-signed-root-missing-aki':
    "RFC 5280 §6.1.1 (d) takes the trust anchor as an input: the AKI that would find the anchor's own issuer (§4.2.1.1) is not asked of it, as OpenSSL's -x509_strict exempts the last certificate of a chain (cve::cve-2024-0567 expects SUCCESS for an anchor without AKI)",
  'rfc5280::validity::notafter-fractional':
    'notAfter 240401000000Z is the instant 2024-04-01T00:00:00.000Z (X.690 §11.7/§11.8: seconds always present, a zero fraction omitted); "through notAfter, inclusive" (RFC 5280 §4.1.2.5) ends there, so 00:00:00.005 is after it (upstream calls the case ambiguous; OpenSSL rejects it too)',
};

/** Features whose cases need checks the validator does not make. */
const OUT_OF_SCOPE_FEATURES: Record<string, string> = {
  'name-constraint-dn': 'name constraints are not evaluated',
  'has-policy-constraints': 'certificate policies are not evaluated',
  'has-cert-policies': 'certificate policies are not evaluated',
  'no-cert-policies': 'certificate policies are not evaluated',
  'pedantic-public-suffix-wildcard': 'peer names are not matched',
};
/** Id namespaces (a `::` segment before the last) or family names of the same kind. */
const OUT_OF_SCOPE_NAMESPACES: Record<string, string> = {
  nc: 'name constraints are not evaluated',
  nameconstraints: 'name constraints are not evaluated',
  'name-constraints': 'name constraints are not evaluated',
  pc: 'certificate policies are not evaluated',
  policies: 'certificate policies are not evaluated',
  san: 'peer names are not matched',
  cn: 'peer names are not matched',
};

export function familyOf(tc: LimboTestcase): string {
  return tc.family ?? (tc.id.split('::').slice(0, -1).join('::') || tc.id);
}

/** Why a case is not applicable to a trust-list path check, or null when it is. */
export function notApplicable(tc: LimboTestcase): string | null {
  for (const f of tc.features ?? []) {
    const why = OUT_OF_SCOPE_FEATURES[f];
    if (why) return `${why} (feature ${f})`;
  }
  const segments = [...tc.id.split('::').slice(0, -1), ...(tc.family ? [tc.family] : [])];
  for (const s of segments) {
    const why = OUT_OF_SCOPE_NAMESPACES[s];
    if (why) return `${why} (${s})`;
  }
  return notApplicableByContent(tc);
}

/**
 * Cases whose verdict turns on what a CA list does not decide, found in the certificates themselves: the CA/B Forum's
 * rules for the end-entity's EKU and key (the device's own certificate, not the list's), a name constraint anywhere on
 * the path (not evaluated), a usage or a TLS server name the harness asks of the peer that the peer does not carry.
 */
function notApplicableByContent(tc: LimboTestcase): string | null {
  const features = tc.features ?? [];
  const last = tc.id.split('::').at(-1) ?? '';
  if (features.includes('pedantic-webpki-subscriber-key'))
    return "CA/B Forum key rules for the end-entity: the device's key is not the list's (feature pedantic-webpki-subscriber-key)";
  if (features.includes('pedantic-webpki-eku') && last.startsWith('ee-'))
    return 'CA/B Forum EKU rules for the end-entity, which a CA list does not decide (feature pedantic-webpki-eku)';
  const parsed = (pem: string): ParsedCertificate | null => {
    try {
      return parseCertificate(pemToDer(pem));
    } catch {
      return null;
    }
  };
  const peer = parsed(tc.peer_certificate);
  const all = [...tc.trusted_certs, ...tc.untrusted_intermediates].map(parsed);
  if ([peer, ...all].some((c) => c?.extensions.some((e) => e.oid === NAME_CONSTRAINTS)))
    return 'name constraints are not evaluated (a certificate of the case carries nameConstraints)';
  if (!peer) return null;
  const indirect = indirectCrl(tc);
  if (indirect !== null)
    return `crls[${indirect}] is an indirect CRL (issuingDistributionPoint indirectCRL, RFC 5280 §5.2.5): Entra matches each CRL to the CA that issued it, so a CA list does not decide revocation by another issuer's CRL`;
  const asked = tc.extended_key_usage ?? [];
  const eku = peer.extendedKeyUsage;
  if (asked.length && eku?.length && !eku.includes('anyExtendedKeyUsage') && !asked.some((u) => eku.includes(u)))
    return `the harness asks the peer for ${asked.join(', ')}, which its EKU (${eku.join(', ')}) lacks: a TLS usage, which a CA list does not decide`;
  const name = tc.expected_peer_name;
  if (name?.kind === 'DNS') {
    const names = dnsNames(peer);
    if (names.length && !names.some((n) => dnsMatches(n, name.value)))
      return `the peer's DNS names (${names.join(', ')}) do not include ${name.value}: a TLS server-name check, which a CA list does not decide`;
  }
  return null;
}

const NAME_CONSTRAINTS = '2.5.29.30';

/** The position of the first of the case's CRLs that is indirect, or null. */
function indirectCrl(tc: LimboTestcase): number | null {
  const i = (tc.crls ?? []).findIndex((pem) => {
    try {
      return readCrl(new TextEncoder().encode(pem)).crl.issuingDistributionPoint?.indirectCRL === true;
    } catch {
      return false;
    }
  });
  return i < 0 ? null : i;
}

/** The dNSName entries of the peer's subjectAltName. */
function dnsNames(cert: ParsedCertificate): string[] {
  const san = cert.extensions.find((e) => e.oid === '2.5.29.17');
  if (!san) return [];
  try {
    return children(decode(san.value, 'subjectAltName'), 'subjectAltName')
      .filter((n) => isContext(n, 2))
      .map((n) => new TextDecoder('latin1').decode(content(n)).toLowerCase());
  } catch {
    return [];
  }
}

/** RFC 6125 §6.4: a name matches itself, case-insensitively; `*.` matches exactly one leftmost label. */
function dnsMatches(pattern: string, name: string): boolean {
  const n = name.toLowerCase();
  if (!pattern.startsWith('*.')) return pattern === n;
  const dot = n.indexOf('.');
  return dot > 0 && n.slice(dot + 1) === pattern.slice(2);
}

export function readLimboFile(path: string): LimboTestcase[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as Error).message}`);
  }
  const data = JSON.parse(text) as { testcases?: LimboTestcase[] };
  if (!Array.isArray(data.testcases)) throw new Error(`${path} has no "testcases" array: not a file in x509-limbo's format`);
  return data.testcases;
}

function pemToDer(pem: string): Uint8Array {
  const block = decodePem(pem).find((b) => b.label === 'CERTIFICATE');
  if (!block) throw new Error('a certificate is not PEM');
  return block.bytes;
}

export interface CaseOutcome {
  tc: LimboTestcase;
  family: string;
  /** Set when the case is not applicable; the other verdict fields then describe our run anyway. */
  notApplicable: string | null;
  verdict: 'SUCCESS' | 'FAILURE';
  validation: PathValidation;
  /** The revocation status of the accepted path, when the case gives CRLs and a path validated. */
  revocation: PathRevocation<number> | null;
  /** Why the verdict is FAILURE: the validator's reasons, revocation's among them. */
  reasons: string[];
  agrees: boolean;
  known: string | null;
}

/**
 * Runs one case through validateDevicePath the way the suite means it; with CRLs, every complete path is checked for
 * revocation before it is accepted (the product's checkRevocation), so the search goes around a revoked certificate.
 */
export async function runCase(tc: LimboTestcase, crypto: Crypto, options: { lenient?: boolean } = {}): Promise<CaseOutcome> {
  const list = [...tc.trusted_certs, ...tc.untrusted_intermediates].map(pemToDer);
  const at = tc.validation_time ? new Date(tc.validation_time) : new Date();
  let validation: PathValidation;
  let revocation: PathRevocation<number> | null = null;
  try {
    const peer = parseCertificate(pemToDer(tc.peer_certificate));
    let acceptPath: ((path: readonly number[]) => string[]) | undefined;
    if (tc.crls?.length) {
      const parsedList = list.map((der) => {
        try {
          return parseCertificate(der);
        } catch {
          return null;
        }
      });
      const crls = tc.crls.map((text, i) => ({ source: `crls[${i}]`, bytes: new TextEncoder().encode(text) }));
      const { check } = await pathRevocationCheck(parsedList, peer, crls, { at, crypto, strict: !options.lenient });
      acceptPath = (path) => {
        const r = check(path);
        if (r.revoked.length === 0 && r.undetermined.length === 0) revocation = r;
        return revocationReasons(tc, r, peer, parsedList);
      };
    }
    validation = await validateDevicePath(list, peer, {
      at,
      crypto,
      maxDepth: tc.max_chain_depth ?? null,
      anchors: tc.trusted_certs.map((_, i) => i),
      strict: !options.lenient,
      ...(acceptPath ? { acceptPath } : {}),
    });
  } catch (e) {
    validation = { ok: false, path: null, reasons: [`the peer certificate cannot be read: ${(e as Error).message}`], unchecked: [] };
  }
  const verdict = validation.ok ? 'SUCCESS' : 'FAILURE';
  return {
    tc,
    family: familyOf(tc),
    notApplicable: notApplicable(tc),
    verdict,
    validation,
    revocation: validation.ok ? revocation : null,
    reasons: validation.reasons,
    agrees: verdict === tc.expected_result,
    known: options.lenient ? null : (KNOWN_DIVERGENCES[tc.id] ?? null),
  };
}

/** Why revocation refuses a path: each revoked certificate and its CRL, each undetermined one and why no CRL decides. */
function revocationReasons(
  tc: LimboTestcase,
  r: PathRevocation<number>,
  peer: ParsedCertificate,
  list: readonly (ParsedCertificate | null)[],
): string[] {
  const who = (key: number) =>
    key === DEVICE ? `the peer "${peer.subject.rfc4514}"` : `${describeIndex(tc, key)} "${list[key]!.subject.rfc4514}"`;
  return [
    ...r.revoked.map(
      (hit) =>
        `${who(hit.key)} (serial ${hit.revocation.serial}) is revoked by ${hit.crl.input.source} since ${hit.revocation.date.toISOString()} (${hit.revocation.reason ?? 'no reason given'})`,
    ),
    ...r.undetermined.map(
      (u) =>
        `the revocation status of ${who(u.key)} is undetermined (RFC 5280 §6.3.3 (k)): ${u.refused.map((x) => `${x.crl.input.source} ${refusalText(x.crl, x.why)} (${CRL_REFUSAL_CLAUSE[x.why]})`).join('; ')}`,
    ),
  ];
}

/** The case's list as a Graph body through preflight: its error findings as `rule at entry`. */
export async function lintCase(tc: LimboTestcase, crypto: Crypto): Promise<string[]> {
  const entry = (pem: string, isRootAuthority: boolean) => ({ certificate: encodeBase64(pemToDer(pem)), isRootAuthority });
  const body = {
    certificateAuthorities: [...tc.trusted_certs.map((p) => entry(p, true)), ...tc.untrusted_intermediates.map((p) => entry(p, false))],
  };
  const at = tc.validation_time ? new Date(tc.validation_time) : new Date();
  const crls = (tc.crls ?? []).map((text, i) => ({ source: `crls[${i}]`, bytes: new TextEncoder().encode(text) }));
  const report = await preflight(body, { at, crypto, ...(crls.length ? { crls } : {}) });
  return report.findings
    .filter((f) => f.severity === 'error')
    .map((f) => {
      const m = /^\/certificateAuthorities\/(\d+)/.exec(f.path);
      const i = m ? Number(m[1]) : -1;
      const where = i < 0 ? 'body' : i < tc.trusted_certs.length ? `T${i}` : `I${i - tc.trusted_certs.length}`;
      return `${f.rule}@${where}`;
    });
}

const REFUSAL_TEXT: Record<keyof typeof CRL_REFUSAL_CLAUSE, string> = {
  unread: 'is not a CRL',
  signature: "does not verify with its issuer's key",
  'unknown-critical-extension': 'has a critical extension that is not processed',
  'no-crl-sign': 'is signed by a CA whose keyUsage lacks cRLSign',
  expired: 'is past its nextUpdate',
  'not-yet-valid': 'is not yet valid (thisUpdate in the future)',
  'some-reasons': 'covers only some revocation reasons',
  'crl-number-missing': 'has no cRLNumber',
  'crl-number-critical': 'marks cRLNumber critical',
};

function refusalText(crl: AnalysedCrl, why: keyof typeof CRL_REFUSAL_CLAUSE): string {
  return why === 'unread' && crl.problem ? `is not a CRL: ${crl.problem.message}` : REFUSAL_TEXT[why];
}

function describeIndex(tc: LimboTestcase, i: number): string {
  return i < tc.trusted_certs.length ? `T${i}` : `I${i - tc.trusted_certs.length}`;
}

function describePath(tc: LimboTestcase, path: number[] | null): string {
  if (!path) return '-';
  return ['peer', ...path.map((i) => describeIndex(tc, i))].join('→');
}

const USAGE = `usage: npm run limbo -- <limbo.json> [--family X]... [--verbose] [--lenient]
  <limbo.json>  x509-limbo testcases (upstream's limbo.json from C2SP/x509-limbo, or a subset in its format);
                LIMBO_FILE=<path> works too
  --family X    only the cases of family X (or whose id starts with X)
  --verbose     every reason (revocation's included) and unchecked constraint
  --lenient     validate without the strict RFC 5280 profile checks (validateDevicePath's default), and hold the
                cases' CRLs to RFC 5280 §6.3 only, not to the §5.2.3 profile (cRLNumber present, not critical);
                disagreements are then informational and the exit code is 0
exit status: 0 every applicable case agrees (or is a known divergence); 1 an unexpected disagreement, or a known
divergence that agrees again; 2 no file, or not a limbo file`;

const pad = (s: string | number, n: number): string => String(s).padEnd(n);
const padL = (s: string | number, n: number): string => String(s).padStart(n);

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      family: { type: 'string', multiple: true },
      verbose: { type: 'boolean', short: 'v' },
      lenient: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const given = positionals[0] ?? process.env.LIMBO_FILE;
  if (!given) {
    console.error(`no x509-limbo file given.\n${USAGE}`);
    return 2;
  }
  const file = resolve(process.cwd(), given);
  let cases: LimboTestcase[];
  try {
    cases = readLimboFile(file);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  if (values.family?.length) cases = cases.filter((tc) => values.family!.some((f) => familyOf(tc) === f || tc.id.startsWith(f)));
  const crypto = globalThis.crypto;
  console.log(`x509-limbo: ${relative(process.cwd(), file) || file} — ${cases.length} testcase(s)`);
  const lenient = values.lenient === true;
  console.log(
    `verdict: validateDevicePath (${lenient ? 'default checks, no strict profile' : 'strict RFC 5280 profile'}), then revocation ` +
      `of the path against the case's CRLs (RFC 5280 §6.3${lenient ? '' : ', CRLs held to the §5 profile'}); ` +
      'lint: preflight error findings on the list (T = trusted, I = intermediate)\n',
  );

  const outcomes: CaseOutcome[] = [];
  for (const tc of cases) {
    const o = await runCase(tc, crypto, { lenient });
    const lint = await lintCase(tc, crypto).catch((e: Error) => [`(preflight failed: ${e.message})`]);
    outcomes.push(o);
    const mark = o.notApplicable ? 'n/a' : o.agrees ? 'ok ' : o.known ? 'div' : 'BAD';
    console.log(
      `${mark} ${pad(tc.id, 58)} expected ${pad(tc.expected_result, 7)} got ${pad(o.verdict, 7)} path ${pad(describePath(tc, o.validation.path), 12)} lint: ${lint.length ? lint.join(', ') : 'no errors'}`,
    );
    if (values.verbose) {
      if (o.notApplicable) console.log(`      n/a: ${o.notApplicable}`);
      for (const r of o.reasons) console.log(`      - ${r}`);
      for (const u of o.validation.unchecked) console.log(`      ~ ${u}`);
    }
  }

  const families = new Map<string, { cases: number; applicable: number; agree: number; known: number; unexpected: number; na: number }>();
  for (const o of outcomes) {
    let f = families.get(o.family);
    if (!f) {
      f = { cases: 0, applicable: 0, agree: 0, known: 0, unexpected: 0, na: 0 };
      families.set(o.family, f);
    }
    f.cases++;
    if (o.notApplicable) {
      f.na++;
      continue;
    }
    f.applicable++;
    if (o.agrees) f.agree++;
    else if (o.known) f.known++;
    else f.unexpected++;
  }
  console.log(
    `\n${pad('family', 24)}${padL('cases', 6)}${padL('applicable', 11)}${padL('agree', 7)}${padL('known', 7)}${padL('unexpected', 11)}${padL('n/a', 5)}`,
  );
  const total = { cases: 0, applicable: 0, agree: 0, known: 0, unexpected: 0, na: 0 };
  for (const [name, f] of [...families].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(
      `${pad(name, 24)}${padL(f.cases, 6)}${padL(f.applicable, 11)}${padL(f.agree, 7)}${padL(f.known, 7)}${padL(f.unexpected, 11)}${padL(f.na, 5)}`,
    );
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += f[k];
  }
  console.log(
    `${pad('total', 24)}${padL(total.cases, 6)}${padL(total.applicable, 11)}${padL(total.agree, 7)}${padL(total.known, 7)}${padL(total.unexpected, 11)}${padL(total.na, 5)}`,
  );

  const known = outcomes.filter((o) => !o.notApplicable && !o.agrees && o.known);
  const unexpected = outcomes.filter((o) => !o.notApplicable && !o.agrees && !o.known);
  const fixedKnown = outcomes.filter((o) => !o.notApplicable && o.agrees && o.known);
  if (known.length) {
    console.log(`\nknown divergences (${known.length}):`);
    for (const o of known) console.log(`  ${o.tc.id}: expected ${o.tc.expected_result}, got ${o.verdict} — ${o.known}`);
  }
  if (fixedKnown.length && !lenient) {
    console.log(`\nlisted as known divergences but now agreeing (${fixedKnown.length}) — remove them from KNOWN_DIVERGENCES:`);
    for (const o of fixedKnown) console.log(`  ${o.tc.id}`);
  }
  console.log(
    `\n${lenient ? 'disagreements (informational with --lenient)' : 'unexpected disagreements'} (${unexpected.length})${unexpected.length ? ':' : ''}`,
  );
  for (const o of unexpected) {
    console.log(`  ${o.tc.id}: expected ${o.tc.expected_result}, got ${o.verdict}`);
    for (const r of o.reasons.length ? o.reasons : [`(a path validated: ${describePath(o.tc, o.validation.path)})`])
      console.log(`    - ${r}`);
  }
  const naReasons = new Map<string, number>();
  for (const o of outcomes) if (o.notApplicable) naReasons.set(o.notApplicable, (naReasons.get(o.notApplicable) ?? 0) + 1);
  console.log(`\nn/a (${total.na})${total.na ? ':' : ''}`);
  for (const [why, n] of naReasons) console.log(`  ${padL(n, 4)}  ${why}`);
  return !lenient && (unexpected.length || fixedKnown.length) ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
