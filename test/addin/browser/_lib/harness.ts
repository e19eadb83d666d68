// The built pane in headless Chromium, with the fake Office.js served in place of Microsoft's CDN:
// a static server on 127.0.0.1 (random port), every other outside request refused, all closed after.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildAddin, OFFICE_JS_CDN, OFFICE_JS_DIR, REPO_ROOT, type OfficeJsSource } from '../../../../addin/tools/build';
import type { FakeExcelOptions } from '../../fake-office/office';
import type { SeedWorkbook } from '../../fake-office/state';

export const CHROMIUM = process.env.DA06_CHROMIUM ?? '/usr/bin/chromium';
export const OUTPUT = join(REPO_ROOT, 'test-output', 'addin');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8' };

export interface Harness {
  baseUrl: string;
  browser: Browser;
  fakeOfficeJs: string;
  /** Where this build's pages load Office.js from. */
  officeJsUrl: string;
  close(): Promise<void>;
}

/** Skips nothing silently: without Chromium the suite fails and says how to install it. */
/** The browser tests always run: a machine without Chromium fails them with the fix, never skips them. */
export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium fonts-noto-core (listed in .ci/apt-packages).`);
}

function serve(root: string): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)).replace(/^([/\\])+/, '');
    const file = resolve(root, path || 'taskpane.html');
    if (!file.startsWith(root) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, port: (server.address() as { port: number }).port })));
}

/** `officeJs: 'local'` builds the pane with Office.js on its own server (the closed-network build). */
export async function startHarness(options: { officeJs?: OfficeJsSource } = {}): Promise<Harness> {
  const root = mkdtempSync(join(tmpdir(), 'da06-pane-'));
  await buildAddin({ outdir: root, baseUrl: 'https://localhost:3000/', mode: 'production', officeJs: options.officeJs ?? 'cdn' });
  const fake = await esbuild.build({ entryPoints: [join(__dirname, '..', '..', 'fake-office', 'browser.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome100', logLevel: 'silent' });
  const { server, port } = await serve(root);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    timeout: 30_000,
  });
  mkdirSync(OUTPUT, { recursive: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    browser,
    fakeOfficeJs: fake.outputFiles[0]?.text ?? '',
    officeJsUrl: options.officeJs === 'local' ? `${baseUrl}/${OFFICE_JS_DIR}/office.js` : OFFICE_JS_CDN,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors and console errors of the page: a test ends by expecting none. */
  errors: string[];
  /** Every request the page made, in order, and whether it was answered. */
  requests: Array<{ url: string; served: boolean }>;
}

export interface OpenPageOptions {
  seed: SeedWorkbook;
  fake?: FakeExcelOptions;
  /** Page path and hash: `taskpane.html#kiem-tra`. */
  path: string;
  /** The clock of the user's machine (Vietnam time) when the page opens; it runs on from there. */
  now?: Date;
  viewport?: { width: number; height: number };
  /** Script run right after the fake Office.js is installed (before the pane's own script). */
  afterOfficeJs?: string;
  /**
   * The fake in a realm of its own (a hidden iframe), like the real Office.js, which brings its own
   * code: then afterOfficeJs can take built-ins away from the pane's realm without breaking the fake.
   * In Excel, Office.js data belongs to the pane's realm and carries the iterator key of the pane's
   * core-js: the fake's arrays, maps and strings get it here too ('@@iterator', and the polyfilled
   * Symbol.iterator once the pane's script has run).
   */
  isolateOffice?: boolean;
  /** `fake` (default): the fake in place of this build's Office.js; `real`: what the build serves; `blocked`: unreachable. */
  officeJs?: 'fake' | 'real' | 'blocked';
}

/** 3 December 2026, 09:00 in Thanh Hóa: November's reports are due. */
export const DEC_3_2026 = new Date('2026-12-03T09:00:00+07:00');

export async function openPage(harness: Harness, options: OpenPageOptions): Promise<OpenedPage> {
  const context = await harness.browser.newContext({ viewport: options.viewport ?? { width: 380, height: 900 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  context.setDefaultTimeout(15_000);
  const errors: string[] = [];
  const requests: OpenedPage['requests'] = [];
  const install = options.isolateOffice
    ? `(function () { var frame = document.createElement('iframe'); frame.style.display = 'none'; document.documentElement.appendChild(frame); var realm = frame.contentWindow;
        realm.eval(${JSON.stringify(harness.fakeOfficeJs)});
        var types = [realm.Array, realm.Map, realm.Set, realm.String];
        var bridge = function (key) { types.forEach(function (type) { realm.Object.defineProperty(type.prototype, key, { value: type.prototype[realm.Symbol.iterator], configurable: true, writable: true }); }); };
        bridge('@@iterator');
        document.addEventListener('DOMContentLoaded', function () { if (window.Symbol && typeof window.Symbol.iterator !== 'symbol') bridge(String(window.Symbol.iterator)); });
        realm.__installFakeOffice(${JSON.stringify(options.seed)}, ${JSON.stringify(options.fake ?? {})}, window);
        window.__fakeOffice = realm.__fakeOffice; window.__renderSheet = realm.__renderSheet; })();`
    : `${harness.fakeOfficeJs}\n__installFakeOffice(${JSON.stringify(options.seed)}, ${JSON.stringify(options.fake ?? {})});`;
  const officeJs = `${install}\n${options.afterOfficeJs ?? ''}`;
  const mode = options.officeJs ?? 'fake';
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const isOfficeJs = url === harness.officeJsUrl;
    if (isOfficeJs && mode === 'blocked') {
      requests.push({ url, served: false });
      return route.abort('blockedbyclient');
    }
    if (isOfficeJs && mode === 'fake') {
      requests.push({ url, served: true });
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: officeJs });
    }
    requests.push({ url, served: url.startsWith(harness.baseUrl) });
    if (url.startsWith(harness.baseUrl)) return route.continue();
    errors.push(`outside request refused: ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  // The clock starts at `now` and runs on: a frozen Date.now would make every change on ExcelApi 1.7 look like the add-in's own write.
  await page.clock.install({ time: options.now ?? DEC_3_2026 });
  await page.goto(`${harness.baseUrl}/${options.path}`);
  return { page, context, errors, requests };
}

/** The fake workbook of the page, drawn as a grid, saved as a PNG next to the pane's. */
export async function screenshotSheet(harness: Harness, from: Page, sheet: string, file: string, options: { maxRows?: number; maxCols?: number; fromRow?: number; width?: number } = {}): Promise<void> {
  const html = await from.evaluate(([name, opts]) => (window as unknown as { __renderSheet: (s: string, o: unknown) => string }).__renderSheet(name, opts), [sheet, options] as const);
  const page = await harness.browser.newPage({ viewport: { width: options.width ?? 1200, height: 700 } });
  await page.setContent(html);
  await page.screenshot({ path: join(OUTPUT, file), fullPage: true });
  await page.close();
}
