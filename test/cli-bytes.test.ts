/**
 * `check` reads the bytes that would be sent: a UTF-16 body (Windows PowerShell 5's Out-File) is checked as decoded and
 * reported, a UTF-8 byte order mark gets the fix to save without it, and the local size limits are reported as local
 * limits — the same way for a file and for standard input, never as a Graph response.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS } from '../src/graph/json-text.js';
import { MAX_INPUT_BYTES } from '../src/cli/io.js';
import { runCli, spawnCli } from './helpers/cli.js';

let dir: string;
const file = (name: string) => join(dir, name);
const body = JSON.stringify({ displayName: 'Caméras' }, null, 2);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ca-preflight-bytes-'));
  writeFileSync(file('utf16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]));
  writeFileSync(file('bom.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]));
  writeFileSync(file('utf8.json'), body);
  writeFileSync(file('big-text.json'), `${' '.repeat(MAX_BODY_CHARS)}{}`);
  writeFileSync(file('too-big.json'), Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const report = (stdout: string) =>
  JSON.parse(stdout) as { findings: { rule: string; message: string; fix?: string }[]; graphError: unknown; verdict: string };

describe('check reads the bytes that would be sent', () => {
  it('checks a UTF-16LE body as decoded, and reports that its bytes are not UTF-8 JSON', async () => {
    const r = await runCli(['check', file('utf16.json'), '--format', 'json']);
    expect(r.code).toBe(1);
    const rep = report(r.stdout);
    expect(rep.findings.map((f) => f.rule)).toEqual(['body.not-utf8']);
    expect(rep.findings[0]!.message).toMatch(/^The body is UTF-16 text \(UTF-16LE, with a byte order mark, as Windows PowerShell 5 writes/);
    expect(rep.findings[0]!.fix).toMatch(/Set-Content -Encoding utf8NoBOM/);
    // What Graph does with UTF-16 bytes is not documented: no response is predicted, the verdict says so.
    expect([rep.graphError, rep.verdict]).toEqual([null, 'unknown']);
    // The same body as UTF-8: nothing to report.
    expect((await runCli(['check', file('utf8.json')])).code).toBe(0);
  });

  it('says to save without the byte order mark when a UTF-8 body starts with one', async () => {
    const r = await runCli(['check', file('bom.json'), '--format', 'json']);
    const rep = report(r.stdout);
    expect(rep.findings.map((f) => f.rule)).toEqual(['body.not-json']);
    expect(rep.findings[0]!.message).toBe('The body starts with a byte order mark (U+FEFF), which is not JSON.');
    expect(rep.findings[0]!.fix).toMatch(/^Save the file as UTF-8 without a byte order mark/);
    const fr = report((await runCli(['check', file('bom.json'), '--format', 'json', '--lang', 'fr'])).stdout);
    expect(fr.findings[0]!.fix).toMatch(/^Enregistrez le fichier en UTF-8 sans marque d’ordre des octets/);
  });
});

describe('local limits are reported as local limits, for a file and for standard input alike', () => {
  it(`a body of more than ${MAX_BODY_CHARS} characters: body.too-large, no Graph response, from a file and from stdin`, () => {
    const text = `${' '.repeat(MAX_BODY_CHARS)}{}`;
    const fromFile = spawnCli(['check', file('big-text.json'), '--format', 'json']);
    const fromStdin = spawnCli(['check', '-', '--format', 'json'], text);
    for (const r of [fromFile, fromStdin]) {
      expect(r.code, r.stderr).toBe(1);
      const rep = report(r.stdout);
      expect(rep.findings.map((f) => f.rule)).toEqual(['body.too-large']);
      expect(rep.findings[0]!.message).toMatch(/a limit of ca-preflight, not one Graph documents/);
      expect(rep.graphError).toBeNull();
    }
  }, 120_000);

  it(`input of more than ${MAX_INPUT_BYTES} bytes: exit 2 with the same message, from a file and from stdin`, () => {
    const fromFile = spawnCli(['check', file('too-big.json')]);
    const fromStdin = spawnCli(['check', '-'], ' '.repeat(MAX_INPUT_BYTES + 1));
    for (const r of [fromFile, fromStdin]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        new RegExp(`more than the ${MAX_INPUT_BYTES} bytes ca-preflight reads \\(a limit of this tool, not of Graph\\)`),
      );
      expect(r.stderr).not.toMatch(/Unable to read JSON|400/);
    }
  }, 120_000);
});
