/**
 * The installed executable: dist/cli/bin.cjs loading the bundled command line (scripts/build-cli.mjs) with V8's code
 * cache. It must say exactly what the modules say (`main` in-process), including on the lazily loaded paths (a command's
 * module, the PKCS#7 reader), and its cache must only ever make it faster: absent, used, rejected and rewritten,
 * unwritable or turned off, the output is the same. Needs `npm run build` first (CI builds before it tests).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'dist', 'cli', 'bin.cjs');
let cacheDir: string;

function runBin(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CA_PREFLIGHT_CACHE_DIR: cacheDir, CA_PREFLIGHT_DEBUG_CACHE: '1', ...env },
    timeout: 60_000,
  });
  const debug = /^ca-preflight: code cache (used|rejected|absent)\b.*\n/m;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(debug, ''), cache: debug.exec(r.stderr)?.[1] ?? null };
}

beforeAll(() => {
  if (!existsSync(bin) || !existsSync(join(root, 'dist', 'cli', 'ca-preflight.bundle.cjs')))
    throw new Error('dist/cli/bin.cjs or its bundle is missing: run `npm run build` first');
  cacheDir = mkdtempSync(join(tmpdir(), 'ca-preflight-cache-'));
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('the bundled executable', () => {
  it.each([
    [['check', 'examples/valid-body.json']],
    [['check', 'examples/example2-request.json', '--format', 'json', '--at', '2026-01-01T00:00:00Z']],
    [['check', 'examples/example2-request.json', '--lang', 'fr']],
    [['inspect', 'examples/contoso-root.pem', '--format', 'json']],
    [['--list-rules', '--format', 'json']],
    [['--version']],
    [['patch', '--help']],
    [['no-such-command']],
  ])('says what the modules say: %j', async (args) => {
    const bundled = runBin(args);
    const modules = await runCli(args);
    const stable = (s: string) => s.replace(/"(request-id|client-request-id)": "[^"]+"/g, '"$1": "…"');
    expect(bundled.code).toBe(modules.code);
    expect(stable(bundled.stdout)).toBe(stable(modules.stdout));
    expect(bundled.stderr).toBe(modules.stderr);
  });

  it('reads a PKCS#7 bundle (the reader it loads on demand)', async () => {
    const p7b = join(cacheDir, 'contoso.p7b');
    const made = spawnSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', 'examples/contoso-root.pem', '-outform', 'DER', '-out', p7b], {
      cwd: root,
    });
    if (made.status !== 0) throw new Error(`openssl is needed to make a .p7b: ${made.stderr}`);
    const bundled = runBin(['inspect', p7b, '--format', 'json']);
    const modules = await runCli(['inspect', p7b, '--format', 'json']);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout).toBe(modules.stdout);
    expect(JSON.parse(bundled.stdout)).toMatchObject({ subject: expect.any(Object) });
  });
});

describe('its code cache', () => {
  const check = ['check', 'examples/valid-body.json', '--format', 'json', '--at', '2026-01-01T00:00:00Z'];
  const files = () => readdirSync(cacheDir).filter((f) => f.endsWith('.v8cache'));

  it('is made on the first run, in a folder only the user can read, and used on the next', () => {
    for (const f of files()) rmSync(join(cacheDir, f));
    const first = runBin(check);
    expect(first.cache).toBe('absent');
    expect(files()).toHaveLength(1);
    if (process.platform !== 'win32') expect(statSync(join(cacheDir, files()[0]!)).mode & 0o077).toBe(0);
    const second = runBin(check);
    expect(second.cache).toBe('used');
    expect(second.stdout).toBe(first.stdout);
  });

  it('is rejected and made again when it is damaged, with the same output', () => {
    const clean = runBin(check);
    const file = join(cacheDir, files()[0]!);
    writeFileSync(file, Buffer.alloc(4096, 0x5a));
    const damaged = runBin(check);
    expect(damaged.cache).toBe('rejected');
    expect(damaged.stdout).toBe(clean.stdout);
    expect(runBin(check).cache).toBe('used');
  });

  it('changes nothing when turned off or when it cannot be written', () => {
    const clean = runBin(check);
    const off = runBin(check, { CA_PREFLIGHT_NO_CACHE: '1' });
    expect(off.cache).toBe('absent');
    expect(off.stdout).toBe(clean.stdout);
    const notADirectory = join(cacheDir, 'a-file');
    writeFileSync(notADirectory, '');
    const unwritable = runBin(check, { CA_PREFLIGHT_CACHE_DIR: join(notADirectory, 'cache') });
    expect(unwritable.code).toBe(clean.code);
    expect(unwritable.stdout).toBe(clean.stdout);
    expect(unwritable.stderr).toBe('');
  });
});
