// Builds the deployable pane into dist/addin with esbuild: the bundles (lib and the seeds inside),
// the pages, icons drawn at every size, and the manifest with this build's URLs.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
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
 * Browsers the pane must run in: Edge WebView2 / Chromium (Microsoft 365, Office 2021+, the web),
 * EdgeHTML 18 (Office 2019 on Windows 10 1903+: hence es2017), Safari 15 (Excel for Mac).
 */
export const BROWSER_TARGETS = ['es2017', 'chrome84', 'firefox78', 'safari15'];

export interface BuildAddinOptions {
  outdir: string;
  /** Where the pane will be served from, ending in `/`. */
  baseUrl: string;
  mode: 'production' | 'development';
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

export function esbuildOptions(options: BuildAddinOptions): esbuild.BuildOptions {
  const dev = options.mode === 'development';
  return {
    entryPoints: { taskpane: join(SOURCE, 'taskpane.ts'), commands: join(SOURCE, 'commands.ts') },
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
    define: { 'process.env.NODE_ENV': JSON.stringify(options.mode) },
    ...(dev ? { banner: { js: "new EventSource('/esbuild').addEventListener('change', () => location.reload());" } } : {}),
  };
}

/** Pages, stylesheet, help page, icons and manifest: everything but the bundles. */
export function writeStatic(options: BuildAddinOptions): string[] {
  const written: string[] = [];
  mkdirSync(join(options.outdir, 'assets'), { recursive: true });
  for (const file of ['taskpane.html', 'commands.html', 'taskpane.css', 'huong-dan.html']) {
    copyFileSync(join(SOURCE, file), join(options.outdir, file));
    written.push(file);
  }
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

export async function buildAddin(options: BuildAddinOptions): Promise<string[]> {
  rmSync(options.outdir, { recursive: true, force: true });
  mkdirSync(options.outdir, { recursive: true });
  const result = await esbuild.build({ ...esbuildOptions(options), metafile: true });
  const bundles = Object.keys(result.metafile.outputs).map((path) => path.split(/[\\/]/).pop() as string);
  return [...bundles, ...writeStatic(options)];
}

async function main(): Promise<void> {
  const outdir = resolve(REPO_ROOT, 'dist', 'addin');
  const baseUrl = process.env.DA06_ADDIN_URL ?? deployConfig().productionUrl;
  const started = Date.now();
  const files = await buildAddin({ outdir, baseUrl, mode: 'production' });
  console.log(`Đã dựng phần bổ trợ vào ${outdir} (${files.length} tệp, ${Date.now() - started} ms); manifest trỏ tới ${baseUrl}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
