/** Shared option handling on node:util parseArgs, with messages that name the command. */
import { DEFAULT_WARN_EXPIRY_DAYS } from '../../rules/context.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from '../io.js';

export interface ParsedCommandArgs {
  /** Option values: strings, booleans, or arrays of strings for options declared `multiple`. */
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export function parseCommandArgs(command: string, args: string[], options: NonNullable<ParseArgsConfig['options']>): ParsedCommandArgs {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }) as ParsedCommandArgs;
  } catch (e) {
    throw new CliError(
      `${command}: ${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '.')}\nRun "ca-preflight ${command} --help" for usage.`,
    );
  }
}

export function oneOf<T extends string>(command: string, name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`${command}: --${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

export function parseAt(command: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime()))
    throw new CliError(
      `${command}: --at must be an ISO 8601 date or date-time, such as 2026-11-21 or 2026-11-21T10:00:00Z (got "${value}")`,
    );
  return d;
}

/** A string option's value (the last one when repeated). */
export function str(values: ParsedCommandArgs['values'], name: string): string | undefined {
  const v = values[name];
  if (Array.isArray(v)) return v.length ? String(v[v.length - 1]) : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** `--warn-expiry-days`: a whole number of days, 0 or more (default 30). */
export function parseDays(command: string, value: string | undefined): number {
  if (value === undefined) return DEFAULT_WARN_EXPIRY_DAYS;
  if (!/^\d{1,5}$/.test(value))
    throw new CliError(`${command}: --warn-expiry-days must be a whole number of days, 0 or more (got "${value}")`);
  return Number(value);
}
