// The secretariat's address book, as an Excel sheet it edits: one row per unit (code, name, focal
// person, focal e-mail, cc). Written with exceljs, read back with the lean reader, checked row by row,
// and stored in the roster file. Units are found by code, never by row.
import ExcelJS from 'exceljs';
import { makeIssue, type Issue } from '../issues/issue';
import { addressKey, isEmailAddress } from '../mail/message';
import { cellAddress, getCell, type SheetModel } from '../model/sheet';
import { openWorkbook } from '../read/workbook';
import { ContainerError } from '../read/zip';
import { cleanText, foldKey } from '../text/fold';
import type { Roster } from './roster';
import type { RosterFile } from './schema';

export const CONTACTS_SHEET = 'Danh bạ';
const GUIDE_SHEET = 'Hướng dẫn';
const HEADER_ROW = 3;

export const CONTACT_COLUMNS = [
  { id: 'code', header: 'Mã đơn vị', width: 11 },
  { id: 'name', header: 'Tên đơn vị', width: 44 },
  { id: 'kind', header: 'Loại', width: 14 },
  { id: 'focalPerson', header: 'Người đầu mối', width: 26 },
  { id: 'email', header: 'Thư điện tử đầu mối', width: 34 },
  { id: 'cc', header: 'Đồng gửi (CC), cách nhau bằng dấu ;', width: 44 },
] as const;
type ColumnId = (typeof CONTACT_COLUMNS)[number]['id'];

/** One unit's contact data, as the roster keeps it. */
export interface UnitContact {
  code: string;
  focalPerson?: string;
  email?: string;
  cc: string[];
}

/** Excel's own check on an address cell: one @, a dot after it, no space (da06 checks properly on import). */
function emailRule(cell: string): string {
  return `OR(${cell}="",AND(ISERROR(FIND(" ",${cell})),LEN(${cell})-LEN(SUBSTITUTE(${cell},"@",""))=1,ISNUMBER(FIND(".",${cell},FIND("@",${cell})))))`;
}

/**
 * The contacts workbook of a roster (`da06 contacts export`): codes and names locked, contact cells
 * yellow with Excel's data validation on the addresses, a guide sheet. Runs in Node and the browser.
 * @example const bytes = await buildContactsWorkbook(roster, { generatedAt: new Date() });
 */
