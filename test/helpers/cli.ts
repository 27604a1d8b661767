/** Runs the CLI in-process with captured output, or as a real process when stdin or exit codes matter. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { CommandIO } from '../../src/cli/commands/types.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** {@link CliResult} with both streams as they interleaved, as a terminal shows them. */
export interface InProcessResult extends CliResult {
  both: string;
}

/**
 * Runs the CLI in-process. `io` replaces parts of the process the commands would use (colour, the environment,
 * fetch, a terminal to ask on); by default the environment is empty and standard input is not a terminal.
 */
export async function runCli(args: string[], io: boolean | Partial<CommandIO> = false): Promise<InProcessResult> {
  let stdout = '';
  let stderr = '';
  let both = '';
  const extra = typeof io === 'boolean' ? { color: io } : io;
  const code = await main(args, {
    out: (t) => {
      stdout += t;
      both += t;
    },
    err: (t) => {
      stderr += t;
      both += t;
    },
    color: false,
    env: {},
    interactive: false,
    ...extra,
  });
  return { code, stdout, stderr, both };
}

const root = fileURLToPath(new URL('../..', import.meta.url));

export function spawnCli(args: string[], input?: string, env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
