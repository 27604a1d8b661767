import { runPreflight } from '../../preflight.js';
import { formatText } from '../../report/text.js';
import { formatSarif } from '../../report/sarif.js';
import { describeRules } from '../../rules/registry.js';
import { CliError, EXIT, packageHomepage, packageVersion, readInputText, readJsonFile, sarifPath } from '../io.js';
import { oneOf, parseAt, parseCommandArgs, str } from './options.js';
import type { Command } from './types.js';
import { choiceProblem, chooseConfiguration } from '../../graph/collection.js';

/** The body as a value when it is JSON (to see whether it is a collection response), else undefined: the check reports it. */
function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export const check: Command = {
  name: 'check',
  help: `Usage: ca-preflight check <body.json | -> [options]

Checks a request body for PATCH /directory/certificateAuthorities/mutualTlsOauthConfigurations/{id}:
every certificate is parsed, root flags, SKI, issuer, CRL URLs and the chains among the listed CAs are
checked, and the server's first failure is reproduced as the 400 Graph would send. Nothing is sent anywhere.

Options:
  --current <get.json>    the current resource (GET response): also report the CAs the body removes
  --id <id>               the configuration to check when the body or --current is a collection response
                          (GET …/mutualTlsOauthConfigurations) holding several; one alone needs no --id
  --at <ISO date>         check validity at this time instead of now (e.g. 2027-01-01)
  --strict                warnings whose basis is inferred (graph-inferred, entra-cba) become errors
  --format <fmt>          text (default), json (the Report), sarif (SARIF 2.1.0 with line/column)
  --lang <en|fr>          language of messages and fixes (Graph's own messages stay verbatim)
  --client-request-id <id> echo this id in the predicted error's innerError
  -h, --help              this help

Exit status: 0 no errors; 1 errors found (a body that is not JSON is a finding, so 1); 2 usage or IO trouble.

Examples:
  ca-preflight check body.json
  ca-preflight check body.json --current get.json --format json
  ca-preflight check body.json --current all-configurations.json --id eec5ba11-2fc0-4113-83a2-ed986ed13cdb
  cat body.json | ca-preflight check - --format sarif > results.sarif`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('check', args, {
      current: { type: 'string' },
      id: { type: 'string' },
      at: { type: 'string' },
      strict: { type: 'boolean' },
      format: { type: 'string' },
      lang: { type: 'string' },
      'client-request-id': { type: 'string' },
    });
    if (values.help) {
      io.out(`${check.help}\n`);
      return EXIT.ok;
    }
    if (positionals.length !== 1)
      throw new CliError('check: give exactly one body file, or - for standard input.\nRun "ca-preflight check --help" for usage.');
    const format = oneOf('check', 'format', str(values, 'format'), ['text', 'json', 'sarif'] as const, 'text');
    const lang = oneOf('check', 'lang', str(values, 'lang'), ['en', 'fr'] as const, 'en');
    const at = parseAt('check', str(values, 'at'));
    const file = positionals[0]!;
    const text = readInputText(file, 'body file');
    const currentFile = str(values, 'current');
    const current = currentFile !== undefined ? readJsonFile(currentFile, 'current resource') : undefined;
    const id = str(values, 'id');
    // A collection response that holds several configurations needs --id: say which ids there are, check nothing.
    const choices: [unknown, string][] = [[parsedOrUndefined(text), file === '-' ? 'the body (standard input)' : `the body "${file}"`]];
    if (current !== undefined) choices.push([current, `the current resource "${currentFile}"`]);
    for (const [value, what] of choices) {
      const problem = choiceProblem(chooseConfiguration(value, id), what, '--id');
      if (problem) throw new CliError(`check: ${problem}`);
    }
    let run: Awaited<ReturnType<typeof runPreflight>>;
    try {
      run = await runPreflight(text, {
        lang,
        strict: !!values.strict,
        ...(at ? { at } : {}),
        ...(current !== undefined ? { current } : {}),
        ...(id !== undefined ? { id } : {}),
        ...(str(values, 'client-request-id') ? { clientRequestId: str(values, 'client-request-id')! } : {}),
      });
    } catch (e) {
      if (e instanceof TypeError) throw new CliError(`check: ${e.message}`);
      throw e;
    }
    const { report, cas } = run;
    if (format === 'json') io.out(`${JSON.stringify(report, null, 2)}\n`);
    else if (format === 'sarif')
      io.out(
        `${JSON.stringify(formatSarif(report, { uri: file === '-' ? 'stdin' : sarifPath(file), version: packageVersion(), informationUri: packageHomepage(), rules: describeRules() }), null, 2)}\n`,
      );
    else io.out(formatText(report, cas, { color: io.color, lang, source: file === '-' ? '(stdin)' : file }));
    return report.ok ? EXIT.ok : EXIT.findings;
  },
};
