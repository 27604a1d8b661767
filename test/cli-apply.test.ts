/**
 * `ca-preflight get`, `plan` and `apply` against `ca-preflight serve` running as a real process on 127.0.0.1, driven
 * over HTTP: the whole workflow, each fault the issue names, confirmation on and off a terminal, the token sources
 * (--token-command and GRAPH_TOKEN in a real process, DefaultAzureCredential through an injected stand-in), and no
 * token in any output or file.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandIO } from '../src/cli/commands/types.js';
import { createGraphHandler } from '../src/simulator/index.js';
import { runCli, spawnCli } from './helpers/cli.js';
import { startServe, type Running } from './helpers/serve.js';

const examples = join(import.meta.dirname, '..', 'examples', 'update');
const ID = 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb';
const PATH = `/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/${ID}`;
let dir: string;
const f = (name: string) => join(dir, name);

async function cli(argv: string[], extra: Partial<CommandIO> = {}): Promise<{ code: number; out: string; err: string }> {
  const r = await runCli(argv, extra);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}
const GOOD_TOKEN = jwt({ aud: 'https://graph.microsoft.com', roles: ['MutualTlsOauthConfiguration.ReadWrite.All'], exp: 4102444800 });

/** Starts serve, gets the resource and plans the addition of G2 from it: the state a second admin would be in. */
async function planned(faults: string, name: string, extraServe: string[] = []): Promise<{ s: Running; plan: string }> {
  const s = await startServe(['--seed', join(examples, 'get-response.json'), ...(faults ? ['--faults', faults] : []), ...extraServe]);
  const token = extraServe.includes('--require-token') ? ['--token', GOOD_TOKEN] : [];
  const got = await cli(['get', '--id', ID, '--base-url', s.url, ...token]);
  expect(got.code, got.err).toBe(0);
  writeFileSync(f(`${name}.get.json`), got.out);
  const plan = f(`${name}.plan.json`);
  const p = await cli(['plan', f(`${name}.get.json`), '--add', join(examples, 'new-root-g2.pem'), '--out', plan]);
  expect(p.code, p.err).toBe(0);
  return { s, plan };
}

