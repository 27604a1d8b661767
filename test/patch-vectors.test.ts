/** Runs the committed safe-update vectors (vectors/update/patch/, written by `npm run vectors:update`). */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPatchVector, type PatchVector } from './support/vector-format.js';

const DIR = join(import.meta.dirname, '..', 'vectors', 'update', 'patch');

const files = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];

describe('safe-update vectors', () => {
  it('are present (regenerate with npm run vectors:update)', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'add-root.json',
        'refuse-silent-removal.json',
        'allow-named-removal.json',
        'rename-only.json',
        'refuse-bad-certificate.json',
        'get-response-as-current-and-desired.json',
      ]),
    );
  });

  it.each(files)('%s', async (file) => {
    await checkPatchVector(JSON.parse(readFileSync(join(DIR, file), 'utf8')) as PatchVector);
  });
});
