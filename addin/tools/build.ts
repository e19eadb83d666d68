// Builds the deployable pane into dist/addin with esbuild: the bundles (lib and the seeds inside),
// lowered to ES5 with core-js for Internet Explorer 11, the pages, icons drawn at every size, the
// manifest with this build's URLs, and Office.js itself when it is served with the add-in.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as swc from '@swc/core';
import * as esbuild from 'esbuild';
import { serverSteps } from './guide';
import { drawIcon, iconFileName, ICON_NAMES, ICON_SIZES } from './icons';

export const ADDIN_ROOT = resolve(__dirname, '..');
export const REPO_ROOT = resolve(ADDIN_ROOT, '..');
const SOURCE = join(ADDIN_ROOT, 'src');

interface DeployConfig {
  devUrl: string;
  productionUrl: string;
}

export function deployConfig(): DeployConfig {
  return JSON.parse(readFileSync(join(ADDIN_ROOT, 'deploy.json'), 'utf8')) as DeployConfig;
}

/**
 * Browsers of the development build (npm run dev-server): Edge WebView2 / Chromium, Safari 15.
 * The production build goes further down, to Internet Explorer 11: see IE11_TARGET.
 */
export const BROWSER_TARGETS = ['es2017', 'chrome84', 'firefox78', 'safari15'];

/**
 * The oldest browser a production build runs in: volume-licensed Office 2019 (and Office 2016, 2013
 * where their ExcelApi suffices) shows add-ins in Internet Explorer 11. EdgeHTML 18, WebView2 and
 * Safari run everything IE11 runs.
 */
export const IE11_TARGET = { ie: '11' };

/** Microsoft's CDN, the default and Microsoft's recommendation wherever the network reaches it. */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Folder of dist/addin/ that holds the `@microsoft/office-js` package's files in a local build. */
export const OFFICE_JS_DIR = 'office-js';

/** `cdn`: pages load Office.js from Microsoft; `local`: from the add-in's own server (closed networks). */
export type OfficeJsSource = 'cdn' | 'local';

export interface BuildAddinOptions {
  outdir: string;
  /** Where the pane will be served from, ending in `/`. */
  baseUrl: string;
  mode: 'production' | 'development';
  /** Where the pages load Office.js from; `cdn` when absent. */
  officeJs?: OfficeJsSource;
}

/** The first 10 hex digits of a file's SHA-256: the `?v=` a page or the pane asks for it by. */
export function contentVersion(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 10);
}

/**
 * The pages' own scripts and stylesheet asked for by content (`taskpane.js?v=…`): Office's webviews
 * cache them hard, and a page of one build running another build's script fails in ways no message
 * explains. A file the page names but the build lacks is left as it is.
 */
export function withVersionedAssets(html: string, versionOf: (file: string) => string | undefined): string {
  return html.replace(/(<(?:script|link)\b[^>]*\s(?:src|href)=")([\w-]+\.(?:js|css))(")/g, (whole, open: string, file: string, close: string) => {
    const version = versionOf(file);
    return version ? `${open}${file}?v=${version}${close}` : whole;
  });
}

/** The `@microsoft/office-js` files a local build serves: its whole dist/ folder, less the debug builds no page loads. */
export function officeJsPackageDir(): string {
  return join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
}

