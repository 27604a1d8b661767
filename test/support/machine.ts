/**
 * What some tests need from the machine besides node, probed once: the `openssl` command (an independent reader to compare
 * with), Debian's `ca-certificates` (the 142 Mozilla roots as real-world input), Chromium (the browser suite) and bash (the
 * curl command lines). No vitest here: the browser config reads these probes too. How tests behave without one:
 * prerequisites.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export interface Prerequisite {
  /** What is missing, as a person would name it. */
  name: string;
  /** Whether this machine has it. */
  available: boolean;
  /** The Debian or Ubuntu command that installs it. */
  install: string;
}

/** One line to install everything the tests need on Debian or Ubuntu (the README gives the same line). */
export const INSTALL_ALL = 'sudo apt-get install -y openssl ca-certificates chromium';

export const inCi = (): boolean => {
  const v = process.env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
};

function commandRuns(command: string, args: string[]): boolean {
  // No shell: the same call works on Windows, and a missing program is an error result, not an exception.
  const r = spawnSync(command, args, { stdio: 'ignore', timeout: 10_000 });
  return r.error === undefined && r.status === 0;
}

export const MOZILLA_ROOTS_DIR = '/usr/share/ca-certificates/mozilla';

export const openssl: Prerequisite = {
  name: 'the openssl command',
  available: commandRuns('openssl', ['version']),
  install: 'sudo apt-get install -y openssl',
};

export const mozillaRoots: Prerequisite = {
  name: `the Mozilla root certificates (${MOZILLA_ROOTS_DIR}, Debian's ca-certificates package)`,
  available: existsSync(MOZILLA_ROOTS_DIR) && readdirSync(MOZILLA_ROOTS_DIR).some((f) => f.endsWith('.crt')),
  install: 'sudo apt-get install -y ca-certificates',
};

/** Where Chromium is looked for, in order: CHROMIUM_PATH, then the usual Debian, Ubuntu and Google paths. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const chromium: Prerequisite = {
  name: process.env.CHROMIUM_PATH
    ? `Chromium at CHROMIUM_PATH (${process.env.CHROMIUM_PATH}: no such file)`
    : `Chromium (CHROMIUM_PATH, or one of ${CHROMIUM_CANDIDATES.join(', ')})`,
  available: findChromium() !== null,
  install: 'sudo apt-get install -y chromium',
};

/** A POSIX shell, for the tests of what `patch --format curl` prints (a command line for bash and sh). */
export const bash: Prerequisite = {
  name: 'bash',
  available: commandRuns('bash', ['-c', 'true']),
  install: 'sudo apt-get install -y bash',
};
