// npm run build:addin: the deployable pane, exceljs included for the browser, nothing from Node.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import * as acorn from 'acorn';
import { buildAddin, contentVersion, esbuildOptions, OFFICE_JS_CDN, officeJsFromEnv, officeJsPackageDir, reportBundleOptions, stylesheetWithoutVariables, undeployableUrlReason, withVersionedAssets } from '../../addin/tools/build';
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
    expect(files).toEqual(expect.arrayContaining(['taskpane.html', 'taskpane.js', 'commands.html', 'commands.js', 'report.js', 'report.js.LEGAL.txt', 'taskpane.css', 'huong-dan.html', 'manifest.xml']));
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

  it('keeps the docx library out of taskpane.js: it is in report.js, which the pane loads on demand', async () => {
    const options = { outdir, baseUrl: 'https://x/', mode: 'production' } as const;
    const bytesFrom = async (build: esbuild.BuildOptions, bundle: string) => {
      const result = await esbuild.build({ ...build, write: false, metafile: true, minify: true });
      const output = Object.entries(result.metafile.outputs).find(([k]) => k.endsWith(bundle))?.[1];
      return Object.entries(output?.inputs ?? {}).filter(([input]) => input.includes('node_modules/docx/')).reduce((n, [, i]) => n + i.bytesInOutput, 0);
    };
    expect(await bytesFrom(esbuildOptions(options), 'taskpane.js')).toBe(0);
    expect(await bytesFrom(reportBundleOptions(options), 'report.js')).toBeGreaterThan(150_000);
    // The docx library's WordprocessingML namespace: in report.js, nowhere in the pane's own bundles.
    const marker = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    expect(readFileSync(join(outdir, 'report.js'), 'utf8')).toContain(marker);
    for (const bundle of ['taskpane.js', 'commands.js']) expect([bundle, readFileSync(join(outdir, bundle), 'utf8').includes(marker)]).toEqual([bundle, false]);
    // Loaded by the pane's script, never by the page itself.
    expect(readFileSync(join(outdir, 'taskpane.html'), 'utf8')).not.toContain('report.js');
    expect(readFileSync(join(outdir, 'report.js.LEGAL.txt'), 'utf8')).toMatch(/^docx:\nThe MIT License/m);
  });

  it('asks for its own scripts and stylesheet by content version, so a webview never runs one build\'s page with another\'s script', () => {
    const version = (file: string) => contentVersion(readFileSync(join(outdir, file)));
    const assets = (page: string) => [...readFileSync(join(outdir, page), 'utf8').matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets('taskpane.html')).toEqual([OFFICE_JS_CDN, `taskpane.css?v=${version('taskpane.css')}`, 'assets/icon-32.png', `taskpane.js?v=${version('taskpane.js')}`]);
    expect(assets('commands.html')).toEqual([OFFICE_JS_CDN, `commands.js?v=${version('commands.js')}`]);
    expect(assets('huong-dan.html')).toEqual([`taskpane.css?v=${version('taskpane.css')}`]);
    // The pane loads report.js by the version of the report.js built beside it.
    const pane = readFileSync(join(outdir, 'taskpane.js'), 'utf8');
    expect(pane).toContain(`"report.js?v=${version('report.js')}"`);
    expect(version('report.js')).toMatch(/^[0-9a-f]{10}$/);
  });

  it('builds report.js for the modern browsers (ES2017 syntax, minified), not for Internet Explorer 11', async () => {
    const code = readFileSync(join(outdir, 'report.js'), 'utf8');
    expect(() => acorn.parse(code, { ecmaVersion: 2017 })).not.toThrow();
    expect(() => acorn.parse(code, { ecmaVersion: 5 })).toThrow();
    const unminified = await esbuild.build({ ...reportBundleOptions({ outdir, baseUrl: 'https://x/', mode: 'production' }), minify: false, write: false });
    expect(code.length).toBeLessThan(0.6 * (unminified.outputFiles.find((o) => o.path.endsWith('.js'))?.text.length ?? 0));
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

  it('loads office.js from Microsoft’s CDN by default, as Microsoft recommends where the network reaches it', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      expect(readFileSync(join(outdir, page), 'utf8')).toContain(`<script src="${OFFICE_JS_CDN}"></script>`);
    }
    expect(existsSync(join(outdir, 'office-js'))).toBe(false);
  });

  it('writes the stylesheet without custom properties, which IE11 ignores (white text on a white button)', () => {
    const css = readFileSync(join(outdir, 'taskpane.css'), 'utf8');
    expect(css).not.toMatch(/var\(|--[a-z]/);
    expect(css).toMatch(/button\.primary \{ background: #0f5c9e; border-color: #0f5c9e; color: #fff;/);
    expect(() => stylesheetWithoutVariables(':root { --a: red; }\np { color: var(--b); }')).toThrow(/custom property/);
  });
});

describe('buildAddin with Office.js served by the add-in (DA06_OFFICEJS=local, closed networks)', () => {
  let local: string;
  beforeAll(async () => {
    local = mkdtempSync(join(tmpdir(), 'da06-build-local-'));
    await buildAddin({ outdir: local, baseUrl: 'https://baocao.example.vn/da06/', mode: 'production', officeJs: 'local' });
  }, 60_000);
  afterAll(() => rmSync(local, { recursive: true, force: true }));

  it('copies the whole @microsoft/office-js folder (every host and language file), less the debug builds no page loads', () => {
    const all = readdirSync(officeJsPackageDir(), { recursive: true, encoding: 'utf8' });
    const copied = readdirSync(join(local, 'office-js'), { recursive: true, encoding: 'utf8' });
    expect(copied.sort()).toEqual(all.filter((f) => !/\.debug\.js$|office-vsdoc\.js$|\.d\.ts$/.test(f)).sort());
    for (const file of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js', 'vi-vn/office_strings.js', 'telemetry/oteljs_agave.js']) expect(copied).toContain(file);
    expect(readFileSync(join(local, 'office-js', 'office.js'))).toEqual(readFileSync(join(officeJsPackageDir(), 'office.js')));
  });

  it('points both pages at office-js/office.js by a relative URL and is otherwise the same build', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = readFileSync(join(local, page), 'utf8');
      expect(html).toContain('<script src="office-js/office.js"></script>');
      expect(html).not.toContain('appsforoffice');
      expect(html.replace('office-js/office.js', OFFICE_JS_CDN)).toBe(readFileSync(join(outdir, page), 'utf8'));
    }
    for (const file of ['manifest.xml', 'taskpane.js', 'commands.js', 'taskpane.css', 'huong-dan.html']) expect([file, readFileSync(join(local, file), 'utf8')]).toEqual([file, readFileSync(join(outdir, file), 'utf8')]);
  });

  it('takes the choice from DA06_OFFICEJS and refuses anything but local or cdn', () => {
    expect([officeJsFromEnv(undefined), officeJsFromEnv(''), officeJsFromEnv('cdn'), officeJsFromEnv('local')]).toEqual(['cdn', 'cdn', 'cdn', 'local']);
    expect(() => officeJsFromEnv('offline')).toThrow('DA06_OFFICEJS="offline" không hợp lệ: dùng local (Office.js kèm theo phần bổ trợ) hoặc cdn (tải từ Microsoft, mặc định).');
  });
});

