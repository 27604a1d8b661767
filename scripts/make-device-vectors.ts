/**
 * Vectors for the device check (`checkDevice`, `ca-preflight device`): vectors/device/*.json, each
 * `{ description, at, device | deviceDer, config, crls?, tlsClientAuthParameter?, nearMissFor?, expect }` where `expect`
 * is the whole outcome: `authenticates`, `path` (indexes), `identity`, the failures' codes, and every finding (rule,
 * path, severity). Every case declares what it must give and nothing is written unless the library gives exactly that;
 * every device finding has a case that trips it and a near miss. Keys are fresh per run; expectations are not.
 *
 *   npm run vectors:device
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEVICE_RULES } from '../src/device/findings.js';
import { encodeBase64 } from '../src/certificate/encoding.js';
import { deviceCases, type DeviceCase } from './vectors/cases-device.js';
import { runDeviceVector, type DeviceVectorFile } from './vectors/device-format.js';
import { stableShape } from './vectors/framework.js';

const ROOT = new URL('..', import.meta.url).pathname;
const DIR = join(ROOT, 'vectors', 'device');

function problems(c: DeviceCase, got: DeviceVectorFile['expect']): string[] {
  const out: string[] = [];
  const key = (f: { rule: string; path: string; severity: string }) => `${f.rule} @ ${JSON.stringify(f.path)} (${f.severity})`;
  const left = got.findings.map(key);
  for (const d of c.expect.findings.map(key)) {
    const i = left.indexOf(d);
    if (i < 0) out.push(`missing finding ${d}`);
    else left.splice(i, 1);
  }
  for (const u of left) out.push(`unexpected finding ${u}`);
  if (got.authenticates !== c.expect.authenticates) out.push(`authenticates is ${got.authenticates}`);
  if (JSON.stringify(got.failures) !== JSON.stringify(c.expect.failures)) out.push(`failure codes ${JSON.stringify(got.failures)}`);
  if (JSON.stringify(got.path) !== JSON.stringify(c.expect.path)) out.push(`path ${JSON.stringify(got.path)}`);
  if (JSON.stringify(got.identity) !== JSON.stringify(c.expect.identity)) out.push(`identity ${JSON.stringify(got.identity)}`);
  for (const id of c.nearMissFor ?? []) if (got.findings.some((f) => f.rule === id)) out.push(`near miss for ${id}, but it fired`);
  return out;
}

async function main(): Promise<void> {
  const cases = await deviceCases();
  const issues: string[] = [];
  const files: [string, DeviceVectorFile][] = [];
  const fired = new Set<string>();
  const nearMissed = new Set<string>();
  for (const c of cases) {
    const file: DeviceVectorFile = {
      description: c.description,
      at: c.at,
      ...(typeof c.device === 'string' ? { device: c.device } : { deviceDer: encodeBase64(c.device) }),
      config: c.config,
      ...(c.crls ? { crls: c.crls.map((x) => ({ source: x.source, der: encodeBase64(x.bytes!) })) } : {}),
      ...(c.tlsClientAuthParameter ? { tlsClientAuthParameter: c.tlsClientAuthParameter } : {}),
      ...(c.nearMissFor?.length ? { nearMissFor: c.nearMissFor } : {}),
      expect: c.expect,
    };
    const { projected: got } = await runDeviceVector(file);
    for (const p of problems(c, got)) issues.push(`${c.name}: ${p}`);
    for (const f of got.findings) fired.add(f.rule);
    for (const id of c.nearMissFor ?? []) nearMissed.add(id);
    files.push([c.name, { ...file, expect: got }]);
  }
  for (const r of DEVICE_RULES) {
    if (!fired.has(r.id)) issues.push(`no case trips ${r.id}`);
    if (!nearMissed.has(r.id)) issues.push(`no near-miss case for ${r.id}`);
  }
  if (issues.length) {
    console.error(`make-device-vectors: ${issues.length} problem(s); nothing written.\n  ${issues.join('\n  ')}`);
    process.exit(1);
  }
  mkdirSync(DIR, { recursive: true });
  // A file whose case is unchanged stays as it is (fresh keys would rewrite every byte): same input with the bytes
  // masked, same expectation, and the committed file still gives it.
  let kept = 0;
  const names = new Set(files.map(([name]) => `${name}.json`));
  for (const f of readdirSync(DIR)) if (f.endsWith('.json') && !names.has(f)) rmSync(join(DIR, f));
  for (const [name, file] of files) {
    const path = join(DIR, `${name}.json`);
    if (existsSync(path) && !process.argv.includes('--fresh')) {
      const old = JSON.parse(readFileSync(path, 'utf8')) as DeviceVectorFile;
      const same =
        stableShape(old as unknown as Record<string, unknown>) === stableShape(file as unknown as Record<string, unknown>) &&
        JSON.stringify(old.expect) === JSON.stringify(file.expect) &&
        JSON.stringify((await runDeviceVector(old)).projected) === JSON.stringify(old.expect);
      if (same) {
        kept++;
        continue;
      }
    }
    writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
  }
  console.log(`make-device-vectors: ${files.length} vectors in vectors/device, ${files.length - kept} written, ${kept} kept`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
