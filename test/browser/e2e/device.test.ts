/**
 * The device panel and dropped CRLs in Chromium, compared with the library in node: a root and an issuing CA from
 * files, a device certificate that authenticates, then a CRL of the issuing CA that revokes it (AADSTS500171), in
 * English and in French, and bad input that is refused with a message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { checkDevice, preflight, type CrlInput } from '../../../src/index.js';
import { parseCertificate } from '../../../src/certificate/parse.js';
import { buildHierarchy, type BuiltCertificate } from '../../../src/testing/builder.js';
import { projectRoot } from '../../../scripts/build-browser.mjs';
import { buildCrl } from '../../../src/testing/crl-builder.js';
import { offsetOf, selectionAt } from '../../../web/editor.js';
import {
  asShown,
  focusedSelection,
  NARROW,
  overflowing,
  SCREENSHOTS,
  shownFindings,
  startHarness,
  waitForCheck,
  type Harness,
  type ShownFinding,
} from './harness.js';

const AT_LOCAL = '2026-06-01T12:00:00'; // the page's datetime-local value; node reads the same string as local time too
const AT = new Date(AT_LOCAL);
const day = (n: number) => new Date(AT.getTime() + n * 86_400_000);
const CRL_URL = 'http://crl.example.test/issuing.crl';

let harness: Harness;
let files: string;
let root: BuiltCertificate;
let issuing: BuiltCertificate;
let device: BuiltCertificate;
let crl: CrlInput;

beforeAll(async () => {
  harness = await startHarness();
  [root, issuing, device] = (await buildHierarchy({
    depth: 3,
    leaf: true,
    namePrefix: 'Device Page',
    notBefore: day(-100),
    notAfter: day(400),
  })) as [BuiltCertificate, BuiltCertificate, BuiltCertificate];
  const serial = BigInt(`0x${parseCertificate(device.der).serialNumber}`);
  const built = await buildCrl({
    issuer: issuing,
    thisUpdate: day(-1),
    nextUpdate: day(6),
    crlNumber: 7,
    revoked: [{ serial, reason: 'keyCompromise', date: day(-2) }],
  });
  crl = { source: 'issuing.crl', bytes: built.der };
  files = await mkdtemp(join(tmpdir(), 'ca-preflight-device-page-'));
  await Promise.all([
    writeFile(join(files, 'root.pem'), root.pem),
    writeFile(join(files, 'issuing.cer'), issuing.der),
    writeFile(join(files, 'device.pem'), device.pem),
    writeFile(join(files, 'issuing.crl'), built.der),
  ]);
});

afterAll(async () => {
  await harness?.close();
  if (files) await rm(files, { recursive: true, force: true });
});

const deviceChecks = (page: Page) => page.evaluate(() => Number(document.documentElement.dataset.deviceChecks ?? 0));

/** Waits for the next device check painted after `before` of them. */
async function waitForDevice(page: Page, before: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      Number(document.documentElement.dataset.deviceChecks ?? 0) > n &&
      !/…$/.test(document.getElementById('device-summary')?.textContent ?? ''),
    before,
  );
}

const shownDeviceFindings = (page: Page): Promise<ShownFinding[]> => shownFindings(page, '#device-findings');

const shownPath = (page: Page) =>
  page.$$eval('#device-path li[data-index]', (items) =>
    items.map((i) => ({ index: Number((i as HTMLElement).dataset.index), thumbprint: (i as HTMLElement).dataset.thumbprint })),
  );

