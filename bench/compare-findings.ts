/**
 * Optimisations must not change a single finding. This runs two copies of the library on the same corpus and compares
 * the complete reports (findings with messages and positions, graphError) and the facts `inspectCertificate` gives:
 *   tsx bench/compare-findings.ts <reference src directory> [fuzz cases, default 3000]
 *   tsx bench/compare-findings.ts --from-git [fuzz cases]
 * The reference is a copy of src/ with the optimisation under test reverted; it must sit inside the repository (for
 * example bench/.cache/ref/src) so that it resolves the same node_modules. --from-git makes that copy: src/ with every
 * file that differs from the last commit restored to its committed version (git is only read).
 *
 * Corpus: every vector under vectors/ (body or bodyText, current, at, strict), the Mozilla roots, the generated
 * hierarchies of 10, 100 and 1,000 CAs, each as text and as a parsed value, and seeded mutations of real certificates
 * (bytes flipped, lengths changed, cut short, extended) so that decoding failures are compared too.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { BENCH_AT, hierarchyWorkload, mozillaWorkload } from './workloads.js';
import { seededRandom } from '../src/seeded-random.js';

type Preflight = (body: unknown, options?: Record<string, unknown>) => Promise<unknown>;
type Inspect = (input: string | Uint8Array) => Promise<unknown>;
interface Library {
  preflight: Preflight;
  inspectCertificate: Inspect;
}

const [refArg, fuzzArg] = process.argv.slice(2);
if (!refArg) {
  console.error('usage: tsx bench/compare-findings.ts <reference src directory> | --from-git [fuzz cases]');
  process.exit(2);
}

/** bench/.cache/ref/src: src/ with the files changed since the last commit restored from git. */
function referenceFromGit(): string {
  const ref = join('bench', '.cache', 'ref');
  rmSync(ref, { recursive: true, force: true });
  mkdirSync(ref, { recursive: true });
  cpSync('src', join(ref, 'src'), { recursive: true });
  const changed = execFileSync('git', ['diff', '--name-only', 'HEAD', '--', 'src'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const file of changed) {
    const committed = execFileSync('git', ['show', `HEAD:${file}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    mkdirSync(dirname(join(ref, file)), { recursive: true });
    writeFileSync(join(ref, file), committed);
  }
  console.log(`reference: src/ with ${changed.length ? changed.join(', ') : 'nothing'} as committed`);
  return join(ref, 'src');
}

const refDir = refArg === '--from-git' ? referenceFromGit() : refArg;

async function load(dir: string): Promise<Library> {
  const preflight = (await import(pathToFileURL(join(dir, 'preflight.ts')).href)) as { preflight: Preflight };
  // inspectCertificate lives in certificate/inspect.ts now, in certificate/facts.ts in older copies.
  const facts = (await import(
    pathToFileURL(join(dir, 'certificate', existsSync(join(dir, 'certificate', 'inspect.ts')) ? 'inspect.ts' : 'facts.ts')).href
  )) as {
    inspectCertificate: Inspect;
  };
  return { preflight: preflight.preflight, inspectCertificate: facts.inspectCertificate };
}

const ours = await load(resolve('src'));
const reference = await load(resolve(refDir));

interface Case {
  name: string;
  body: unknown;
  options: Record<string, unknown>;
}

function* vectorFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* vectorFiles(path);
    else if (name.endsWith('.json') && name !== 'index.json') yield path;
  }
}

function vectorCases(): Case[] {
  if (!existsSync('vectors')) return [];
  const cases: Case[] = [];
  for (const file of vectorFiles('vectors')) {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (!('body' in v) && !('bodyText' in v)) continue;
    const options: Record<string, unknown> = { at: v.at ?? BENCH_AT.toISOString(), clientRequestId: 'compare' };
    if (v.strict) options.strict = true;
    if ('current' in v) options.current = v.current;
    cases.push({ name: file, body: 'bodyText' in v ? v.bodyText : v.body, options });
    if ('body' in v) cases.push({ name: `${file} (as text)`, body: JSON.stringify(v.body, null, 2), options });
  }
  return cases;
}

/** One mutation of a DER certificate: what a corrupted upload, a bad copy or a hostile input looks like. */
function mutate(der: Uint8Array, random: () => number): Uint8Array {
  const out = der.slice();
  const at = Math.floor(random() * der.length);
  switch (Math.floor(random() * 6)) {
    case 0:
      out[at] = out[at]! ^ (1 << Math.floor(random() * 8));
      return out; // one bit
    case 1:
      out[at] = Math.floor(random() * 256);
      return out; // one byte
    case 2:
      return out.subarray(0, at); // cut short
    case 3: {
      // a length byte one larger or smaller, somewhere in the first bytes where the structure is
      const i = Math.floor(random() * Math.min(der.length, 200));
      out[i] = (out[i]! + (random() < 0.5 ? 1 : 255)) & 255;
      return out;
    }
    case 4: {
      const longer = new Uint8Array(der.length + 1);
      longer.set(der);
      longer[der.length] = 0;
      return longer;
    } // trailing byte
    default: {
      // a whole TLV-sized run of random bytes
      for (let i = at; i < Math.min(der.length, at + 8); i++) out[i] = Math.floor(random() * 256);
      return out;
    }
  }
}

function normalise(report: unknown): unknown {
  // innerError carries a fresh request-id unless given; clientRequestId fixes both, but keep the date-free shape anyway.
  return JSON.parse(JSON.stringify(report));
}

let compared = 0;
let differences = 0;
async function compare(c: Case): Promise<void> {
  const [a, b] = await Promise.all([
    ours.preflight(c.body, c.options).then(normalise, (e: Error) => ({ threw: e.message })),
    reference.preflight(c.body, c.options).then(normalise, (e: Error) => ({ threw: e.message })),
  ]);
  compared++;
  if (!isDeepStrictEqual(a, b)) {
    differences++;
    if (differences <= 10) {
      console.log(`DIFFERENT: ${c.name}`);
      console.log(`  ours:      ${JSON.stringify(a).slice(0, 600)}`);
      console.log(`  reference: ${JSON.stringify(b).slice(0, 600)}`);
    }
  }
}

async function compareFacts(name: string, der: Uint8Array): Promise<void> {
  const [a, b] = await Promise.all([
    ours.inspectCertificate(der).then(normalise, (e: Error) => ({ threw: e.message })),
    reference.inspectCertificate(der).then(normalise, (e: Error) => ({ threw: e.message })),
  ]);
  compared++;
  if (!isDeepStrictEqual(a, b)) {
    differences++;
    if (differences <= 10)
      console.log(
        `DIFFERENT facts: ${name}\n  ours:      ${JSON.stringify(a).slice(0, 400)}\n  reference: ${JSON.stringify(b).slice(0, 400)}`,
      );
  }
}

const options = { at: BENCH_AT.toISOString(), clientRequestId: 'compare' };
const workloads = [mozillaWorkload(), await hierarchyWorkload(10), await hierarchyWorkload(100), await hierarchyWorkload(1000)];
for (const c of vectorCases()) await compare(c);
for (const w of workloads) {
  await compare({ name: `${w.name} (text)`, body: w.text, options });
  await compare({ name: `${w.name} (value)`, body: JSON.parse(w.text), options });
}
const mozilla = workloads[0]!;
for (let i = 0; i < mozilla.ders.length; i++) await compareFacts(`mozilla #${i}`, mozilla.ders[i]!);

// Mutated certificates, checked one body per 20 mutations so decoding errors meet the chain rules too.
const fuzzCases = Number(fuzzArg ?? 3000);
const random = seededRandom(20261121).next;
const pool = [...mozilla.ders, ...workloads[2]!.ders];
const toBase64 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
for (let done = 0; done < fuzzCases; done += 20) {
  const entries = [];
  for (let k = 0; k < 20; k++) {
    const der = mutate(pool[Math.floor(random() * pool.length)]!, random);
    entries.push({ certificate: toBase64(der), isRootAuthority: random() < 0.5 });
    if (k < 3) await compareFacts(`mutation ${done + k}`, der);
  }
  await compare({ name: `mutations ${done}–${done + 19}`, body: JSON.stringify({ certificateAuthorities: entries }), options });
}

console.log(`${compared} comparisons, ${differences} different`);
process.exit(differences ? 1 : 0);
