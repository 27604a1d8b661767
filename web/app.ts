/**
 * The offline page: paste a body (or a GET response), add certificate files, check, read the findings and the
 * response Graph would give, copy the request. Everything happens in this document; nothing is sent anywhere.
 */
import { isCollectionResponse, preflight, type CrlInput, type Lang, type PreflightOptions, type Report } from '../src/index.js';
import { isTlsClientAuthParameter } from '../src/device/identity.js';
import { isCloud, type Cloud } from '../src/graph/clouds.js';
import { applyLabels, LABELS, type Labels } from './i18n.js';
import { LineNumberedEditor } from './editor.js';
import { appendCertificates, readCertificateFile, type FileOutcome } from './certificates.js';
import { renderReport } from './render.js';
import { currentNotJson, needsCloudAllowance, requestPanel, type RequestPanel } from './request.js';
import { checkDeviceFile, renderDevice, type DeviceFile } from './device.js';

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

const ui = {
  lang: byId<HTMLSelectElement>('lang'),
  dropzone: byId<HTMLButtonElement>('dropzone'),
  files: byId<HTMLInputElement>('files'),
  fileStatus: byId<HTMLElement>('file-status'),
  crlFiles: byId<HTMLElement>('crl-files'),
  crlFilesList: byId<HTMLElement>('crl-files-list'),
  clearCrls: byId<HTMLButtonElement>('clear-crls'),
  currentError: byId<HTMLElement>('current-error'),
  at: byId<HTMLInputElement>('at'),
  cloud: byId<HTMLSelectElement>('cloud'),
  allowCloudOption: byId<HTMLElement>('allow-cloud-option'),
  allowCloud: byId<HTMLInputElement>('allow-cloud'),
  configId: byId<HTMLInputElement>('config-id'),
  configIds: byId<HTMLDataListElement>('config-ids'),
  removals: byId<HTMLFieldSetElement>('removals'),
  removalList: byId<HTMLUListElement>('removal-list'),
  copyButtons: byId<HTMLElement>('copy-buttons'),
  strict: byId<HTMLInputElement>('strict'),
  check: byId<HTMLButtonElement>('check'),
  summary: byId<HTMLElement>('summary'),
  findings: byId<HTMLOListElement>('findings'),
  graph: byId<HTMLElement>('graph-response'),
  firstExpiry: byId<HTMLElement>('first-expiry'),
  requestHelp: byId<HTMLElement>('request-help'),
  diff: byId<HTMLElement>('diff'),
  diffList: byId<HTMLUListElement>('diff-list'),
  request: byId<HTMLElement>('request'),
  copy: byId<HTMLButtonElement>('copy'),
  copyCurl: byId<HTMLButtonElement>('copy-curl'),
  copyStatus: byId<HTMLElement>('copy-status'),
  deviceDropzone: byId<HTMLButtonElement>('device-dropzone'),
  deviceFile: byId<HTMLInputElement>('device-file'),
  deviceParameter: byId<HTMLSelectElement>('device-parameter'),
  deviceSummary: byId<HTMLElement>('device-summary'),
  deviceBasis: byId<HTMLElement>('device-basis'),
  deviceFacts: byId<HTMLDListElement>('device-facts'),
  deviceResult: byId<HTMLElement>('device-result'),
  devicePath: byId<HTMLOListElement>('device-path'),
  deviceFindings: byId<HTMLOListElement>('device-findings'),
};
const body = new LineNumberedEditor(byId('body'), byId('body-gutter'));
const current = new LineNumberedEditor(byId('current'), byId('current-gutter'));

function initialLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'en' || asked === 'fr') return asked;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

let lang: Lang = initialLang();
let labels: Labels = LABELS[lang];
let lastReport: Report | null = null;
let panel: RequestPanel | null = null;
/** SHA-256 thumbprints of the CAs whose removal the user allowed, one control each. */
const allowedRemovals = new Set<string>();
/** Checks can overlap (paste, then a click); only the latest one may paint. */
let generation = 0;
/** The CRL files dropped on the page, by file name (a file dropped again replaces the one of that name). */
const crls = new Map<string, CrlInput>();
/** The device certificate chosen in the device panel. */
let deviceFile: DeviceFile | null = null;
let deviceGeneration = 0;

