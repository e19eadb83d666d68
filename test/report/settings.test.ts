import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_REPORT_SETTINGS, parseReportSettings } from '../../lib/report/settings';

const FILE = 'thiet-lap/bao-cao.json';
const SEED = join(__dirname, '..', '..', 'seeds', 'report-settings.json');

function message(text: string): string {
  const result = parseReportSettings(text, FILE);
  if (result.ok) throw new Error(`expected a problem with ${text}`);
  return result.message;
}

describe('the report settings file', () => {
  it('ships a default file that reads back as the defaults, with its provenance note', () => {
    const result = parseReportSettings(readFileSync(SEED, 'utf8'), 'seeds/report-settings.json');
    expect(result).toEqual({ ok: true, settings: DEFAULT_REPORT_SETTINGS });
    expect(DEFAULT_REPORT_SETTINGS.note).toContain('Nghị định 30/2020/NĐ-CP');
    expect(DEFAULT_REPORT_SETTINGS.issuingBody).toEqual(['CÔNG AN TỈNH THANH HÓA']);
    expect(DEFAULT_REPORT_SETTINGS.signer.lines).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
  });

  it('keeps the default of every field a file leaves out, inside the signer too', () => {
    const result = parseReportSettings('\uFEFF{ "symbol": "BC-CAT-PV01", "signer": { "name": "Nguyễn Văn A" } }', FILE);
    expect(result).toEqual({ ok: true, settings: { ...DEFAULT_REPORT_SETTINGS, symbol: 'BC-CAT-PV01', signer: { lines: DEFAULT_REPORT_SETTINGS.signer.lines, name: 'Nguyễn Văn A' } } });
  });

  it('says where a file is not JSON, by line and column', () => {
    expect(message('{\n  "symbol": "BC",\n  place: "Thanh Hóa"\n}')).toBe(
      'Tệp thiết lập báo cáo "thiet-lap/bao-cao.json" không phải JSON hợp lệ (dòng 3, cột 3). Kiểm tra dấu ngoặc, dấu phẩy và dấu nháy kép "…" quanh mỗi chữ.',
    );
    expect(message('[1, 2]')).toBe('Tệp thiết lập báo cáo "thiet-lap/bao-cao.json" phải là một đối tượng JSON { … } gồm các trường thiết lập.');
  });

  it('names the field and what it holds when a value has the wrong type', () => {
    expect(message('{ "signer": { "name": 12 } }')).toBe('Tệp thiết lập báo cáo "thiet-lap/bao-cao.json": trường "signer.name" (họ tên người ký) phải là chữ, đặt trong dấu nháy kép, đang là số 12.');
    expect(message('{ "recipients": "UBND tỉnh" }')).toBe('Tệp thiết lập báo cáo "thiet-lap/bao-cao.json": trường "recipients" (nơi nhận) phải là danh sách [ "…", "…" ], đang là chữ "UBND tỉnh".');
    expect(message('{ "recipients": ["UBND tỉnh", 3] }')).toBe('Tệp thiết lập báo cáo "thiet-lap/bao-cao.json": trường "recipients[1]" (nơi nhận, dòng thứ 2) phải là chữ, đặt trong dấu nháy kép, đang là số 3.');
  });

  it('refuses an empty symbol or office, and a font size outside 13–14', () => {
    expect(message('{ "symbol": "  " }')).toBe('Tệp thiết lập báo cáo "thiet-lap/bao-cao.json": trường "symbol" (ký hiệu văn bản) không được để trống.');
    expect(message('{ "issuingOffice": [] }')).toBe('Tệp thiết lập báo cáo "thiet-lap/bao-cao.json": trường "issuingOffice" (tên cơ quan ban hành) cần ít nhất 1 dòng.');
    expect(message('{ "fontSize": 12 }')).toBe('Tệp thiết lập báo cáo "thiet-lap/bao-cao.json": trường "fontSize" (cỡ chữ) phải từ 13 trở lên (đang là số 12).');
    expect(message('{ "fontSize": 16 }')).toBe('Tệp thiết lập báo cáo "thiet-lap/bao-cao.json": trường "fontSize" (cỡ chữ) phải nhỏ hơn hoặc bằng 14 (đang là số 16).');
  });

  it('lists the allowed ways to write the date, with what each means', () => {
    expect(message('{ "date": "day" }')).toBe(
      'Tệp thiết lập báo cáo "thiet-lap/bao-cao.json": trường "date" (cách ghi ngày tháng) phải là một trong: "blank" (chỉ ghi năm), "monthYear" (ghi tháng và năm, để trống ngày), "full" (ghi đủ ngày, tháng, năm); đang là chữ "day".',
    );
  });

  it('suggests the field meant when a name is misspelt, and lists the fields otherwise', () => {
    expect(message('{ "symbl": "BC" }')).toBe('Tệp thiết lập báo cáo "thiet-lap/bao-cao.json": trường "symbl" không có trong mẫu thiết lập; có phải là "symbol"?');
    expect(message('{ "signer": { "title": "GIÁM ĐỐC" } }')).toBe(
      'Tệp thiết lập báo cáo "thiet-lap/bao-cao.json": trường "title" trong trường "signer" không có trong mẫu thiết lập. Các trường dùng được: lines, name.',
    );
  });
});