describe('withVersionedAssets', () => {
  it('versions the own scripts and stylesheets a page names, and nothing else', () => {
    const versions: Record<string, string> = { 'a.js': '0123456789', 'b.css': 'abcdefabcd' };
    const html = ['<script src="https://cdn.example/x.js"></script>', '<script src="a.js"></script>', '<link rel="stylesheet" href="b.css">', '<script src="missing.js"></script>', '<img src="a.js">', '<a href="b.css">'].join('\n');
    expect(withVersionedAssets(html, (file) => versions[file]).split('\n')).toEqual([
      '<script src="https://cdn.example/x.js"></script>',
      '<script src="a.js?v=0123456789"></script>',
      '<link rel="stylesheet" href="b.css?v=abcdefabcd">',
      '<script src="missing.js"></script>',
      '<img src="a.js">',
      '<a href="b.css">',
    ]);
  });
});

describe('undeployableUrlReason: what may go into a manifest that is shipped', () => {
  it.each([
    ['https://may-chu-cua-don-vi.example/da06/', /địa chỉ mẫu/],
    ['https://localhost:3000/', /địa chỉ mẫu hoặc của máy này/],
    ['https://127.0.0.1/da06/', /của máy này/],
    ['https://baocao.test/', /địa chỉ mẫu/],
    ['https://www.example.com/da06/', /địa chỉ mẫu/],
    ['http://baocao.congan.thanhhoa.gov.vn/da06/', /dùng http: Excel chỉ mở phần bổ trợ qua https/],
    ['https://baocao.congan.thanhhoa.gov.vn/da06', /kết thúc bằng dấu "\/"/],
  ])('refuses %s', (url, reason) => {
    expect(undeployableUrlReason(url)).toMatch(reason);
  });

  it('accepts a real office server over https', () => {
    expect(undeployableUrlReason('https://baocao.congan.thanhhoa.gov.vn/da06/')).toBeNull();
    expect(undeployableUrlReason('https://10.38.1.5:8443/addin/')).toBeNull();
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
