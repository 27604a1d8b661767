import { planPatch, isTrouble, type PatchOptions, type PatchPlan } from '../../diff/request.js';
import type { Lang } from '../../types.js';
import { formatCurlCommand, formatHttpRequest, permissionComment } from '../../diff/http.js';
import { summaryLine } from '../../diff/text.js';
import { CLOUDS } from '../../graph/clouds.js';
import { formatText } from '../../report/text.js';
import { CliError, EXIT, readJsonFile } from '../io.js';
import { oneOf, parseAt, str } from './options.js';
import { parseChangeArgs, readDesiredFile, readOperations } from './patch-args.js';
import type { Command, CommandIO } from './types.js';

export const patch: Command = {
  name: 'patch',
  help: `Usage: ca-preflight patch <current.json> [desired.json] [operations] [options]

Builds the request for PATCH /beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/{id}.
Graph replaces certificateAuthorities as a whole, so the body carries the WHOLE list (current order, additions
last), only the members a PATCH may set, and displayName only when it changes. current.json is a GET response
(as is: id, @odata.*, issuer and issuerSki are left out of the body). The change is either desired.json (a body
or an edited GET response; an absent member stays as it is) or operations, or both (operations apply after it).

Operations (in order; repeat as needed):
  --add <cert file>       add the CAs of a certificate file: DER (.cer), PEM (every certificate of a chain),
                          a PKCS#7 bundle (.p7b) or base64; each root flag is inferred from the certificate's
                          self-signature and its CRL URLs are null, unless these follow a file of one certificate:
    --root | --intermediate   set isRootAuthority of the --add before it
    --crl <URL>               set certificateRevocationListUrl of the --add before it (the URL of the CRL this CA
                              issues; the certificate's own CRL distribution point names its issuer's CRL)
  --remove <CA>           remove the CA with this SHA-256 or SHA-1 thumbprint (any case, colons allowed) or this
                          exact subject (RFC 4514 "CN=…,O=…" or Windows "CN=…, O=…, S=…")
  --display-name <name>   rename the configuration

Options:
  --allow-removal         allow a request that removes CAs (otherwise it is refused, naming each one)
  --id <id>               the configuration id when current.json has none
  --cloud <cloud>         global (default), usgov, dod, china. Microsoft documents this API as available only in
                          the global service (learn.microsoft.com/graph/api/mutualtlsoauthconfiguration-update,
                          "national cloud deployments"): a request for another cloud is refused unless
  --allow-undocumented-cloud  is given (for when you know it is available there now)
  --format <fmt>          json (default): { method, url, headers, body }; http: an HTTP request; curl: a curl command
  --at <ISO date>         check validity at this time instead of now
  -h, --help              this help

The request is checked as "ca-preflight check --current" would; it is refused (exit 1, nothing on standard output,
the reasons on standard error) when the body has errors, when it would remove CAs without --allow-removal, or
when the cloud is one where the API is not documented as available.
With no change at all nothing is printed and the exit status is 0. The request needs the permission
MutualTlsOauthConfiguration.ReadWrite.All (said on standard error for json, as a comment line for http and curl).

Exit status: 0 request printed (or nothing to change); 1 refused; 2 usage or IO trouble, or an operation
that matches nothing.

Examples:
  ca-preflight patch get.json desired.json > request.json
  ca-preflight patch get.json --add new-root.pem --crl http://pki.example/root.crl --format curl
  ca-preflight patch get.json --remove 5F:3C:…:9A --allow-removal --format http`,
  async run(args, io) {
    const { values, positionals, tokens } = parseChangeArgs('patch', args, { format: { type: 'string' } });
    if (values.help) {
      io.out(`${patch.help}\n`);
      return EXIT.ok;
    }
    if (positionals.length < 1 || positionals.length > 2)
      throw new CliError(
        'patch: give the current resource (a GET response) and optionally the desired configuration.\nRun "ca-preflight patch --help" for usage.',
      );
    if (positionals[0] === '-' && positionals[1] === '-') throw new CliError('patch: only one of the two files can be standard input (-).');
    const format = oneOf('patch', 'format', str(values, 'format'), ['json', 'http', 'curl'] as const, 'json');
    const cloud = oneOf('patch', 'cloud', str(values, 'cloud'), CLOUDS, 'global');
    const at = parseAt('patch', str(values, 'at'));

    const operations = readOperations('patch', tokens);
    const current = readJsonFile(positionals[0]!, 'current resource');
    const desired = readDesiredFile('patch', positionals[1]);
    if (desired === undefined && operations.length === 0) {
      throw new CliError(
        'patch: nothing to do: give a desired configuration file or at least one of --add, --remove, --display-name.\nRun "ca-preflight patch --help" for usage.',
      );
    }
    const options: PatchOptions = {
      cloud,
      ...(values['allow-removal'] ? { allowRemoval: true } : {}),
      ...(values['allow-undocumented-cloud'] ? { allowUndocumentedCloud: true } : {}),
      ...(str(values, 'id') !== undefined ? { id: str(values, 'id')! } : {}),
      ...(at ? { at } : {}),
    };
    const plan =
      desired === undefined ? await planPatch(current, operations, options) : await planPatch(current, desired, { ...options, operations });
    const result = plan.result;

    if (!result.ok) return reportRefusal('patch', plan, io);
    for (const note of result.notes) io.err(`note: ${note}\n`);
    if (!result.request) {
      io.err('ca-preflight patch: no change: the desired configuration is what the resource already holds; nothing to send.\n');
      return EXIT.ok;
    }
    const request = result.request;
    io.out(
      format === 'http'
        ? formatHttpRequest(request)
        : format === 'curl'
          ? formatCurlCommand(request)
          : `${JSON.stringify(request, null, 2)}\n`,
    );
    if (format === 'json') io.err(`${permissionComment()}\n`);
    writeWarnings(result.report.findings, io);
    io.err(`${summaryLine(result.changes)}\n`);
    return EXIT.ok;
  },
};

/** Prints why `planPatch` refused, as patch, plan and apply all do; returns the exit status (1 refused, 2 trouble). */
export function reportRefusal(command: string, plan: PatchPlan, io: CommandIO, lang?: Lang): number {
  const result = plan.result;
  if (result.ok) return EXIT.ok;
  const trouble = isTrouble(result.refusal);
  io.err(`ca-preflight ${command}: ${trouble ? 'cannot build the request' : 'refused: nothing to send'}\n`);
  for (const r of result.refusal.reasons) io.err(`  ✗ ${r.message}\n`);
  if (result.refusal.report && result.refusal.reasons.some((r) => r.kind === 'findings')) {
    io.err(
      `\n${formatText(result.refusal.report, plan.cas, { color: io.color, source: 'request body (as it would be sent)', ...(lang ? { lang } : {}) })}`,
    );
  }
  return trouble ? EXIT.trouble : EXIT.findings;
}

export function writeWarnings(findings: { severity: string; rule: string; path: string; message: string }[], io: CommandIO): void {
  for (const f of findings) if (f.severity === 'warning') io.err(`warning ${f.rule} ${f.path || '""'}: ${f.message}\n`);
}
