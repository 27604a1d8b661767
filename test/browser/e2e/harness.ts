/**
 * End-to-end harness: builds the page into a fresh directory, serves it with scripts/serve-web.mjs on a free port,
 * and drives the system's Chromium with playwright-core. Every page records the requests it makes (the page must make
 * none beyond its own files) and the errors it throws.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { buildBrowser, projectRoot } from '../../../scripts/build-browser.mjs';
import { startServer, type RunningServer } from '../../../scripts/serve-web.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.js';
import { expect } from 'vitest';
import type { Finding } from '../../../src/index.js';

export const SCREENSHOTS = join(projectRoot, 'test-results', 'screenshots');

export interface PageRecord {
  page: Page;
  /** URLs requested outside the page's own origin (must stay empty: the page works offline). */
  foreignRequests: string[];
  /** Uncaught errors and console errors. */
  errors: string[];
}

export interface Harness {
  outdir: string;
  server: RunningServer;
  browser: Browser;
  open(options?: BrowserContextOptions & { path?: string }): Promise<PageRecord>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const outdir = await mkdtemp(join(tmpdir(), 'ca-preflight-web-'));
  await buildBrowser({ outdir });
  const server = await startServer({ root: outdir, port: 0 });
  if (!CHROMIUM_PATH)
    throw new Error('no Chromium on this machine: install it with sudo apt-get install -y chromium, or set CHROMIUM_PATH');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  await mkdir(SCREENSHOTS, { recursive: true });
  const origin = new URL(server.url).origin;
  return {
    outdir,
    server,
    browser,
    async open(options = {}) {
      const { path = '', ...contextOptions } = options;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      const page = await context.newPage();
      const record: PageRecord = { page, foreignRequests: [], errors: [] };
      page.on('request', (r) => {
        const url = r.url();
        if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) record.foreignRequests.push(url);
      });
      page.on('pageerror', (e) => record.errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') record.errors.push(m.text());
      });
      await page.goto(new URL(path, server.url).href);
      await page.waitForSelector('html[data-ready="true"]');
      return record;
    },
    async close() {
      await browser.close();
      await server.close();
      await rm(outdir, { recursive: true, force: true });
    },
  };
}

/** What the page shows for each finding, read back from the DOM. */
export interface ShownFinding {
  rule: string;
  severity: string;
  path: string;
  line?: number;
  column?: number;
  message: string;
  fix?: string;
}

/** The findings a list shows: the body's (#findings) or another list's, such as the device panel's. */
export async function shownFindings(page: Page, list = '#findings'): Promise<ShownFinding[]> {
  return page.$$eval(`${list} .finding-button`, (buttons) =>
    buttons.map((b) => {
      const el = b as HTMLElement;
      const out: Record<string, unknown> = {
        rule: el.dataset.rule,
        severity: el.dataset.severity,
        path: el.dataset.path,
        message: el.querySelector('.finding-message')?.textContent ?? '',
      };
      if (el.dataset.line) {
        out.line = Number(el.dataset.line);
        out.column = Number(el.dataset.column);
      }
      const fix = el.querySelector('.finding-fix');
      if (fix) out.fix = (fix.textContent ?? '').replace(/^\S+(?: :|:)\s/, '');
      return out as unknown as ShownFinding;
    }),
  );
}

/** The same view of the library's findings, for comparison. */
export function asShown(findings: Finding[]): ShownFinding[] {
  return findings.map((f) => {
    const out: ShownFinding = { rule: f.rule, severity: f.severity, path: f.path, message: f.message };
    if (f.line !== undefined) {
      out.line = f.line;
      out.column = f.column!;
    }
    if (f.fix !== undefined) out.fix = f.fix;
    return out;
  });
}

/** The predicted response as shown: status line, and the JSON body when there is one. */
export async function shownResponse(page: Page): Promise<{ statusLine: string; body: unknown }> {
  const text = (await page.textContent('#graph-response')) ?? '';
  const [head = '', ...rest] = text.split('\n\n');
  return { statusLine: head.split('\n')[0] ?? '', body: rest.length ? JSON.parse(rest.join('\n\n')) : null };
}

/** Where the focus is and what it selects: the focused element's id, selectionStart and selectionEnd. */
export function focusedSelection(page: Page): Promise<[string | undefined, number, number]> {
  return page.evaluate(() => {
    const t = document.activeElement as HTMLTextAreaElement | null;
    return [t?.id, t?.selectionStart ?? -1, t?.selectionEnd ?? -1] as [string | undefined, number, number];
  });
}

/** A phone-sized screen, 360 px wide: the narrowest the page is laid out for. */
export const NARROW: BrowserContextOptions = {
  viewport: { width: 360, height: 780 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
};

/** The elements matching `selector` that stick out of a `width`-pixel screen, named tag#id.class. */
export async function overflowing(page: Page, selector: string, width = 360): Promise<string[]> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  return page.$$eval(
    selector,
    (els, w) =>
      els
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && (r.left < 0 || r.right > w + 0.5);
        })
        .map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`),
    width,
  );
}

/** Waits until the summary has changed from `before` and no check is running. */
export async function waitForCheck(page: Page, before: string | null): Promise<void> {
  await page.waitForFunction((previous) => {
    const summary = document.getElementById('summary')?.textContent ?? '';
    return !document.getElementById('check')?.hasAttribute('aria-busy') && summary !== previous && !/…$/.test(summary);
  }, before);
}

/** Waits until no check is running (a check marks the Check button aria-busy from its first moment). */
export async function waitForIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.getElementById('check')?.hasAttribute('aria-busy'));
}

/** Example 2's request from the update page (the one with "certificate": "Binary"), as committed in examples/. */
export const EXAMPLE_2_REQUEST = join(projectRoot, 'examples', 'example2-request.json');
