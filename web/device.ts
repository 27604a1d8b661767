/**
 * The device panel: one device certificate checked against the configuration in the body (and the CRLs dropped on the
 * page), as `ca-preflight device` checks it — the verdict with its AADSTS codes, the device's facts and identity, the
 * path to the listed root and each finding. Text goes in through textContent only.
 */
import type { CrlInput, Lang } from '../src/index.js';
import type { Cloud } from '../src/graph/clouds.js';
import { chooseConfiguration } from '../src/graph/collection.js';
import { DeviceInputError, runDeviceCheck, type DeviceResult, type DeviceSummary } from '../src/device/check.js';
import type { TlsClientAuthParameter } from '../src/device/identity.js';
import type { Labels } from './i18n.js';
import { findingItem } from './render.js';
import { readCertificateFile } from './certificates.js';

export interface DeviceViews {
  summary: HTMLElement;
  /** The sentence that says what the AADSTS codes rest on: shown with codes only. */
  basis: HTMLElement;
  facts: HTMLDListElement;
  /** The path and the findings, hidden until a device has been checked. */
  result: HTMLElement;
  path: HTMLOListElement;
  findings: HTMLOListElement;
}

export interface DeviceFile {
  name: string;
  bytes: Uint8Array;
  /** How many files were given at once (the panel checks the first). */
  given?: number;
}

export interface DeviceRun {
  configuration: string;
  crls: readonly CrlInput[];
  lang: Lang;
  at?: Date;
  id?: string;
  /** Whose CRL size limit applies. */
  cloud?: Cloud;
  /** The field that identifies a device when the configuration does not say (a PATCH body). */
  tlsClientAuthParameter?: TlsClientAuthParameter;
}

export type DeviceOutcome =
  | { kind: 'checked'; result: DeviceResult; device: DeviceSummary }
  /** The file holds no certificate, or the configuration cannot be used: the message says which and why. */
  | { kind: 'refused'; message: string; input: boolean };

/** Why the body cannot serve as the configuration, in the page's words; null when it can. */
function configurationProblem(text: string, id: string | undefined, labels: Labels): string | null {
  if (text.trim() === '') return labels.deviceNeedsBody;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return labels.deviceBodyNotJson;
  }
  const choice = chooseConfiguration(value, id);
  if (choice.kind === 'choose') return labels.deviceChooseConfiguration(choice.ids);
  if (choice.kind === 'not-found') return labels.deviceConfigurationNotFound(choice.id, choice.ids);
  return null;
}

/** Runs the device check; bad input comes back as a message, never as a throw. */
export async function checkDeviceFile(file: DeviceFile, run: DeviceRun, labels: Labels): Promise<DeviceOutcome> {
  // A file with no certificate is named for what it is, in the page's language, as the certificate drop zone names it.
  const read = await readCertificateFile(file.name, file.bytes, run.lang);
  if (read.crl) return { kind: 'refused', message: labels.deviceIsCrl(file.name), input: true };
  if (read.error) return { kind: 'refused', message: read.error, input: true };
  const problem = configurationProblem(run.configuration, run.id, labels);
  if (problem) return { kind: 'refused', message: problem, input: true };
  try {
    const { result, device } = await runDeviceCheck(file.bytes, run.configuration, {
      crls: run.crls,
      lang: run.lang,
      ...(run.tlsClientAuthParameter ? { tlsClientAuthParameter: run.tlsClientAuthParameter } : {}),
      ...(run.at ? { at: run.at } : {}),
      ...(run.id ? { id: run.id } : {}),
      ...(run.cloud ? { cloud: run.cloud } : {}),
    });
    return { kind: 'checked', result, device };
  } catch (e) {
    if (e instanceof DeviceInputError) return { kind: 'refused', message: `${file.name}: ${e.message}`, input: true };
    if (e instanceof TypeError) return { kind: 'refused', message: e.message, input: false };
    throw e;
  }
}

function fact(list: HTMLDListElement, term: string, value: string, code = false): void {
  const dd = document.createElement('dd');
  if (code) dd.append(Object.assign(document.createElement('code'), { textContent: value }));
  else dd.textContent = value;
  list.append(Object.assign(document.createElement('dt'), { textContent: term }), dd);
}

export function renderDevice(
  views: DeviceViews,
  file: DeviceFile,
  outcome: DeviceOutcome,
  labels: Labels,
  onReveal: (line: number, column: number) => void,
): void {
  views.facts.replaceChildren();
  views.path.replaceChildren();
  views.findings.replaceChildren();
  const fileName = file.given && file.given > 1 ? labels.deviceSeveralFiles(file.name, file.given) : file.name;
  if (outcome.kind === 'refused') {
    views.summary.textContent = outcome.input ? outcome.message : labels.deviceConfiguration(outcome.message);
    views.summary.dataset.state = 'refused';
    delete views.summary.dataset.authenticates;
    delete views.summary.dataset.codes;
    views.basis.hidden = true;
    views.result.hidden = true;
    fact(views.facts, labels.deviceFile, fileName);
    return;
  }
  const { result, device } = outcome;
  const codes = [...new Set(result.failures.map((f) => f.code).filter((c): c is string => c !== null))];
  views.summary.textContent = result.authenticates ? labels.deviceYes : labels.deviceNo(result.failures.length, codes);
  views.summary.dataset.state = result.authenticates ? 'accepted' : 'refused';
  views.summary.dataset.authenticates = String(result.authenticates);
  views.summary.dataset.codes = codes.join(' ');
  views.basis.hidden = codes.length === 0;
  views.result.hidden = false;

  fact(views.facts, labels.deviceFile, fileName);
  fact(views.facts, labels.deviceSubject, device.subject || labels.deviceNone);
  fact(views.facts, labels.deviceIssuer, device.issuer || labels.deviceNone);
  fact(views.facts, labels.deviceValidity, `${device.notBefore} → ${device.notAfter}`);
  fact(views.facts, 'SHA-256', device.thumbprint, true);
  const id = result.identity;
  fact(views.facts, labels.deviceIdentity(id.parameter), id.value ?? labels.deviceNone, id.value !== null);
  if (id.parameter === 'tls_client_auth_subject_dn' && id.value && device.windows !== id.value)
    fact(views.facts, labels.deviceWindows, device.windows, true);

  if (result.path) {
    result.path.forEach((p, k) => {
      const item = document.createElement('li');
      item.dataset.index = String(p.index);
      item.dataset.thumbprint = p.thumbprint;
      const root = k === result.path!.length - 1 ? ` [${labels.deviceRoot}]` : '';
      item.append(
        `#${p.index} ${p.subject}${root}`,
        document.createElement('br'),
        Object.assign(document.createElement('code'), { textContent: `SHA-256 ${p.thumbprint}` }),
      );
      views.path.append(item);
    });
  } else views.path.append(Object.assign(document.createElement('li'), { className: 'finding-none', textContent: labels.deviceNoPath }));

  // A finding points into the configuration (its button moves the caret there) or, with the path "", at the device.
  views.findings.replaceChildren(
    ...result.findings.map((f) => {
      const item = findingItem(f, labels, onReveal);
      const where = item.querySelector('.finding-path');
      if (f.path === '' && where) where.textContent = labels.deviceItself;
      return item;
    }),
  );
  if (result.findings.length === 0)
    views.findings.append(Object.assign(document.createElement('li'), { className: 'finding-none', textContent: labels.noFindings }));
}
