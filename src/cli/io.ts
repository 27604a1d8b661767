/** Files, stdin and exit codes: the only place that touches the process. */
import { readFileSync, readSync, existsSync, statSync } from 'node:fs';
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

/**
 * Inputs larger than this are refused — a file before it is read, standard input as soon as it passes it — with the same
 * message and exit status 2: a limit of this tool, not of Graph. (The check's own limit is 16 MiB of text, reported as
 * body.too-large: a UTF-16 file of that much text is 32 MiB.)
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

const tooLarge = (subject: string, size: string) =>
  new CliError(
    `${subject} is ${size}, more than the ${MAX_INPUT_BYTES} bytes ca-preflight reads (a limit of this tool, not of Graph): give the request body, a GET response or a certificate file.`,
  );

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Standard input, at most MAX_INPUT_BYTES of it: reading stops, and the command with it, one byte past the limit. */
function readStdin(what: string): Buffer {
  const chunks: Buffer[] = [];
  const chunk = Buffer.allocUnsafe(64 * 1024);
  let total = 0;
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        pause(5); // a non-blocking pipe with nothing in it yet
        continue;
      }
      if (code === 'EOF') break;
      throw new CliError(`cannot read ${what} from standard input: ${(e as Error).message}`);
    }
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw tooLarge(`${what} on standard input`, 'more than that');
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks, total);
}

export function readInputBytes(path: string, what: string): Buffer {
  if (path === '-') return readStdin(what);
  if (!existsSync(path)) throw new CliError(`${what} "${path}" does not exist`);
  const st = statSync(path);
  if (st.isDirectory()) throw new CliError(`${what} "${path}" is a directory, not a file`);
  if (st.size > MAX_INPUT_BYTES) throw tooLarge(`${what} "${path}"`, `${st.size} bytes`);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new CliError(`cannot read ${what} "${path}": ${(e as Error).message}`);
  }
}

/** Reads a text file that is an input to a command, not the body under check: UTF-8, or UTF-16 by its byte order mark. */
function readInputText(path: string, what: string): string {
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
