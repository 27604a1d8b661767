import { compareConfigurations, isUnchanged } from '../../diff/diff.js';
import { ResourceInputError } from '../../diff/read.js';
import { formatDiffText } from '../../diff/text.js';
import { CliError, EXIT, readJsonFile } from '../io.js';
import { oneOf, parseCommandArgs, str } from './options.js';
import type { Command } from './types.js';

export const diff: Command = {
  name: 'diff',
  help: `Usage: ca-preflight diff <current.json> <desired.json> [--format text|json] [--id ID]

Compares the current resource (a GET response) with the desired configuration (a PATCH body or an edited
GET response). CAs are matched by the SHA-256 of their certificate; only the members a PATCH writes count
(certificate, isRootAuthority, certificateRevocationListUrl, deltaCertificateRevocationListUrl, displayName).
issuer, issuerSki and @odata.* are computed by the server and never count as a change. A member absent from
desired stays as it is: without certificateAuthorities the list is unchanged, without displayName the name is.
An entry whose certificate cannot be decoded (such as the update page's "Binary") is matched only by its exact text.

Options:
  --format <fmt>   text (default): a review of each added, removed and changed CA; json: the diff as
                   { displayName, added, removed, changed, unchanged }
  --id <id>        the configuration to compare when a file is a collection response (GET
                   …/mutualTlsOauthConfigurations) holding several; one alone needs no --id
  -h, --help       this help

Exit status: 0 no change; 1 different; 2 usage or IO trouble.

Examples:
  ca-preflight diff get.json desired.json
  ca-preflight diff get.json desired.json --format json`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('diff', args, { format: { type: 'string' }, id: { type: 'string' } });
    if (values.help) {
      io.out(`${diff.help}\n`);
      return EXIT.ok;
    }
    if (positionals.length !== 2)
      throw new CliError(
        'diff: give the current resource and the desired configuration (two JSON files).\nRun "ca-preflight diff --help" for usage.',
      );
    if (positionals[0] === '-' && positionals[1] === '-') throw new CliError('diff: only one of the two files can be standard input (-).');
    const format = oneOf('diff', 'format', str(values, 'format'), ['text', 'json'] as const, 'text');
    const [currentFile, desiredFile] = positionals as [string, string];
    const current = readJsonFile(currentFile, 'current resource');
    const desired = readJsonFile(desiredFile, 'desired configuration');
    let comparison: Awaited<ReturnType<typeof compareConfigurations>>;
    try {
      const id = str(values, 'id');
      comparison = await compareConfigurations(current, desired, id !== undefined ? { id } : {});
    } catch (e) {
      if (e instanceof ResourceInputError) throw new CliError(`diff: ${e.message}`);
      throw e;
    }
    const name = (f: string) => (f === '-' ? '(stdin)' : f);
    io.out(
      format === 'json'
        ? `${JSON.stringify(comparison.diff, null, 2)}\n`
        : formatDiffText(comparison, { color: io.color, currentName: name(currentFile), desiredName: name(desiredFile) }),
    );
    return isUnchanged(comparison.diff) ? EXIT.ok : EXIT.findings;
  },
};
