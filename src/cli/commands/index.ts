/** The CLI's commands, in the order `--help` lists them. */
import type { Command } from './types.js';
import { check } from './check.js';
import { inspect } from './inspect.js';

export const commands: Command[] = [check, inspect];
