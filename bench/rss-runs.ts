/**
 * Peak RSS of one check, over several fresh processes, for one or more copies of the library side by side:
 *   npx tsx bench/rss-runs.ts [--runs 7] [--only NAME] [--src DIR]...
 * Each `--src` is a copy of src/ (e.g. `bench/.cache/before/src`, made with
 * `mkdir -p bench/.cache/before && git archive <commit> src | tar -x -C bench/.cache/before`); without one, src/ itself.
 * Every round starts one process per copy per workload (the order of the copies turns from round to round), each running
 * `preflight` once on the workload's body (bench/rss.ts, bundled so that no loader thread is counted); prints the minimum,
 * median and maximum VmHWM per copy. The peak of a process moves by a few megabytes from run to run with the load on the
 * machine (how much the JIT compiles at once, when the collector runs), so a figure is worth its median over several.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleChild } from './child.js';
import { BENCH_AT, workloadByName } from './workloads.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Math.max(1, Number(value('--runs') ?? 7));
const only = value('--only');
const sources = args.flatMap((a, i) => (args[i - 1] === '--src' ? [join(process.cwd(), a)] : []));
if (sources.length === 0) sources.push(join(here, '..', 'src'));
const names = only ? [only] : ['hierarchy-10000', 'hierarchy-1000', 'mozilla-roots'];

const cache = join(here, '.cache');
mkdirSync(cache, { recursive: true });
const children = await Promise.all(
  sources.map((src, i) =>
    bundleChild(join(here, 'rss.ts'), join(cache, `rss-runs-${i}.mjs`), [
      {
        name: 'library-copy',
        setup(b) {
          b.onResolve({ filter: /^\.\.\/src\/preflight\.js$/ }, () => ({ path: join(src, 'preflight.ts') }));
        },
      },
    ]),
  ),
);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

console.log(`peak RSS (MB) of one check per fresh process, ${runs} runs per copy, ${new Date().toISOString()}`);
for (const name of names) {
  const w = await workloadByName(name);
  const file = join(cache, `${w.name}.body.json`);
  writeFileSync(file, w.text);
  const peaks: number[][] = sources.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < sources.length; k++) {
      const i = (k + r) % sources.length;
      const child = spawnSync(process.execPath, [children[i]!, file, BENCH_AT.toISOString()], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${name}, ${sources[i]}: ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      peaks[i]!.push((JSON.parse(child.stdout.trim().split('\n').pop()!) as { rssMB: number }).rssMB);
    }
  }
  sources.forEach((src, i) => {
    const p = peaks[i]!;
    const f = (x: number) => x.toFixed(1);
    console.log(
      `${name.padEnd(16)} ${relative(process.cwd(), src).padEnd(28)} min ${f(Math.min(...p))}  median ${f(median(p))}  max ${f(Math.max(...p))}`,
    );
  });
}