/** A refused request is shown as refused, never as ready to send. */
function requestHelpText(): string {
  if (panel?.state === 'refused') return labels.requestRefused;
  return panel?.mode === 'diff' ? labels.requestHelpDiff : labels.requestHelpPlain;
}

function setLang(next: Lang): void {
  lang = next;
  ui.lang.value = next;
  labels = applyLabels(document, next);
  ui.requestHelp.textContent = requestHelpText();
}

function readAt(): Date | undefined {
  if (!ui.at.value) return undefined;
  const d = new Date(ui.at.value); // datetime-local has no zone: read as local time, as the label says
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The ids of the configurations of any collection response pasted, offered in the id field's list. */
function offerIds(...texts: string[]): void {
  const ids = new Set<string>();
  for (const text of texts) {
    try {
      const value: unknown = JSON.parse(text);
      if (isCollectionResponse(value))
        for (const c of value.value)
          if (c && typeof c === 'object' && typeof (c as { id?: unknown }).id === 'string') ids.add((c as { id: string }).id);
    } catch {
      // not JSON: the checks say so
    }
  }
  ui.configIds.replaceChildren(...[...ids].map((id) => Object.assign(document.createElement('option'), { value: id })));
}

async function check(): Promise<void> {
  const mine = ++generation;
  const text = body.value;
  const currentText = current.value;
  const cloud: Cloud = isCloud(ui.cloud.value) ? ui.cloud.value : 'global';
  ui.allowCloudOption.hidden = !needsCloudAllowance(cloud);
  const at = readAt();
  const id = ui.configId.value.trim() || undefined;
  const problem = currentText.trim() === '' ? null : currentNotJson(currentText, labels);
  ui.currentError.textContent = problem ?? '';
  current.textarea.setAttribute('aria-invalid', String(problem !== null));
  if (problem) current.textarea.closest('details')?.setAttribute('open', '');
  offerIds(text, currentText);

  // The cloud names the request URL and whose CRL size limit applies, as check --cloud does.
  const options: PreflightOptions = { lang, strict: ui.strict.checked, cloud };
  if (crls.size) options.crls = [...crls.values()];
  if (at) options.at = at;
  if (id) options.id = id;
  ui.summary.textContent = labels.checking;
  ui.check.setAttribute('aria-busy', 'true');
  try {
    let report: Report;
    try {
      report = await preflight(text, currentText.trim() && !problem ? { ...options, current: currentText } : options);
    } catch (e) {
      // A current resource the check cannot use (a collection to choose from, another configuration): the request
      // panel says why; the body is still checked on its own.
      if (!(e instanceof TypeError)) throw e;
      const { id: _, ...withoutId } = options;
      report = await preflight(text, withoutId);
    }
    const next = await requestPanel({
      bodyText: text,
      currentText,
      report,
      labels,
      cloud,
      allowUndocumentedCloud: ui.allowCloud.checked,
      allowRemoval: allowedRemovals,
      strict: ui.strict.checked,
      lang,
      ...(id ? { id } : {}),
      ...(at ? { at } : {}),
    });
    if (mine !== generation) return;
    lastReport = report;
    renderReport(ui, report, labels, (line, column) => body.reveal(line, column));
    showRequest(next);
    // How many checks have been painted: lets a test (or a script) wait for the one it caused.
    document.documentElement.dataset.checks = String(Number(document.documentElement.dataset.checks ?? 0) + 1);
    void checkDevicePanel();
  } catch (e) {
    if (mine !== generation) return;
    ui.summary.textContent = e instanceof Error ? e.message : String(e);
  } finally {
    if (mine === generation) ui.check.removeAttribute('aria-busy');
  }
}

/** The device panel follows the body, the CRLs, the time, the id and the language of the last check. */
async function checkDevicePanel(): Promise<void> {
  if (!deviceFile) return;
  const mine = ++deviceGeneration;
  const file = deviceFile;
  const at = readAt();
  const id = ui.configId.value.trim() || undefined;
  const parameter = ui.deviceParameter.value;
  const cloud: Cloud = isCloud(ui.cloud.value) ? ui.cloud.value : 'global';
  ui.deviceSummary.textContent = labels.deviceChecking;
  try {
    const outcome = await checkDeviceFile(
      file,
      {
        configuration: body.value,
        crls: [...crls.values()],
        lang,
        cloud,
        ...(isTlsClientAuthParameter(parameter) ? { tlsClientAuthParameter: parameter } : {}),
        ...(at ? { at } : {}),
        ...(id ? { id } : {}),
      },
      labels,
    );
    if (mine !== deviceGeneration) return;
    renderDevice(
      {
        summary: ui.deviceSummary,
        basis: ui.deviceBasis,
        facts: ui.deviceFacts,
        result: ui.deviceResult,
        path: ui.devicePath,
        findings: ui.deviceFindings,
      },
      file,
      outcome,
      labels,
      (line, column) => body.reveal(line, column),
    );
  } catch (e) {
    if (mine !== deviceGeneration) return;
    ui.deviceSummary.textContent = e instanceof Error ? e.message : String(e);
    ui.deviceSummary.dataset.state = 'refused';
    ui.deviceBasis.hidden = true;
    ui.deviceResult.hidden = true;
  }
  // How many device checks have been painted, as data-checks counts the body's.
  document.documentElement.dataset.deviceChecks = String(Number(document.documentElement.dataset.deviceChecks ?? 0) + 1);
}

async function chooseDevice(files: readonly File[]): Promise<void> {
  const file = files[0];
  if (!file) return;
  deviceFile = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), given: files.length };
  await checkDevicePanel();
}