describe('the device panel', () => {
  it('says whether the device signs in, before and after a CRL that revokes it, as checkDevice does', async () => {
    const { page, foreignRequests, errors } = await harness.open();
    await page.fill('#at', AT_LOCAL);
    expect(await page.textContent('#device-summary')).toBe('No device certificate chosen yet.');
    let before = await page.textContent('#summary');
    await page.setInputFiles('#files', [join(files, 'root.pem'), join(files, 'issuing.cer')]);
    await waitForCheck(page, before);

    // The device, chosen with the panel's own file input.
    let n = await deviceChecks(page);
    await page.setInputFiles('#device-file', join(files, 'device.pem'));
    await waitForDevice(page, n);
    let text = await page.inputValue('#body');
    let expected = await checkDevice(device.pem, text, { at: AT });
    expect(expected.authenticates).toBe(true);
    expect(await page.getAttribute('#device-summary', 'data-authenticates')).toBe('true');
    expect(await page.textContent('#device-summary')).toBe('The device would authenticate.');
    expect(await shownPath(page)).toEqual(expected.path!.map((p) => ({ index: p.index, thumbprint: p.thumbprint })));
    expect(await shownPath(page)).toEqual([1, 0].map((index) => ({ index, thumbprint: expect.stringMatching(/^[0-9a-f]{64}$/) })));
    expect(await shownDeviceFindings(page)).toEqual(asShown(expected.findings));
    const facts = await page.textContent('#device-facts');
    expect(facts).toContain('CN=Device Page Leaf,O=Device Page,C=US');
    expect(facts).toContain(`Identity (tls_client_auth_subject_dn)${expected.identity.value}`);

    // The issuing CA configures a CRL URL: Entra checks its CRL at sign-in. The CRL file, dropped on the page.
    const body = JSON.parse(text);
    body.certificateAuthorities[1].certificateRevocationListUrl = CRL_URL;
    text = JSON.stringify(body, null, 2);
    await page.fill('#body', text);
    before = await page.textContent('#summary');
    n = await deviceChecks(page);
    await page.setInputFiles('#files', join(files, 'issuing.crl'));
    await waitForCheck(page, before);
    await waitForDevice(page, n);
    expect(await page.isVisible('#crl-files')).toBe(true);
    expect(await page.textContent('#crl-files-list')).toBe('CRLs checked against the list: issuing.crl.');
    expect(await page.inputValue('#body')).toBe(text); // a CRL is not added to the list
    const report = await preflight(text, { at: AT, crls: [crl] });
    expect(await shownFindings(page)).toEqual(asShown(report.findings));
    expect(report.findings.map((f) => f.rule)).toContain('crl.checked');

    expected = await checkDevice(device.pem, text, { at: AT, crls: [crl] });
    expect(expected.authenticates).toBe(false);
    expect(expected.failures.map((f) => f.code)).toEqual(['AADSTS500171']);
    expect(await page.getAttribute('#device-summary', 'data-authenticates')).toBe('false');
    expect(await page.getAttribute('#device-summary', 'data-codes')).toBe('AADSTS500171');
    expect(await page.textContent('#device-summary')).toBe('The device would not authenticate: 1 failure (AADSTS500171).');
    expect(await page.isVisible('#device-basis')).toBe(true);
    expect(await page.textContent('#device-basis')).toMatch(/^AADSTS codes as Entra documents them for certificate-based/);
    expect(await shownDeviceFindings(page)).toEqual(asShown(expected.findings));
    expect((await shownDeviceFindings(page)).map((f) => f.rule)).toContain('device.revoked');
    await page.screenshot({ path: join(SCREENSHOTS, 'device-1280.png'), fullPage: true });
    // The README's second picture: UPDATE_SCREENSHOT=1 npm run test:browser refreshes docs/screenshots/device.png.
    if (process.env.UPDATE_SCREENSHOT)
      await copyFile(join(SCREENSHOTS, 'device-1280.png'), join(projectRoot, 'docs', 'screenshots', 'device.png'));

    // In French: the page's words and the library's French findings.
    n = await deviceChecks(page);
    before = await page.textContent('#summary');
    await page.selectOption('#lang', 'fr');
    await waitForCheck(page, before);
    await waitForDevice(page, n);
    const french = await checkDevice(device.pem, text, { at: AT, crls: [crl], lang: 'fr' });
    expect(await page.textContent('#device-heading')).toBe('Tester un certificat d’appareil');
    expect(await page.textContent('#device-summary')).toBe('L’appareil ne s’authentifierait pas : 1 échec (AADSTS500171).');
    expect(await page.textContent('#device-basis')).toMatch(/^Codes AADSTS tels qu’Entra les documente/);
    expect(await page.textContent('#crl-files-list')).toBe('CRL vérifiées avec la liste : issuing.crl.');
    expect(await shownDeviceFindings(page)).toEqual(asShown(french.findings));

    // Without the CRLs, the device signs in again.
    n = await deviceChecks(page);
    await page.click('#clear-crls');
    await waitForDevice(page, n);
    expect(await page.isVisible('#crl-files')).toBe(false);
    expect(await page.getAttribute('#device-summary', 'data-authenticates')).toBe('true');
    expect(foreignRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('points a finding about a listed CA at its line, says when no listed CA issued the device, refuses a non-certificate', async () => {
    const { page, errors } = await harness.open();
    await page.fill('#at', AT_LOCAL);
    const entry = (c: BuiltCertificate, isRootAuthority: boolean, url: string | null = null) => ({
      isRootAuthority,
      certificateRevocationListUrl: url,
      deltaCertificateRevocationListUrl: null,
      certificate: c.base64,
    });
    // The issuing CA configures a CRL URL and no CRL is given: the device signs in, and the panel says the CRL went unchecked.
    let text = JSON.stringify({ certificateAuthorities: [entry(root, true), entry(issuing, false, CRL_URL)] }, null, 2);
    await page.fill('#body', text);
    const before = await page.textContent('#summary');
    await page.click('#check');
    await waitForCheck(page, before);

    // The keyboard way in: the panel's drop zone is a button that opens the file chooser.
    // (Listen first: Playwright intercepts file choosers from the first listener on; an earlier one would be dismissed.)
    const chosen = page.waitForEvent('filechooser');
    await page.focus('#device-dropzone');
    await page.keyboard.press('Enter');
    const chooser = await chosen;
    expect(chooser.isMultiple()).toBe(false);
    let n = await deviceChecks(page);
    await chooser.setFiles(join(files, 'device.pem'));
    await waitForDevice(page, n);
    let expected = await checkDevice(device.pem, text, { at: AT });
    expect(expected.authenticates).toBe(true);
    expect(await shownDeviceFindings(page)).toEqual(asShown(expected.findings));
    const unchecked = (await shownDeviceFindings(page)).find((f) => f.rule === 'device.revocation-unchecked');
    expect(unchecked?.path).toBe('/certificateAuthorities/1/certificateRevocationListUrl');
    const at = offsetOf(text, unchecked!.line!, unchecked!.column!);
    expect(text.slice(at)).toMatch(/^"http:\/\/crl\.example\.test\/issuing\.crl"/);
    await page.click('#device-findings .finding-button[data-rule="device.revocation-unchecked"]');
    const [start, end] = selectionAt(text, at);
    expect(await focusedSelection(page)).toEqual(['body', start, end]);

    // Only the root listed: no listed CA issued the device certificate.
    text = JSON.stringify({ certificateAuthorities: [entry(root, true)] }, null, 2);
    await page.fill('#body', text);
    n = await deviceChecks(page);
    await page.click('#check'); // the body's summary reads as before (no error either way): wait for the device's check
    await waitForDevice(page, n);
    expected = await checkDevice(device.pem, text, { at: AT });
    expect(expected.failures.map((f) => f.code)).toEqual(['AADSTS500176']);
    expect(await shownDeviceFindings(page)).toEqual(asShown(expected.findings));
    expect(await page.getAttribute('#device-summary', 'data-codes')).toBe('AADSTS500176');
    expect(await page.textContent('#device-path')).toBe('No path to a listed root.');
    expect(await page.textContent('#device-findings .finding-path')).toBe('(the device certificate)');

    // Dropped files that hold no device certificate: a message naming what they are, nothing thrown.
    const drop = async (name: string, content: string | number[]) => {
      const before = await deviceChecks(page);
      const dataTransfer = await page.evaluateHandle(
        ([name, content]) => {
          const dt = new DataTransfer();
          dt.items.add(new File([typeof content === 'string' ? content : new Uint8Array(content)], name));
          return dt;
        },
        [name, content] as const,
      );
      await page.dispatchEvent('#device-dropzone', 'dragover', { dataTransfer });
      await page.dispatchEvent('#device-dropzone', 'drop', { dataTransfer });
      await waitForDevice(page, before);
      expect(await page.getAttribute('#device-summary', 'data-state')).toBe('refused');
      expect(await page.$$('#device-findings li')).toHaveLength(0);
      return page.textContent('#device-summary');
    };
    expect(await drop('notes.txt', 'hello, world!\n')).toMatch(/^notes\.txt is neither PEM, DER nor base64/);
    expect(await drop('issuing.crl', [...crl.bytes!])).toBe(
      'issuing.crl is a CRL, not a device certificate: add it with the certificate files above, and the device is checked against it.',
    );
    expect(errors).toEqual([]);
  });

  it('says what the body lacks before a device can be checked against it, and follows the configuration id', async () => {
    const { page, errors } = await harness.open();
    await page.fill('#at', AT_LOCAL);
    // A device chosen before any body: the panel says what to give, and shows no empty path or findings.
    expect(await page.isVisible('#device-result')).toBe(false);
    let n = await deviceChecks(page);
    await page.setInputFiles('#device-file', join(files, 'device.pem'));
    await waitForDevice(page, n);
    expect(await page.textContent('#device-summary')).toBe(
      'There is no configuration to check the device against yet: paste a body or a GET response above, or add its CA certificate files.',
    );
    expect([await page.isVisible('#device-result'), await page.isVisible('#device-basis')]).toEqual([false, false]);

    const recheck = async (text: string) => {
      await page.fill('#body', text);
      const count = await deviceChecks(page);
      await page.click('#check');
      await waitForDevice(page, count);
      return page.textContent('#device-summary');
    };
    expect(await recheck('{ "certificateAuthorities": [')).toBe(
      'The request body above is not JSON, so the device cannot be checked against it: its finding says where to fix it.',
    );
    const entries = [root, issuing].map((c, i) => ({ isRootAuthority: i === 0, certificate: c.base64 }));
    const collection = JSON.stringify({
      value: [
        { id: 'one', tlsClientAuthParameter: 'tls_client_auth_san_dns', certificateAuthorities: entries.slice(0, 1) },
        { id: 'two', tlsClientAuthParameter: 'tls_client_auth_subject_dn', certificateAuthorities: entries },
      ],
    });
    expect(await recheck(collection)).toBe(
      'The request body above is a collection response with 2 configurations (one, two): choose the one to check the device against with the configuration id in the options.',
    );
    // The id chooses, as --id does for ca-preflight device.
    for (const id of ['two', 'one']) {
      n = await deviceChecks(page);
      await page.fill('#config-id', id);
      await page.dispatchEvent('#config-id', 'change');
      await waitForDevice(page, n);
      const expected = await checkDevice(device.pem, collection, { at: AT, id });
      expect(await page.getAttribute('#device-summary', 'data-authenticates')).toBe(String(expected.authenticates));
      expect(await shownDeviceFindings(page)).toEqual(asShown(expected.findings));
      expect(await page.textContent('#device-facts')).toContain(
        `Identity (${expected.identity.parameter})${expected.identity.value ?? '(none)'}`,
      );
    }
    expect(await page.getAttribute('#device-summary', 'data-codes')).toBe('AADSTS500176');
    n = await deviceChecks(page);
    await page.fill('#config-id', 'three');
    await page.dispatchEvent('#config-id', 'change');
    await waitForDevice(page, n);
    expect(await page.textContent('#device-summary')).toBe(
      'The request body above is a collection response without a configuration whose id is "three" (ids: one, two).',
    );
    expect(errors).toEqual([]);
  });

  it('fits a 360 px wide screen with a device checked', async () => {
    const { page, errors } = await harness.open(NARROW);
    await page.fill('#at', AT_LOCAL);
    const before = await page.textContent('#summary');
    await page.setInputFiles('#files', [join(files, 'root.pem'), join(files, 'issuing.cer')]);
    await waitForCheck(page, before);
    const n = await deviceChecks(page);
    await page.setInputFiles('#device-file', join(files, 'device.pem'));
    await waitForDevice(page, n);
    expect(await overflowing(page, '#device *')).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'device-360.png'), fullPage: true });
  });
});
