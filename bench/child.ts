/**
 * Memory-measuring children are bundled to plain JavaScript first: run through tsx, node's loader hooks live in a
 * second V8 isolate that would add tens of megabytes to every figure.
 */
import { build, type Plugin } from 'esbuild';

/** Bundles `entry` (a bench/*.ts script) for node into `outfile` and returns `outfile`. */
export async function bundleChild(entry: string, outfile: string, plugins: Plugin[] = []): Promise<string> {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'error',
    plugins,
  });
  return outfile;
}
