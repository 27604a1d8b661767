/** Files, stdin and exit codes: the only place that touches the process. */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';

/** Exit codes of DESIGN: 0 ok, 1 findings/refusal/difference, 2 usage or IO trouble. */
export const EXIT = { ok: 0, findings: 1, trouble: 2 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.trouble,
  ) {
    super(message);
  }
}

/** Files larger than this are refused before reading (the body limit is 16 MiB of text). */
const MAX_INPUT_BYTES = 32 * 1024 * 1024;

function readStdin(): Buffer {
  try {
    return readFileSync(0);
  } catch (e) {
    throw new CliError(`cannot read standard input: ${(e as Error).message}`);
  }
}

export function readInputBytes(path: string, what: string): Buffer {
  if (path === '-') return readStdin();
  if (!existsSync(path)) throw new CliError(`${what} "${path}" does not exist`);
  const st = statSync(path);
  if (st.isDirectory()) throw new CliError(`${what} "${path}" is a directory, not a file`);
  if (st.size > MAX_INPUT_BYTES) throw new CliError(`${what} "${path}" is ${st.size} bytes, more than the ${MAX_INPUT_BYTES} accepted`);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new CliError(`cannot read ${what} "${path}": ${(e as Error).message}`);
  }
}

/** Reads a text file (UTF-8; a UTF-16 byte order mark is honoured). A UTF-8 BOM is kept so the check can report it. */
export function readInputText(path: string, what: string): string {
  const bytes = readInputBytes(path, what);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** Reads a JSON file that is an input to a command (not the body under check): bad JSON is trouble (exit 2). */
export function readJsonFile(path: string, what: string): unknown {
  const text = readInputText(path, what).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${what} "${path}" is not JSON: ${(e as Error).message}`);
  }
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  return !!stream.isTTY && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && process.env.TERM !== 'dumb';
}

interface PackageInfo {
  version: string;
  /** The project's home page (package.json `homepage`, without its `#readme` fragment). */
  homepage: string;
}

let packageInfo: PackageInfo | null = null;

function readPackageInfo(): PackageInfo {
  if (packageInfo) return packageInfo;
  let pkg: { version?: string; homepage?: string } = {};
  try {
    pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  } catch {
    // A copy of dist/ without its package.json: still a working tool.
  }
  packageInfo = {
    version: pkg.version ?? '0.0.0',
    homepage: (pkg.homepage ?? 'https://www.npmjs.com/package/ca-preflight').replace(/#.*$/, ''),
  };
  return packageInfo;
}

export function packageVersion(): string {
  return readPackageInfo().version;
}

export function packageHomepage(): string {
  return readPackageInfo().homepage;
}

/** The path of a checked file as SARIF should name it: relative to the working directory when it lies inside it. */
export function sarifPath(file: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
