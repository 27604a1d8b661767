#!/usr/bin/env node
/**
 * The `ca-preflight` executable. It runs the CLI bundled into one file (ca-preflight.bundle.cjs, built by
 * scripts/build-cli.mjs) and keeps V8's code cache of that file between runs, so that a check costs little more than
 * starting node: loading ~120 modules and compiling them again on every run took most of a check's time.
 *
 * The cache lives in the user's own cache directory ($XDG_CACHE_HOME or ~/.cache, ~/Library/Caches, %LOCALAPPDATA%;
 * CA_PREFLIGHT_CACHE_DIR overrides it, CA_PREFLIGHT_NO_CACHE=1 turns it off), in a folder only the user can read, and
 * a file another user owns is ignored. V8 itself rejects a cache made for another source or another node; the cache is
 * then made again. Nothing here changes what the CLI does: without a cache it is the same program, compiled afresh.
 */
import * as fs from 'node:fs';
import * as Module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

interface Bundle {
  main(argv: string[], io: { out(text: string): void; err(text: string): void; color: boolean }): Promise<number>;
  useColor(stream: NodeJS.WriteStream): boolean;
}

const bundleFile = path.join(__dirname, 'ca-preflight.bundle.cjs');

function cacheDirectory(): string | null {
  const env = process.env;
  if (env.CA_PREFLIGHT_NO_CACHE && env.CA_PREFLIGHT_NO_CACHE !== '0') return null;
  if (env.CA_PREFLIGHT_CACHE_DIR) return env.CA_PREFLIGHT_CACHE_DIR;
  const home = os.homedir();
  if (process.platform === 'win32') return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'ca-preflight') : null;
  if (process.platform === 'darwin') return home ? path.join(home, 'Library', 'Caches', 'ca-preflight') : null;
  const base = env.XDG_CACHE_HOME || (home ? path.join(home, '.cache') : '');
  return base ? path.join(base, 'ca-preflight') : null;
}

/** Where this bundle's cache is kept: one file per bundle build, node version and architecture. */
function cacheFile(stat: fs.Stats): string | null {
  const dir = cacheDirectory();
  if (!dir) return null;
  const key = `${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}-${process.version}-${process.arch}`;
  return path.join(dir, `cli-${key}.v8cache`);
}

function readCache(file: string | null): Buffer | undefined {
  if (!file) return undefined;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const stat = fs.fstatSync(fd);
      if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return undefined;
      return fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

function writeCache(file: string, data: Buffer): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data, { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    // A read-only home or a full disk: the next run compiles again, that is all.
  }
}

function load(): { bundle: Bundle; saveCache: () => void } {
  const stat = fs.statSync(bundleFile);
  const file = cacheFile(stat);
  const cachedData = readCache(file);
  const source = fs.readFileSync(bundleFile, 'utf8');
  const script = new vm.Script(Module.wrap(source), { filename: bundleFile, ...(cachedData ? { cachedData } : {}) });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  if (process.env.CA_PREFLIGHT_DEBUG_CACHE)
    process.stderr.write(`ca-preflight: code cache ${used ? 'used' : cachedData ? 'rejected' : 'absent'}${file ? ` (${file})` : ''}\n`);
  const exports: Partial<Bundle> = {};
  const module = { exports };
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    exports,
    exports,
    Module.createRequire(bundleFile),
    module,
    bundleFile,
    __dirname,
  );
  return {
    bundle: module.exports as Bundle,
    // After the run, so that the cache also holds the functions the check compiled lazily.
    saveCache: () => {
      if (file && !used) writeCache(file, script.createCachedData());
    },
  };
}

const { bundle, saveCache } = load();
bundle
  .main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    color: bundle.useColor(process.stdout),
  })
  .then((code) => {
    saveCache();
    process.exitCode = code;
  });
