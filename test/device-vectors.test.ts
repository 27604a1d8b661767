/**
 * Every committed device vector (vectors/device/*.json, made by `npm run vectors:device`) through `checkDevice`: the
 * whole outcome — authenticates, path, identity, failure codes and every finding in order — and coverage: every device
 * finding has a vector that trips it and a near miss where it stays silent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEVICE_EN, DEVICE_FR, DEVICE_RULES, deviceRulesMarkdownTable } from '../src/device/findings.js';
import { runDeviceVector, type DeviceVectorFile } from '../scripts/vectors/device-format.js';

const DIR = fileURLToPath(new URL('../vectors/device/', import.meta.url));
const vectors: [string, DeviceVectorFile][] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as DeviceVectorFile]);

describe('device vectors', () => {
  it('exist', () => expect(vectors.length).toBeGreaterThan(30));

  it.each(vectors)('%s', async (_file, v) => {
    const { result, projected } = await runDeviceVector(v);
    expect(projected).toEqual(v.expect);
    expect(result.authenticates).toBe(result.failures.length === 0);
    for (const id of v.nearMissFor ?? []) expect(result.findings.map((f) => f.rule)).not.toContain(id);
  });

  it('trip every device finding at least once, and hold a near miss for each', () => {
    const fired = new Set(vectors.flatMap(([, v]) => v.expect.findings.map((f) => f.rule)));
    const near = new Set(vectors.flatMap(([, v]) => v.nearMissFor ?? []));
    expect(DEVICE_RULES.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
    expect(DEVICE_RULES.map((r) => r.id).filter((id) => !near.has(id))).toEqual([]);
    // An identity case for every tlsClientAuthParameter value.
    const parameters = new Set(vectors.map(([, v]) => v.expect.identity.value !== null && v.expect.identity.parameter));
    for (const p of [
      'tls_client_auth_subject_dn',
      'tls_client_auth_san_dns',
      'tls_client_auth_san_uri',
      'tls_client_auth_san_ip',
      'tls_client_auth_san_email',
    ])
      expect(parameters, p).toContain(p);
  });
});

describe('device findings', () => {
  it('are listed in docs/device.md exactly as the code has them (run npm run generate)', () => {
    const doc = readFileSync(new URL('../docs/device.md', import.meta.url), 'utf8');
    expect(/<!-- device-rules:start -->\n([\s\S]*?)\n<!-- device-rules:end -->/.exec(doc)?.[1]).toBe(deviceRulesMarkdownTable());
  });

  it('have messages in English and French with the same variants, fixes and placeholders', () => {
    const placeholders = (t: string | undefined) => [...new Set([...(t ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    expect(Object.keys(DEVICE_EN).sort()).toEqual(DEVICE_RULES.map((r) => r.id).sort());
    expect(Object.keys(DEVICE_FR).sort()).toEqual(Object.keys(DEVICE_EN).sort());
    for (const [id, en] of Object.entries(DEVICE_EN)) {
      const fr = DEVICE_FR[id]!;
      expect(placeholders(fr.message), id).toEqual(placeholders(en.message));
      expect(placeholders(fr.fix), id).toEqual(placeholders(en.fix));
      expect(fr.fix === undefined, id).toBe(en.fix === undefined);
      expect(fr.message, id).not.toBe(en.message);
      expect(Object.keys(fr.variants ?? {}), id).toEqual(Object.keys(en.variants ?? {}));
      for (const [v, ev] of Object.entries(en.variants ?? {})) {
        const fv = fr.variants![v]!;
        expect(placeholders(fv.message), `${id}#${v}`).toEqual(placeholders(ev.message));
        expect(placeholders(fv.fix), `${id}#${v}`).toEqual(placeholders(ev.fix));
        expect(fv.fix === undefined, `${id}#${v}`).toBe(ev.fix === undefined);
      }
    }
  });
});
