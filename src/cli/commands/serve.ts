import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { collectionContextUrl } from '../../graph/clouds.js';
import { parseFaults, FaultSpecError, type FaultPlan } from '../../simulator/faults.js';
import { FAULT_HEADER } from '../../simulator/handler.js';
import { resourcesOf } from '../../simulator/store.js';
import { startSimulatorServer } from '../serve-http.js';
import { CliError, EXIT, readJsonFile } from '../io.js';
import { parseAt, parseCommandArgs, str } from './options.js';
import type { Command } from './types.js';

const PATH = '/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations';

export const serve: Command = {
  name: 'serve',
  help: `Usage: ca-preflight serve [--host 127.0.0.1] [--port N] [--state file.json] [--seed get.json]
                          [--faults SPEC] [--require-token] [--at ISO]

Serves ${PATH}[/{id}]
as Graph does: GET (list with $select, $filter on id and displayName, $top paging, $count=true; one with
$select), GET …/$count, POST (201 with Location), PATCH (200 with the resource; the body checked in the
server's order, as "ca-preflight check" predicts), DELETE (204). Point a client at the printed base URL instead of
https://graph.microsoft.com. It runs until Ctrl-C (SIGINT) or SIGTERM, then stops cleanly (exit 0).

Options:
  --host <addr>        address to listen on (default 127.0.0.1; anything else is reachable from other machines)
  --port <N>           port (default 0: a free port, printed on the first line)
  --state <file.json>  keep the configurations in this file: read at start when it exists, rewritten after
                       every change (a collection GET, ready for "ca-preflight patch" or "plan")
  --seed <get.json>    start from this GET response (one configuration or a collection) when there is no state
                       file yet; with neither, the simulator starts empty (create one with POST)
  --faults <SPEC>      faults to test clients with (below)
  --require-token      answer 401 "Access token is empty." without "Authorization: Bearer <token>" (any token passes)
  --at <ISO date>      the server's clock for certificate validity (default now)
  -h, --help           this help

Faults: SPEC is a comma-separated list of FAULT[:ARG][@WHEN], plus seed=N for the random ones.
  throttle[:S]       429 with Retry-After S seconds (default 1), x-ms-throttle-scope and x-ms-throttle-information
  unavailable[:S]    503 (with Retry-After S when given)          timeout        504
  drop               connection closed before the request is processed (nothing changes)
  drop-after         the request is processed (a write is kept), then the connection is closed
  slow[:T]           answer after T (default 1000 ms; 250, 250ms, 2s)
  stale[:N | :T]     after a write, the next N reads (default 1) or the reads for T see the state before it
  concurrent[:KIND]  another client changes the resource just before: rename (default), remove-ca, delete
  unauthorized       401 "Access token has expired or is not yet valid."
  forbidden          403 "Insufficient privileges to complete the operation."
  WHEN is [METHOD][#N | #N-M | #N- | P%]: METHOD one of GET POST PATCH DELETE (any when left out); #N the Nth such
  request, counted from 1; #N-M a range; #N- from the Nth on; P% each such request with probability P, drawn
  from the seed (the same seed and requests give the same faults). Without #/%: every such request; stale
  defaults to every write. A client can also ask for faults on one request with the header
  "${FAULT_HEADER}: SPEC" (same syntax, without @WHEN).

Examples:
  ca-preflight serve --seed get.json --port 8080
  ca-preflight serve --state state.json --faults 'throttle:2@PATCH#1,stale:2@PATCH,drop-after@PATCH#3'
  ca-preflight serve --faults 'seed=7,unavailable@10%,slow:300@GET' --require-token

  curl -s http://127.0.0.1:8080${PATH}
  Invoke-RestMethod -Uri http://127.0.0.1:8080${PATH}

Exit status: 0 stopped by SIGINT or SIGTERM; 2 usage or IO trouble (a bad SPEC, a port in use).`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('serve', args, {
      host: { type: 'string' },
      port: { type: 'string' },
      state: { type: 'string' },
      seed: { type: 'string' },
      faults: { type: 'string' },
      'require-token': { type: 'boolean' },
      at: { type: 'string' },
    });
    if (values.help) {
      io.out(`${serve.help}\n`);
      return EXIT.ok;
    }
    if (positionals.length > 0)
      throw new CliError(
        `serve: takes no file argument (got "${positionals[0]}"); give a GET response with --seed.\nRun "ca-preflight serve --help" for usage.`,
      );
    const host = str(values, 'host') ?? '127.0.0.1';
    const portText = str(values, 'port') ?? '0';
    if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535)
      throw new CliError(`serve: --port must be a number from 0 to 65535 (got "${portText}")`);
    let faults: FaultPlan | undefined;
    const spec = str(values, 'faults');
    if (spec !== undefined) {
      try {
        faults = parseFaults(spec);
      } catch (e) {
        if (e instanceof FaultSpecError)
          throw new CliError(`serve: --faults: ${e.message}\nRun "ca-preflight serve --help" for the syntax.`);
        throw e;
      }
    }
    const at = parseAt('serve', str(values, 'at'));
    const stateFile = str(values, 'state');
    const seedFile = str(values, 'seed');
    const from =
      stateFile !== undefined && existsSync(stateFile)
        ? { file: stateFile, what: 'state file' }
        : seedFile !== undefined
          ? { file: seedFile, what: 'seed' }
          : null;
    let resources: unknown[] = [];
    if (from) {
      try {
        resources = resourcesOf(readJsonFile(from.file, from.what), `${from.what} "${from.file}"`);
      } catch (e) {
        if (e instanceof CliError) throw e;
        throw new CliError(`serve: ${(e as Error).message}`);
      }
    }
    const save = stateFile
      ? (list: Record<string, unknown>[]): void => {
          const tmp = `${stateFile}.tmp-${process.pid}`;
          writeFileSync(tmp, `${JSON.stringify({ '@odata.context': collectionContextUrl(), value: list }, null, 2)}\n`);
          renameSync(tmp, stateFile);
        }
      : undefined;

    let server: Awaited<ReturnType<typeof startSimulatorServer>>;
    try {
      server = await startSimulatorServer({
        host,
        port: Number(portText),
        resources,
        ...(faults ? { faults } : {}),
        ...(values['require-token'] ? { requireToken: true } : {}),
        ...(at ? { at } : {}),
        ...(save ? { onChange: save } : {}),
      });
    } catch (e) {
      throw new CliError(`serve: cannot listen on ${host}:${portText}: ${(e as Error).message}`);
    }
    io.out(`listening on ${server.url}\n`);
    io.out(`point a client at it: use ${server.url} where it would use https://graph.microsoft.com, e.g. ${server.url}${PATH}\n`);
    io.err(
      `${resources.length} configuration(s) from ${from ? `${from.what} ${from.file}` : 'nowhere (empty)'}${stateFile ? `; changes saved to ${stateFile}` : ''}${faults ? `; faults: ${spec}` : ''}${values['require-token'] ? '; a bearer token is required' : ''}. Ctrl-C stops.\n`,
    );
    if (!/^(127\.|::1$|localhost$)/.test(host))
      io.err(`note: listening on ${host}, reachable beyond this machine; the simulator has no real authentication\n`);

    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.err('stopped\n');
    return EXIT.ok;
  },
};
