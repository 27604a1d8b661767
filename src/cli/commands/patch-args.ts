/**
 * The change as `patch`, `plan` and `apply` read it from the command line: a desired file and the operations
 * --add (with --root/--intermediate/--crl after it), --remove, --display-name, in command-line order; plus the
 * options of the checks. One reading for the three commands, so they refuse exactly alike.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { AddOperation, PatchOperation } from '../../diff/operations.js';
import { CliError, readInputBytes, readJsonFile } from '../io.js';

export const CHANGE_OPTIONS = {
  add: { type: 'string', multiple: true },
  root: { type: 'boolean', multiple: true },
  intermediate: { type: 'boolean', multiple: true },
  crl: { type: 'string', multiple: true },
  remove: { type: 'string', multiple: true },
  'display-name': { type: 'string', multiple: true },
  'allow-removal': { type: 'boolean' },
  'allow-undocumented-cloud': { type: 'boolean' },
  id: { type: 'string' },
  cloud: { type: 'string' },
  at: { type: 'string' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

export interface ParsedChangeArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  tokens: Token[];
}

/** parseArgs with the change options, `extra` and --help, keeping the tokens (operations are read in order). */
export function parseChangeArgs(command: string, args: string[], extra: NonNullable<ParseArgsConfig['options']>): ParsedChangeArgs {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: { ...CHANGE_OPTIONS, ...extra, help: { type: 'boolean', short: 'h' } },
    }) as unknown as ParsedChangeArgs;
  } catch (e) {
    throw new CliError(
      `${command}: ${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '.')}\nRun "ca-preflight ${command} --help" for usage.`,
    );
  }
}

/** Operations in command-line order; --root, --intermediate and --crl belong to the --add before them. */
export function readOperations(command: string, tokens: readonly Token[]): PatchOperation[] {
  const ops: PatchOperation[] = [];
  let lastAdd: AddOperation | null = null;
  const modifier = (name: string): AddOperation => {
    if (!lastAdd)
      throw new CliError(
        `${command}: --${name} applies to the --add before it, and there is none.\nRun "ca-preflight ${command} --help" for usage.`,
      );
    return lastAdd;
  };
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const value = typeof t.value === 'string' ? t.value : undefined;
    switch (t.name) {
      case 'add':
        lastAdd = { op: 'add', certificate: new Uint8Array(readInputBytes(value!, 'certificate file')) };
        ops.push(lastAdd);
        break;
      case 'root':
      case 'intermediate': {
        const add = modifier(t.name);
        if (add.isRootAuthority !== undefined)
          throw new CliError(`${command}: give at most one of --root and --intermediate for each --add.`);
        add.isRootAuthority = t.name === 'root';
        break;
      }
      case 'crl': {
        const add = modifier('crl');
        if (add.certificateRevocationListUrl !== undefined) throw new CliError(`${command}: give at most one --crl for each --add.`);
        add.certificateRevocationListUrl = value!;
        break;
      }
      case 'remove':
        ops.push({ op: 'remove', ca: value! });
        break;
      case 'display-name':
        ops.push({ op: 'rename', displayName: value! });
        break;
    }
  }
  return ops;
}

/** The desired configuration file, when given: a JSON object (an array is a common mistake, named). */
export function readDesiredFile(command: string, path: string | undefined): Record<string, unknown> | undefined {
  if (path === undefined) return undefined;
  const desired = readJsonFile(path, 'desired configuration');
  if (Array.isArray(desired) || desired === null || typeof desired !== 'object')
    throw new CliError(
      `${command}: ${path} is ${Array.isArray(desired) ? 'a JSON array' : 'not a JSON object'}; the desired configuration is an object such as {"certificateAuthorities": [ … ]}.`,
    );
  return desired as Record<string, unknown>;
}
