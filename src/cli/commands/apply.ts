import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { applyPlan, type ApplyResult } from '../../apply/apply.js';
import { shortHash } from '../../apply/canonical.js';
import { getConfiguration } from '../../apply/get.js';
import { createPlan, PLAN_KIND, readPlan, type Plan } from '../../apply/plan.js';
import { configurationUrlOn, readReceipt, undoPlan } from '../../apply/receipt.js';
import { formatDrift, formatReview } from '../../apply/text.js';
import { readResource, ResourceInputError } from '../../diff/read.js';
import { CLOUDS } from '../../graph/clouds.js';
import { formatText } from '../../report/text.js';
import { CliError, EXIT, packageVersion, readJsonFile } from '../io.js';
import { assertNoToken } from '../token.js';
import { NETWORK_HELP, NETWORK_OPTIONS, TOKEN_HELP, network, seconds, type Network } from './graph-options.js';
import { oneOf, parseAt, str } from './options.js';
import { parseChangeArgs, readDesiredFile, readOperations } from './patch-args.js';
import { reportRefusal, writeWarnings } from './patch.js';
import { writeFileAtomic } from './plan.js';
import type { Command } from './types.js';

/** 3: sent, but the live resource did not show the change within the verification time. */
const EXIT_UNVERIFIED = 3;

const EXIT_OF: Record<ApplyResult['outcome'], number> = {
  verified: EXIT.ok,
  'already-applied': EXIT.ok,
  'dry-run': EXIT.ok,
  refused: EXIT.findings,
  failed: EXIT.trouble,
  unverified: EXIT_UNVERIFIED,
};

/** Refuses (exit 2) a receipt path whose folder is missing or not writable, or that is a folder itself. */
function checkWritable(file: string): void {
  const dir = dirname(file);
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    accessSync(dir, constants.W_OK);
  } catch {
    throw new CliError(
      `apply: the receipt cannot be written to "${file}": its folder "${dir}" is missing or not writable. Nothing was sent.`,
    );
  }
  if (existsSync(file) && statSync(file).isDirectory())
    throw new CliError(`apply: the receipt path "${file}" is a folder; give a file name. Nothing was sent.`);
}

/** `STEM.json`, or `STEM-2.json`, … when taken: a receipt is never overwritten. */
function freeFile(stem: string): string {
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n === 1 ? '' : `-${n}`}.json`;
    if (!existsSync(candidate)) return candidate;
  }
}

/** `X.json` → `X.receipt.json` beside it. */
function besideFile(file: string, suffix: string): string {
  return freeFile(`${join(dirname(file), basename(file, extname(file)))}.${suffix}`);
}

interface Source {
  plan: Plan;
  /** For the log: where the plan came from. */
  what: string;
  receipt: string;
}

async function planOf(values: Record<string, unknown>, file: string): Promise<Source> {
  const reading = await readPlan(readJsonFile(file, 'plan'));
  if (!reading.ok) throw new CliError(`apply: ${file} cannot be used as a plan: ${reading.problems.join('; ')}.`);
  for (const name of ['add', 'remove', 'display-name', 'allow-removal', 'allow-undocumented-cloud', 'id', 'cloud', 'strict', 'at'])
    if (values[name] !== undefined)
      throw new CliError(
        `apply: --${name} does not go with a plan file: the plan carries its change and options; make a new plan to change them.`,
      );
  return { plan: reading.plan, what: file, receipt: besideFile(file, 'receipt') };
}

export const apply: Command = {
  name: 'apply',
  help: `Usage: ca-preflight apply <plan.json> [options]
       ca-preflight apply [desired.json] [operations] [--id ID] [--allow-removal] [options]
       ca-preflight apply --undo <receipt.json> [options]

Sends the update without losing anything. It reads the live resource and refuses (exit 1, nothing sent) when its
writable members are no longer the plan's base — someone changed it since, or the plan came from a stale read —
and shows the three sides: what changed since, what the plan changes, and what sending it now would undo. It checks
the request against the live resource as "patch" does (every refusal of patch applies), shows the diff and asks for
confirmation on a terminal (--yes for pipelines: never assumed when standard input is not a terminal), reads once
more after the answer, sends the PATCH, then reads with back-off until the live resource holds the intended configuration. A PATCH is sent again
only after a fresh read shows the base unchanged (429: after its Retry-After; 5xx, timeouts, dropped connections:
after a back-off). It writes a receipt — before and after hashes, request ids, what was sent — that --undo reverts,
under the same guard.

With a desired file or operations instead of a plan, it reads the live resource first and plans from it
(--id chooses the configuration; without it the collection must hold exactly one).

Options:
  --yes                   send without asking (required when standard input is not a terminal)
  --dry-run               do everything but the PATCH: read, guard, check, show the diff
  --undo <receipt.json>   revert the apply that wrote this receipt (refused unless the live resource is what it left)
  --receipt <file>        where to write the receipt (default: beside the plan, plan.receipt.json; never overwritten)
  --verify-for <S>        seconds to keep reading until the change shows (default 60)
  --format <fmt>          text (default; everything on standard error) or json (the result on standard output)
  --cloud <cloud>         with a desired file or operations: global (default), usgov, dod, china
