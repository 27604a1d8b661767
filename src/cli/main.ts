#!/usr/bin/env node
/** ca-preflight command line: dispatches to a command, maps outcomes to exit codes, never prints a stack trace. */
import { commands } from './commands/index.js';
import type { CommandIO } from './commands/types.js';
import { CliError, EXIT, packageVersion, useColor } from './io.js';
import { formatRuleList } from './list-rules.js';

const USAGE = () => `ca-preflight ${packageVersion()} — check a Microsoft Graph CA trust list before it is sent

Usage: ca-preflight <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`).join('\n')}

Options:
  --list-rules [--format json]   every rule: id, severity, basis, citation
  --version                      the version
  -h, --help                     this help; "ca-preflight <command> --help" for a command

Exit status: 0 success; 1 errors found, refused or different; 2 usage or IO trouble.
The API: PATCH https://graph.microsoft.com/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/{id}
`;

export async function main(argv: string[], io: CommandIO): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      const target = first === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
      io.out(target ? `${target.help}\n` : USAGE());
      return first === undefined ? EXIT.trouble : EXIT.ok;
    }
    if (first === '--version' || first === '-v') {
      io.out(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    if (first === '--list-rules') {
      const json = rest.includes('json') || rest.includes('--format=json');
      io.out(formatRuleList(json ? 'json' : 'text'));
      return EXIT.ok;
    }
    const command = commands.find((c) => c.name === first);
    if (!command)
      throw new CliError(
        `unknown command "${first}". Commands: ${commands.map((c) => c.name).join(', ')}.\nRun "ca-preflight --help" for usage.`,
      );
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`ca-preflight: ${e.message}\n`);
      return e.exitCode;
    }
    io.err(`ca-preflight: unexpected failure: ${(e as Error)?.message ?? String(e)}\n`);
    return EXIT.trouble;
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
const isBin = process.argv[1] && /ca-preflight$|cli[\\/]main\.[jt]s$/.test(process.argv[1]);
if (invokedDirectly || isBin) {
  const io: CommandIO = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    color: useColor(process.stdout),
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
