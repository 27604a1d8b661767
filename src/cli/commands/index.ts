/** The CLI's commands, in the order `--help` lists them. */
import type { Command } from './types.js';
import { check } from './check.js';
import { inspect } from './inspect.js';
import { diff } from './diff.js';
import { patch } from './patch.js';
import { serve } from './serve.js';

export const commands: Command[] = [check, diff, patch, inspect, serve];
