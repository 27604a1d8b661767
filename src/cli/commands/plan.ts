import { writeFileSync, renameSync } from 'node:fs';
import { createPlan, type Plan } from '../../apply/plan.js';
import { shortHash } from '../../apply/canonical.js';
import { summaryLine } from '../../diff/text.js';
import { CLOUDS } from '../../graph/clouds.js';
import { CliError, EXIT, packageVersion, readJsonFile } from '../io.js';
import { oneOf, parseAt, str } from './options.js';
import { parseChangeArgs, readDesiredFile, readOperations } from './patch-args.js';
import { reportRefusal, writeWarnings } from './patch.js';
import type { Command } from './types.js';

/** Writes a file whole or not at all (a temporary file renamed over it). */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    throw new CliError(`cannot write "${path}": ${(e as Error).message}`);
  }
}

export function planText(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

export const plan: Command = {
  name: 'plan',
  help: `Usage: ca-preflight plan <current.json> [desired.json] [operations] [options] --out plan.json

Does what "ca-preflight patch" does — the same desired file or operations, the same checks, the same refusals —
and writes a plan instead of printing the request: the current resource as read and the hash of its writable
members (the base), the request, the hash of what it intends, the diff, the findings and the tool's version.
"ca-preflight apply plan.json" then refuses if the live resource is no longer that base, so an update planned
from an old or stale read never undoes someone else's change. The summary goes to standard error.

Operations (in order; repeat as needed):
  --add <cert file>       add a CA from a PEM, DER (.cer) or base64 file
    --root | --intermediate   set isRootAuthority of the --add before it
    --crl <URL>               set certificateRevocationListUrl of the --add before it
  --remove <CA>           remove the CA with this SHA-256 or SHA-1 thumbprint or this exact subject
  --display-name <name>   rename the configuration

Options:
  --out <plan.json>       where to write the plan (- for standard output); required
  --allow-removal         allow a plan that removes CAs (otherwise it is refused, naming each one)
  --strict                warnings whose basis is inferred become errors (apply checks the same way)
  --id <id>               the configuration id when current.json has none, or to choose one in a collection
  --cloud <cloud>         global (default), usgov, dod, china: as for patch, a cloud where the API is not
  --allow-undocumented-cloud  documented as available is refused unless this is given (apply keeps the choice)
  --at <ISO date>         check validity at this time instead of now
  -h, --help              this help

Exit status: 0 plan written (or nothing to change: no file written); 1 refused; 2 usage or IO trouble.

Examples:
  ca-preflight get --id ID > get.json
  ca-preflight plan get.json --add new-root.pem --crl http://pki.example/root.crl --out plan.json
  ca-preflight plan get.json desired.json --allow-removal --out plan.json`,
  async run(args, io) {
    const { values, positionals, tokens } = parseChangeArgs('plan', args, { out: { type: 'string' }, strict: { type: 'boolean' } });
    if (values.help) {
      io.out(`${plan.help}\n`);
      return EXIT.ok;
    }
    if (positionals.length < 1 || positionals.length > 2)
      throw new CliError(
        'plan: give the current resource (a GET response, e.g. from "ca-preflight get") and optionally the desired configuration.\nRun "ca-preflight plan --help" for usage.',
      );
    if (positionals[0] === '-' && positionals[1] === '-') throw new CliError('plan: only one of the two files can be standard input (-).');
    const out = str(values, 'out');
    if (out === undefined) throw new CliError('plan: give --out plan.json (or --out - for standard output).');
    const cloud = oneOf('plan', 'cloud', str(values, 'cloud'), CLOUDS, 'global');
    const at = parseAt('plan', str(values, 'at'));
    const operations = readOperations('plan', tokens);
    const current = readJsonFile(positionals[0]!, 'current resource');
    const desired = readDesiredFile('plan', positionals[1]);
    if (desired === undefined && operations.length === 0)
      throw new CliError(
        'plan: nothing to do: give a desired configuration file or at least one of --add, --remove, --display-name.\nRun "ca-preflight plan --help" for usage.',
      );
    const id = str(values, 'id');
    const result = await createPlan(current, desired ?? operations, {
      cloud,
      tool: `ca-preflight ${packageVersion()}`,
      ...(desired !== undefined ? { operations } : {}),
      ...(values['allow-removal'] ? { allowRemoval: true } : {}),
      ...(values['allow-undocumented-cloud'] ? { allowUndocumentedCloud: true } : {}),
      ...(values.strict ? { strict: true } : {}),
      ...(id !== undefined ? { id } : {}),
      ...(at ? { at } : {}),
    });
    if (!result.ok) return reportRefusal('plan', result.patch, io);
    const patchResult = result.patch.result;
    if (patchResult.ok) for (const note of patchResult.notes) io.err(`note: ${note}\n`);
    if (!result.plan) {
      io.err('ca-preflight plan: no change: the desired configuration is what the resource already holds; no plan written.\n');
      return EXIT.ok;
    }
    const p = result.plan;
    if (out === '-') io.out(planText(p));
    else writeFileAtomic(out, planText(p));
    if (patchResult.ok && patchResult.request) writeWarnings(patchResult.report.findings, io);
    io.err(`${summaryLine(p.diff)}\n`);
    io.err(
      `ca-preflight plan: ${out === '-' ? 'plan printed' : `wrote ${out}`}: base ${shortHash(p.base.hash)} → intended ${shortHash(p.intended.hash)}, PATCH ${p.request.url}\n`,
    );
    if (out !== '-') io.err(`apply it with: ca-preflight apply ${out}\n`);
    return EXIT.ok;
  },
};
