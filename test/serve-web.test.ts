/** scripts/serve-web.mjs: serves files under its root only, GET and HEAD only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { resolveUnder, startServer, type RunningServer } from '../scripts/serve-web.mjs';

let root: string;
let server: RunningServer;

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'ca-preflight-serve-'));
  root = join(parent, 'site');
  await mkdir(join(root, 'sub'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(root, 'sub', 'a.js'), 'export {};');
  await writeFile(join(parent, 'secret.txt'), 'outside the root');
  server = await startServer({ root, port: 0 });
});

afterAll(async () => {
  await server?.close();
  if (root) await rm(join(root, '..'), { recursive: true, force: true });
});

describe('static server', () => {
  it('maps URL paths inside the root and nothing outside it', () => {
    expect(resolveUnder(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveUnder(root, '/sub/a.js?x=1#y')).toBe(join(root, 'sub', 'a.js'));
    for (const evil of ['/../secret.txt', '/%2e%2e/secret.txt', '/sub/../../secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const file = resolveUnder(root, evil);
      expect(file === null || file.startsWith(root + sep), evil).toBe(true);
    }
    expect(resolveUnder(root, '/%E0%A4%A')).toBeNull();
    expect(resolveUnder(root, '/a%00b')).toBeNull();
  });

  it('serves files with their content type, 404 for missing ones, 405 for other methods', async () => {
    const index = await fetch(server.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>t</title>');
    const js = await fetch(new URL('sub/a.js', server.url));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(new URL('nope.js', server.url))).status).toBe(404);
    expect((await fetch(new URL('sub/', server.url))).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});
