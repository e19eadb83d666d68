// da06 addin: the ready-to-share folder an IT officer copies to the web server and the shared-folder catalog.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkManifestRules, schemaDir, validateAgainstSchemas } from '../../addin/tools/manifest-check';
import { da06 } from './_lib/run';

jest.setTimeout(120_000);

const URL = 'https://baocao.congan.thanhhoa.gov.vn/da06/';
let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'da06-addin-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('da06 addin', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof da06>>;
  beforeAll(async () => {
    out = join(root, 'chia-se');
    result = await da06('addin', '--url', URL, '--officejs', 'local', '--out', out);
  });

  it('writes web/ with the pages, the bundles and Office.js, the manifest and the install guide', () => {
    expect(result.code).toBe(0);
    for (const file of ['web/taskpane.html', 'web/taskpane.js', 'web/commands.html', 'web/commands.js', 'web/office-js/office.js', 'web/office-js/excel-win32-16.01.js', 'manifest.xml', 'HUONG-DAN-CAI-DAT.txt']) {
      expect([file, existsSync(join(out, file))]).toEqual([file, true]);
    }
    expect(readFileSync(join(out, 'web', 'taskpane.html'), 'utf8')).toContain('<script src="office-js/office.js"></script>');
    expect(result.stdout).toContain(`Đã tạo thư mục chia sẻ ${out} (`);
    expect(result.stdout).toContain(`manifest.xml trỏ tới ${URL}, Office.js kèm theo (thư mục web/office-js/).`);
  });

  it('writes a manifest with the production URL that validates against the Office schemas and names no localhost', async () => {
    const xml = readFileSync(join(out, 'manifest.xml'), 'utf8');
    const dir = schemaDir();
    if (!dir) throw new Error('The Office manifest schemas are missing from ../shared/xsd: set DA06_XSD_DIR to their folder.');
    expect(await validateAgainstSchemas(xml, dir)).toEqual([]);
    expect(checkManifestRules(xml, URL)).toEqual([]);
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1|\.example\//);
    expect(xml).toContain(`<SourceLocation DefaultValue="${URL}taskpane.html"/>`);
    expect(readFileSync(join(out, 'web', 'manifest.xml'), 'utf8')).toBe(xml);
  });

  it('writes a one-page Vietnamese guide that Notepad on any Windows reads (UTF-8 with BOM, CRLF)', () => {
    const guide = readFileSync(join(out, 'HUONG-DAN-CAI-DAT.txt'), 'utf8');
    expect(guide.startsWith('\ufeffHƯỚNG DẪN CÀI ĐẶT PHẦN BỔ TRỢ EXCEL ĐỀ ÁN 06\r\n')).toBe(true);
    expect(guide.split('\r\n').length).toBeLessThanOrEqual(60);
    expect(guide.replace(/\r\n/g, '')).not.toContain('\n');
    expect(guide).toBe(guide.normalize('NFC'));
    for (const text of [
      `${URL}taskpane.html`,
      'HTTPS với chứng chỉ hợp lệ',
      'Office.js 1.1.',
      'nằm sẵn trong web\\office-js\\ (chép cùng)',
      'Trusted Add-in Catalogs',
      'SHARED FOLDER (THƯ MỤC DÙNG CHUNG)',
      'Hãy mở ngăn này trong Excel',
      'da06 validate',
      'Internet Explorer 11',
    ]) {
      expect([text, guide.includes(text)]).toEqual([text, true]);
    }
  });

  it('refuses the placeholder address of addin/deploy.json, and writes nothing', async () => {
    const target = join(root, 'mau');
    const { code, stderr } = await da06('addin', '--out', target);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'Lỗi: Địa chỉ "https://may-chu-cua-don-vi.example/da06/" là địa chỉ mẫu hoặc của máy này, không phải máy chủ thật của đơn vị. Ghi địa chỉ máy chủ web nội bộ vào productionUrl trong addin/deploy.json, hoặc dùng --url https://may-chu-cua-don-vi/da06/.',
    );
    expect(existsSync(target)).toBe(false);
  });

  it('refuses an http address and an unknown Office.js source', async () => {
    const http = await da06('addin', '--url', 'http://baocao.congan.thanhhoa.gov.vn/da06/', '--out', join(root, 'http'));
    expect([http.code, http.stderr]).toEqual([2, expect.stringContaining('dùng http: Excel chỉ mở phần bổ trợ qua https')]);
    const source = await da06('addin', '--url', URL, '--officejs', 'offline');
    expect([source.code, source.stderr]).toEqual([2, expect.stringMatching(/^Lỗi: --officejs "offline" không hợp lệ\. Dùng cdn hoặc local\.\nCách dùng: da06 addin/)]);
  });
});
