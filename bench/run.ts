/**
 * `npm run bench [-- --quick] [-- --runs N] [-- --only NAME]`: preflight against node:crypto and @peculiar/x509, side by side.
 *
 * One process, interleaved: for each workload every pipeline runs once to warm up, then N rounds (default 5) each time
 * every pipeline once, in an order that rotates from round to round, with a garbage collection before each sample.
 * Medians per pipeline, ratios against the baseline measured in the same rounds (absolute times swing with the load on
 * the machine; ratios hold). Peak RSS of our pipeline comes from a fresh child process per workload. Writes
 * bench/results.json (DESIGN "Measuring speed"). Timing figures are printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { bundleChild } from './child.js';
import { availableParallelism, cpus } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type CliStartResult, measureCliStart } from './cli-start.js';
import { baselinePipeline, peerPipeline } from './peer.js';
import { BENCH_AT, HIERARCHY_SIZES, hierarchyWorkload, mozillaWorkload, type Workload } from './workloads.js';
import { crlBench, type CrlMeasured } from './crl.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsArg = args.indexOf('--runs');
const runs = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1])) : 5;
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? args[onlyArg + 1] : undefined;
// --src DIR measures another copy of the library (e.g. src/ as committed, to fill the "before" column of RESULTS.md).
const srcArg = args.indexOf('--src');
const srcDir = srcArg >= 0 ? join(process.cwd(), args[srcArg + 1]!) : join(here, '..', 'src');

const { preflight } = (await import(pathToFileURL(join(srcDir, 'preflight.ts')).href)) as typeof import('../src/preflight.js');
/** Empties the facts cache before each cold run; a copy of the library without one has nothing to empty. */
const clearCertificateCache: () => void = await import(pathToFileURL(join(srcDir, 'certificate', 'cache.ts')).href).then(
  (m: typeof import('../src/certificate/cache.js')) => m.clearCertificateCache,
  () => () => {},
);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Sample {
  ours: number;
  baseline: number;
  peer: number;
  warm: number;
}
const emptySample = (): Sample => ({ ours: 0, baseline: 0, peer: 0, warm: 0 });
type PipelineName = keyof Sample;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Rounds per workload: `--runs` for the large ones, more for small ones so that every pipeline still checks a few
 * hundred CAs in all. Each round times each pipeline once, so pipelines are compared moments apart.
 */
function roundsFor(cas: number): number {
  return runs * Math.max(1, Math.ceil(400 / cas));
}

interface Measured {
  name: string;
  cas: number;
  usPerCa: number;
  baselineUsPerCa: number;
  ratio: number;
  peerRatio: number;
  rssMB: number | null;
  peerUsPerCa: number;
  warmUsPerCa: number;
  /** Spread of the per-round ratio ours/baseline: min and max over the rounds. */
  ratioRange: [number, number];
  /** The same ratios on CPU time (all threads of the process): steadier than wall time when other work shares the cores. */
  cpuRatio: number;
  cpuPeerRatio: number;
  findings: number;
  ok: boolean;
}

async function measure(w: Workload): Promise<Measured> {
  const cas = w.ders.length;
  const rounds = roundsFor(cas);
  let findingsJson = '';
  let ok = false;
  let findings = 0;
  const pipelines: Record<PipelineName, () => Promise<void>> = {
    // Cold: the facts cache is emptied first, so every certificate is decoded, hashed and verified again.
    ours: async () => {
      clearCertificateCache();
      const report = await preflight(w.text, { at: BENCH_AT });
      const json = JSON.stringify(report.findings);
      if (findingsJson && json !== findingsJson) throw new Error(`${w.name}: preflight gave different findings on the same body`);
      findingsJson = json;
      ok = report.ok;
      findings = report.findings.length;
    },
    // Warm: the same body checked again (a pipeline re-run with the list unchanged) — facts come from the cache.
    warm: async () => {
      await preflight(w.text, { at: BENCH_AT });
    },
    baseline: async () => {
      if (baselinePipeline(w) === 0) throw new Error(`${w.name}: node:crypto verified nothing`);
    },
    peer: async () => {
      if ((await peerPipeline(w)) === 0) throw new Error(`${w.name}: @peculiar/x509 verified nothing`);
    },
  };
  const order: PipelineName[] = ['ours', 'baseline', 'peer', 'warm'];
  for (const p of order) await pipelines[p](); // warm-up
  const samples: Sample[] = [];
  const cpuSamples: Sample[] = [];
  for (let r = 0; r < rounds; r++) {
    const sample = emptySample();
    const cpu = emptySample();
    for (let k = 0; k < order.length; k++) {
      const p = order[(k + r) % order.length]!;
      gc();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await pipelines[p]();
      sample[p] = performance.now() - t0;
      const c = process.cpuUsage(c0);
      cpu[p] = (c.user + c.system) / 1000;
    }
    samples.push(sample);
    cpuSamples.push(cpu);
  }
  const perCa = (p: PipelineName) => (median(samples.map((s) => s[p])) * 1000) / cas;
  // Ratios per round (pipelines timed moments apart), then the median: load from other processes moves both sides.
  const ratios = samples.map((s) => s.ours / s.baseline);
  const peerRatios = samples.map((s) => s.ours / s.peer);
  const usPerCa = perCa('ours');
  const baselineUsPerCa = perCa('baseline');
  const peerUsPerCa = perCa('peer');
  return {
    name: w.name,
    cas,
    usPerCa,
    baselineUsPerCa,
    ratio: median(ratios),
    peerRatio: median(peerRatios),
    rssMB: null,
    peerUsPerCa,
    warmUsPerCa: perCa('warm'),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)],
    cpuRatio: median(cpuSamples.map((s) => s.ours / s.baseline)),
    cpuPeerRatio: median(cpuSamples.map((s) => s.ours / s.peer)),
    findings,
    ok,
  };
}