export function officeJsVersion(): string {
  return (JSON.parse(readFileSync(join(officeJsPackageDir(), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** The `<script>` of a page, for the chosen Office.js source: the only difference between the two builds. */
export function officeJsScript(source: OfficeJsSource): string {
  return `<script src="${source === 'local' ? `${OFFICE_JS_DIR}/office.js` : OFFICE_JS_CDN}"></script>`;
}

/**
 * Why a URL cannot go into a manifest that is shipped, or null when it can: Excel needs https, and a
 * placeholder (a reserved example/test name, as addin/deploy.json ships, or this machine) reaches no one.
 */
export function undeployableUrlReason(baseUrl: string): string | null {
  if (!/^https?:\/\/[^\s"<>]+\/$/.test(baseUrl)) return `Địa chỉ "${baseUrl}" không hợp lệ: cần địa chỉ đầy đủ, bắt đầu bằng https:// và kết thúc bằng dấu "/".`;
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:') return `Địa chỉ "${baseUrl}" dùng http: Excel chỉ mở phần bổ trợ qua https (chứng chỉ hợp lệ).`;
  const host = url.hostname.toLowerCase();
  const placeholder =
    /(^|\.)(example|invalid|test|localhost)$/.test(host) ||
    /(^|\.)example\.(com|net|org)$/.test(host) ||
    host === 'localhost' ||
    /^127\./.test(host) ||
    host === '[::1]';
  if (placeholder) {
    return `Địa chỉ "${baseUrl}" là địa chỉ mẫu hoặc của máy này, không phải máy chủ thật của đơn vị. Ghi địa chỉ máy chủ web nội bộ vào productionUrl trong addin/deploy.json, hoặc dùng --url https://may-chu-cua-don-vi/da06/.`;
  }
  return null;
}

/** The repository's manifest with this build's URLs and the package version (`0.1.0` → `0.1.0.0`). */
export function manifestFor(baseUrl: string): string {
  if (!/^https?:\/\/[^\s"<>]+\/$/.test(baseUrl)) throw new Error(`The add-in URL must be absolute and end with "/": ${baseUrl}`);
  const { devUrl } = deployConfig();
  const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const fourPart = [...version.split(/[.+-]/).slice(0, 3).map((n) => String(Number(n) || 0)), '0'].join('.');
  const source = readFileSync(join(REPO_ROOT, 'manifest.xml'), 'utf8');
  return source.split(devUrl).join(baseUrl).replace(/<Version>[^<]*<\/Version>/, `<Version>${fourPart}</Version>`);
}

/** The regenerated ES5 source of an xmlchars module: its `u`-flag regexes rewritten by regexpu-core. */
function xmlcharsWithoutUnicodeFlag(path: string, source: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- regexpu-core ships CommonJS without types
  const rewritePattern = require('regexpu-core') as (pattern: string, flags: string, options: { unicodeFlag: 'transform' }) => string;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- evaluated here to read the patterns it builds from strings
  const module = require(path) as Record<string, unknown>;
  const rewritten = source.replace(/exports\.(\w+) = new RegExp\([^;]*, "u"\);/g, (_, name: string) => {
    const regex = module[name];
    if (!(regex instanceof RegExp) || regex.flags !== 'u') throw new Error(`${path}: ${name} is not a u-flag RegExp any more; revisit the IE11 patch in addin/tools/build.ts`);
    return `exports.${name} = new RegExp(${JSON.stringify(rewritePattern(regex.source, 'u', { unicodeFlag: 'transform' }))});`;
  });
  if (/"u"\)/.test(rewritten)) throw new Error(`${path}: a u-flag RegExp is left after the IE11 patch; revisit it in addin/tools/build.ts`);
  return rewritten;
}

/** noble's SHA-2 writes the message length with BigInt, which IE11 lacks: the same 64 bits from a Number (exact below 2^53). */
const SET_LENGTH_64 = `function __da06SetLength64(view, byteOffset, bits, isLE) {
  view.setUint32(byteOffset + (isLE ? 4 : 0), Math.floor(bits / 4294967296), isLE);
  view.setUint32(byteOffset + (isLE ? 0 : 4), bits >>> 0, isLE);
}
`;

/** A package file with `from` replaced by `to`, or the build stops: a patch that no longer applies must be revisited. */
function patched(path: string, source: string, from: RegExp, to: string): string {
  const out = source.replace(from, to);
  if (out === source) throw new Error(`${path}: the IE11 patch in addin/tools/build.ts no longer applies (${from}); revisit it`);
  return out;
}

/**
 * What bundled packages do that IE11 cannot, fixed at build time (each fails the build if the package
 * changes under it): zod 4 builds its int64 ranges with BigInt() when it loads (da06 has no int64 schema);
 * saxes's character tables (xmlchars) build `u`-flag regexes, which IE11 refuses; @noble/hashes's SHA-256
 * (integrity tokens, file checksums) writes the message length with BigInt; date-fns asks `symbol in date`,
 * true of every object once core-js polyfills Symbol (its keys are setters on Object.prototype).
 */
export const IE11_PATCHES: esbuild.Plugin = {
  name: 'da06-ie11-patches',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      const patched = source.replace(/(export const BIGINT_FORMAT_RANGES = \{)([\s\S]*?)(\};)/, (_, open: string, body: string, close: string) => `${open}${body.replace(/\bBigInt\(/g, '__da06BigInt(')}${close}`);
      if (!patched.includes('__da06BigInt(')) throw new Error(`${path}: BIGINT_FORMAT_RANGES not found; revisit the IE11 patch in addin/tools/build.ts`);
      return { contents: `const __da06BigInt = typeof BigInt === "function" ? BigInt : Number;\n${patched}`, loader: 'js' };
    });
    build.onLoad({ filter: /[\\/]node_modules[\\/]xmlchars[\\/].*\.js$/ }, ({ path }) => ({ contents: xmlcharsWithoutUnicodeFlag(path, readFileSync(path, 'utf8')), loader: 'js' }));
    build.onLoad({ filter: /[\\/]node_modules[\\/]date-fns[\\/]constructFrom\.js$/ }, ({ path }) => ({
      contents: patched(path, readFileSync(path, 'utf8'), /constructFromSymbol in date\)/, 'typeof date[constructFromSymbol] === "function")'),
      loader: 'js',
    }));
    build.onLoad({ filter: /[\\/]node_modules[\\/]@noble[\\/]hashes[\\/](esm[\\/])?_md\.js$/ }, ({ path }) => ({
      contents: SET_LENGTH_64 + patched(path, readFileSync(path, 'utf8'), /setBigUint64\(view, blockLen - 8, BigInt\(this\.length \* 8\), isLE\);/, '__da06SetLength64(view, blockLen - 8, this.length * 8, isLE);'),
      loader: 'js',
    }));
  },
};

/** The báo cáo bundle (docx inside), loaded by the pane on demand: see addin/src/report/load.ts. */
export const REPORT_ENTRY = { report: join(SOURCE, 'report', 'entry.ts') };

/** `reportUrl`: where the pane's bundle loads report.js from (production: with its version). */
export function esbuildOptions(options: BuildAddinOptions, reportUrl?: string): esbuild.BuildOptions {
  const dev = options.mode === 'development';
  return {
    // Development builds everything for modern browsers in one go; production builds report.js apart (reportBundleOptions).
    entryPoints: { taskpane: join(SOURCE, 'taskpane.ts'), commands: join(SOURCE, 'commands.ts'), ...(dev ? REPORT_ENTRY : {}) },
    outdir: options.outdir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: BROWSER_TARGETS,
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    legalComments: 'linked',
    logLevel: 'warning',
    // A package's browser build wins (exceljs → its prebuilt dist/exceljs.min.js); lib never reaches for node:*.
    mainFields: ['browser', 'module', 'main'],
    define: { 'process.env.NODE_ENV': JSON.stringify(options.mode), ...(reportUrl ? { __DA06_REPORT_URL__: JSON.stringify(reportUrl) } : {}) },
    plugins: [IE11_PATCHES],
    ...(dev ? { banner: { js: "new EventSource('/esbuild').addEventListener('change', () => location.reload());" } } : {}),
  };
}

/**
 * report.js for production: the modern BROWSER_TARGETS, minified, never lowered to ES5 (the docx library
 * cannot run in IE11 or EdgeHTML whatever is done to it; the pane loads it only where it runs).
 */
export function reportBundleOptions(options: BuildAddinOptions): esbuild.BuildOptions {
  return {
    ...esbuildOptions({ ...options, mode: 'production' }),
    entryPoints: REPORT_ENTRY,
    minify: process.env.DA06_ADDIN_UNMINIFIED !== '1',
    plugins: [],
  };
}

/** A page with its Office.js `<script>` pointing where this build serves Office.js from. */
export function pageFor(file: string, source: OfficeJsSource): string {
  const html = readFileSync(join(SOURCE, file), 'utf8');
  const cdn = officeJsScript('cdn');
  if (!html.includes(cdn)) return html;
  return html.split(cdn).join(officeJsScript(source));
}

/** The stylesheet with its custom properties written out: IE11 drops every declaration that uses var(). */
export function stylesheetWithoutVariables(css: string): string {
  const root = /:root\s*\{([^}]*)\}\s*/.exec(css);
  if (!root) return css;
  const values = new Map([...(root[1] as string).matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1] as string, (m[2] as string).trim()]));
  const out = css.replace(root[0], '').replace(/var\((--[\w-]+)\)/g, (whole, name: string) => values.get(name) ?? whole);
  if (/var\(--/.test(out)) throw new Error('taskpane.css uses a custom property that :root does not define');
  return out;
}

/** Copies the `@microsoft/office-js` package's files next to the pages (local Office.js). */
function copyOfficeJs(outdir: string): number {
  const from = officeJsPackageDir();
  if (!existsSync(join(from, 'office.js'))) throw new Error(`@microsoft/office-js is not installed (${from}): run npm ci`);
  let count = 0;
  cpSync(from, join(outdir, OFFICE_JS_DIR), {
    recursive: true,
    filter: (path) => {
      const keep = !/\.debug\.js$|office-vsdoc\.js$|\.d\.ts$/.test(path);
      if (keep && /\.[a-z0-9]+$/i.test(path)) count += 1;
      return keep;
    },
  });
  return count;
}

/** Pages, stylesheet, help page, icons and manifest: everything but the bundles (and Office.js). */
export function writeStatic(options: BuildAddinOptions): string[] {
  const written: string[] = [];
  const officeJs = options.officeJs ?? 'cdn';
  mkdirSync(join(options.outdir, 'assets'), { recursive: true });
  for (const file of ['taskpane.html', 'commands.html', 'huong-dan.html']) {
    writeFileSync(join(options.outdir, file), pageFor(file, officeJs));
    written.push(file);
  }
  writeFileSync(join(options.outdir, 'taskpane.css'), stylesheetWithoutVariables(readFileSync(join(SOURCE, 'taskpane.css'), 'utf8')));
  written.push('taskpane.css');
  for (const name of ICON_NAMES) {
    for (const size of ICON_SIZES) {
      const file = join('assets', iconFileName(name, size));
      writeFileSync(join(options.outdir, file), drawIcon(name, size));
      written.push(file);
    }
  }
  writeFileSync(join(options.outdir, 'manifest.xml'), manifestFor(options.baseUrl));
  written.push('manifest.xml');
  return written;
}

/** The built pages, each asking for the build's own scripts and stylesheet by content version. */
function versionPages(outdir: string): void {
  const versionOf = (file: string) => (existsSync(join(outdir, file)) ? contentVersion(readFileSync(join(outdir, file))) : undefined);
  for (const page of ['taskpane.html', 'commands.html', 'huong-dan.html']) {
    writeFileSync(join(outdir, page), withVersionedAssets(readFileSync(join(outdir, page), 'utf8'), versionOf));
  }
}

function coreJsVersion(): string {
  const { version } = JSON.parse(readFileSync(require.resolve('core-js/package.json'), 'utf8')) as { version: string };
  return version.split('.').slice(0, 2).join('.');
}

/**
 * `RegExp("…", "u")` with a literal pattern (what SWC makes of a `/…/u` literal it cannot lower) as
 * the equivalent ES5 pattern, by regexpu-core: IE11 throws on the `u` flag, core-js cannot add it.
 */
export function withoutUnicodeFlag(code: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- regexpu-core ships CommonJS without types
  const rewritePattern = require('regexpu-core') as (pattern: string, flags: string, options: Record<string, string>) => string;
  const literal = String.raw`(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")`;
  const call = new RegExp(String.raw`\bRegExp\((${literal}),\s*(['"])([a-z]*u[a-z]*)\2\)`, 'g');
  return code.replace(call, (_, pattern: string, _quote: string, flags: string) => {
    const source = (pattern.startsWith("'") ? JSON.parse(`"${pattern.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) : JSON.parse(pattern)) as string;
    const rewritten = rewritePattern(source, flags, { unicodeFlag: 'transform', unicodePropertyEscapes: 'transform' });
    return `RegExp(${JSON.stringify(rewritten)}, ${JSON.stringify(flags.replace('u', ''))})`;
  });
}

/**
 * One bundle lowered for IE11: SWC rewrites the syntax to ES5 and adds a `require` of each core-js
 * module the code uses and IE11 lacks; esbuild then bundles those in and minifies, as ES5.
 */
export async function lowerToEs5(code: string, file: string): Promise<string> {
  const lowered = await swc.transform(code, {
    filename: file,
    isModule: false,
    sourceMaps: false,
    jsc: { parser: { syntax: 'ecmascript' }, externalHelpers: false },
    env: { targets: IE11_TARGET, mode: 'usage', coreJs: coreJsVersion() },
  });
  const bundled = await esbuild.build({
    stdin: { contents: withoutUnicodeFlag(lowered.code), resolveDir: REPO_ROOT, sourcefile: file, loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es5',
    // DA06_ADDIN_UNMINIFIED=1: readable stack traces when a test of the built pane fails.
    minify: process.env.DA06_ADDIN_UNMINIFIED !== '1',
    legalComments: 'none',
    logLevel: 'warning',
    banner: { js: `/*! For license information please see ${file}.LEGAL.txt */` },
  });
  return bundled.outputFiles[0]?.text ?? '';
}

/** The production bundles before lowering: modern syntax, not minified (what lowerToEs5 takes). */
export async function bundleSources(options: BuildAddinOptions, reportUrl?: string): Promise<esbuild.BuildResult & { outputFiles: esbuild.OutputFile[] }> {
  return esbuild.build({ ...esbuildOptions(options, reportUrl), target: 'esnext', minify: false, write: false });
}

/** The bundles: ES2017 with source maps for development, ES5 + core-js for production (IE11 and up). */
async function writeBundles(options: BuildAddinOptions): Promise<string[]> {
  if (options.mode === 'development') {
    const result = await esbuild.build({ ...esbuildOptions(options), metafile: true });
    return Object.keys(result.metafile.outputs).map((path) => path.split(/[\\/]/).pop() as string);
  }
  // report.js first: the pane's bundle asks for it by its content version.
  const report = await esbuild.build({ ...reportBundleOptions(options), write: false });
  const script = report.outputFiles.find((o) => o.path.endsWith('.js')) as esbuild.OutputFile;
  const first = await bundleSources(options, `report.js?v=${contentVersion(script.text)}`);
  const written: string[] = [];
  const texts = new Map(first.outputFiles.map((o) => [relative(options.outdir, o.path).split(/[\\/]/).join('/'), o]));
  for (const [file, output] of texts) {
    if (!file.endsWith('.js')) continue;
    writeFileSync(output.path, await lowerToEs5(output.text, file));
    // esbuild keeps the legal comments it finds; core-js (added by the ES5 pass) and unorm carry none: their licences are added.
    const legal = [texts.get(`${file}.LEGAL.txt`)?.text.trimEnd() ?? '', licenceOf('core-js', 'LICENSE'), ...(output.text.includes('node_modules/unorm/') ? [licenceOf('unorm', 'LICENSE.md')] : [])];
    writeFileSync(join(options.outdir, `${file}.LEGAL.txt`), `${legal.filter(Boolean).join('\n\n')}\n`);
    written.push(file, `${file}.LEGAL.txt`);
  }
  const found = report.outputFiles.find((o) => o.path.endsWith('.LEGAL.txt'))?.text.trimEnd() ?? '';
  writeFileSync(join(options.outdir, 'report.js'), script.text);
  // docx carries no legal comment of its own: its licence is added, as core-js's is to the ES5 bundles.
  writeFileSync(join(options.outdir, 'report.js.LEGAL.txt'), `${[found, licenceOf('docx', 'LICENSE')].filter(Boolean).join('\n\n')}\n`);
  written.push('report.js', 'report.js.LEGAL.txt');
  return written;
}

/** A package's folder, also for one whose `exports` hide its package.json (docx). */
function packageDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    let dir = dirname(require.resolve(name));
    while (!existsSync(join(dir, 'package.json')) || (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== name) {
      if (dirname(dir) === dir) throw new Error(`package ${name} not found`);
      dir = dirname(dir);
    }
    return dir;
  }
}

function licenceOf(name: string, file: string): string {
  return `${name}:\n${readFileSync(join(packageDir(name), file), 'utf8').trimEnd()}`;
}

export async function buildAddin(options: BuildAddinOptions): Promise<string[]> {
  rmSync(options.outdir, { recursive: true, force: true });
  mkdirSync(options.outdir, { recursive: true });
  const bundles = await writeBundles(options);
  const files = [...bundles, ...writeStatic(options)];
  if (options.mode === 'production') versionPages(options.outdir);
  if (options.officeJs === 'local') {
    copyOfficeJs(options.outdir);
    files.push(`${OFFICE_JS_DIR}/office.js`);
  }
  return files;
}

/** DA06_OFFICEJS: `local` serves Office.js with the add-in (closed networks), `cdn` (the default) loads it from Microsoft. */
export function officeJsFromEnv(value: string | undefined): OfficeJsSource {
  if (value === undefined || value === '' || value === 'cdn') return 'cdn';
  if (value === 'local') return 'local';
  throw new Error(`DA06_OFFICEJS="${value}" không hợp lệ: dùng local (Office.js kèm theo phần bổ trợ) hoặc cdn (tải từ Microsoft, mặc định).`);
}

async function main(): Promise<void> {
  const outdir = resolve(REPO_ROOT, 'dist', 'addin');
  const baseUrl = process.env.DA06_ADDIN_URL ?? deployConfig().productionUrl;
  const officeJs = officeJsFromEnv(process.env.DA06_OFFICEJS);
  const started = Date.now();
  const files = await buildAddin({ outdir, baseUrl, mode: 'production', officeJs });
  const shown = relative(process.cwd(), outdir) || '.';
  console.log(`Đã dựng phần bổ trợ vào ${shown}/ (${files.length} tệp, ${Date.now() - started} ms; mã ES5 chạy được cả trong Internet Explorer 11).`);
  console.log('Việc tiếp theo:');
  for (const line of serverSteps({ baseUrl, officeJs, webDir: `${shown}/`, manifest: `${shown}/manifest.xml`, officeJsVersion: officeJsVersion() })) console.log(`  ${line}`);
  console.log('  Thư mục chia sẻ có sẵn hướng dẫn cài đặt cho từng máy: npx da06 addin --url <địa chỉ> [--officejs local].');
  const refused = undeployableUrlReason(baseUrl);
  if (refused) console.log(`Cảnh báo: manifest này chưa phát cho người dùng được. ${refused}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
