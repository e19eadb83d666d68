import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { loadRoster, seedPath } from '../../lib/node/seeds';
import { applyContacts, buildContactsWorkbook, formatRosterFile, readContactsWorkbook } from '../../lib/roster/contacts';
import { buildRoster, findUnit } from '../../lib/roster/roster';
import type { RosterFile } from '../../lib/roster/schema';
import { buildXlsx, type FixtureCell } from '../_lib/xlsx-fixture';

const roster = loadRoster();
const HEADER = ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Người đầu mối', 'Thư điện tử đầu mối', 'Đồng gửi (CC), cách nhau bằng dấu ;'];
/** A contacts sheet as a secretary would leave it, built without our writer: title rows, then the table. */
const sheet = (rows: FixtureCell[][]) => buildXlsx({ sheets: [{ name: 'Danh bạ', rows: [['DANH BẠ'], [], HEADER, ...rows] }] });
const flat = (bytes: Uint8Array) => readContactsWorkbook(bytes, roster).issues.map((i) => [i.cell ?? '', i.code]);

describe('readContactsWorkbook', () => {
  it('reads focal person, e-mail and cc by unit code, wherever the rows are', () => {
    const { contacts, issues } = readContactsWorkbook(
      sheet([
        [14758, 'Phường Hàm Rồng', 'Xã, phường', 'Lê Thị Hoa', 'vanthu@hamrong.thanhhoa.gov.vn', ''],
        ['SYT', 'Sở Y tế', 'Sở, ban, ngành', 'Nguyễn Văn An', ' VanThu@SYT.thanhhoa.gov.vn ', 'giamdoc@syt.thanhhoa.gov.vn; pgd@syt.thanhhoa.gov.vn,giamdoc@syt.thanhhoa.gov.vn'],
      ]),
      roster,
    );
    expect(issues).toEqual([]);
    expect(contacts).toEqual([
      { code: '14758', focalPerson: 'Lê Thị Hoa', email: 'vanthu@hamrong.thanhhoa.gov.vn', cc: [] },
      { code: 'SYT', focalPerson: 'Nguyễn Văn An', email: 'VanThu@SYT.thanhhoa.gov.vn', cc: ['giamdoc@syt.thanhhoa.gov.vn', 'pgd@syt.thanhhoa.gov.vn'] },
    ]);
  });

  it('reports each bad row with its cell: invalid address, unknown code, duplicate unit, shared focal address, no address', () => {
    const bytes = sheet([
      ['SYT', 'Sở Y tế', '', '', 'vanthu@syt', ''],
      ['XYZ', 'Sở lạ', '', '', 'a@b.vn', ''],
      ['STC', 'Sở Tài chính', '', '', 'chung@thanhhoa.gov.vn', 'sai địa chỉ'],
      ['STP', 'Sở Tư pháp', '', '', 'Chung@thanhhoa.gov.vn', ''],
      ['STC', 'Sở Tài chính', '', '', 'khac@stc.thanhhoa.gov.vn', ''],
      ['SNV', 'Sở Nội vụ', '', 'Trần Văn B', '', ''],
      ['', '', '', '', 'mồ.côi@x.vn', ''],
    ]);
    expect(flat(bytes)).toEqual([
      ['E4', 'contact/invalid-email'],
      ['A5', 'contact/unknown-unit'],
      ['F6', 'contact/invalid-email'],
      ['E7', 'contact/duplicate-email'],
      ['A8', 'contact/duplicate-unit'],
      ['E9', 'contact/no-email'],
      ['A10', 'contact/unknown-unit'],
    ]);
    const duplicate = readContactsWorkbook(bytes, roster).issues.find((i) => i.code === 'contact/duplicate-email');
    expect(duplicate?.params).toEqual({ value: 'Chung@thanhhoa.gov.vn', other: 'STC', row: 6 });
  });

  it('says what is missing when the sheet is not a contacts sheet, or the file not a workbook', () => {
    expect(flat(buildXlsx({ sheets: [{ name: 'Sheet1', rows: [['Mã', 'Tên']] }] }))).toEqual([['', 'contact/bad-sheet']]);
    expect(flat(new TextEncoder().encode('code,email\nSYT,a@b.vn\n'))).toEqual([['', 'file/not-zip']]);
  });
});

