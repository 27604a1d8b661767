/** The options of the commands that talk to Graph (get, apply): where, with which token, and how long to wait. */
import { EndpointError, resolveBaseUrl, type ConnectionOptions } from '../../apply/endpoint.js';
import { CLOUDS, type Cloud } from '../../graph/clouds.js';
import { CliError } from '../io.js';
import { redactingIO, tokenSource, type TokenSource } from '../token.js';
import { oneOf, str, type ParsedCommandArgs } from './options.js';
import type { CommandIO } from './types.js';

export const NETWORK_OPTIONS = {
  'base-url': { type: 'string' },
  token: { type: 'string' },
  'token-command': { type: 'string' },
  'request-timeout': { type: 'string' },
  'retry-for': { type: 'string' },
} as const;

export const NETWORK_HELP = `  --base-url <URL>        send to this base URL instead of the cloud's, e.g. http://127.0.0.1:8080 for
                          "ca-preflight serve" (http:// only for this machine; a token never travels unencrypted)
  --token <T>             the bearer token (visible to other users in the process list: prefer the next two)
  --token-command <CMD>   a command that prints the token, run through the shell, e.g.
                          "az account get-access-token --resource-type ms-graph --query accessToken -o tsv"
  --request-timeout <S>   seconds each request may take, answer included (default 30)
  --retry-for <S>         seconds the retries of one step may wait in all (default 120); 429 waits as Retry-After asks`;

export const TOKEN_HELP = `The token: --token, else --token-command, else the GRAPH_TOKEN environment variable, else @azure/identity's
DefaultAzureCredential when that package is installed and the target is Microsoft Graph (environment credentials,
workload identity, managed identity, the Azure CLI, …). A local "serve" needs none. The token is never printed or
written to any file.`;

/** Seconds as typed (30, 1.5) → milliseconds; a usage error names the option. */
export function seconds(command: string, name: string, value: string | undefined, fallback: number, max = 3600): number {
  if (value === undefined) return fallback;
  const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n > max) throw new CliError(`${command}: --${name} takes seconds, from 0 to ${max} (got "${value}")`);
  return Math.round(n * 1000);
}

export interface Network {
  /** The origin requests go to. */
  base: string;
  cloud: Cloud;
  source: TokenSource;
  token: string | null;
  /** The IO with the token redacted. */
  io: CommandIO;
  connection: ConnectionOptions;
}

/** Reads the network options, resolves the token (once, before any request) and returns what the library needs. */
export async function network(
  command: string,
  values: ParsedCommandArgs['values'],
  io: CommandIO,
  cloud: Cloud = oneOf(command, 'cloud', str(values, 'cloud'), CLOUDS, 'global'),
): Promise<Network> {
  let base: string;
  try {
    base = resolveBaseUrl(str(values, 'base-url'), cloud);
  } catch (e) {
    if (e instanceof EndpointError) throw new CliError(`${command}: --base-url: ${e.message}`);
    throw e;
  }
  const requestTimeoutMs = seconds(command, 'request-timeout', str(values, 'request-timeout'), 30_000);
  const retryForMs = seconds(command, 'retry-for', str(values, 'retry-for'), 120_000);
  let source: TokenSource;
  let token: string | null;
  try {
    source = await tokenSource({ token: str(values, 'token'), tokenCommand: str(values, 'token-command'), target: base }, io);
    token = await source.get();
  } catch (e) {
    if (e instanceof CliError) throw new CliError(`${command}: ${e.message}`);
    throw e;
  }
  const fetchFn = io.fetch ?? globalThis.fetch.bind(globalThis);
  return {
    base,
    cloud,
    source,
    token,
    io: redactingIO(io, token),
    connection: {
      fetch: fetchFn,
      token,
      ...(str(values, 'base-url') !== undefined ? { baseUrl: base } : {}),
      requestTimeoutMs,
      retry: { retryForMs },
    },
  };
}