async function live(s: Running): Promise<Record<string, unknown>> {
  return (await fetch(`${s.url}${PATH}`, { headers: { Authorization: `Bearer ${GOOD_TOKEN}` } })).json();
}
const hasG2 = (r: Record<string, unknown>) => JSON.stringify(r).includes('Contoso Door Cameras Root CA G2');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ca-preflight-apply-'));
  copyFileSync(join(examples, 'new-root-g2.pem'), f('new-root-g2.pem'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('get → plan → apply → verify → undo against serve', () => {
  it('applies a plan, verifies it, writes the receipt beside it, and undoes it', async () => {
    const { s, plan } = await planned('', 'e2e');
    try {
      const r = await cli(['apply', plan, '--base-url', s.url, '--yes']);
      expect(r.code, r.err).toBe(0);
      expect(r.err).toMatch(/GET: 200, the plan's base/);
      expect(r.err).toMatch(/\+ added {4}plan #3 {2}CN=Contoso Door Cameras Root CA G2/);
      expect(r.err).toMatch(/PATCH: 200\nverify: GET: 200, the intended configuration/);
      expect(r.err).toMatch(/✓ Applied and verified/);
      const receipt = f('e2e.plan.receipt.json');
      expect(r.err).toContain(`receipt: ${receipt} (undo: ca-preflight apply --undo ${receipt})`);
      expect(hasG2(await live(s))).toBe(true);
      const saved = JSON.parse(readFileSync(receipt, 'utf8'));
      expect(saved.outcome).toBe('verified');
      expect(saved.exchanges.map((e: { method: string }) => e.method)).toEqual(['GET', 'PATCH', 'GET']);

      const undo = await cli(['apply', '--undo', receipt, '--base-url', s.url, '--yes']);
      expect(undo.code, undo.err).toBe(0);
      expect(undo.err).toMatch(/- removed {2}live #3 {2}CN=Contoso Door Cameras Root CA G2/);
      expect(hasG2(await live(s))).toBe(false);
      expect(existsSync(f('e2e.plan.receipt.undo.json'))).toBe(true);
      // The receipt is never overwritten: a second apply of the same plan writes another one.
      const again = await cli(['apply', plan, '--base-url', s.url, '--yes', '--format', 'json']);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.out)).toMatchObject({ outcome: 'verified', exitCode: 0, receipt: f('e2e.plan.receipt-2.json') });
    } finally {
      await s.stop();
    }
  });

  it('without --yes off a terminal: shows the diff, sends nothing, exit 1; on a terminal it asks', async () => {
    const { s, plan } = await planned('', 'confirm');
    try {
      const r = await cli(['apply', plan, '--base-url', s.url]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/Changes from the live resource to the plan/);
      expect(r.err).toMatch(/Not confirmed: standard input is not a terminal.*--yes/);
      expect(hasG2(await live(s))).toBe(false);
      const questions: string[] = [];
      const no = await cli(['apply', plan, '--base-url', s.url], {
        interactive: true,
        ask: async (q) => {
          questions.push(q);
          return 'no';
        },
      });
      expect(no.code).toBe(1);
      expect(questions[0]).toBe(`Send this PATCH to ${s.url}${PATH}? Type "yes" to send: `);
      expect(hasG2(await live(s))).toBe(false);
      const yes = await cli(['apply', plan, '--base-url', s.url], { interactive: true, ask: async () => 'yes' });
      expect(yes.code).toBe(0);
      expect(hasG2(await live(s))).toBe(true);
    } finally {
      await s.stop();
    }
  });

  it('a dry run reads, checks and shows, and sends nothing', async () => {
    const { s, plan } = await planned('', 'dry');
    try {
      const r = await cli(['apply', plan, '--base-url', s.url, '--dry-run']);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/Dry run: .*the PATCH was not sent/);
      expect(hasG2(await live(s))).toBe(false);
      expect(existsSync(f('dry.plan.receipt.json'))).toBe(false);
    } finally {
      await s.stop();
    }
  });
});

describe('apply with a desired file or operations: planned against the live resource', () => {
  it('adds a CA given as an operation, and applies a desired file; refuses where patch refuses', async () => {
    const s = await startServe(['--seed', join(examples, 'get-response.json')]);
    try {
      const ops = await cli([
        'apply',
        '--id',
        ID,
        '--add',
        f('new-root-g2.pem'),
        '--base-url',
        s.url,
        '--yes',
        '--receipt',
        f('ops.receipt.json'),
      ]);
      expect(ops.code, ops.err).toBe(0);
      expect(ops.err).toMatch(/ca-preflight apply: the operations, planned against the live resource/);
      expect(hasG2(await live(s))).toBe(true);
      expect(JSON.parse(readFileSync(f('ops.receipt.json'), 'utf8')).outcome).toBe('verified');

      // A desired file that leaves G2 out: a removal, refused without --allow-removal, as patch refuses it.
      copyFileSync(join(examples, 'get-response.json'), f('desired-old.json'));
      const refused = await cli(['apply', f('desired-old.json'), '--base-url', s.url, '--yes']);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(
        /ca-preflight apply: refused: nothing to send\n {2}✗ the request would remove 1 CA from the current list: CN=Contoso Door Cameras Root CA G2/,
      );
      expect(hasG2(await live(s))).toBe(true);
      const allowed = await cli(['apply', f('desired-old.json'), '--allow-removal', '--base-url', s.url, '--yes']);
      expect(allowed.code, allowed.err).toBe(0);
      expect(hasG2(await live(s))).toBe(false);
      expect(existsSync(f('desired-old.receipt.json'))).toBe(true);
      const same = await cli(['apply', f('desired-old.json'), '--base-url', s.url, '--yes']);
      expect(same.code).toBe(0);
      expect(same.err).toMatch(/no change: the live resource already holds the desired configuration; nothing sent/);
    } finally {
      await s.stop();
    }
  });

  it('refuses, before sending, a receipt path it could not write', async () => {
    const { s, plan } = await planned('', 'receipt-path');
    try {
      const r = await cli(['apply', plan, '--base-url', s.url, '--yes', '--receipt', f('no-such-folder/r.json')]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/the receipt cannot be written to .*no-such-folder\/r\.json.*Nothing was sent\./);
      expect(hasG2(await live(s))).toBe(false);
    } finally {
      await s.stop();
    }
  });

  it('refuses operations next to a plan file, and a receipt given as a plan', async () => {
    const { s, plan } = await planned('', 'mixed');
    try {
      const r = await cli(['apply', plan, '--display-name', 'x', '--base-url', s.url]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--display-name does not go with a plan file: the plan carries its change/);
      expect((await cli(['apply', plan, '--base-url', s.url, '--yes'])).code).toBe(0);
      const undo = await cli(['apply', '--undo', plan, '--base-url', s.url]);
      expect(undo.code).toBe(2);
      expect(undo.err).toMatch(/cannot be used: it is a plan, not a receipt: --undo takes the receipt an apply wrote/);
    } finally {
      await s.stop();
    }
  });
});

describe('apply against serve under faults: each fault, nothing lost', () => {
  it('a concurrent change between plan and apply: refused with the three-way view, the other change kept', async () => {
    const { s, plan } = await planned('', 'concurrent');
    try {
      // Another admin renames the configuration with a plan of their own, after ours was made.
      const theirs = f('theirs.plan.json');
      expect((await cli(['plan', f('concurrent.get.json'), '--display-name', 'Renamed by another admin', '--out', theirs])).code).toBe(0);
      expect((await cli(['apply', theirs, '--base-url', s.url, '--yes'])).code).toBe(0);
      const r = await cli(['apply', plan, '--base-url', s.url, '--yes']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/GET: 200, not the plan's base/);
      expect(r.err).toMatch(
        /1\. What changed since the plan was made \(base → live\):[\s\S]*~ displayName {2}"DoorCamera_Model_X_TrustedCAs" → "Renamed by another admin"/,
      );
      expect(r.err).toMatch(
        /2\. What the plan changes \(base → desired\):[\s\S]*\+ added {4}plan #3 {2}CN=Contoso Door Cameras Root CA G2/,
      );
      expect(r.err).toMatch(/✗ The live resource changed after the plan was made.*nothing was sent/);
      expect(r.err).toContain(`ca-preflight get --id ${ID} --base-url ${s.url} > get.json`);
      const now = await live(s);
      expect(now.displayName).toBe('Renamed by another admin');
      expect(hasG2(now)).toBe(false);
    } finally {
      await s.stop();
    }
  });

  const faultCases: [string, string, string[], RegExp][] = [
    [
      '429 with Retry-After',
      'throttle:1@PATCH#1',
      [],
      /PATCH: 429 activityLimitReached, Retry-After: 1, WriteLimitExceeded.*Reading the resource in 1 s/,
    ],
    ['503', 'unavailable@PATCH#1', [], /PATCH: 503 serviceNotAvailable; Graph did not take it/],
    ['504', 'timeout@PATCH#1', [], /PATCH: 504 generalException; Graph may have kept it or not/],
    [
      'a connection dropped before the PATCH reached the server',
      'drop@PATCH#1',
      [],
      /PATCH: connection failed.*\nGET: 200, still the plan's base .*sending the PATCH again\nPATCH: 200/,
    ],
    [
      'a connection dropped after the server kept the PATCH',
      'drop-after@PATCH#1',
      [],
      /PATCH: connection failed.*\nGET: 200, the intended configuration .*: the PATCH was kept/,
    ],
    ['a slow server (the request times out)', 'slow:3s@PATCH#1', ['--request-timeout', '1'], /PATCH: no answer \(no answer within 1 s\)/],
    [
      'stale reads after the write',
      'stale:2@PATCH',
      [],
      /verify: GET: 200, still the plan's base .*reading again in 500 ms\nverify: GET: 200, still the plan's base .*reading again in 1 s\nverify: GET: 200, the intended configuration/,
    ],
  ];
  it.each(faultCases)('%s: applied and verified once the fault passes', async (_name, faults, extra, expected) => {
    const { s, plan } = await planned(faults, faults.replace(/\W+/g, '-'));
    try {
      const r = await cli(['apply', plan, '--base-url', s.url, '--yes', ...extra]);
      expect(r.err).toMatch(expected);
      expect(r.code, r.err).toBe(0);
      const now = await live(s);
      expect(hasG2(now)).toBe(true);
      expect((now.certificateAuthorities as unknown[]).length).toBe(4);
    } finally {
      await s.stop();
    }
  });

  it('reads stale past the verification time: exit 3, sent once, never again', async () => {
    const { s, plan } = await planned('stale:100@PATCH', 'stale-long');
    try {
      const r = await cli(['apply', plan, '--base-url', s.url, '--yes', '--verify-for', '2']);
      expect(r.code).toBe(3);
      expect(r.err).toMatch(/the verification time \(2 s\) is up\n✗ Graph accepted the PATCH, but every read/);
      expect(r.err.match(/^PATCH: /gm)).toHaveLength(1);
      expect(JSON.parse(readFileSync(f('stale-long.plan.receipt.json'), 'utf8')).outcome).toBe('unverified');
    } finally {
      await s.stop();
    }
  });

  it('401: without a token serve refuses the first read, exit 2, nothing sent', async () => {
    const { s, plan } = await planned('', 'unauth', ['--require-token']);
    try {
      const r = await cli(['apply', plan, '--base-url', s.url, '--yes']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(
        /✗ GET: Graph answered 401 InvalidAuthenticationToken "Access token is empty\." — no token was sent.*Nothing was sent\./,
      );
      expect(hasG2(await live(s))).toBe(false);
    } finally {
      await s.stop();
    }
  });

  it('403: a token without the permission is warned about before sending; the 403 names the permission', async () => {
    const { s, plan } = await planned('forbidden@PATCH', 'forbidden');
    const readOnly = jwt({ aud: 'https://graph.microsoft.com', scp: 'MutualTlsOauthConfiguration.Read.All', exp: 4102444800 });
    try {
      const r = await cli(['apply', plan, '--base-url', s.url, '--yes'], { env: { GRAPH_TOKEN: readOnly } });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(
        /token: GRAPH_TOKEN\nwarning: the token does not carry MutualTlsOauthConfiguration\.ReadWrite\.All \(it has scp MutualTlsOauthConfiguration\.Read\.All\)/,
      );
      expect(r.err).toMatch(
        /✗ PATCH: Graph answered 403 Authorization_RequestDenied "Insufficient privileges to complete the operation\." — updating the configuration needs MutualTlsOauthConfiguration\.ReadWrite\.All/,
      );
      expect(r.err).not.toContain(readOnly);
      expect(readFileSync(f('forbidden.plan.receipt.json'), 'utf8')).not.toContain(readOnly);
    } finally {
      await s.stop();
    }
  });
});

describe('tokens as the ecosystem gives them', () => {
  it('--token-command and GRAPH_TOKEN in a real process; the token appears in no output and no file', async () => {
    const { s, plan } = await planned('', 'token', ['--require-token']);
    try {
      const fromCommand = spawnCli(['apply', plan, '--base-url', s.url, '--yes', '--token-command', `printf %s ${GOOD_TOKEN}`]);
      expect(fromCommand.code, fromCommand.stderr).toBe(0);
      expect(fromCommand.stderr).toMatch(/token: --token-command \(printf %s \[token\]\)/);
      expect(fromCommand.stderr + fromCommand.stdout).not.toContain(GOOD_TOKEN);
      const receipt = readFileSync(f('token.plan.receipt.json'), 'utf8');
      expect(receipt).not.toContain(GOOD_TOKEN);
      expect(receipt).not.toMatch(/authorization/i);
      const fromEnv = spawnCli(['get', '--id', ID, '--base-url', s.url], undefined, { GRAPH_TOKEN: GOOD_TOKEN });
      expect(fromEnv.code, fromEnv.stderr).toBe(0);
      expect(JSON.parse(fromEnv.stdout).id).toBe(ID);
      expect(fromEnv.stdout + fromEnv.stderr).not.toContain(GOOD_TOKEN);
      const failing = spawnCli(['get', '--id', ID, '--base-url', s.url, '--token-command', 'echo not logged in >&2; exit 3']);
      expect(failing.code).toBe(2);
      expect(failing.stderr).toMatch(/get: the token command exited with status 3: not logged in/);
      const both = await cli(['get', '--base-url', s.url, '--token', 'a', '--token-command', 'b']);
      expect(both.code).toBe(2);
      expect(both.err).toMatch(/ca-preflight: get: give --token or --token-command, not both/);
    } finally {
      await s.stop();
    }
  });

  it("DefaultAzureCredential when @azure/identity is installed (an injected stand-in), against Graph's URL through the fetch handler", async () => {
    const seed = JSON.parse(readFileSync(join(examples, 'get-response.json'), 'utf8'));
    const graph = createGraphHandler([seed], { requireToken: true });
    const seen: string[] = [];
    const authorizations: (string | null)[] = [];
    const identity = {
      DefaultAzureCredential: class {
        async getToken(scope: string) {
          seen.push(scope);
          return { token: GOOD_TOKEN, expiresOnTimestamp: 4102444800000 };
        }
      },
    };
    const io: Partial<CommandIO> = {
      importModule: async (name) => {
        expect(name).toBe('@azure/identity');
        return identity;
      },
      fetch: async (input, init) => {
        authorizations.push(new Headers(init.headers).get('authorization'));
        return graph(input, init);
      },
    };
    const got = await cli(['get', '--id', ID], io);
    expect(got.code, got.err).toBe(0);
    writeFileSync(f('azure.get.json'), got.out);
    expect((await cli(['plan', f('azure.get.json'), '--add', f('new-root-g2.pem'), '--out', f('azure.plan.json')])).code).toBe(0);
    const r = await cli(['apply', f('azure.plan.json'), '--yes'], io);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/token: @azure\/identity DefaultAzureCredential \(scope https:\/\/graph\.microsoft\.com\/\.default\)/);
    expect(seen).toEqual(['https://graph.microsoft.com/.default', 'https://graph.microsoft.com/.default']);
    expect(authorizations.every((a) => a === `Bearer ${GOOD_TOKEN}`)).toBe(true);
    expect(hasG2(graph.resources()[0]!)).toBe(true);
    expect(r.err + r.out).not.toContain(GOOD_TOKEN);

    const missing = await cli(['get', '--id', ID], {
      importModule: async () => {
        throw Object.assign(new Error('Cannot find package'), { code: 'ERR_MODULE_NOT_FOUND' });
      },
    });
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(
      /ca-preflight: get: no token for https:\/\/graph\.microsoft\.com: give --token-command "az account get-access-token --resource-type ms-graph --query accessToken -o tsv", set GRAPH_TOKEN, pass --token, or install @azure\/identity/,
    );
    const failing = await cli(['get', '--id', ID], {
      importModule: async () => ({
        DefaultAzureCredential: class {
          async getToken(): Promise<never> {
            throw new Error('DefaultAzureCredential failed to retrieve a token from the included credentials.\nmore');
          }
        },
      }),
    });
    expect(failing.code).toBe(2);
    expect(failing.err).toMatch(
      /DefaultAzureCredential found no identity to use: DefaultAzureCredential failed to retrieve a token from the included credentials\.\n/,
    );
  });

  it('get refuses a cloud where the API is not documented before a token is asked for or a request sent; --allow-undocumented-cloud reads it', async () => {
    const seed = JSON.parse(readFileSync(join(examples, 'get-response.json'), 'utf8'));
    const graph = createGraphHandler([seed]);
    const requests: string[] = [];
    let tokenAsked = 0;
    const io: Partial<CommandIO> = {
      importModule: async () => {
        tokenAsked++;
        return {
          DefaultAzureCredential: class {
            async getToken() {
              return { token: GOOD_TOKEN, expiresOnTimestamp: 4102444800000 };
            }
          },
        };
      },
      fetch: async (input, init) => {
        requests.push(String(input));
        return graph(input, init);
      },
    };
    const refused = await cli(['get', '--id', ID, '--cloud', 'usgov'], io);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/Microsoft does not document this API as available in US Government L4: its availability table reads/);
    expect(refused.err).toMatch(/--allow-undocumented-cloud.*Nothing was sent\./s);
    expect(requests).toEqual([]);
    expect(tokenAsked).toBe(0);

    const allowed = await cli(['get', '--id', ID, '--cloud', 'usgov', '--allow-undocumented-cloud'], io);
    expect(allowed.code, allowed.err).toBe(0);
    expect(requests).toEqual([`https://graph.microsoft.us/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/${ID}`]);
    expect(JSON.parse(allowed.out).id).toBe(ID);
  });

  it('refuses plain http:// to another machine, and a base URL with a path', async () => {
    const remote = await cli(['get', '--base-url', 'http://graph.example.com']);
    expect(remote.code).toBe(2);
    expect(remote.err).toMatch(/plain http:\/\/ is accepted only for this machine/);
    const path = await cli(['get', '--base-url', 'http://127.0.0.1:1/beta']);
    expect(path.code).toBe(2);
    expect(path.err).toMatch(/scheme, host and port only/);
  });
});
