/// <reference types="vite/client" />
/**
 * Every committed test vector, run inside Chromium:
 * - the preflight vectors (the files vectors/index.json names): exactly the expected findings (rule, path, severity,
 *   line:column when the body is text), the same `ok`, the same predicted Graph error;
 * - the safe-update vectors (vectors/update/patch/): the same request body or refusal from `buildPatchRequest`,
 *   and the simulated server accepts what is built.
 * - the device vectors (vectors/device/): the same outcome from `checkDevice`, so the page's device panel agrees.
 * A JSON file under vectors/ that is none of these fails the run, so no vector is skipped silently.
 */
import { describe, expect, it } from 'vitest';
import { preflight } from '../../../src/index.js';
import { runDeviceVector, type DeviceVectorFile } from '../../../scripts/vectors/device-format.js';
import {
  checkPatchVector,
  isTextVector,
  preflightOptions,
  vectorBody,
  projectFindings,
  projectGraphError,
  type PatchVector,
  type PreflightVector,
} from '../../support/vector-format.js';

const ROOT = '../../../vectors/';
const loaders = import.meta.glob<unknown>('../../../vectors/**/*.json', { import: 'default' });
const indexes = import.meta.glob<{ at?: string; cases: { file: string }[] }>('../../../vectors/index.json', {
  import: 'default',
  eager: true,
});
const index = indexes[`${ROOT}index.json`];
const files = Object.keys(loaders)
  .map((k) => k.slice(ROOT.length))
  .sort();
const preflightFiles = (index?.cases ?? []).map((c) => c.file);
const patchFiles = files.filter((f) => f.startsWith('update/patch/'));
const deviceFiles = files.filter((f) => f.startsWith('device/'));
const load = async <T>(file: string) => (await loaders[ROOT + file]!()) as T;

describe('test vectors in Chromium', () => {
  it('finds the vectors, and knows how to run every one of them', () => {
    expect(index, 'vectors/index.json is missing: generate the vectors (npm run vectors)').toBeDefined();
    expect(preflightFiles.length, 'vectors/index.json names no vector').toBeGreaterThan(0);
    const known = new Set(['index.json', ...preflightFiles, ...patchFiles, ...deviceFiles]);
    expect(
      files.filter((f) => !known.has(f)),
      'vector files of a kind this test does not run',
    ).toEqual([]);
    for (const f of preflightFiles) expect(files, `vectors/index.json names ${f}, which is missing`).toContain(f);
  });

  it.each(preflightFiles)('%s', async (file) => {
    const vector = await load<PreflightVector>(file);
    expect([vector.body, vector.bodyText, vector.bodyBase64].filter((b) => b !== undefined)).toHaveLength(1);
    const report = await preflight(vectorBody(vector), preflightOptions(vector, index?.at));
    expect(projectFindings(report, isTextVector(vector))).toEqual(vector.expect.findings);
    expect(report.ok).toBe(vector.expect.ok);
    expect(projectGraphError(report)).toEqual(vector.expect.graphError);
  });

  it.each(patchFiles)('%s', async (file) => {
    await checkPatchVector(await load<PatchVector>(file));
  });

  it.each(deviceFiles)('%s', async (file) => {
    const v = await load<DeviceVectorFile>(file);
    expect((await runDeviceVector(v)).projected).toEqual(v.expect);
  });
});
