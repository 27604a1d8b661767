/**
 * What a check leaves to the old generation of the heap, by the code that allocated it:
 *   npx tsx bench/promoted.ts [--only NAME] [--top 30] [--out FILE.heapprofile]
 * Runs `preflight` once on a workload's body under V8's sampling heap profiler, told to keep the samples of objects a
 * full collection frees and to drop those a young-generation collection frees: what remains is what was promoted (or
 * allocated in the old generation directly) — what sets the size of the old generation at a check's peak, garbage
 * included, which a heap snapshot (live objects only) does not show. Objects still in the young generation when the
 * check ends are counted too (the last ≈ 16 MB allocated). Prints the allocating functions by bytes, with the callers
 * of the built-ins among them (`set`, `join` …); `--out` writes the profile for Chrome DevTools.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { preflight } from '../src/preflight.js';
import { BENCH_AT, workloadByName } from './workloads.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  callFrame: CallFrame;
  selfSize: number;
  children: ProfileNode[];
}

const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const workload = await workloadByName(value('--only') ?? 'hierarchy-10000');
const top = Number(value('--top') ?? 30);
const out = value('--out');

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
// The two options are in V8's inspector protocol (HeapProfiler.startSampling) but not in node's typings of it.
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 4096,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: false,
} as { samplingInterval: number });
const report = await preflight(workload.text, { at: BENCH_AT });
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: ProfileNode } };
session.disconnect();
if (out) writeFileSync(out, JSON.stringify(profile));

const frame = (f: CallFrame) => `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
const bySite = new Map<string, number>();
const byCaller = new Map<string, number>();
let total = 0;
const walk = (node: ProfileNode, parent: CallFrame | null) => {
  total += node.selfSize;
  if (node.selfSize > 0) {
    bySite.set(frame(node.callFrame), (bySite.get(frame(node.callFrame)) ?? 0) + node.selfSize);
    // A built-in (no script) is named with its caller: `set` alone does not say which map grew.
    if (node.callFrame.url === '' && parent) {
      const k = `${node.callFrame.functionName} ← ${frame(parent)}`;
      byCaller.set(k, (byCaller.get(k) ?? 0) + node.selfSize);
    }
  }
  for (const child of node.children) walk(child, node.callFrame);
};
walk(profile.head, null);

const mb = (n: number) => (n / 1048576).toFixed(2).padStart(6);
console.log(`${workload.name}: ${mb(total)} MB left to the old generation (sampled), ${report.findings.length} findings`);
for (const [k, v] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${mb(v)}  ${k}`);
console.log('built-ins, by caller:');
for (const [k, v] of [...byCaller].sort((a, b) => b[1] - a[1]).slice(0, Math.ceil(top / 2))) console.log(`${mb(v)}  ${k}`);
