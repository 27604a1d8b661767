/**
 * The CRL section of `npm run bench`: a CRL of 1,000, 100,000 and ~571,000 entries (just under 20 MB, Entra's sign-in
 * limit in the global cloud) checked with its root, three ways, interleaved in one process:
 * - *ours*: `preflight(body, { crls })` — read (strict DER, every entry), match, verify the signature, look up the
 *   listed intermediate's serial, findings;
 * - *openssl*: `openssl crl -inform DER -noout -verify -CAfile root.pem` in a child process (its start-up included);
 * - *pkijs*: pkijs 3.4 `CertificateRevocationList` on asn1js with its limits raised (its defaults refuse more than
 *   10,000 nodes, about 2,000 entries), then `verify({ issuerCertificate })`.
 * Peak RSS of ours and of pkijs each come from a fresh bundled child (bench/crl-rss.ts). Printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { buildHierarchy, type BuiltCertificate } from '../src/testing/builder.js';
import { buildCrl, sequentialRevocations } from '../src/testing/crl-builder.js';
import { preflight } from '../src/preflight.js';
import { BENCH_AT } from './workloads.js';
import { bundleChild } from './child.js';

const here = dirname(fileURLToPath(import.meta.url));
const DAY = 86_400_000;

export interface CrlMeasured {
  name: string;
  entries: number;
  bytes: number;
  oursMs: number;
  opensslMs: number;
  pkijsMs: number | null;
  /** ours / openssl (process start-up included on openssl's side). */
  ratio: number;
  oursRssMB: number | null;
  pkijsRssMB: number | null;
  findings: string[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface CrlWorkload {
  name: string;
  entries: number;
  root: BuiltCertificate;
  body: string;
  der: Uint8Array<ArrayBuffer>;
  dir: string;
}

async function workload(name: string, entries: number): Promise<CrlWorkload> {
  const [root, sub] = (await buildHierarchy({
    depth: 2,
    namePrefix: 'Bench CRL',
    keySpec: 'RSA-2048',
    notBefore: new Date(BENCH_AT.getTime() - 400 * DAY),
    notAfter: new Date(BENCH_AT.getTime() + 3650 * DAY),
  })) as [BuiltCertificate, BuiltCertificate];
  const crl = await buildCrl({
    issuer: root,
    thisUpdate: new Date(BENCH_AT.getTime() - DAY),
    nextUpdate: new Date(BENCH_AT.getTime() + 7 * DAY),
    crlNumber: 1000,
    revoked: sequentialRevocations(entries, new Date(BENCH_AT.getTime() - 30 * DAY)),
  });
  const dir = join(here, '.cache', 'crl', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'root.pem'), root.pem);
  writeFileSync(join(dir, 'root.crl'), crl.der);
  const body = JSON.stringify({
    certificateAuthorities: [
      { certificate: root.base64, isRootAuthority: true, certificateRevocationListUrl: 'http://crl.example.com/root.crl' },
      { certificate: sub.base64, isRootAuthority: false },
    ],
  });
  writeFileSync(join(dir, 'body.json'), body);
  return { name, entries, root, body, der: crl.der, dir };
}

async function ours(w: CrlWorkload): Promise<string[]> {
  const report = await preflight(w.body, { at: BENCH_AT, crls: [{ source: 'root.crl', bytes: w.der }] });
  return report.findings.map((f) => f.rule);
}

function openssl(w: CrlWorkload): void {
  const r = spawnSync(
    'openssl',
    ['crl', '-inform', 'DER', '-in', join(w.dir, 'root.crl'), '-noout', '-verify', '-CAfile', join(w.dir, 'root.pem')],
    {
      encoding: 'utf8',
    },
  );
  if (!/verify OK/.test(r.stderr + r.stdout)) throw new Error(`openssl did not verify ${w.name}: ${r.stderr}`);
}

export async function pkijsCheck(der: Uint8Array<ArrayBuffer>, rootDer: Uint8Array<ArrayBuffer>): Promise<number> {
  const asn1 = asn1js.fromBER(der, { maxNodes: 50_000_000, maxContentLength: 200 * 1024 * 1024 });
  if (asn1.offset === -1) throw new Error(`asn1js: ${asn1.result.error}`);
  const crl = new pkijs.CertificateRevocationList({ schema: asn1.result });
  if (!(await crl.verify({ issuerCertificate: pkijs.Certificate.fromBER(rootDer) }))) throw new Error('pkijs did not verify the CRL');
  return crl.revokedCertificates?.length ?? 0;
}

let childScript: Promise<string> | null = null;
const rssChild = (): Promise<string> => (childScript ??= bundleChild(join(here, 'crl-rss.ts'), join(here, '.cache', 'crl-rss.mjs')));

async function peakRss(w: CrlWorkload, mode: 'ours' | 'pkijs'): Promise<number | null> {
  const child = spawnSync(process.execPath, ['--max-old-space-size=4096', await rssChild(), mode, w.dir, BENCH_AT.toISOString()], {
    encoding: 'utf8',
  });
  if (child.status !== 0) {
    console.error(`  CRL RSS child (${mode}, ${w.name}) failed: ${child.stderr.trim().split('\n').slice(-2).join(' | ')}`);
    return null;
  }
  return Math.round((JSON.parse(child.stdout.trim().split('\n').pop()!) as { rssMB: number }).rssMB * 10) / 10;
}

export async function crlBench(options: { quick: boolean; runs: number; gc: () => void }): Promise<CrlMeasured[]> {
  const sizes: [string, number][] = [
    ['crl-1k', 1_000],
    ['crl-100k', 100_000],
    ['crl-20MB', 571_000],
  ];
  const out: CrlMeasured[] = [];
  for (const [name, entries] of options.quick ? sizes.slice(0, 2) : sizes) {
    const w = await workload(name, entries);
    const rounds = entries > 100_000 ? Math.max(3, Math.ceil(options.runs / 2)) : options.runs;
    const pipelines = {
      ours: async () => void (await ours(w)),
      openssl: async () => openssl(w),
      pkijs: async () => void (await pkijsCheck(w.der, w.root.der)),
    };
    const names = Object.keys(pipelines) as (keyof typeof pipelines)[];
    for (const p of names) await pipelines[p]();
    const samples: Record<string, number[]> = { ours: [], openssl: [], pkijs: [] };
    const ratios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const round: Record<string, number> = {};
      for (let k = 0; k < names.length; k++) {
        const p = names[(k + r) % names.length]!;
        options.gc();
        const t0 = performance.now();
        await pipelines[p]();
        round[p] = performance.now() - t0;
        samples[p]!.push(round[p]!);
      }
      ratios.push(round.ours! / round.openssl!);
    }
    out.push({
      name,
      entries,
      bytes: w.der.length,
      oursMs: median(samples.ours!),
      opensslMs: median(samples.openssl!),
      pkijsMs: median(samples.pkijs!),
      ratio: median(ratios),
      oursRssMB: await peakRss(w, 'ours'),
      pkijsRssMB: await peakRss(w, 'pkijs'),
      findings: await ours(w),
    });
  }
  return out;
}
