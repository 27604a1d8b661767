/** `--crl FILE|DIR`: CRL files read from disk (a directory gives its *.crl and *.pem files, in name order). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_CRL_BYTES } from '../certificate/crl.js';
import type { CrlInput } from '../crl/types.js';
import { CliError } from './io.js';

const CRL_FILE = /\.(crl|pem)$/i;

function readOne(path: string): CrlInput {
  const size = statSync(path).size;
  if (size > MAX_CRL_BYTES) throw new CliError(`CRL file "${path}" is ${size} bytes, more than the ${MAX_CRL_BYTES} accepted`);
  try {
    return { source: path, bytes: new Uint8Array(readFileSync(path)) };
  } catch (e) {
    throw new CliError(`cannot read CRL file "${path}": ${(e as Error).message}`);
  }
}

/** The CRLs named by each --crl value: files as given, directories by their *.crl and *.pem files. */
export function readCrlFiles(paths: readonly string[]): CrlInput[] {
  const out: CrlInput[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new CliError(`CRL file or directory "${p}" does not exist`);
    if (statSync(p).isDirectory()) {
      const names = readdirSync(p)
        .filter((n) => CRL_FILE.test(n) && statSync(join(p, n)).isFile())
        .sort();
      if (names.length === 0) throw new CliError(`CRL directory "${p}" has no *.crl or *.pem file`);
      for (const n of names) out.push(readOne(join(p, n)));
    } else out.push(readOne(p));
  }
  return out;
}
