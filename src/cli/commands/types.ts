export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
}

export interface Command {
  name: string;
  /** Full help text: usage, options, examples, exit codes. */
  help: string;
  run(args: string[], io: CommandIO): Promise<number>;
}
