import type { FetchLike } from '../../apply/graph-client.js';

export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
  /**
   * What the commands that talk to Graph (get, apply) take from the process; main() fills them in, and a test can
   * give its own: the environment (GRAPH_TOKEN), fetch, how optional packages are loaded (@azure/identity),
   * whether a person answers on standard input, and how to ask them.
   */
  env?: Record<string, string | undefined>;
  fetch?: FetchLike;
  importModule?: (specifier: string) => Promise<unknown>;
  interactive?: boolean;
  ask?: (question: string) => Promise<string>;
}

export interface Command {
  name: string;
  /** Full help text: usage, options, examples, exit codes. */
  help: string;
  run(args: string[], io: CommandIO): Promise<number>;
}
