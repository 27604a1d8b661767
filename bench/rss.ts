/**
 * Peak memory of one preflight run, in a process of its own: reads a body written by bench/run.ts, runs `preflight`
 * on it once, and prints JSON `{ "rssMB", "idleMB" }` — the process's peak resident set after the run, and before it
 * (node, the loaded code and the body text). The peak is VmHWM from /proc/self/status where there is one: Linux carries
 * ru_maxrss (process.resourceUsage().maxRSS) over from the parent across fork and exec, so a child started by a large
 * benchmark process would report the parent's size.
 *   tsx bench/rss.ts <body.json> <at ISO>
 */
import { existsSync, readFileSync } from 'node:fs';
import { preflight } from '../src/preflight.js';

const [file, at] = process.argv.slice(2);
if (!file || !at) {
  console.error('usage: tsx bench/rss.ts <body.json> <at ISO>');
  process.exit(2);
}
function peakMB(): number {
  if (existsSync('/proc/self/status')) {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  }
  return process.resourceUsage().maxRSS / 1024;
}

const text = readFileSync(file, 'utf8');
const idleMB = peakMB();
const report = await preflight(text, { at });
const rssMB = peakMB();
process.stdout.write(`${JSON.stringify({ rssMB, idleMB, findings: report.findings.length })}\n`);