describe('buildContactsWorkbook', () => {
  it('exports every unit with its contacts, locks codes and names, validates the address cells, and reads back the same', async () => {
    const withContacts = buildRoster(
      { ...JSON.parse(readFileSync(seedPath('roster'), 'utf8')), communes: { '14758': { email: 'vanthu@hamrong.thanhhoa.gov.vn', cc: ['ct@hamrong.thanhhoa.gov.vn'] } } },
      JSON.parse(readFileSync(seedPath('communes'), 'utf8')),
    );
    const bytes = await buildContactsWorkbook(withContacts, { generatedAt: new Date(Date.UTC(2026, 10 /* Nov */, 20)) });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet('Danh bạ') as ExcelJS.Worksheet;
    expect(ws.rowCount).toBe(3 + withContacts.units.length);
    expect(ws.getCell('A4').protection?.locked).not.toBe(false);
    expect(ws.getCell('E4').protection?.locked).toBe(false);
    expect(ws.getCell('E4').dataValidation).toMatchObject({ type: 'custom', showErrorMessage: true, errorTitle: 'Địa chỉ thư không hợp lệ' });
    const read = readContactsWorkbook(bytes, withContacts);
    expect(read.issues.every((i) => i.code === 'contact/no-email')).toBe(true);
    expect(read.issues).toHaveLength(withContacts.units.length - 1);
    expect(read.contacts.find((c) => c.code === '14758')).toEqual({ code: '14758', email: 'vanthu@hamrong.thanhhoa.gov.vn', cc: ['ct@hamrong.thanhhoa.gov.vn'] });
  });
});

describe('applyContacts and formatRosterFile', () => {
  const file = JSON.parse(readFileSync(seedPath('roster'), 'utf8')) as RosterFile;

  it('rewrites seeds/roster.json byte for byte when nothing changes', () => {
    expect(formatRosterFile(file)).toBe(readFileSync(seedPath('roster'), 'utf8'));
  });

  it('stores contacts on departments and communes, clears a blank field, and the roster then carries them', () => {
    const first = applyContacts(file, [
      { code: 'SYT', focalPerson: 'Nguyễn Văn An', email: 'vanthu@syt.thanhhoa.gov.vn', cc: ['gd@syt.thanhhoa.gov.vn'] },
      { code: '15127', email: 'vanthu@camthuy.thanhhoa.gov.vn', cc: [] },
    ]);
    const cleared = applyContacts(first, [{ code: 'SYT', cc: [] }]);
    const text = formatRosterFile(first);
    expect(text.split('\n').filter((l) => l.includes('SYT') || l.includes('15127'))).toEqual([
      '    { "code": "SYT", "name": "Sở Y tế", "shortName": "Sở Y tế", "namedInPlan": true, "aliases": ["Y tế"], "email": "vanthu@syt.thanhhoa.gov.vn", "focalPerson": "Nguyễn Văn An", "cc": ["gd@syt.thanhhoa.gov.vn"] },',
      '    "15127": { "email": "vanthu@camthuy.thanhhoa.gov.vn" }',
    ]);
    const communes = JSON.parse(readFileSync(seedPath('communes'), 'utf8'));
    const built = buildRoster(JSON.parse(text), communes);
    expect(findUnit(built, 'SYT')).toMatchObject({ email: 'vanthu@syt.thanhhoa.gov.vn', focalPerson: 'Nguyễn Văn An', cc: ['gd@syt.thanhhoa.gov.vn'] });
    expect(findUnit(built, '15127')?.email).toBe('vanthu@camthuy.thanhhoa.gov.vn');
    expect(findUnit(buildRoster(cleared, communes), 'SYT')).not.toHaveProperty('email');
  });
});
