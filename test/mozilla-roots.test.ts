/**
 * Real public roots: Debian's ca-certificates ships the Mozilla root store under /usr/share/ca-certificates/mozilla.
 * All of them go into one body as roots; every certificate must parse and be self-signed, and the findings must be
 * exactly those that OpenSSL's view of the same files predicts (expired at the clock below, no SKI, basicConstraints
 * not critical) — in particular no weak-signature for SHA-1 self-signatures. Our facts (SHA-256 thumbprint, SKI,
 * validity, subject and issuer) are compared with `openssl x509` for every file.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { beforeAll, expect, it } from 'vitest';
import { inspectCertificate } from '../src/certificate/inspect.js';
import { preflight } from '../src/preflight.js';
import type { CertificateFacts, Report } from '../src/types.js';
import { describeWith, MOZILLA_ROOTS_DIR, mozillaRoots, openssl } from './support/prerequisites.js';

const DIR = MOZILLA_ROOTS_DIR;
/** Fixed, so the expected findings do not depend on the day the suite runs (they are derived from OpenSSL's dates). */
const AT = '2026-06-01T00:00:00Z';

interface OpensslView {
  subject: string;
  issuer: string;
  sha256: string;
  notBefore: number;
  notAfter: number;
  ski: string | null;
  basicConstraints: { critical: boolean; cA: boolean } | null;
  version: number;
  /** "0" for a zero serial, "negative", or the number of octets. */
  serial: string;
  keyUsage: { critical: boolean } | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar  5 12:09:48 2013 GMT" (OpenSSL's certificate text) → epoch milliseconds. */
function opensslDate(text: string): number {
  const m = /^(\w{3}) +(\d+) (\d\d):(\d\d):(\d\d) (\d{4}) GMT$/.exec(text.trim());
  if (!m) throw new Error(`not an OpenSSL date: ${text}`);
  return Date.UTC(+m[6]!, MONTHS.indexOf(m[1]!), +m[2]!, +m[3]!, +m[4]!, +m[5]!);
}

/** Runs openssl directly (no shell, so the same call works on Windows), feeding `input` on stdin. */
const runOpenssl = (args: string[], input?: string | Buffer): string =>
  execFileSync('openssl', args, { input, encoding: 'utf8', maxBuffer: 64 << 20 });

/**
 * OpenSSL's view of every certificate, in file order, from three OpenSSL processes for the whole store (one per file
 * would cost seconds): `pkcs7 -print_certs` prints subject and issuer unambiguously (values with specials quoted),
 * `storeutl -text` the validity, SKI and basicConstraints; the SHA-256 fingerprint is libcrypto's X509_digest
 * through node's X509Certificate.
 */
function opensslViews(pems: string[]): OpensslView[] {
  const dir = mkdtempSync(join(tmpdir(), 'mozilla-roots-'));
  const bundle = join(dir, 'bundle.pem');
  let names: string[];
  let texts: string[];
  try {
    writeFileSync(bundle, pems.join('\n'));
    const pkcs7 = runOpenssl(['crl2pkcs7', '-nocrl', '-certfile', bundle]);
    names = runOpenssl(['pkcs7', '-print_certs', '-noout'], pkcs7)
      .split('\n')
      .filter((l) => l.startsWith('subject=') || l.startsWith('issuer='));
    texts = runOpenssl(['storeutl', '-noout', '-text', '-certs', bundle])
      .split(/^\d+: Certificate$/m)
      .slice(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (names.length !== 2 * pems.length || texts.length !== pems.length)
    throw new Error(`OpenSSL printed ${names.length / 2} names and ${texts.length} texts for ${pems.length} certificates`);
  return pems.map((pem, i) => {
    const lines = texts[i]!.split('\n').map((l) => l.trim());
    const after = (prefix: string): string => {
      const line = lines.find((l) => l.startsWith(prefix));
      if (line === undefined) throw new Error(`OpenSSL printed no ${prefix} for certificate ${i}`);
      return line.slice(prefix.length);
    };
    const skiAt = lines.findIndex((l) => l.startsWith('X509v3 Subject Key Identifier:'));
    const bcAt = lines.findIndex((l) => l.startsWith('X509v3 Basic Constraints:'));
    const kuAt = lines.findIndex((l) => l.startsWith('X509v3 Key Usage:'));
    return {
      subject: names[2 * i]!.slice('subject='.length),
      issuer: names[2 * i + 1]!.slice('issuer='.length),
      sha256: new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase(),
      notBefore: opensslDate(after('Not Before:')),
      notAfter: opensslDate(after('Not After :')),
      ski: skiAt < 0 ? null : lines[skiAt + 1]!.replace(/:/g, '').toUpperCase(),
      basicConstraints: bcAt < 0 ? null : { critical: lines[bcAt]!.includes('critical'), cA: lines[bcAt + 1]!.includes('CA:TRUE') },
      version: Number(/^(\d+)/.exec(after('Version: '))![1]),
      serial: serialOf(lines),
      keyUsage: kuAt < 0 ? null : { critical: lines[kuAt]!.includes('critical') },
    };
  });
}

/** OpenSSL prints a serial that fits a long as "N (0xN)" (negative ones with a minus), a longer one on the next line as hex octets. */
function serialOf(lines: string[]): string {
  const at = lines.findIndex((l) => l.startsWith('Serial Number:'));
  const inline = lines[at]!.slice('Serial Number:'.length).trim();
  if (inline)
    return /^-/.test(inline)
      ? 'negative'
      : Number(/^(\d+)/.exec(inline)![1]) === 0
        ? '0'
        : String(Math.ceil(inline.replace(/ .*/, '').length / 2));
  const hex = lines[at + 1]!;
  if (/\(Negative\)/.test(inline + hex)) return 'negative';
  return String(hex.split(':').length);
}

type Rdns = [string, string][][];

/** Undoes `\XX` (UTF-8 bytes, as OpenSSL escapes non-ASCII) and `\c` escapes. */
function unescapeValue(raw: string): string {
  const bytes: number[] = [];
  const utf8 = new TextEncoder();
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\' && /^[0-9A-Fa-f]{2}$/.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '\\') {
      bytes.push(...utf8.encode(raw[i + 1] ?? ''));
      i += 1;
    } else {
      const cp = raw.codePointAt(i)!;
      bytes.push(...utf8.encode(String.fromCodePoint(cp)));
      if (cp > 0xffff) i++;
    }
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}

/**
 * A DN string → RDNs of [TYPE, value] with escapes undone, in certificate order (least specific first).
 * `rfc4514`: ours, most specific first, `,` and `+` separators, backslash escapes. `oneline`: OpenSSL's
 * `C = US, O = "Example, Inc.", CN = x` (least specific first, ` = `, `, `, ` + `, values with specials quoted).
 */
function readDn(dn: string, style: 'rfc4514' | 'oneline'): Rdns {
  const rdns: Rdns = [];
  let rdn: [string, string][] = [];
  let i = 0;
  const eq = style === 'oneline' ? ' = ' : '=';
  while (i < dn.length) {
    const e = dn.indexOf(eq, i);
    if (e < 0) throw new Error(`cannot read ${JSON.stringify(dn)} at ${i}`);
    const type = dn.slice(i, e).toUpperCase();
    i = e + eq.length;
    let raw = '';
    if (style === 'oneline' && dn[i] === '"') {
      for (i++; i < dn.length && dn[i] !== '"'; i++) raw += dn[i] === '\\' ? dn[i] + dn[++i]! : dn[i];
      i++;
    } else {
      for (; i < dn.length && dn[i] !== ',' && dn[i] !== '+'; i++) raw += dn[i] === '\\' ? dn[i] + dn[++i]! : dn[i];
      if (style === 'oneline' && dn[i] === '+') raw = raw.replace(/ $/, '');
    }
    rdn.push([type, unescapeValue(raw)]);
    const sep = dn[i];
    i += style === 'oneline' && sep !== undefined ? 2 : 1;
    if (sep !== '+') {
      rdns.push(rdn);
      rdn = [];
    }
  }
  if (rdn.length) rdns.push(rdn);
  return style === 'rfc4514' ? rdns.reverse() : rdns;
}

const expectedFinding = (rule: string, i: number) => `${rule} @ /certificateAuthorities/${i}/certificate`;

describeWith([mozillaRoots, openssl], 'Mozilla roots (Debian ca-certificates)', () => {
  let files: string[] = [];
  let facts: CertificateFacts[] = [];
  let views: OpensslView[];
  let report: Report;
  let base64Of: string[] = [];

  beforeAll(async () => {
    files = readdirSync(DIR)
      .filter((f) => f.endsWith('.crt'))
      .sort()
      .map((f) => join(DIR, f));
    const pems = files.map((f) => readFileSync(f, 'utf8'));
    const base64 = pems.map((p) => p.replace(/-----[A-Z ]+-----|\s/g, ''));
    base64Of = base64;
    facts = await Promise.all(base64.map((b) => inspectCertificate(b)));
    views = opensslViews(pems);
    report = await preflight({ certificateAuthorities: base64.map((certificate) => ({ certificate, isRootAuthority: true })) }, { at: AT });
  });

  it('holds the Mozilla store, and every certificate parses and is self-signed', () => {
    expect(files.length).toBeGreaterThanOrEqual(100);
    expect(facts).toHaveLength(files.length);
    const notSelfSigned = facts.flatMap((f, i) =>
      f.selfSigned === true ? [] : [`${files[i]}: selfSigned ${f.selfSigned} ${f.selfSignatureError ?? ''}`],
    );
    expect(notSelfSigned).toEqual([]);
  });

  it("reports exactly the findings OpenSSL's and pkijs's views predict: expired, no SKI, basicConstraints and keyUsage not critical, no keyUsage, serial 0, DER slips", () => {
    const at = Date.parse(AT);
    const expected: string[] = [];
    files.forEach((_f, i) => {
      const v = views[i]!;
      // pkijs as an independent reader of the two encoding slips real roots carry: a GeneralizedTime for 1950–2049
      // (RFC 5280 §4.1.2.5) and a keyUsage BIT STRING with trailing zero bits (X.690 §11.2.2).
      const cert = pkijs.Certificate.fromBER(new Uint8Array(Buffer.from(base64Of[i]!, 'base64')));
      const early = (t: pkijs.Time) => t.type === 1 && t.value.getUTCFullYear() >= 1950 && t.value.getUTCFullYear() < 2050;
      if (early(cert.notBefore) || early(cert.notAfter)) expected.push(expectedFinding('certificate.schema-violation', i));
      const ku = cert.extensions?.find((e) => e.extnID === '2.5.29.15')?.parsedValue as
        | { valueBlock: { valueHexView: Uint8Array; unusedBits: number } }
        | undefined;
      const bits = ku?.valueBlock.valueHexView;
      if (bits?.length && !(bits[bits.length - 1]! & (1 << ku!.valueBlock.unusedBits)))
        expected.push(expectedFinding('certificate.not-strict-der', i));
      if (v.notAfter < at) expected.push(expectedFinding('certificate.expired', i));
      if (v.basicConstraints?.cA && !v.basicConstraints.critical)
        expected.push(expectedFinding('certificate.basic-constraints-not-critical', i));
      if (v.ski === null) expected.push(expectedFinding('certificate.ski-missing', i));
      if (v.version === 3 && v.basicConstraints?.cA && !v.keyUsage) expected.push(expectedFinding('certificate.key-usage-missing', i));
      if (v.basicConstraints?.cA && v.keyUsage && !v.keyUsage.critical)
        expected.push(expectedFinding('certificate.key-usage-not-critical', i));
      if (v.serial === '0' || v.serial === 'negative' || Number(v.serial) > 20)
        expected.push(expectedFinding('certificate.serial-invalid', i));
    });
    const got = report.findings.map((f) => `${f.rule} @ ${f.path}`);
    expect([...got].sort()).toEqual([...expected].sort());
    expect(report.graphError).toBeNull();
  });

  it('does not call a SHA-1 self-signature weak', () => {
    const sha1 = facts.flatMap((f, i) => (f.signatureAlgorithm.hash === 'SHA-1' ? [i] : []));
    expect(sha1.length).toBeGreaterThan(0);
    expect(report.findings.filter((f) => f.rule === 'certificate.weak-signature')).toEqual([]);
  });

  it('agrees with openssl on SHA-256 thumbprint, SKI, validity, subject and issuer for every file', () => {
    const differences: string[] = [];
    files.forEach((f, i) => {
      const v = views[i]!;
      const ours = facts[i]!;
      const diff = (what: string, a: unknown, b: unknown) => {
        if (JSON.stringify(a) !== JSON.stringify(b))
          differences.push(`${f} ${what}: ours ${JSON.stringify(a)}, openssl ${JSON.stringify(b)}`);
      };
      diff('sha256', ours.thumbprints.sha256, v.sha256);
      diff('ski', ours.subjectKeyIdentifier?.value ?? null, v.ski);
      diff('notBefore', Date.parse(ours.notBefore), v.notBefore);
      diff('notAfter', Date.parse(ours.notAfter), v.notAfter);
      diff('subject', readDn(ours.subject.rfc4514, 'rfc4514'), readDn(v.subject, 'oneline'));
      diff('issuer', readDn(ours.issuer.rfc4514, 'rfc4514'), readDn(v.issuer, 'oneline'));
    });
    expect(differences).toEqual([]);
  });
});
