/**
 * The CLI's commands, in the order `--help` lists them. Each command's module is loaded only when it runs (or prints its
 * help): `check` does not pay for the HTTP server of `serve` or the request builder of `patch`.
 */
import type { Command } from './types.js';

export interface CommandEntry {
  name: string;
  /** One line for the command list. */
  summary: string;
  load(): Promise<Command>;
}

export const commands: CommandEntry[] = [
  {
    name: 'check',
    summary: "check a PATCH body (or a whole GET response) and predict the server's answer",
    load: async () => (await import('./check.js')).check,
  },
  {
    name: 'diff',
    summary: 'show what an update changes against the current resource (CAs matched by SHA-256)',
    load: async () => (await import('./diff.js')).diff,
  },
  {
    name: 'patch',
    summary: 'build the ready-to-send PATCH from a desired body or from --add/--remove/--display-name, with a removal guard',
    load: async () => (await import('./patch.js')).patch,
  },
  {
    name: 'get',
    summary: 'print the live configuration (or all of them) from Graph or a local serve, ready for plan',
    load: async () => (await import('./get.js')).get,
  },
  {
    name: 'plan',
    summary: 'write a plan file: the request of patch, with the base it was computed from, for apply',
    load: async () => (await import('./plan.js')).plan,
  },
  {
    name: 'apply',
    summary: 'send a plan (or a change) with the lost-update guard, verify it, write a receipt; --undo reverts',
    load: async () => (await import('./apply.js')).apply,
  },
  {
    name: 'inspect',
    summary: 'show the facts of each certificate of a file and the certificateAuthority entry it would make',
    load: async () => (await import('./inspect.js')).inspect,
  },
  {
    name: 'device',
    summary: 'will this device sign in? its certificate against a configuration: path, revocation, identity, AADSTS codes',
    load: async () => (await import('./device.js')).device,
  },
  {
    name: 'serve',
    summary: 'run the Graph simulator as a local HTTP server, with faults, for clients in any language',
    load: async () => (await import('./serve.js')).serve,
  },
];
