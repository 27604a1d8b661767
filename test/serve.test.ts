/**
 * `ca-preflight serve` as a user runs it: a real process, its first line, HTTP from outside, a state file that
 * survives a restart, faults on the wire, and a clean stop on SIGTERM and SIGINT. Also the curl session of
 * docs/simulator.md, run as written.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './helpers/cli.js';
import { startServe } from './helpers/serve.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const PATH = '/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations';
const SEED = 'examples/update/get-response.json';
const JSON_HEADERS = { 'Content-Type': 'application/json' };
let dir: string;

const start = startServe;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ca-preflight-serve-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ca-preflight serve', () => {
  it('serves the seed, saves every change to the state file, reloads it, and stops cleanly on SIGTERM', async () => {
    const state = join(dir, 'state.json');
    const first = await start(['--seed', SEED, '--state', state]);
    const list = await (await fetch(`${first.url}${PATH}`)).json();
    expect(list.value).toHaveLength(1);
    const created = await fetch(`${first.url}${PATH}`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ displayName: 'second', tlsClientAuthParameter: 'tls_client_auth_san_dns' }),
    });
    expect(created.status).toBe(201);
    const id = (await created.json()).id as string;
    expect(created.headers.get('location')).toBe(`${first.url}${PATH}/${id}`);
    const saved = JSON.parse(readFileSync(state, 'utf8'));
    expect(saved.value.map((r: { displayName: string }) => r.displayName)).toEqual(['DoorCamera_Model_X_TrustedCAs', 'second']);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.stderr()).toMatch(/stopped/);

    // The state file wins over the seed once it exists.
    const second = await start(['--seed', SEED, '--state', state]);
    expect((await (await fetch(`${second.url}${PATH}/${id}`)).json()).displayName).toBe('second');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('drops the connection on the wire, and requires a token when asked', async () => {
    const s = await start(['--seed', SEED, '--faults', 'drop@GET#1', '--require-token']);
    await expect(fetch(`${s.url}${PATH}`, { headers: { Authorization: 'Bearer t' } })).rejects.toThrow(TypeError);
    const noToken = await fetch(`${s.url}${PATH}`);
    expect(noToken.status).toBe(401);
    expect((await noToken.json()).error.message).toBe('Access token is empty.');
    expect((await fetch(`${s.url}${PATH}`, { headers: { Authorization: 'Bearer t' } })).status).toBe(200);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('refuses a bad fault spec, a bad port and a missing seed with exit 2 and a message that says how', async () => {
    const spec = await runCli(['serve', '--faults', 'throttle@PUT']);
    expect(spec.code).toBe(2);
    expect(spec.stderr).toMatch(/--faults: fault 1 \("throttle@PUT"\): "@PUT" is not a WHEN/);
    const port = await runCli(['serve', '--port', '70000']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/--port must be a number from 0 to 65535/);
    const seed = await runCli(['serve', '--seed', join(dir, 'missing.json')]);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toMatch(/does not exist/);
    const notResource = join(dir, 'not-resource.json');
    writeFileSync(notResource, '[1, 2]');
    const bad = await runCli(['serve', '--seed', notResource]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/must be a mutualTlsOauthConfiguration resource/);
    const help = await runCli(['serve', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/drop-after/);
    expect(help.stdout).toMatch(/x-ca-preflight-fault/);
  });

  it('answers the curl session of docs/simulator.md as the document shows', async () => {
    const doc = readFileSync(join(root, 'docs/simulator.md'), 'utf8');
    const block = /<!-- curl-session -->\n```sh\n([\s\S]*?)```/.exec(doc);
    expect(block, 'docs/simulator.md has a curl-session block').not.toBeNull();
    let curl = true;
    try {
      execFileSync('curl', ['--version'], { stdio: 'ignore' });
    } catch {
      curl = false;
    }
    if (!curl) {
      if (process.env.CI) throw new Error('curl is missing: apt-get install -y curl');
      console.warn('curl is not installed (apt-get install -y curl): the curl session of docs/simulator.md was not run');
      return;
    }
    const s = await start(['--seed', SEED]);
    const base = s.url;
    const lines = block![1]!.split('\n').filter((l) => l.startsWith('curl '));
    expect(lines.length).toBeGreaterThan(4);
    const outputs: string[] = [];
    for (const line of lines) {
      // Each line is a curl command as a POSIX shell reads it: words of single-quoted (literal), double-quoted ($BASE
      // expanded) and bare parts; $BASE is the printed base URL.
      const argv = shellWords(line.slice(5), { BASE: base });
      outputs.push(execFileSync('curl', argv, { encoding: 'utf8' }));
    }
    const expected = [...doc.matchAll(/<!-- curl-expect (\d+) -->\n```\n([\s\S]*?)```/g)];
    expect(expected.length).toBeGreaterThan(2);
    for (const [, n, text] of expected) {
      for (const fragment of text!.trim().split('\n')) expect(outputs[Number(n) - 1], `curl line ${n}`).toContain(fragment.trim());
    }
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(existsSync(join(root, 'state.json'))).toBe(false);
  });
});

/** The words of a command line as sh splits them, for the quoting the document uses ('…', "…" with $NAME, bare $NAME). */
function shellWords(line: string, vars: Record<string, string>): string[] {
  const expand = (text: string) => text.replace(/\$([A-Z_]+)/g, (_, name: string) => vars[name] ?? '');
  const words: string[] = [];
  for (const word of line.match(/(?:'[^']*'|"[^"]*"|[^\s'"]+)+/g) ?? []) {
    let value = '';
    for (const [part] of word.matchAll(/'[^']*'|"[^"]*"|[^'"]+/g))
      value += part.startsWith("'") ? part.slice(1, -1) : expand(part.startsWith('"') ? part.slice(1, -1) : part);
    words.push(value);
  }
  return words;
}