${NETWORK_HELP}
  -h, --help              this help
Operations and --allow-removal, --allow-undocumented-cloud, --strict, --at: as in "ca-preflight plan", with a
desired file or without one.

${TOKEN_HELP}

Exit status: 0 applied and verified (or already applied; a dry run that would send); 1 refused, nothing sent (the
live resource differs from the plan's base, the checks refuse it, no confirmation); 2 trouble (nothing sent, or
sent and failed: the message says which); 3 sent, but the live resource did not show the change in time.

Examples:
  ca-preflight apply plan.json --dry-run
  ca-preflight apply plan.json --token-command "az account get-access-token --resource-type ms-graph --query accessToken -o tsv"
  GRAPH_TOKEN=… ca-preflight apply plan.json --yes
  ca-preflight apply --id ID --add new-root.pem --yes
  ca-preflight apply plan.json --base-url http://127.0.0.1:8080 --yes
  ca-preflight apply --undo plan.receipt.json --yes`,
  async run(args, raw) {
    const { values, positionals, tokens } = parseChangeArgs('apply', args, {
      ...NETWORK_OPTIONS,
      yes: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      undo: { type: 'string' },
      receipt: { type: 'string' },
      'verify-for': { type: 'string' },
      format: { type: 'string' },
      strict: { type: 'boolean' },
    });
    if (values.help) {
      raw.out(`${apply.help}\n`);
      return EXIT.ok;
    }
    const format = oneOf('apply', 'format', str(values, 'format'), ['text', 'json'] as const, 'text');
    const verifyForMs = seconds('apply', 'verify-for', str(values, 'verify-for'), 60_000);
    if (positionals.length > 1) throw new CliError('apply: give one plan or desired file.\nRun "ca-preflight apply --help" for usage.');
    const undo = str(values, 'undo');
    if (undo !== undefined && positionals.length) throw new CliError('apply: --undo takes the receipt; give no plan with it.');

    let source: Source;
    let net: Network;
    const first = positionals[0] !== undefined ? readJsonFile(positionals[0], 'plan or desired configuration') : undefined;
    if (undo !== undefined) {
      const reading = await readReceipt(readJsonFile(undo, 'receipt'));
      if (!reading.ok) throw new CliError(`apply: ${undo} cannot be used: ${reading.problems.join('; ')}.`);
      net = await network('apply', values, raw, reading.receipt.configuration.cloud);
      const undone = await undoPlan(reading.receipt, { tool: `ca-preflight ${packageVersion()}` });
      if (!undone.ok) return reportRefusal('apply', undone.patch, net.io);
      if (!undone.plan) {
        net.io.err('ca-preflight apply: nothing to undo: the receipt records no change.\n');
        return EXIT.ok;
      }
      source = { plan: undone.plan, what: `undo of ${undo}`, receipt: besideFile(undo, 'undo') };
    } else if ((first as { kind?: unknown } | undefined)?.kind === PLAN_KIND) {
      source = await planOf(values, positionals[0]!);
      net = await network('apply', values, raw, source.plan.configuration.cloud);
    } else {
      const cloud = oneOf('apply', 'cloud', str(values, 'cloud'), CLOUDS, 'global');
      net = await network('apply', values, raw, cloud);
      const made = await planFromLive(values, tokens, positionals[0], net);
      if (!made.plan) return EXIT_OF[made.exit];
      source = made;
    }
    const io = net.io;
    const receiptFile = str(values, 'receipt') ?? source.receipt;
    // Checked before anything is sent: a receipt that cannot be written after the PATCH would leave no undo.
    if (!values['dry-run']) checkWritable(receiptFile);
    const plan = source.plan;
    const url = net.connection.baseUrl ? configurationUrlOn(net.base, plan.configuration.id) : plan.request.url;
    io.err(
      `ca-preflight apply: ${source.what} (base ${shortHash(plan.base.hash)} → intended ${shortHash(plan.intended.hash)})\n  to ${url}\n  token: ${net.source.describe}\n`,
    );

    const yes = !!values.yes;
    let notInteractive = false;
    const result = await applyPlan(plan, {
      ...net.connection,
      dryRun: !!values['dry-run'],
      verifyForMs,
      tool: `ca-preflight ${packageVersion()}`,
      onProgress: (line) => io.err(`${line}\n`),
      onReview: (review) => {
        io.err(`\n${formatReview(review, { color: io.color })}`);
        writeWarnings(review.report.findings, io);
        io.err('\n');
      },
      ...(yes
        ? {}
        : {
            confirm: async (review) => {
              if (!raw.interactive || !raw.ask) {
                notInteractive = true;
                return false;
              }
              const answer = await raw.ask(`Send this PATCH to ${review.url}? Type "yes" to send: `);
              return /^\s*y(es)?\s*$/i.test(answer);
            },
          }),
    });

    if (result.drift) io.err(`\n${formatDrift(result.drift, { color: io.color })}\n`);
    if (result.refusal?.kind === 'findings' || result.refusal?.kind === 'removal') {
      for (const r of result.refusal.reasons) io.err(`  ✗ ${r.message}\n`);
      if (result.review && result.refusal.kind === 'findings')
        io.err(
          `\n${formatText(result.review.report, result.review.cas, { color: io.color, source: 'request body (as it would be sent)' })}`,
        );
    }
    let receiptPath: string | null = null;
    if (result.receipt) {
      const text = `${JSON.stringify(result.receipt, null, 2)}\n`;
      assertNoToken(text, net.token, 'the receipt');
      try {
        writeFileAtomic(receiptFile, text);
        receiptPath = receiptFile;
      } catch (e) {
        // The PATCH went out: the receipt is not lost, it goes to standard output instead.
        io.err(`ca-preflight apply: ${(e as Error).message}; the receipt follows on standard output: keep it to undo.\n`);
        io.out(text);
      }
    }
    const exit = EXIT_OF[result.outcome];
    const mark = exit === EXIT.ok ? '✓' : '✗';
    const message =
      notInteractive && result.refusal?.kind === 'not-confirmed'
        ? 'Not confirmed: standard input is not a terminal, so no one can answer. Review the diff above and run again with --yes (or --dry-run to look without sending). Nothing was sent.'
        : result.message;
    io.err(`${mark} ${message}\n`);
    if (receiptPath)
      io.err(
        result.outcome === 'verified'
          ? `receipt: ${receiptPath} (undo: ca-preflight apply --undo ${receiptPath})\n`
          : `receipt: ${receiptPath}\n`,
      );
    if (result.refusal?.kind === 'drift' && !plan.undoes)
      io.err(
        `make a new plan from the live resource:\n  ca-preflight get --id ${plan.configuration.id}${str(values, 'base-url') ? ` --base-url ${net.base}` : ''} > get.json\n  ca-preflight plan get.json … --out plan.json\n`,
      );
    if (format === 'json')
      io.out(
        `${JSON.stringify(
          {
            outcome: result.outcome,
            exitCode: exit,
            sent: result.sent,
            message,
            configuration: plan.configuration,
            url: result.review?.url ?? null,
            base: plan.base.hash,
            intended: plan.intended.hash,
            live: result.liveHash,
            receipt: receiptPath,
            warnings: result.warnings,
            failure: result.failure,
            exchanges: result.exchanges,
          },
          null,
          2,
        )}\n`,
      );
    return exit;
  },
};

type Tokens = Parameters<typeof readOperations>[1];

/** apply with a desired file or operations: read the live resource, plan from it. */
async function planFromLive(
  values: Record<string, unknown>,
  tokens: Tokens,
  file: string | undefined,
  net: Network,
): Promise<Source | { plan: null; exit: ApplyResult['outcome'] }> {
  const operations = readOperations('apply', tokens);
  const desired = readDesiredFile('apply', file);
  if (desired === undefined && operations.length === 0)
    throw new CliError(
      'apply: nothing to do: give a plan file, a desired configuration, or at least one of --add, --remove, --display-name.\nRun "ca-preflight apply --help" for usage.',
    );
  const id = str(values as never, 'id');
  const got = await getConfiguration({ ...net.connection, cloud: net.cloud, ...(id !== undefined ? { id } : {}) });
  if (!got.ok) throw new CliError(`apply: ${got.failure.message} Nothing was sent.`);
  let live: Record<string, unknown>;
  try {
    live = readResource(got.value, 'the live collection', id);
  } catch (e) {
    if (e instanceof ResourceInputError) throw new CliError(`apply: ${e.message}`);
    throw e;
  }
  const at = parseAt('apply', str(values as never, 'at'));
  const made = await createPlan(live, desired ?? operations, {
    cloud: net.cloud,
    tool: `ca-preflight ${packageVersion()}`,
    ...(desired !== undefined ? { operations } : {}),
    ...(values['allow-removal'] ? { allowRemoval: true } : {}),
    ...(values['allow-undocumented-cloud'] ? { allowUndocumentedCloud: true } : {}),
    ...(values.strict ? { strict: true } : {}),
    ...(at ? { at } : {}),
  });
  if (!made.ok) {
    const code = reportRefusal('apply', made.patch, net.io);
    return { plan: null, exit: code === EXIT.trouble ? 'failed' : 'refused' };
  }
  if (!made.plan) {
    net.io.err('ca-preflight apply: no change: the live resource already holds the desired configuration; nothing sent.\n');
    return { plan: null, exit: 'already-applied' };
  }
  const what = file ?? 'the operations';
  return {
    plan: made.plan,
    what: `${what}, planned against the live resource`,
    receipt: file ? besideFile(file, 'receipt') : freeFile(`receipt-${made.plan.configuration.id}`),
  };
}
