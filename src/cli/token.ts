/**
 * Where the bearer token comes from, as the ecosystem hands it out, in this order: `--token`, `--token-command`
 * (a command that prints it, such as the Azure CLI's), the `GRAPH_TOKEN` environment variable, and — only when the
 * target is Microsoft Graph itself and `@azure/identity` is installed (an optional peer dependency) — its
 * `DefaultAzureCredential` (environment credentials, workload identity, managed identity, the Azure CLI, …).
 * Against `ca-preflight serve` no token is needed. The token is never printed: see {@link redactingIO}.
 */
import { spawn } from 'node:child_process';
import { isGraphCloud } from '../apply/endpoint.js';
import { CliError } from './io.js';
import type { CommandIO } from './commands/types.js';

export type TokenSourceKind = 'option' | 'command' | 'environment' | 'azure-identity' | 'none';

export interface TokenSource {
  kind: TokenSourceKind;
  /** For the log: where the token came from (never the token). */
  describe: string;
  get(): Promise<string | null>;
}

export interface TokenSourceOptions {
  token?: string | undefined;
  tokenCommand?: string | undefined;
  /** The origin requests go to. */
  target: string;
  /** How long a token command or DefaultAzureCredential may take (default 60 s). */
  timeoutMs?: number;
}

const MAX_TOKEN_OUTPUT = 64 * 1024;

/** Runs a token command through the shell and returns what it printed, trimmed: one line, the bare token. */
export function runTokenCommand(command: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let out = '';
    let err = '';
    let settled = false;
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
    };
    const timer = setTimeout(() => {
      child.kill();
      finish(() => reject(new CliError(`the token command did not finish within ${timeoutMs / 1000} s: ${command}`)));
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (out.length > MAX_TOKEN_OUTPUT) {
        child.kill();
        finish(() => reject(new CliError('the token command printed more than 64 KiB; it should print the bare access token')));
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 4096) err += d.toString('utf8');
    });
    child.on('error', (e) => finish(() => reject(new CliError(`cannot run the token command "${command}": ${e.message}`))));
    child.on('close', (code) => {
      finish(() => {
        // Whatever it printed is treated as secret: never quoted back, only described.
        const token = out.trim();
        const firstError = err.trim().split('\n')[0]?.slice(0, 300) ?? '';
        if (code !== 0)
          return reject(
            new CliError(`the token command exited with status ${code}${firstError ? `: ${firstError}` : ''} (command: ${command})`),
          );
        if (token === '') return reject(new CliError(`the token command printed nothing on standard output (command: ${command})`));
        if (/[\r\n]/.test(token))
          return reject(
            new CliError(
              `the token command printed more than one line; it should print only the access token (with the Azure CLI: --query accessToken -o tsv). Command: ${command}`,
            ),
          );
        resolve(token);
      });
    });
  });
}

interface AzureIdentityModule {
  DefaultAzureCredential: new () => { getToken(scope: string | string[]): Promise<{ token: string } | null> };
}

async function loadAzureIdentity(io: CommandIO): Promise<AzureIdentityModule | null> {
  const load = io.importModule ?? ((s: string) => import(s));
  try {
    const m = (await load('@azure/identity')) as Partial<AzureIdentityModule> | null;
    return m && typeof m.DefaultAzureCredential === 'function' ? (m as AzureIdentityModule) : null;
  } catch (e) {
    const code = (e as { code?: string })?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return null;
    throw new CliError(`@azure/identity is installed but cannot be loaded: ${(e as Error)?.message ?? String(e)}`);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CliError(`${what} did not give a token within ${ms / 1000} s`)), ms);
    }),
  ]);
}

/** Chooses the token source; throws a usage error for --token with --token-command. */
export async function tokenSource(o: TokenSourceOptions, io: CommandIO): Promise<TokenSource> {
  const timeoutMs = o.timeoutMs ?? 60_000;
  if (o.token !== undefined && o.tokenCommand !== undefined) throw new CliError('give --token or --token-command, not both');
  if (o.token !== undefined) return { kind: 'option', describe: '--token', get: async () => o.token! };
  if (o.tokenCommand !== undefined) {
    const command = o.tokenCommand;
    return { kind: 'command', describe: `--token-command (${command})`, get: () => runTokenCommand(command, timeoutMs) };
  }
  const env = io.env ?? {};
  if (env.GRAPH_TOKEN !== undefined && env.GRAPH_TOKEN.trim() !== '')
    return { kind: 'environment', describe: 'GRAPH_TOKEN', get: async () => env.GRAPH_TOKEN!.trim() };
  if (isGraphCloud(o.target)) {
    const identity = await loadAzureIdentity(io);
    if (identity) {
      const scope = `${o.target}/.default`;
      return {
        kind: 'azure-identity',
        describe: `@azure/identity DefaultAzureCredential (scope ${scope})`,
        get: async () => {
          try {
            const t = await withTimeout(new identity.DefaultAzureCredential().getToken(scope), timeoutMs, 'DefaultAzureCredential');
            if (!t || typeof t.token !== 'string' || t.token === '') throw new Error('it returned no token');
            return t.token;
          } catch (e) {
            if (e instanceof CliError) throw e;
            throw new CliError(
              `DefaultAzureCredential found no identity to use: ${((e as Error)?.message ?? String(e)).split('\n')[0]!.slice(0, 300)}`,
            );
          }
        },
      };
    }
    throw new CliError(
      `no token for ${o.target}: give --token-command "az account get-access-token --resource-type ms-graph --query accessToken -o tsv", set GRAPH_TOKEN, pass --token, or install @azure/identity (npm install @azure/identity) for DefaultAzureCredential`,
    );
  }
  return { kind: 'none', describe: 'no token (a local simulator needs none)', get: async () => null };
}

/** The IO with every occurrence of the token replaced: a token must never appear in any output. */
export function redactingIO(io: CommandIO, token: string | null): CommandIO {
  if (!token || token.length < 4) return io;
  const scrub = (t: string): string => t.split(token).join('[token]');
  return { ...io, out: (t) => io.out(scrub(t)), err: (t) => io.err(scrub(t)) };
}

/** Refuses to write a file that contains the token (a defect, never expected): the last line of defence. */
export function assertNoToken(text: string, token: string | null, what: string): void {
  if (token && token.length >= 4 && text.includes(token)) throw new CliError(`refusing to write ${what}: it would contain the token`);
}
