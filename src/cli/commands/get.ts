import { getConfiguration } from '../../apply/get.js';
import { CliError, EXIT } from '../io.js';
import { NETWORK_HELP, NETWORK_OPTIONS, TOKEN_HELP, network } from './graph-options.js';
import { oneOf, parseCommandArgs, str } from './options.js';
import { CLOUDS } from '../../graph/clouds.js';
import { cloudRefusal } from '../../diff/request.js';
import type { Command } from './types.js';

export const get: Command = {
  name: 'get',
  help: `Usage: ca-preflight get [--id ID] [--base-url URL] [--cloud CLOUD] [--token T | --token-command CMD] [options]

Reads GET /beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/{id} (without --id: the whole
collection, every page) and prints Graph's answer as JSON on standard output, as it came: keep it as the current
resource for "ca-preflight plan". Reads are retried: 429 after its Retry-After, 5xx, timeouts and dropped
connections with back-off, within --retry-for. Needs MutualTlsOauthConfiguration.Read.All (or ReadWrite.All).

Options:
  --id <id>               the configuration (default: the collection)
  --cloud <cloud>         global (default), usgov, dod, china
  --allow-undocumented-cloud
                          read a cloud where Microsoft does not document this API as available (today every
                          national cloud); without it such a read is refused before a token is asked for
${NETWORK_HELP}
  -h, --help              this help

${TOKEN_HELP}

Exit status: 0 printed; 2 trouble (no token, a refused or failed read: the message says which).

Examples:
  ca-preflight get --id eec5ba11-2fc0-4113-83a2-ed986ed13cdb > get.json
  ca-preflight get --token-command "az account get-access-token --resource-type ms-graph --query accessToken -o tsv"
  ca-preflight get --base-url http://127.0.0.1:8080 --id eec5ba11-2fc0-4113-83a2-ed986ed13cdb`,
  async run(args, raw) {
    const { values, positionals } = parseCommandArgs('get', args, {
      ...NETWORK_OPTIONS,
      id: { type: 'string' },
      cloud: { type: 'string' },
      'allow-undocumented-cloud': { type: 'boolean' },
    });
    if (values.help) {
      raw.out(`${get.help}\n`);
      return EXIT.ok;
    }
    if (positionals.length) throw new CliError(`get: takes no file argument (got "${positionals[0]}"); choose a configuration with --id.`);
    const cloud = oneOf('get', 'cloud', str(values, 'cloud'), CLOUDS, 'global');
    const allowUndocumentedCloud = !!values['allow-undocumented-cloud'];
    const refused = cloudRefusal(cloud, allowUndocumentedCloud);
    if (refused) {
      raw.err(`ca-preflight get: ${refused.message} Nothing was sent.\n`);
      return EXIT.trouble;
    }
    const net = await network('get', values, raw, cloud);
    const io = net.io;
    const id = str(values, 'id');
    const r = await getConfiguration({
      ...net.connection,
      cloud: net.cloud,
      allowUndocumentedCloud,
      ...(id !== undefined ? { id } : {}),
      onProgress: (line) => io.err(`${line}\n`),
    });
    if (!r.ok) {
      io.err(`ca-preflight get: ${r.failure.message}\n`);
      return EXIT.trouble;
    }
    io.out(`${JSON.stringify(r.value, null, 2)}\n`);
    const list = Array.isArray(r.value.value) ? r.value.value : null;
    const cas = Array.isArray(r.value.certificateAuthorities) ? r.value.certificateAuthorities.length : null;
    io.err(
      list
        ? `ca-preflight get: ${list.length} configuration${list.length === 1 ? '' : 's'} from ${r.url}\n`
        : `ca-preflight get: ${JSON.stringify(r.value.displayName ?? null)} with ${cas ?? 'no'} CA${cas === 1 ? '' : 's'} from ${r.url}\n`,
    );
    return EXIT.ok;
  },
};
