// The secretariat's settings for the báo cáo: who issues it, its symbol, recipients and signer.
// A JSON file they edit; any field left out keeps the default of seeds/report-settings.json.
import { z } from 'zod';
import defaults from '../../seeds/report-settings.json';
import { foldKey } from '../text/fold';

const line = z.string().trim().min(1);

export const reportSettingsSchema = z.strictObject({
  /** Free text: where the file comes from, who changed it. */
  note: z.string(),
  /** Cơ quan chủ quản, upright capitals, one entry per printed line (may be empty). */
  issuingBody: z.array(line),
  /** Cơ quan ban hành, bold capitals, one entry per printed line. */
  issuingOffice: z.array(line).min(1),
  /** Ký hiệu after the number: `BC-CAT-PV06` gives `Số:      /BC-CAT-PV06`. */
  symbol: line,
  /** Địa danh before the date: `Thanh Hóa, ngày … tháng … năm …`. */
  place: line,
  /** How much of the date the draft fills: the year only, month and year, or the whole issue date. */
  date: z.enum(['blank', 'monthYear', 'full']),
  /** Who speaks in the body (`Công an tỉnh (Cơ quan Thường trực …)`). */
  reporter: line,
  /** The plan as the opening sentence cites it. */
  planReference: line,
  /** The subject line under BÁO CÁO; `{tháng}` becomes `tháng 11/2026` (appended when absent). */
  subject: line,
  /** Nơi nhận, one recipient per line; the writer adds the dashes and the closing punctuation. */
  recipients: z.array(line),
  /** `VT, PV06` gives the last line `- Lưu: VT, PV06.`; empty leaves it out. */
  archive: z.string().trim(),
  signer: z.strictObject({
    /** `KT. GIÁM ĐỐC`, `PHÓ GIÁM ĐỐC`: bold capitals above the signature. */
    lines: z.array(line).min(1),
    /** Printed under the signature; empty leaves the line for the signer to write. */
    name: z.string().trim(),
  }),
  /** Body text size, 13 or 14 pt (Nghị định 30). */
  fontSize: z.number().int().min(13).max(14),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

/** The settings of seeds/report-settings.json, checked when the module loads. */
export const DEFAULT_REPORT_SETTINGS: Readonly<ReportSettings> = Object.freeze(reportSettingsSchema.parse(defaults));

const FIELD_LABELS: Readonly<Record<string, string>> = {
  note: 'ghi chú',
  issuingBody: 'tên cơ quan chủ quản',
  issuingOffice: 'tên cơ quan ban hành',
  symbol: 'ký hiệu văn bản',
  place: 'địa danh',
  date: 'cách ghi ngày tháng',
  reporter: 'cơ quan báo cáo',
  planReference: 'trích dẫn kế hoạch',
  subject: 'trích yếu',
  recipients: 'nơi nhận',
  archive: 'nơi lưu',
  signer: 'người ký',
  'signer.lines': 'chức vụ người ký',
  'signer.name': 'họ tên người ký',
  fontSize: 'cỡ chữ',
};

const DATE_MODES: Readonly<Record<ReportSettings['date'], string>> = {
  blank: 'chỉ ghi năm',
  monthYear: 'ghi tháng và năm, để trống ngày',
  full: 'ghi đủ ngày, tháng, năm',
};

export type ParseReportSettingsResult = { ok: true; settings: ReportSettings } | { ok: false; message: string };

/**
 * Reads the settings file's text; fields left out keep their defaults. A wrong file gives one Vietnamese
 * message naming the file and the field, never a thrown error.
 * @example parseReportSettings('{"symbol": "BC-CAT"}', 'bao-cao.json') // { ok: true, settings: { …defaults, symbol: 'BC-CAT' } }
 */
export function parseReportSettings(text: string, fileName: string): ParseReportSettingsResult {
  const where = `Tệp thiết lập báo cáo "${fileName}"`;
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `${where} không phải JSON hợp lệ${jsonPosition(text, error)}. Kiểm tra dấu ngoặc, dấu phẩy và dấu nháy kép "…" quanh mỗi chữ.` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, message: `${where} phải là một đối tượng JSON { … } gồm các trường thiết lập.` };
  }
  const given = data as Record<string, unknown>;
  const signer = typeof given.signer === 'object' && given.signer !== null && !Array.isArray(given.signer) ? { ...DEFAULT_REPORT_SETTINGS.signer, ...(given.signer as object) } : given.signer;
  const merged = { ...DEFAULT_REPORT_SETTINGS, ...given, ...(given.signer === undefined ? {} : { signer }) };
  const result = reportSettingsSchema.safeParse(merged);
  if (result.success) return { ok: true, settings: result.data };
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  return { ok: false, message: `${where}: ${describeIssue(issue, merged)}` };
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function fieldName(path: readonly PropertyKey[]): string {
  const key = path.filter((p) => typeof p === 'string').join('.');
  const label = FIELD_LABELS[key];
  const item = typeof path[path.length - 1] === 'number' ? `, dòng thứ ${(path[path.length - 1] as number) + 1}` : '';
  return `trường "${pathText(path)}"${label ? ` (${label}${item})` : ''}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const p of path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[p] : undefined;
  return value;
}

function kindOf(value: unknown): string {
  if (value === undefined || value === null) return 'để trống';
  if (Array.isArray(value)) return 'là danh sách';
  if (typeof value === 'number') return `là số ${String(value)}`;
  if (typeof value === 'string') return `là chữ "${value}"`;
  if (typeof value === 'boolean') return `là ${value ? 'true' : 'false'}`;
  return 'là một đối tượng';
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'phải là chữ, đặt trong dấu nháy kép',
  array: 'phải là danh sách [ "…", "…" ]',
  object: 'phải là một đối tượng { … }',
  number: 'phải là số',
};

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const field = fieldName(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return `${field} ${EXPECTED[issue.expected] ?? `phải có kiểu ${issue.expected}`}, đang ${kindOf(valueAt(data, issue.path))}.`;
    case 'too_small':
      if (issue.origin === 'string') return `${field} không được để trống.`;
      if (issue.origin === 'array') return `${field} cần ít nhất ${String(issue.minimum)} dòng.`;
      return `${field} phải từ ${String(issue.minimum)} trở lên (đang ${kindOf(valueAt(data, issue.path))}).`;
    case 'too_big':
      return `${field} phải nhỏ hơn hoặc bằng ${String(issue.maximum)} (đang ${kindOf(valueAt(data, issue.path))}).`;
    case 'invalid_value': {
      const options = issue.values.map((v) => `"${String(v)}"${typeof v === 'string' && v in DATE_MODES ? ` (${DATE_MODES[v as ReportSettings['date']]})` : ''}`);
      return `${field} phải là một trong: ${options.join(', ')}; đang ${kindOf(valueAt(data, issue.path))}.`;
    }
    case 'unrecognized_keys': {
      const known = Object.keys(valueAt(DEFAULT_REPORT_SETTINGS, issue.path) as object);
      const key = issue.keys[0] as string;
      const near = known.find((k) => foldKey(k) === foldKey(key)) ?? known.find((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
      const inside = issue.path.length ? ` trong trường "${pathText(issue.path)}"` : '';
      return `trường "${key}"${inside} không có trong mẫu thiết lập${near ? `; có phải là "${near}"?` : `. Các trường dùng được: ${known.join(', ')}.`}`;
    }
    default:
      return `${field} không hợp lệ.`;
  }
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= b.length; j += 1) {
      next[j] = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length] as number;
}

/** ` (dòng 3, cột 5)` from the parser's message, where it gives a position. */
function jsonPosition(text: string, error: unknown): string {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!match) return '';
  const before = text.replace(/^\uFEFF/, '').slice(0, Number(match[1]));
  const lines = before.split('\n');
  return ` (dòng ${lines.length}, cột ${(lines[lines.length - 1] as string).length + 1})`;
}
