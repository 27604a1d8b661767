import { CLOUDS } from '../../graph/clouds.js';
import { DeviceInputError, runDeviceCheck } from '../../device/check.js';
import { TLS_CLIENT_AUTH_PARAMETERS } from '../../device/identity.js';
import { formatDeviceText } from '../../device/text.js';
import { readCrlFiles } from '../crl-files.js';
import { CliError, EXIT, readInputBytes } from '../io.js';
import { decodeJsonBytes } from '../../graph/json-text.js';
import { oneOf, parseAt, parseCommandArgs, parseDays, str } from './options.js';
import type { Command } from './types.js';

export const device: Command = {
  name: 'device',
  help: `Usage: ca-preflight device <device-cert | -> --config <body-or-GET.json> [options]

Will this device sign in? Checks a device certificate against a configuration (a PATCH body, a GET response,
or a collection GET with --id) as Entra does at sign-in: builds and validates the path from the device to a
listed root, checks the device certificate itself (validity, TLS client use, key strength), checks revocation
of every certificate on the path against the CRLs given, and extracts the identity that the configuration's
tlsClientAuthParameter selects. Each failure carries the AADSTS code Entra documents for it (documented for
certificate-based authentication; for device mTLS the same is inferred). Nothing is sent anywhere.

The device certificate may be PEM, DER, a chain file with the device first, or a .p7b bundle.

Options:
  --config <file>         the configuration: a PATCH body or a GET response (required)
  --id <id>               choose the configuration in a collection GET response
  --crl <file | dir>      CRLs of the CAs on the path (DER or PEM; a directory gives its *.crl and *.pem). Repeatable.
  --at <ISO date>         check at this time instead of now (e.g. 2027-01-01)
  --tls-client-auth-parameter <value>
                          the identifying field when the configuration does not say (a PATCH body has no
                          tlsClientAuthParameter): ${TLS_CLIENT_AUTH_PARAMETERS.join(', ')}
  --cloud <name>          global (default), usgov, dod, china: whose CRL size limit applies
  --warn-expiry-days <n>  warn about the device or a CA on its path expiring within n days (default 30)
  --format <text|json>    text (default), or JSON: { authenticates, path, identity, failures, findings }
  --lang <en|fr>          language of messages
  -h, --help              this help

Exit status: 0 the device would authenticate; 1 it would not; 2 usage or IO trouble (the device input is not
a certificate, the configuration is not JSON).

Examples:
  ca-preflight device device.pem --config get.json
  ca-preflight device device.p7b --config body.json --crl CertEnroll/ --tls-client-auth-parameter tls_client_auth_san_dns`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('device', args, {
      config: { type: 'string' },
      id: { type: 'string' },
      crl: { type: 'string', multiple: true },
      at: { type: 'string' },
      'tls-client-auth-parameter': { type: 'string' },
      cloud: { type: 'string' },
      'warn-expiry-days': { type: 'string' },
      format: { type: 'string' },
      lang: { type: 'string' },
    });
    if (values.help) {
      io.out(`${device.help}\n`);
      return EXIT.ok;
    }
    if (positionals.length !== 1)
      throw new CliError(
        'device: give exactly one device certificate file, or - for standard input.\nRun "ca-preflight device --help" for usage.',
      );
    const configFile = str(values, 'config');
    if (configFile === undefined)
      throw new CliError('device: --config <body-or-GET.json> is required.\nRun "ca-preflight device --help" for usage.');
    const format = oneOf('device', 'format', str(values, 'format'), ['text', 'json'] as const, 'text');
    const lang = oneOf('device', 'lang', str(values, 'lang'), ['en', 'fr'] as const, 'en');
    const cloud = oneOf('device', 'cloud', str(values, 'cloud'), CLOUDS, 'global');
    const parameter = str(values, 'tls-client-auth-parameter');
    const tlsClientAuthParameter =
      parameter === undefined
        ? undefined
        : oneOf('device', 'tls-client-auth-parameter', parameter, TLS_CLIENT_AUTH_PARAMETERS, 'tls_client_auth_subject_dn');
    const at = parseAt('device', str(values, 'at'));
    const warnExpiryDays = parseDays('device', str(values, 'warn-expiry-days'));
    const file = positionals[0]!;
    const bytes = new Uint8Array(readInputBytes(file, 'device certificate file'));
    const config = decodeJsonBytes(new Uint8Array(readInputBytes(configFile, 'configuration'))).text;
    const crls = readCrlFiles((values.crl as string[] | undefined) ?? []);
    let run: Awaited<ReturnType<typeof runDeviceCheck>>;
    try {
      run = await runDeviceCheck(bytes, config, {
        lang,
        cloud,
        warnExpiryDays,
        ...(crls.length ? { crls } : {}),
        ...(at ? { at } : {}),
        ...(str(values, 'id') !== undefined ? { id: str(values, 'id')! } : {}),
        ...(tlsClientAuthParameter ? { tlsClientAuthParameter } : {}),
      });
    } catch (e) {
      if (e instanceof DeviceInputError) throw new CliError(`device: "${file}": ${e.message}`);
      if (e instanceof TypeError) throw new CliError(`device: "${configFile}": ${e.message}`);
      throw e;
    }
    if (format === 'json') io.out(`${JSON.stringify(run.result, null, 2)}\n`);
    else io.out(formatDeviceText(run.result, run.device, { color: io.color, lang, source: file === '-' ? '(stdin)' : file }));
    return run.result.authenticates ? EXIT.ok : EXIT.findings;
  },
};
