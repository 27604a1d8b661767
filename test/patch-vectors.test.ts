/** Runs the committed safe-update vectors (vectors/update/patch/, written by `npm run vectors:update`). */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPatchRequest } from '../src/diff/request.js';
import type { PatchVector } from './support/vector-format.js';
import { simulatePatch } from '../src/graph/simulator.js';

const DIR = join(import.meta.dirname, '..', 'vectors', 'update', 'patch');


const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')).sort() : [];

describe('safe-update vectors', () => {
  it('are present (regenerate with npm run vectors:update)', () => {
    expect(files).toEqual(expect.arrayContaining([
      'add-root.json', 'refuse-silent-removal.json', 'allow-named-removal.json', 'rename-only.json',
      'refuse-bad-certificate.json', 'get-response-as-current-and-desired.json',
    ]));
  });

  it.each(files)('%s', async (file) => {
    const v = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as PatchVector;
    expect(typeof v.description).toBe('string');
    expect((v.desired === undefined) !== (v.operations === undefined)).toBe(true);
    const result = await buildPatchRequest(v.current, v.operations ?? v.desired, v.options);
    expect(result.ok).toBe(v.expect.ok);
    if (!result.ok) {
      expect(result.refusal.reasons.map((r) => r.kind)).toEqual(v.expect.refusal);
      return;
    }
    expect(result.request?.body ?? null).toEqual(v.expect.body);
    if (!result.request) return;
    // The server, as simulated, accepts what the builder sends, and stores exactly the list it carries.
    const answer = await simulatePatch(v.current, result.request, { at: v.options.at });
    expect(answer.status).toBe(200);
    const sent = result.request.body.certificateAuthorities as { certificate: string }[] | undefined;
    const stored = (answer.body as { certificateAuthorities: { certificate: string }[] }).certificateAuthorities;
    if (sent) expect(stored.map((e) => e.certificate)).toEqual(sent.map((e) => e.certificate));
    else expect(stored).toEqual((v.current as { certificateAuthorities: unknown }).certificateAuthorities);
  });
});
