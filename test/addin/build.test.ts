// npm run build:addin: the deployable pane, exceljs included for the browser, nothing from Node.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { buildAddin, esbuildOptions } from '../../addin/tools/build';
import { drawIcon, ICON_NAMES, ICON_SIZES, iconFileName } from '../../addin/tools/icons';

let outdir: string;
let files: string[];

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'da06-build-'));
  files = await buildAddin({ outdir, baseUrl: 'https://baocao.example.vn/da06/', mode: 'production' });
}, 30_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('buildAddin', () => {
  it('writes the pages, bundles, stylesheet, help page, manifest and every icon', () => {
    expect(files).toEqual(expect.arrayContaining(['taskpane.html', 'taskpane.js', 'commands.html', 'commands.js', 'taskpane.css', 'huong-dan.html', 'manifest.xml']));
    for (const name of ICON_NAMES) for (const size of ICON_SIZES) expect(files).toContain(`assets/${iconFileName(name, size)}`);
    expect(readFileSync(join(outdir, 'manifest.xml'), 'utf8')).toContain('<SourceLocation DefaultValue="https://baocao.example.vn/da06/taskpane.html"/>');
  });

  it('bundles lib and the seeds for the browser, and nothing that needs Node', async () => {
    const result = await esbuild.build({ ...esbuildOptions({ outdir, baseUrl: 'https://x/', mode: 'production' }), write: false, metafile: true });
    const inputs = Object.keys(result.metafile.outputs[Object.keys(result.metafile.outputs).find((k) => k.endsWith('taskpane.js')) as string]?.inputs ?? {});
    expect(inputs).toEqual(expect.arrayContaining(['seeds/catalog.json', 'seeds/roster.json', 'lib/validate/check.ts', 'lib/consolidate/merge.ts', 'lib/summary/xlsx.ts']));
    expect(inputs.filter((i) => /^lib\/(node|cli)\//.test(i) || i.startsWith('node:'))).toEqual([]);
    const pane = readFileSync(join(outdir, 'taskpane.js'), 'utf8');
    expect(pane).not.toMatch(/require\(["']node:|require\(["'](fs|path|child_process)["']\)/);
  });

  it('resolves exceljs to its prebuilt browser file when a module imports it', async () => {
    const result = await esbuild.build({
      ...esbuildOptions({ outdir, baseUrl: 'https://x/', mode: 'production' }),
      entryPoints: undefined,
      stdin: { contents: "import ExcelJS from 'exceljs'; console.log(new ExcelJS.Workbook());", resolveDir: process.cwd(), loader: 'ts' },
      outdir: undefined,
      legalComments: 'none',
      write: false,
      metafile: true,
    });
    expect(Object.keys(result.metafile.inputs)).toContain('node_modules/exceljs/dist/exceljs.min.js');
  });

  it('loads office.js from Microsoft’s CDN, as a deployed add-in must', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      expect(readFileSync(join(outdir, page), 'utf8')).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    }
  });
});

describe('icons', () => {
  it.each(ICON_SIZES.map((s) => [s]))('are PNGs of exactly %i px, with transparency', (size) => {
    for (const name of ICON_NAMES) {
      const png = drawIcon(name, size);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const view = new DataView(png.buffer, png.byteOffset);
      expect([view.getUint32(16), view.getUint32(20), png[25]]).toEqual([size, size, 6]);
      expect(png.length).toBeLessThan(100 * 1024);
    }
  });
});