export async function buildContactsWorkbook(roster: Roster, options: { generatedAt: Date }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'da06';
  workbook.created = options.generatedAt;
  const font = { name: 'Times New Roman', size: 12 };
  const ws = workbook.addWorksheet(CONTACTS_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2 }] });
  ws.columns = CONTACT_COLUMNS.map((c) => ({ key: c.id, width: c.width }));
  ws.getCell('A1').value = 'DANH BẠ THƯ ĐIỆN TỬ CỦA CÁC ĐƠN VỊ BÁO CÁO ĐỀ ÁN 06';
  ws.getCell('A1').font = { ...font, bold: true, size: 14 };
  ws.getCell('A2').value = 'Chỉ sửa các ô nền vàng. Nhập lại bằng lệnh: da06 contacts import <tệp này>.';
  ws.getCell('A2').font = { ...font, italic: true };
  const header = ws.getRow(HEADER_ROW);
  CONTACT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...font, bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  });
  header.height = 32;
  roster.units.forEach((unit, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    const values: Record<ColumnId, string> = {
      code: unit.code,
      name: unit.name,
      kind: unit.kind === 'department' ? 'Sở, ban, ngành' : 'Xã, phường',
      focalPerson: unit.focalPerson ?? '',
      email: unit.email ?? '',
      cc: (unit.cc ?? []).join('; '),
    };
    CONTACT_COLUMNS.forEach((c, col) => {
      const cell = row.getCell(col + 1);
      // Text typed by people stays text: a value is never written as a formula.
      cell.value = values[c.id];
      cell.numFmt = '@';
      cell.font = font;
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
      if (c.id === 'focalPerson' || c.id === 'email' || c.id === 'cc') {
        cell.protection = { locked: false };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
      }
    });
    const email = row.getCell(5);
    email.dataValidation = {
      type: 'custom',
      allowBlank: true,
      formulae: [emailRule(email.address)],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: 'Địa chỉ thư không hợp lệ',
      error: 'Nhập một địa chỉ thư điện tử, ví dụ vanthu@syt.thanhhoa.gov.vn.',
      showInputMessage: true,
      promptTitle: 'Thư điện tử đầu mối',
      prompt: 'Một địa chỉ; thư gửi biểu mẫu và nhắc báo cáo đi tới địa chỉ này.',
    };
  });
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` };
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatCells: true, formatColumns: true, formatRows: true, insertRows: false, deleteRows: false, sort: false, autoFilter: true });

  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 110;
  [
    'Cách dùng danh bạ',
    '1. Mỗi dòng là một đơn vị báo cáo; đơn vị được nhận ra theo cột "Mã đơn vị", không theo thứ tự dòng. Không sửa mã và tên đơn vị.',
    '2. "Thư điện tử đầu mối": một địa chỉ. Biểu mẫu hằng tháng và thư nhắc gửi tới địa chỉ này; thư trả lời từ địa chỉ này được ghi nhận là của đơn vị.',
    '3. "Đồng gửi (CC)": các địa chỉ nhận bản sao (ví dụ lãnh đạo đơn vị), cách nhau bằng dấu chấm phẩy.',
    '4. Để trống địa chỉ nếu chưa có: các lệnh gửi thư sẽ liệt kê đơn vị đó để liên hệ bằng cách khác.',
    '5. Lưu tệp (.xlsx) rồi chạy: da06 contacts import <tệp>. Lệnh kiểm tra từng dòng (địa chỉ sai, mã đơn vị không có, địa chỉ trùng giữa hai đơn vị) và chỉ ghi khi không còn lỗi.',
  ].forEach((text, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { ...font, bold: i === 0 };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export interface ReadContactsResult {
  /** Contacts by unit code, for the rows that were read. */
  contacts: UnitContact[];
  /** Errors and warnings with the sheet and cell; nothing is stored while an error remains. */
  issues: Issue[];
}

const text = (sheet: SheetModel, row: number, col: number | undefined): string => {
  if (col === undefined) return '';
  const value = getCell(sheet, row, col)?.value;
  return value === null || value === undefined || typeof value === 'object' ? '' : cleanText(String(value));
};

/** Addresses split on `;` or `,`, blanks dropped, a trailing `mailto:` and brackets tolerated. */
function splitAddresses(value: string): string[] {
  return value
    .split(/[;,\n]/)
    .map((s) => s.trim().replace(/^mailto:/i, '').replace(/^<(.*)>$/, '$1').trim())
    .filter(Boolean);
}

/**
 * Reads and checks a contacts sheet against the roster: invalid address, unknown unit code, the same unit
 * twice, an address that is the focal box of two units (errors), a unit with no address (warning).
 * @example const { contacts, issues } = readContactsWorkbook(bytes, roster);
 */
export function readContactsWorkbook(bytes: Uint8Array, roster: Roster): ReadContactsResult {
  const issues: Issue[] = [];
  let sheet: SheetModel;
  try {
    const workbook = openWorkbook(bytes);
    const info = workbook.sheets.find((s) => foldKey(s.name) === foldKey(CONTACTS_SHEET)) ?? workbook.sheets.find((s) => s.state === 'visible');
    if (!info) return { contacts: [], issues: [makeIssue('contact/bad-sheet', {}, { detail: `trang "${CONTACTS_SHEET}"` })] };
    sheet = workbook.readSheet(info.name);
  } catch (error) {
    if (error instanceof ContainerError) return { contacts: [], issues: [makeIssue(error.code, {}, { detail: error.detail })] };
    throw error;
  }
  // The header row is found by its labels, wherever the user moved it.
  const wanted = new Map(CONTACT_COLUMNS.map((c) => [foldKey(c.header), c.id] as const));
  let headerRow = -1;
  const columns = new Map<ColumnId, number>();
  for (const [row, cells] of sheet.rows) {
    const found = new Map<ColumnId, number>();
    for (const cell of cells.values()) {
      const label = foldKey(String(cell.value ?? ''));
      const id = wanted.get(label) ?? (label.startsWith(foldKey('Đồng gửi')) ? 'cc' : undefined);
      if (id) found.set(id, cell.col);
    }
    if (found.has('code') && found.has('email')) {
      headerRow = row;
      for (const [id, col] of found) columns.set(id, col);
      break;
    }
  }
  if (headerRow < 0) return { contacts: [], issues: [makeIssue('contact/bad-sheet', { sheet: sheet.name }, { detail: 'dòng tiêu đề có cột "Mã đơn vị" và "Thư điện tử đầu mối"' })] };

  const known = new Map(roster.units.map((u) => [u.code, u]));
  const rowOfUnit = new Map<string, number>();
  const focalOwner = new Map<string, { code: string; row: number }>();
  const contacts: UnitContact[] = [];
  const at = (row: number, id: ColumnId) => {
    const col = columns.get(id);
    return { sheet: sheet.name, ...(col ? { cell: cellAddress(row, col) } : {}) };
  };
  for (const row of [...sheet.rows.keys()].sort((a, b) => a - b)) {
    if (row <= headerRow) continue;
    const code = text(sheet, row, columns.get('code')).toUpperCase();
    const email = text(sheet, row, columns.get('email'));
    const focalPerson = text(sheet, row, columns.get('focalPerson'));
    const ccText = text(sheet, row, columns.get('cc'));
    if (!code) {
      if (email || focalPerson || ccText) issues.push(makeIssue('contact/unknown-unit', at(row, 'code'), { code: '(trống)' }));
      continue;
    }
    const unit = known.get(code);
    if (!unit) {
      issues.push(makeIssue('contact/unknown-unit', at(row, 'code'), { code }));
      continue;
    }
    const earlier = rowOfUnit.get(code);
    if (earlier !== undefined) {
      issues.push(makeIssue('contact/duplicate-unit', at(row, 'code'), { code, other: earlier }));
      continue;
    }
    rowOfUnit.set(code, row);
    const contact: UnitContact = { code, cc: [] };
    if (focalPerson) contact.focalPerson = focalPerson;
    if (email) {
      const [first, ...more] = splitAddresses(email);
      if (!first || more.length > 0 || !isEmailAddress(first)) {
        issues.push(makeIssue('contact/invalid-email', at(row, 'email'), { value: email }));
      } else {
        const owner = focalOwner.get(addressKey(first));
        if (owner) issues.push(makeIssue('contact/duplicate-email', at(row, 'email'), { value: first, other: owner.code, row: owner.row }));
        else focalOwner.set(addressKey(first), { code, row });
        contact.email = first;
      }
    } else {
      issues.push(makeIssue('contact/no-email', at(row, 'email'), { code, name: unit.name }));
    }
    for (const address of splitAddresses(ccText)) {
      if (!isEmailAddress(address)) issues.push(makeIssue('contact/invalid-email', at(row, 'cc'), { value: address }));
      else if (!contact.cc.some((c) => addressKey(c) === addressKey(address)) && addressKey(address) !== addressKey(contact.email ?? '')) contact.cc.push(address);
    }
    contacts.push(contact);
  }
  return { contacts, issues };
}

/** The roster file with these contacts stored (a blank cell clears the field); units not listed keep theirs. */
export function applyContacts(file: RosterFile, contacts: readonly UnitContact[]): RosterFile {
  const byCode = new Map(contacts.map((c) => [c.code, c]));
  const set = <T extends { email?: string; focalPerson?: string; cc?: string[] }>(entry: T, contact: UnitContact): T => {
    const { email: _e, focalPerson: _f, cc: _c, ...rest } = entry;
    return { ...rest, ...(contact.email ? { email: contact.email } : {}), ...(contact.focalPerson ? { focalPerson: contact.focalPerson } : {}), ...(contact.cc.length ? { cc: contact.cc } : {}) } as T;
  };
  const departments = file.departments.map((d) => {
    const contact = byCode.get(d.code);
    return contact ? set(d, contact) : d;
  });
  const communes: RosterFile['communes'] = { ...file.communes };
  for (const contact of contacts) {
    if (!/^\d{5}$/.test(contact.code)) continue;
    const entry = set(communes[contact.code] ?? {}, contact);
    if (Object.keys(entry).length > 0) communes[contact.code] = entry;
    else delete communes[contact.code];
  }
  const ordered = Object.fromEntries(Object.entries(communes).sort(([a], [b]) => a.localeCompare(b)));
  return { ...file, departments, communes: ordered };
}

/** JSON on one line with a space after `:` and `,`, as seeds/roster.json is written by hand. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}

/** The roster file as the secretariat reads it: one line per unit, like the file in seeds/. */
export function formatRosterFile(file: RosterFile): string {
  const lines = (items: string[]) => items.map((item, i) => `    ${item}${i < items.length - 1 ? ',' : ''}`);
  const communes = Object.entries(file.communes).map(([code, entry]) => `${JSON.stringify(code)}: ${inline(entry)}`);
  return [
    '{',
    '  "departments": [',
    ...lines(file.departments.map(inline)),
    '  ],',
    ...(communes.length ? ['  "communes": {', ...lines(communes), '  },'] : ['  "communes": {},']),
    `  "inactive": ${inline(file.inactive)},`,
    '  "external": [',
    ...lines(file.external.map(inline)),
    '  ]',
    '}',
    '',
  ].join('\n');
}
