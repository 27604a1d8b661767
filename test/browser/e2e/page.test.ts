/**
 * The page in Chromium, compared with the library in node: paste the update page's Example 2, add a root and an
 * intermediate from files (picker and drag-and-drop), switch to French, and fit a 360 px screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import * as pkijs from 'pkijs';
import { buildPatchRequest, preflight } from '../../../src/index.js';
import { buildHierarchy, type BuiltCertificate } from '../../../src/testing/builder.js';
import { offsetOf, selectionAt } from '../../../web/editor.js';
import { projectRoot } from '../../../scripts/build-browser.mjs';
import {
  asShown,
  EXAMPLE_2_REQUEST,
  focusedSelection,
  NARROW,
  overflowing,
  SCREENSHOTS,
  shownFindings,
  shownResponse,
  startHarness,
  waitForCheck,
  waitForIdle,
  type Harness,
} from './harness.js';

const AT_LOCAL = '2026-06-01T12:00:00'; // the page's datetime-local value; node reads the same string as local time too
let harness: Harness;
let example2: string;
let files: string;
let root: BuiltCertificate;
let intermediate: BuiltCertificate;

beforeAll(async () => {
  [harness, example2] = await Promise.all([startHarness(), readFile(EXAMPLE_2_REQUEST, 'utf8')]);
  [root, intermediate] = (await buildHierarchy({ depth: 2, namePrefix: 'Page Test' })) as [BuiltCertificate, BuiltCertificate];
  files = await mkdtemp(join(tmpdir(), 'ca-preflight-files-'));
  await writeFile(join(files, 'root.pem'), root.pem);
  await writeFile(join(files, 'intermediate.cer'), intermediate.der);
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    certificates: [intermediate.der, root.der].map((der) => pkijs.Certificate.fromBER(der)),
  });
  await writeFile(
    join(files, 'chain.p7b'),
    new Uint8Array(
      new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) }).toSchema().toBER(),
    ),
  );
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  await writeFile(join(files, 'ca.key'), privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
});

afterAll(async () => {
  await harness?.close();
  if (files) await rm(files, { recursive: true, force: true });
});

describe('the page', () => {
  it("predicts the 400 for the update page's Example 2, pasted, exactly as the library does in node", async () => {
    const { page, foreignRequests, errors } = await harness.open();
    await page.fill('#at', AT_LOCAL);
    await page.evaluate((text) => navigator.clipboard.writeText(text), example2);
    await page.focus('#body');
    const before = await page.textContent('#summary');
    await page.keyboard.press('Control+V'); // the paste itself runs the check
    await waitForCheck(page, before);

    expect(await page.inputValue('#body')).toBe(example2);
    const expected = await preflight(example2, { at: new Date(AT_LOCAL) });
    expect(expected.graphError?.body.error.message).toBe("Invalid property 'issuerSubjectkeyIdentifier'.");
    expect(await shownFindings(page)).toEqual(asShown(expected.findings));
    const response = await shownResponse(page);
    expect(response.statusLine).toBe('HTTP/1.1 400 Bad Request');
    const { innerError: shownInner, ...shownError } = (response.body as { error: { innerError: Record<string, string> } }).error;
    const { innerError: expectedInner, ...expectedError } = expected.graphError!.body.error;
    expect(shownError).toEqual(expectedError);
    expect(shownInner.date).toBe(expectedInner.date); // derived from the check time, not the wall clock
    expect(await page.textContent('#summary')).toMatch(/400 Bad Request/);

    // A body with errors is refused, as check fails it: the reasons, and nothing to copy.
    expect(await page.getAttribute('#request', 'data-state')).toBe('refused');
    expect(await page.textContent('#request')).toMatch(
      /^✗ The request, as it would be sent, has 2 errors \(certificate\.not-x509 \/certificateAuthorities\/0\/certificate; entry\.unknown-property \/certificateAuthorities\/0\/issuerSubjectkeyIdentifier\): fix them first\.$/,
    );
    expect(await page.isVisible('#copy')).toBe(false);

    // Each finding moves the caret to its line:column.
    for (const f of expected.findings) {
      await page.click(`#findings .finding-button[data-rule="${f.rule}"][data-path="${f.path}"]`);
      const [start, end] = selectionAt(example2, offsetOf(example2, f.line!, f.column!));
      expect(await focusedSelection(page)).toEqual(['body', start, end]);
    }
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'example-2-1280.png'), fullPage: true });
    if (process.env.UPDATE_SCREENSHOT) {
      // The README's picture: UPDATE_SCREENSHOT=1 npm run test:browser refreshes docs/screenshots/web.png from this run.
      await mkdir(join(projectRoot, 'docs', 'screenshots'), { recursive: true });
      await copyFile(join(SCREENSHOTS, 'example-2-1280.png'), join(projectRoot, 'docs', 'screenshots', 'web.png'));
    }
  });

  it('builds a clean body from a root (.pem) and an intermediate (.cer) chosen as files, then dropped again', async () => {
    const { page, foreignRequests, errors } = await harness.open();
    const before = await page.textContent('#summary');
    await page.setInputFiles('#files', [join(files, 'root.pem'), join(files, 'intermediate.cer')]);
    await waitForCheck(page, before);
    expect(await page.textContent('#file-status')).toMatch(
      /Added 2 certificates: CN=Page Test Root CA,O=Page Test,C=US \(root\); CN=Page Test Intermediate CA 1,O=Page Test,C=US \(intermediate\)/,
    );

    const text = await page.inputValue('#body');
    expect(JSON.parse(text)).toEqual({
      certificateAuthorities: [
        { isRootAuthority: true, certificateRevocationListUrl: null, deltaCertificateRevocationListUrl: null, certificate: root.base64 },
        {
          isRootAuthority: false,
          certificateRevocationListUrl: null,
          deltaCertificateRevocationListUrl: null,
          certificate: intermediate.base64,
        },
      ],
    });
    const expected = await preflight(text);
    expect(expected.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(await shownFindings(page)).toEqual(asShown(expected.findings));
    expect((await shownResponse(page)).statusLine).toBe('HTTP/1.1 200 OK');
    expect(await page.textContent('#summary')).toMatch(/^0 errors, .*200 OK\.$/);

    // Dropping a file (a real drop event carrying a File) on the drop zone: already listed, so not added twice.
    const dataTransfer = await page.evaluateHandle((pem) => {
      const dt = new DataTransfer();
      dt.items.add(new File([pem], 'again.pem', { type: 'application/x-pem-file' }));
      return dt;
    }, root.pem);
    await page.dispatchEvent('#dropzone', 'dragover', { dataTransfer });
    await page.dispatchEvent('#dropzone', 'drop', { dataTransfer });
    await page.waitForFunction(() => /Already in the list/.test(document.getElementById('file-status')?.textContent ?? ''));
    await waitForIdle(page);
    expect(JSON.parse(await page.inputValue('#body')).certificateAuthorities).toHaveLength(2);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'files-1280.png'), fullPage: true });
  });

  it('reads a .p7b bundle (loading its reader only then) and names a private key for what it is', async () => {
    const { page, foreignRequests, errors } = await harness.open();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const before = await page.textContent('#summary');
    await page.setInputFiles('#files', [join(files, 'ca.key')]);
    await page.waitForFunction(() => /private key/.test(document.getElementById('file-status')?.textContent ?? ''));
    expect(await page.textContent('#file-status')).toMatch(
      /^ca\.key is a private key, not a certificate\. A trust list needs only the CA's certificate; keep the key secret/,
    );
    expect(requested.filter((p) => p.endsWith('web-pkcs7.js'))).toEqual([]);
    await page.setInputFiles('#files', [join(files, 'chain.p7b')]);
    await waitForCheck(page, before);
    expect(await page.textContent('#file-status')).toMatch(
      /Added 2 certificates: CN=Page Test Intermediate CA 1,O=Page Test,C=US \(intermediate\); CN=Page Test Root CA,O=Page Test,C=US \(root\)/,
    );
    expect(requested.filter((p) => p.endsWith('web-pkcs7.js'))).toHaveLength(1);
    expect(JSON.parse(await page.inputValue('#body')).certificateAuthorities.map((e: { certificate: string }) => e.certificate)).toEqual([
      intermediate.base64,
      root.base64,
    ]);
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('with the current resource, shows the changes and the minimal request the library builds', async () => {
    const [kept, dropped, added] = (await Promise.all(
      ['Kept', 'Dropped', 'Added'].map(async (p) => (await buildHierarchy({ depth: 1, namePrefix: p }))[0]!),
    )) as [BuiltCertificate, BuiltCertificate, BuiltCertificate];
    const entry = (c: BuiltCertificate) => ({
      isRootAuthority: true,
      certificateRevocationListUrl: null,
      deltaCertificateRevocationListUrl: null,
      certificate: c.base64,
    });
    const current = JSON.stringify(
      {
        '@odata.context':
          'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations/$entity',
        id: 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb',
        displayName: 'Cameras',
        tlsClientAuthParameter: 'tls_client_auth_subject_dn',
        certificateAuthorities: [entry(kept), entry(dropped)],
      },
      null,
      2,
    );
    const desired = JSON.stringify({ certificateAuthorities: [entry(kept), entry(added)] }, null, 2);
    const { page, errors } = await harness.open();
    await page.click('#current-details summary');
    await page.fill('#current', current);
    await page.fill('#body', desired);
    const before = await page.textContent('#summary');
    await page.click('#check');
    await waitForCheck(page, before);

    expect(await shownFindings(page)).toEqual(asShown((await preflight(desired, { current })).findings));
    expect(await page.isVisible('#diff')).toBe(true);
    const changes = await page.$$eval('#diff-list li', (items) => items.map((i) => i.textContent ?? ''));
    expect(changes).toEqual([
      expect.stringMatching(/^\+ added: CN=Added Root CA,O=Added,C=US \(SHA-256 [0-9a-f]{16}…\), root$/),
      expect.stringMatching(/^− removed: CN=Dropped Root CA,O=Dropped,C=US \(SHA-256 [0-9a-f]{16}…\), root$/),
      '= 1 CA unchanged',
    ]);
    // The CA left out is a refusal until its own control allows it; then the library's request, ready to copy.
    expect(await page.getAttribute('#request', 'data-state')).toBe('refused');
    expect(await page.isVisible('#copy')).toBe(false);
    expect(await page.$$eval('#removal-list label', (ls) => ls.map((l) => l.textContent))).toEqual([
      expect.stringMatching(/^CN=Dropped Root CA,O=Dropped,C=US \(SHA-256 [0-9a-f]{16}…\)$/),
    ]);
    await page.check('#removal-list input[type="checkbox"]');
    await page.waitForFunction(() => document.getElementById('request')?.dataset.state === 'ready');
    await waitForIdle(page);
    const built = await buildPatchRequest(current, desired, { allowRemoval: true });
    expect(built.ok && built.request).toBeTruthy();
    if (!built.ok || !built.request) return;
    const shown = (await page.textContent('#request')) ?? '';
    expect(shown).toContain(`PATCH ${built.request.url}`);
    expect(shown).toContain(JSON.stringify(built.request.body, null, 2));
    await page.click('#copy');
    await page.waitForFunction(() => (document.getElementById('copy-status')?.textContent ?? '') !== '');
    expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(built.request.body);
    expect(await page.isVisible('#copy-curl')).toBe(true);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'diff-1280.png'), fullPage: true });
  });

  it('switches to French: labels from the page, findings from the library in French', async () => {
    const { page, errors } = await harness.open();
    await page.fill('#at', AT_LOCAL);
    await page.fill('#body', example2);
    let before = await page.textContent('#summary');
    await page.click('#check');
    await waitForCheck(page, before);
    const english = await shownFindings(page);

    before = await page.textContent('#summary');
    await page.selectOption('#lang', 'fr');
    await waitForCheck(page, before);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.textContent('#check')).toBe('Vérifier');
    expect(await page.textContent('label[for="body"]')).toBe('Corps de la requête (PATCH) ou réponse GET');
    const french = await preflight(example2, { at: new Date(AT_LOCAL), lang: 'fr' });
    const shown = await shownFindings(page);
    expect(shown).toEqual(asShown(french.findings));
    expect(shown.map((f) => f.message)).not.toEqual(english.map((f) => f.message));
    expect(await page.textContent('#summary')).toMatch(/^2 erreurs, 0 avertissement, 0 remarque\. Graph répondrait 400 Bad Request\.$/);
    expect(await page.textContent('.finding-error .badge')).toBe('erreur');
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'french-1280.png'), fullPage: true });
  });

  it('fits a 360 px wide screen without sideways scrolling', async () => {
    const { page, errors } = await harness.open(NARROW);
    await page.fill('#body', example2);
    const before = await page.textContent('#summary');
    await page.click('#check');
    await waitForCheck(page, before);
    expect(await overflowing(page, 'main *, header *, footer *')).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'web-360.png'), fullPage: true });
  });
});
