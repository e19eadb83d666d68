// lib/report runs in the task pane: bundled as the pane is (esbuild, browser targets), it must build the
// same document in a realm that has what a browser has and nothing of Node (no Buffer, process, require).
import { runInNewContext } from 'node:vm';
import * as esbuild from 'esbuild';
import { BROWSER_TARGETS } from '../../addin/tools/build';
import { openZip } from '../../lib/read/zip';
import { buildReport } from '../../lib/report/build';
import type { ReportInput } from '../../lib/report/model';
import type { ReportSettings } from '../../lib/report/settings';
import { DEFAULT_REPORT_SETTINGS } from '../../lib/report/settings';
import { handWrittenInput } from './_lib/input';

type Bundle = { buildReport: (input: ReportInput, settings?: ReportSettings) => Promise<Uint8Array> };

let bundle: { code: string; inputs: string[] };

beforeAll(async () => {
  const result = await esbuild.build({
    entryPoints: ['lib/report/build.ts'],
    bundle: true,
    write: false,
    metafile: true,
    format: 'iife',
    globalName: 'da06Report',
    platform: 'browser',
    target: BROWSER_TARGETS,
    mainFields: ['browser', 'module', 'main'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  bundle = { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) };
}, 60_000);

describe('the report in a browser', () => {
  it('bundles for the pane\u2019s browsers with docx and zod, and nothing from Node', () => {
    expect(bundle.inputs.some((i) => i.includes('node_modules/docx/'))).toBe(true);
    expect(bundle.inputs).toContain('seeds/report-settings.json');
    expect(bundle.inputs.filter((i) => i.startsWith('node:') || /^lib\/(node|cli)\//.test(i))).toEqual([]);
    expect(bundle.code).not.toMatch(/require\(["'](node:)?(fs|path|stream|buffer|crypto)["']\)/);
  });

  it('builds the same document where there is no Buffer, process or require', async () => {
    const sandbox: Record<string, unknown> = { TextEncoder, TextDecoder, setTimeout, clearTimeout, queueMicrotask, console };
    runInNewContext(`${bundle.code}\nthis.da06Report = da06Report;`, sandbox);
    for (const name of ['Buffer', 'process', 'require']) expect(runInNewContext(`typeof ${name}`, sandbox)).toBe('undefined');
    const { buildReport: inBrowser } = sandbox.da06Report as Bundle;
    const input = handWrittenInput();
    const bytes = await inBrowser(input, DEFAULT_REPORT_SETTINGS);
    expect(Object.prototype.toString.call(bytes)).toBe('[object Uint8Array]');
    const document = (b: Uint8Array) => openZip(new Uint8Array(b)).readText('word/document.xml');
    expect(document(bytes)).toBe(document(await buildReport(input, DEFAULT_REPORT_SETTINGS)));
  });
});
