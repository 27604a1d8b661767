/**
 * The "CLI start" workload: wall time of `ca-preflight check examples/valid-body.json` (a two-CA body) against a bare
 * `node -e 0`, side by side. Each round starts both once, in alternating order; the figure is the median of the
 * per-round ratios (load on a shared machine moves both sides alike), and the ratio of the fastest runs (noise only ever
 * adds time to a start-up, so the minima are what the machine does unloaded). Also reports the unbundled build
 * (dist/cli/main.js, what tsc emits) when it is there, so the effect of the bundle is measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface CliStartResult {
  name: 'cli-start';
  /** Median wall ms of `node -e 0`. */
  nodeMs: number;
  /** Median wall ms of the bundled `check` (the package's bin). */
  cliMs: number;
  /** Median of the per-round ratios cli / node. */
  ratio: number;
  ratioRange: [number, number];
  /** Fastest run of the CLI over the fastest `node -e 0`. */
  minRatio: number;
  /** The same for the unbundled tsc output, when built. */
  unbundledMs: number | null;
  unbundledRatio: number | null;
  rounds: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function timeRun(args: string[], cwd: string): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr?.toString().slice(0, 500)}`);
  return ms;
}

export function measureCliStart(root: string, bin: string, rounds = 21): CliStartResult {
  const body = join('examples', 'valid-body.json');
  const unbundled = join(root, 'dist', 'cli', 'main.js');
  const hasUnbundled = existsSync(unbundled) && unbundled !== join(root, bin);
  const node: number[] = [];
  const cli: number[] = [];
  const plain: number[] = [];
  const ratios: number[] = [];
  const plainRatios: number[] = [];
  const bare = ['-e', '0'];
  const check = [bin, 'check', body];
  const checkPlain = [unbundled, 'check', body];
  for (const args of [bare, check, ...(hasUnbundled ? [checkPlain] : [])]) timeRun(args, root); // warm the file cache
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 ? [check, bare] : [bare, check];
    const times = new Map(order.map((a) => [a, timeRun(a, root)]));
    const n = times.get(bare)!;
    node.push(n);
    cli.push(times.get(check)!);
    ratios.push(times.get(check)! / n);
    if (hasUnbundled) {
      const p = timeRun(checkPlain, root);
      plain.push(p);
      plainRatios.push(p / n);
    }
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  return {
    name: 'cli-start',
    nodeMs: median(node),
    cliMs: median(cli),
    ratio: median(ratios),
    ratioRange: [sorted[Math.floor(sorted.length / 4)]!, sorted[Math.ceil((sorted.length * 3) / 4) - 1]!],
    minRatio: Math.min(...cli) / Math.min(...node),
    unbundledMs: hasUnbundled ? median(plain) : null,
    unbundledRatio: hasUnbundled ? median(plainRatios) : null,
    rounds,
  };
}
