import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPath } from '../../lib/node/seeds';
import { buildXlsx } from '../_lib/xlsx-fixture';
import { da06With } from './_lib/run';

let dir: string;
let rosterPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'da06-contacts-'));
  rosterPath = join(dir, 'roster.json');
  copyFileSync(seedPath('roster'), rosterPath);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Người đầu mối', 'Thư điện tử đầu mối', 'Đồng gửi (CC), cách nhau bằng dấu ;'];

it('exports the contacts sheet, then imports an edited one into the roster file and lists units still without address', async () => {
  const exported = await da06With({ rosterPath }, 'contacts', 'export', join(dir, 'danh-ba.xlsx'));
  expect(exported.code).toBe(0);
  expect(exported.stdout).toMatch(/^Đã ghi danh bạ 187 đơn vị: .*danh-ba\.xlsx\n187 đơn vị chưa có địa chỉ thư điện tử/);

  const edited = join(dir, 'sua.xlsx');
  writeFileSync(edited, buildXlsx({ sheets: [{ name: 'Danh bạ', rows: [HEADER, ['SYT', 'Sở Y tế', '', 'Nguyễn Văn An', 'vanthu@syt.thanhhoa.gov.vn', 'gd@syt.thanhhoa.gov.vn'], ['STC', 'Sở Tài chính', '', '', '', '']] }] }));
  const checked = await da06With({ rosterPath }, 'contacts', 'import', edited, '--check');
  expect(checked.stdout).toContain('Tệp hợp lệ (--check: chưa ghi vào danh sách đơn vị).');
  expect(readFileSync(rosterPath, 'utf8')).toBe(readFileSync(seedPath('roster'), 'utf8'));

  const imported = await da06With({ rosterPath }, 'contacts', 'import', edited);
  expect(imported.code).toBe(0);
  expect(imported.stdout).toContain('Tệp ' + edited + ': 2 đơn vị, 1 có địa chỉ đầu mối; 0 lỗi, 1 cảnh báo.');
  expect(imported.stdout).toContain('[Danh bạ!E3] Đơn vị STC (Sở Tài chính) chưa có địa chỉ thư điện tử đầu mối.');
  expect(imported.stdout).toContain(`Đã ghi danh bạ của 2 đơn vị vào ${rosterPath}.`);
  expect(readFileSync(rosterPath, 'utf8')).toContain('"email": "vanthu@syt.thanhhoa.gov.vn", "focalPerson": "Nguyễn Văn An", "cc": ["gd@syt.thanhhoa.gov.vn"]');
  const again = await da06With({ rosterPath }, 'contacts', 'export', join(dir, 'lai.xlsx'));
  expect(again.stdout).toContain('186 đơn vị chưa có địa chỉ thư điện tử');
});

it('writes nothing while the sheet has errors, and exits 1', async () => {
  const bad = join(dir, 'sai.xlsx');
  writeFileSync(bad, buildXlsx({ sheets: [{ name: 'Danh bạ', rows: [HEADER, ['SYT', '', '', '', 'vanthu at syt', '']] }] }));
  const result = await da06With({ rosterPath }, 'contacts', 'import', bad);
  expect(result.code).toBe(1);
  expect(result.stdout).toContain('[Danh bạ!E2] "vanthu at syt" không phải địa chỉ thư điện tử hợp lệ.');
  expect(result.stdout).toContain('Chưa ghi gì vào danh sách đơn vị');
  expect(readFileSync(rosterPath, 'utf8')).toBe(readFileSync(seedPath('roster'), 'utf8'));
});

it('refuses a wrong action or file', async () => {
  expect((await da06With({ rosterPath }, 'contacts', 'xoa', 'a.xlsx')).stderr).toContain('Không có thao tác "xoa"');
  expect((await da06With({ rosterPath }, 'contacts', 'export', 'a.csv')).stderr).toContain('phải có đuôi .xlsx');
  expect((await da06With({ rosterPath }, 'contacts', 'import', join(dir, 'khong-co.xlsx'))).stderr).toContain('Không mở được tệp');
});
