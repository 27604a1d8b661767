/**
 * A CPU-profile target: runs preflight repeatedly on one workload so `node --cpu-prof` sees the steady state.
 *   node --import tsx --cpu-prof --cpu-prof-dir=bench/.cache/prof bench/profile.ts [workload] [runs] [--warm]
 * then `npx tsx bench/profile-top.ts bench/.cache/prof/<file>.cpuprofile` lists the top self-time functions.
 * Cold by default (the facts cache is emptied before each run); --warm profiles re-checking an unchanged body.
 */
import { clearCertificateCache } from '../src/certificate/cache.js';
import { preflight } from '../src/preflight.js';
import { BENCH_AT, workloadByName } from './workloads.js';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const warm = process.argv.includes('--warm');
const name = args[0] ?? 'mozilla-roots';
const runs = Number(args[1] ?? 20);
const w = await workloadByName(name);
const t0 = performance.now();
for (let i = 0; i < runs; i++) {
  if (!warm) clearCertificateCache();
  await preflight(w.text, { at: BENCH_AT });
}
const ms = (performance.now() - t0) / runs;
console.log(`${name}: ${runs} ${warm ? 'warm' : 'cold'} runs, ${((ms * 1000) / w.ders.length).toFixed(0)} µs per CA`);
