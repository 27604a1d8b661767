import { runPreflight } from '../../preflight.js';
import { formatText } from '../../report/text.js';
import { formatSarif } from '../../report/sarif.js';
import { describeRules } from '../../rules/registry.js';
import { CliError, EXIT, packageHomepage, packageVersion, readInputBytes, readJsonFile, sarifPath } from '../io.js';
import { decodeJsonBytes } from '../../graph/json-text.js';
import { oneOf, parseAt, parseCommandArgs, parseDays, str } from './options.js';
import { CLOUDS } from '../../graph/clouds.js';
import { readCrlFiles } from '../crl-files.js';
import { fetchCrls } from '../fetch-crls.js';
import type { CrlInput } from '../../crl/types.js';
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
The file is read as the bytes that would be sent: UTF-16 text (what Windows PowerShell 5's Out-File writes) is
checked as decoded and reported (body.not-utf8), a UTF-8 byte order mark is not JSON (body.not-json). A file or
standard input over 32 MiB is refused (exit 2); text over 16 MiB is not checked (body.too-large). Both are limits
of this tool, not of Graph.

Options:
  --current <get.json>    the current resource (GET response): also report the CAs the body removes
  --id <id>               the configuration to check when the body or --current is a collection response
                          (GET …/mutualTlsOauthConfigurations) holding several; one alone needs no --id
  --at <ISO date>         check validity at this time instead of now (e.g. 2027-01-01)
  --crl <file | dir>      also check these CRLs (DER or PEM; a directory gives its *.crl and *.pem files),
                          each matched to the listed CA that issued it by AKI and issuer name: signature,
                          validity, CRL number, delta CRLs, size, and the listed CAs they revoke. Repeatable.
  --fetch-crls            download every configured CRL URL, as Entra does at sign-in (GET, 10 s, at most the
                          cloud's sign-in size, 5 redirects), and check what comes back. The only network
                          access of check, and only with this option.
  --cloud <name>          global (default), usgov, dod, china: whose CRL size limit applies (20 MB global,
                          45 MB US Government)
  --warn-expiry-days <n>  warn about CAs that expire within n days (default 30; 0 turns the warning off)
  --strict                warnings whose basis is inferred (graph-inferred, entra-cba) become errors
  --format <fmt>          text (default), json (the Report), sarif (SARIF 2.1.0 with line/column)
  --lang <en|fr>          language of messages and fixes (Graph's own messages stay verbatim)
  --client-request-id <id> echo this id in the predicted error's innerError
  -h, --help              this help

Every report says when the first listed CA expires: from then until it is removed or replaced, uploads of new
CAs fail. CRL findings carry the AADSTS code a sign-in fails with (documented for Entra certificate-based
authentication; for device mTLS the same is inferred).

Exit status: 0 no errors; 1 errors found (a body that is not JSON is a finding, so 1); 2 usage or IO trouble.

Examples:
  ca-preflight check body.json
  ca-preflight check body.json --current get.json --format json
  ca-preflight check body.json --current all-configurations.json --id eec5ba11-2fc0-4113-83a2-ed986ed13cdb
  ca-preflight check body.json --crl CertEnroll/ --at 2026-12-01
  ca-preflight check body.json --fetch-crls --cloud usgov
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
      crl: { type: 'string', multiple: true },
      'fetch-crls': { type: 'boolean' },
      cloud: { type: 'string' },
      'warn-expiry-days': { type: 'string' },
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
    const cloud = oneOf('check', 'cloud', str(values, 'cloud'), CLOUDS, 'global');
    const warnExpiryDays = parseDays('check', str(values, 'warn-expiry-days'));
    const crlPaths = (values.crl as string[] | undefined) ?? [];
    const file = positionals[0]!;
    // The bytes as they would be sent: the check reads them as a reader honouring byte order marks would, and reports
    // what is not UTF-8 JSON (a UTF-16 file from Windows PowerShell 5, a UTF-8 byte order mark).
    const bytes = new Uint8Array(readInputBytes(file, 'body file'));
    const text = decodeJsonBytes(bytes).text;
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
    const crls: CrlInput[] = readCrlFiles(crlPaths);
    if (values['fetch-crls']) {
      // The URLs of the configuration checked: the body, or the one configuration of a collection response it holds.
      const chosen = chooseConfiguration(parsedOrUndefined(text), id);
      const configuration = chosen.kind === 'resource' || chosen.kind === 'chosen' ? chosen.value : null;
      crls.push(...(await fetchCrls(configuration, { cloud })));
    }
    let run: Awaited<ReturnType<typeof runPreflight>>;
    try {
      run = await runPreflight(bytes, {
        cloud,
        warnExpiryDays,
        ...(crls.length ? { crls } : {}),
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
    else io.out(formatText(report, cas, { color: io.color, lang, source: file === '-' ? '(stdin)' : file, firstExpiry: true }));
    return report.ok ? EXIT.ok : EXIT.findings;
  },
};