function showCrls(): void {
  ui.crlFiles.hidden = crls.size === 0;
  ui.crlFilesList.textContent = crls.size ? labels.crlsShown([...crls.keys()]) : '';
}

function removalItem(r: RequestPanel['removals'][number], index: number): HTMLLIElement {
  const item = document.createElement('li');
  const box = Object.assign(document.createElement('input'), { type: 'checkbox', id: `allow-removal-${index}`, checked: r.allowed });
  const label = Object.assign(document.createElement('label'), { htmlFor: box.id, textContent: r.label });
  if (r.thumbprint) {
    box.dataset.thumbprint = r.thumbprint;
    box.addEventListener('change', () => {
      if (box.checked) allowedRemovals.add(r.thumbprint!);
      else allowedRemovals.delete(r.thumbprint!);
      void check();
    });
  } else {
    box.disabled = true;
    label.textContent = `${r.label}: ${labels.cannotAllowRemoval}`;
  }
  item.append(box, label);
  return item;
}

function showRequest(next: RequestPanel): void {
  panel = next;
  ui.requestHelp.textContent = requestHelpText();
  ui.diff.hidden = next.mode !== 'diff';
  ui.diffList.replaceChildren(...next.changes.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
  ui.removals.hidden = next.removals.length === 0;
  ui.removalList.replaceChildren(...next.removals.map(removalItem));
  ui.request.textContent = next.text;
  ui.request.dataset.state = next.state;
  ui.request.dataset.refusals = next.refusals.join(' ');
  // A refused request has no copy buttons: there is nothing to send.
  ui.copyButtons.hidden = next.state !== 'ready';
  ui.copy.disabled = next.bodyText === null;
  ui.copyCurl.hidden = next.curl === null;
  ui.copyStatus.textContent = '';
}

async function copy(text: string | null | undefined, done: string): Promise<void> {
  if (text === null || text === undefined) return;
  try {
    await navigator.clipboard.writeText(text);
    ui.copyStatus.textContent = done;
  } catch {
    // No clipboard permission (or an insecure context): select the request so it can be copied by hand.
    const range = document.createRange();
    range.selectNodeContents(ui.request);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    ui.copyStatus.textContent = labels.copyFailed;
  }
}

async function addFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const outcomes: FileOutcome[] = await Promise.all(
    files.map(async (f) => readCertificateFile(f.name, new Uint8Array(await f.arrayBuffer()), lang)),
  );
  const messages: { text: string; error: boolean }[] = [];
  for (const o of outcomes) {
    if (o.error) messages.push({ text: o.error, error: true });
    for (const note of o.notes) messages.push({ text: labels.fileNote(o.file, note), error: false });
  }
  for (const o of outcomes) if (o.crl) crls.set(o.file, o.crl);
  showCrls();
  const certificates = outcomes.flatMap((o) => (o.error ? [] : o.certificates));
  if (certificates.length) {
    const appended = appendCertificates(body.value, certificates);
    if (!appended.ok) {
      messages.unshift({ text: labels[appended.problem], error: true });
    } else {
      body.value = appended.text;
      const name = (f: (typeof certificates)[number]) =>
        `${f.subject.rfc4514 || f.thumbprints.sha256} (${f.certificateAuthority.isRootAuthority ? labels.root : labels.intermediate})`;
      if (appended.added.length) messages.unshift({ text: labels.added(appended.added.length, appended.added.map(name)), error: false });
      for (const f of appended.alreadyListed) messages.push({ text: labels.alreadyListed(name(f)), error: false });
    }
  }
  ui.fileStatus.replaceChildren(
    ...messages.map((m) => Object.assign(document.createElement('p'), { textContent: m.text, className: m.error ? 'file-error' : '' })),
  );
  if (certificates.length || outcomes.some((o) => o.crl)) await check();
}