let rssScript: Promise<string> | null = null;

/** The RSS child, bundled (bench/child.ts), with the library copy under test in place of src/. */
function rssChildScript(): Promise<string> {
  rssScript ??= bundleChild(join(here, 'rss.ts'), join(here, '.cache', 'rss.mjs'), [
    {
      name: 'library-copy',
      setup(b) {
        b.onResolve({ filter: /^\.\.\/src\/preflight\.js$/ }, () => ({ path: join(srcDir, 'preflight.ts') }));
      },
    },
  ]);
  return rssScript;
}

/** Peak RSS of a fresh process running preflight once on the workload's body. */
async function peakRss(w: Workload): Promise<{ rssMB: number; idleMB: number } | null> {
  const dir = join(here, '.cache');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${w.name}.body.json`);
  writeFileSync(file, w.text);
  const child = spawnSync(process.execPath, [await rssChildScript(), file, BENCH_AT.toISOString()], { encoding: 'utf8' });
  if (child.status !== 0) {
    console.error(`  RSS child for ${w.name} failed: ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    return null;
  }
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as { rssMB: number; idleMB: number };
}

const f1 = (x: number) => x.toFixed(1);
const f0 = (x: number) => x.toFixed(0);
const f2 = (x: number) => x.toFixed(2);
const cpuModel = (() => {
  try {
    return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
})();

const date = new Date().toISOString();
console.log(`ca-preflight bench — ${date}, node ${process.version}, ${availableParallelism()} cores, ${cpuModel}`);
if (srcArg >= 0) console.log(`library: ${srcDir} (results.json not written)`);
console.log(
  `${runs}+ interleaved rounds (more for small workloads) after one warm-up per pipeline; medians (ratios: median of the per-round ratios);`,
);
console.log(`ours = full preflight (JSON text, at ${BENCH_AT.toISOString()}), cold cache; warm = the same body again, facts cached`);
console.log('');
const header = [
  'workload',
  'CAs',
  'ours µs/CA',
  'node µs/CA',
  'peer µs/CA',
  'ratio',
  '(range)',
  'peerRatio',
  'cpu ratio',
  'cpu peerRatio',
  'warm µs/CA',
  'RSS MB',
  'findings',
];
console.log(header.join('\t'));

const sizes = HIERARCHY_SIZES.filter((n) => !quick || n <= 1000);
const names = ['mozilla-roots', ...sizes.map((n) => `hierarchy-${n}`)].filter((n) => !only || n === only);
const withCrls = !only || only === 'crl';
const results: Measured[] = [];
for (const name of names) {
  const w = name === 'mozilla-roots' ? mozillaWorkload() : await hierarchyWorkload(Number(name.slice('hierarchy-'.length)));
  const m = await measure(w);
  const rss = await peakRss(w);
  m.rssMB = rss ? Math.round(rss.rssMB * 10) / 10 : null;
  results.push(m);
  console.log(
    [
      m.name,
      m.cas,
      f0(m.usPerCa),
      f0(m.baselineUsPerCa),
      f0(m.peerUsPerCa),
      f2(m.ratio),
      `${f2(m.ratioRange[0])}–${f2(m.ratioRange[1])}`,
      f2(m.peerRatio),
      f2(m.cpuRatio),
      f2(m.cpuPeerRatio),
      f0(m.warmUsPerCa),
      m.rssMB === null ? '—' : `${f1(m.rssMB)} (idle ${f1(rss!.idleMB)})`,
      `${m.findings}${m.ok ? '' : ' (errors)'}`,
    ].join('\t'),
  );
}

const byName = new Map(results.map((r) => [r.name, r]));
const k1 = byName.get('hierarchy-1000');
const k10 = byName.get('hierarchy-10000');
const growth = k1 && k10 ? (k10.usPerCa * k10.cas) / (k1.usPerCa * k1.cas) : null;
console.log('');
console.log(`growth 1,000 → 10,000 CAs: ${growth === null ? 'not measured (--quick)' : `${f2(growth)}× (target ≤ 11)`}`);
const moz = byName.get('mozilla-roots');
if (moz) {
  console.log(
    `Mozilla roots: ${f2(moz.ratio)}× node:crypto (target ≤ 3, then ≤ 2); ${f2(moz.peerRatio)}× @peculiar/x509 (target ≤ 0.5, i.e. 2× faster)`,
  );
}
if (k10?.rssMB != null) console.log(`10,000 CAs: peak RSS ${f1(k10.rssMB)} MB (target < 150)`);

// CLI start: the installed executable (dist/cli/bin.cjs, the bundle with its code cache) against a bare `node -e 0`.
let cliStart: CliStartResult | null = null;
if (!only || only === 'cli-start') {
  const projectRoot = join(here, '..');
  if (!existsSync(join(projectRoot, 'dist', 'cli', 'bin.cjs'))) console.log('CLI start: not measured (run `npm run build` first)');
  else {
    cliStart = measureCliStart(projectRoot, join('dist', 'cli', 'bin.cjs'));
    console.log(
      `CLI start (check on a two-CA body, ${cliStart.rounds} rounds): ${f0(cliStart.cliMs)} ms against node -e 0 ${f0(cliStart.nodeMs)} ms: ` +
        `${f2(cliStart.ratio)}× (${f2(cliStart.ratioRange[0])}–${f2(cliStart.ratioRange[1])}), fastest runs ${f2(cliStart.minRatio)}× (target ≤ 1.5)` +
        (cliStart.unbundledRatio === null ? '' : `; the unbundled modules (dist/cli/main.js) ${f2(cliStart.unbundledRatio)}×`),
    );
  }
}

let crls: CrlMeasured[] = [];
if (withCrls) {
  console.log('');
  console.log(
    'CRLs (root + intermediate, one CRL of the root): ours = preflight with the CRL; openssl = `openssl crl -verify` (process start-up included); pkijs = pkijs 3.4 with asn1js limits raised',
  );
  console.log(
    ['workload', 'entries', 'bytes', 'ours ms', 'openssl ms', 'pkijs ms', 'ours/openssl', 'ours RSS MB', 'pkijs RSS MB', 'findings'].join(
      '\t',
    ),
  );
  crls = await crlBench({ quick, runs, gc });
  for (const c of crls)
    console.log(
      [
        c.name,
        c.entries,
        c.bytes,
        f0(c.oursMs),
        f0(c.opensslMs),
        c.pkijsMs === null ? '—' : f0(c.pkijsMs),
        f2(c.ratio),
        c.oursRssMB ?? '—',
        c.pkijsRssMB ?? '—',
        c.findings.join(' '),
      ].join('\t'),
    );
}

if (!only && srcArg < 0) {
  const out = {
    date,
    node: process.version,
    machine: { cpus: availableParallelism(), cpu: cpuModel },
    runs,
    workloads: results.map((r) => ({
      name: r.name,
      cas: r.cas,
      usPerCa: Math.round(r.usPerCa),
      baselineUsPerCa: Math.round(r.baselineUsPerCa),
      ratio: Math.round(r.ratio * 100) / 100,
      peerRatio: Math.round(r.peerRatio * 100) / 100,
      rssMB: r.rssMB,
      peerUsPerCa: Math.round(r.peerUsPerCa),
      warmUsPerCa: Math.round(r.warmUsPerCa),
      cpuRatio: Math.round(r.cpuRatio * 100) / 100,
      cpuPeerRatio: Math.round(r.cpuPeerRatio * 100) / 100,
    })),
    growth1kTo10k: growth === null ? null : Math.round(growth * 100) / 100,
    cliStart: cliStart && {
      nodeMs: Math.round(cliStart.nodeMs),
      cliMs: Math.round(cliStart.cliMs),
      ratio: Math.round(cliStart.ratio * 100) / 100,
      minRatio: Math.round(cliStart.minRatio * 100) / 100,
      unbundledRatio: cliStart.unbundledRatio === null ? null : Math.round(cliStart.unbundledRatio * 100) / 100,
    },
    crls: crls.map((c) => ({
      ...c,
      oursMs: Math.round(c.oursMs),
      opensslMs: Math.round(c.opensslMs),
      pkijsMs: c.pkijsMs === null ? null : Math.round(c.pkijsMs),
      ratio: Math.round(c.ratio * 100) / 100,
    })),
  };
  writeFileSync(join(here, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote ${join('bench', 'results.json')}`);
}
