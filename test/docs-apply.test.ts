/**
 * The get → plan → apply → verify → undo sessions of docs/update.md and the README show real output. Each session
 * starts after a `<!-- apply-session: serve ARGS -->` line: the test starts `ca-preflight serve ARGS` as a real process,
 * then runs every `$ ca-preflight …` line of the session's console blocks in order, in a scratch directory holding a copy
 * of examples/update/, with http://127.0.0.1:8080 standing for the URL serve printed. `> FILE` sends standard output
 * to FILE; `$ echo $?` prints the previous exit status. What the commands print must be exactly what the document shows.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { runCli } from './helpers/cli.js';
import { startServe } from './helpers/serve.js';

const root = join(import.meta.dirname, '..');
const SHOWN_URL = 'http://127.0.0.1:8080';

interface Session {
  file: string;
  serveArgs: string[];
  blocks: string[];
}

const words = (line: string): string[] => [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);

/** The sessions of a document: each marker line and the console blocks up to the next marker or `<!-- apply-session end -->`. */
function sessionsOf(file: string): Session[] {
  const text = readFileSync(join(root, file), 'utf8');
  const parts = text.split(/^<!-- apply-session(?:: (.*?))? -->$/m);
  const sessions: Session[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const args = parts[i];
    if (args === undefined) continue; // an end marker
    const blocks = [...parts[i + 1]!.matchAll(/```console\n([\s\S]*?)```/g)].map((m) => m[1]!);
    sessions.push({ file, serveArgs: words(args).slice(1), blocks });
  }
  return sessions;
}

const sessions = [...sessionsOf('docs/update.md'), ...sessionsOf('README.md')];
let scratch: string;
const cwd = process.cwd();

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ca-preflight-docs-'));
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(scratch, { recursive: true, force: true });
});

describe('the apply sessions of the documents', () => {
  it('has sessions in docs/update.md and the README', () => {
    expect(sessions.filter((s) => s.file === 'docs/update.md').length).toBeGreaterThanOrEqual(2);
    expect(sessions.filter((s) => s.file === 'README.md').length).toBeGreaterThanOrEqual(1);
  });

  it.each(sessions.map((s, i) => [i + 1, s.file, s] as const))('session %i of %s prints what it shows', async (i, _file, session) => {
    const dir = join(scratch, `session-${i}`);
    cpSync(join(root, 'examples', 'update'), join(dir, 'examples', 'update'), { recursive: true });
    const serve = await startServe(session.serveArgs.map((a) => (a.startsWith('examples/') ? join(root, a) : a)));
    process.chdir(dir);
    try {
      for (const block of session.blocks) {
        const lines = block.replace(/\n$/, '').split('\n');
        let actual = '';
        let last = 0;
        for (const line of lines) {
          if (!line.startsWith('$ ')) continue;
          actual += `${line}\n`;
          const command = line.slice(2).split(SHOWN_URL).join(serve.url);
          if (command === 'echo $?') {
            actual += `${last}\n`;
            continue;
          }
          const redirect = /\s+>\s*(\S+)$/.exec(command);
          const argv = words(redirect ? command.slice(0, redirect.index) : command);
          expect(argv[0]).toBe('ca-preflight');
          const r = await runCli(argv.slice(1));
          last = r.code;
          if (redirect) writeFileSync(join(dir, redirect[1]!), r.stdout);
          const both = redirect ? r.stderr : r.both;
          actual += both.split(serve.url).join(SHOWN_URL);
        }
        expect(actual).toBe(`${lines.join('\n')}\n`);
      }
    } finally {
      process.chdir(cwd);
      await serve.stop();
    }
  });
});
