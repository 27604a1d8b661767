/** ca-preflight command line: dispatches to a command, maps outcomes to exit codes, never prints a stack trace. */
import { commands } from './commands/index.js';
import type { CommandIO } from './commands/types.js';
import { CliError, EXIT, packageVersion, useColor } from './io.js';
import { pathToFileURL } from 'node:url';
import { formatRuleList } from './list-rules.js';

const USAGE = () => `ca-preflight ${packageVersion()} — check a Microsoft Graph CA trust list before it is sent

Usage: ca-preflight <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`).join('\n')}

Options:
  --list-rules [--format json]   every rule: id, severity, basis, citation
  --version                      the version
  -h, --help                     this help; "ca-preflight <command> --help" for a command

Exit status: 0 success; 1 errors found, refused or different; 2 usage or IO trouble;
3 (apply) sent, but the change did not show within the verification time.
Environment: NO_COLOR turns colour off. The installed command keeps V8's compiled code in the user's cache folder
(~/.cache/ca-preflight, or $XDG_CACHE_HOME, ~/Library/Caches, %LOCALAPPDATA%) so that it starts fast;
CA_PREFLIGHT_CACHE_DIR chooses another folder, CA_PREFLIGHT_NO_CACHE=1 keeps none.
The API: PATCH https://graph.microsoft.com/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/{id}
`;

export async function main(argv: string[], io: CommandIO): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      const target = first === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
      io.out(target ? `${(await target.load()).help}\n` : USAGE());
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
    return await (await command.load()).run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`ca-preflight: ${e.message}\n`);
      return e.exitCode;
    }
    io.err(`ca-preflight: unexpected failure: ${(e as Error)?.message ?? String(e)}\n`);
    return EXIT.trouble;
  }
}

/** What the bundled executable (bin.cts) calls. */
export { useColor };

// `node dist/cli/main.js …` (and tsx on src/cli/main.ts) runs the CLI from the unbundled modules; the installed
// executable is bin.cjs, which loads the bundle and calls main itself.
const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const io: CommandIO = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    color: useColor(process.stdout),
    env: process.env,
    fetch: globalThis.fetch.bind(globalThis),
    importModule: (specifier) => import(specifier),
    interactive: !!process.stdin.isTTY && !!process.stderr.isTTY,
    ask: async (question) => (await import('./prompt.js')).askOnTerminal(question),
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