// Controls ---------------------------------------------------------------------------------------------------

ui.check.addEventListener('click', () => void check());
ui.copy.addEventListener('click', () => void copy(panel?.bodyText, labels.copied));
ui.copyCurl.addEventListener('click', () => void copy(panel?.curl, labels.copiedCurl));
for (const control of [ui.cloud, ui.allowCloud, ui.configId]) control.addEventListener('change', () => void check());
ui.clearCrls.addEventListener('click', () => {
  crls.clear();
  showCrls();
  ui.dropzone.focus();
  void check();
});
ui.deviceParameter.addEventListener('change', () => void checkDevicePanel());
ui.lang.addEventListener('change', () => {
  setLang(ui.lang.value === 'fr' ? 'fr' : 'en');
  showCrls();
  if (lastReport)
    void check(); // the findings' messages come from the library in the chosen language
  else void checkDevicePanel();
});

for (const editor of [body, current]) {
  editor.textarea.addEventListener('paste', () => setTimeout(() => void check(), 0));
  editor.textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void check();
    }
  });
}

// A drop zone is a button: Enter/Space or a click opens its file picker, and files can be dropped on it (the
// certificate zone also takes them on the body textarea). Dropping anywhere else must not navigate away from the page.
function fileZone(zone: HTMLElement, input: HTMLInputElement, targets: HTMLElement[], take: (files: File[]) => Promise<void>): void {
  zone.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    void take(files);
  });
  for (const target of targets) {
    target.addEventListener('dragover', (event) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      zone.classList.add('dragging');
    });
    target.addEventListener('dragleave', () => zone.classList.remove('dragging'));
    target.addEventListener('drop', (event) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return; // dropped text goes into the textarea as usual
      event.preventDefault();
      zone.classList.remove('dragging');
      void take(files);
    });
  }
}
fileZone(ui.dropzone, ui.files, [ui.dropzone, body.textarea], addFiles);
fileZone(ui.deviceDropzone, ui.deviceFile, [ui.deviceDropzone], chooseDevice);
for (const type of ['dragover', 'drop'] as const) {
  window.addEventListener(type, (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
}

setLang(lang);
document.documentElement.dataset.ready = 'true';
