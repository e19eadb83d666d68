// Until the summary reader lands in lib/app/, `da06 remind --from tong-hop.xlsx` recovers what it needs
// from two sheets of a summary da06 wrote: "Nộp báo cáo" (who sent, the kept file, its error count) and
// "Nhật ký tiếp nhận" (every file with its status, reason, sender and issues). One function, to swap.
import { ISSUE_CATALOG, type IssueCode } from '../issues/catalog';
import { INTAKE_STATUS_LABELS, type IntakeStatus } from '../consolidate/types';
import type { ReminderFacts } from '../mail/remind';
import { getCell, type SheetModel } from '../model/sheet';
import { openWorkbook } from '../read/workbook';
import { ContainerError } from '../read/zip';
import { foldKey } from '../text/fold';
import { SUMMARY_SHEET_NAMES } from './build';
import { SUMMARY_HEADER_ROW, SUMMARY_STAMP_SHEET } from './xlsx';

export type ReadReminderFactsResult = { ok: true; facts: ReminderFacts } | { ok: false; reason: string };

const STATUS_BY_LABEL = new Map(Object.entries(INTAKE_STATUS_LABELS).map(([code, label]) => [foldKey(label), code as IntakeStatus]));

function columns(sheet: SheetModel): Map<string, number> {
  return new Map([...(sheet.rows.get(SUMMARY_HEADER_ROW) ?? new Map()).values()].map((c) => [foldKey(String(c.value ?? '')), c.col]));
}

const text = (sheet: SheetModel, row: number, col: number | undefined): string => {
  const value = col === undefined ? undefined : getCell(sheet, row, col)?.value;
  return value === null || value === undefined || typeof value === 'object' ? '' : String(value);
};

/** `08/12/2026 09:15` back to `2026-12-08T09:15:00+07:00` (the summary writes Vietnam time). */
function isoFromWall(value: string): string | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2})$/.exec(value.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}T${m[4]}:${m[5]}:00+07:00` : undefined;
}

/** `[Biểu 01 - Chỉ tiêu!H12] Giá trị 150 … (cell/out-of-range)`, one per line, as the intake log lists them. */
function parseIssues(value: string): ReminderFacts['intake'][number]['issues'] {
  const issues: ReminderFacts['intake'][number]['issues'] = [];
  for (const line of value.split('\n')) {
    const m = /^(?:\[([^\]!]+)(?:!([A-Z]+\d+))?\] )?(.*) \(([a-z]+\/[a-z0-9-]+)\)$/.exec(line.trim());
    if (!m || !(m[4] as string in ISSUE_CATALOG)) continue;
    const code = m[4] as IssueCode;
    issues.push({ code, severity: ISSUE_CATALOG[code].severity, sheet: m[1] ?? null, cell: m[2] ?? null, message: m[3] as string });
  }
  return issues;
}

/**
 * The facts a reminder needs, read back from a province summary written by da06 consolidate.
 * @example const read = readReminderFacts(bytes); if (read.ok) planReminders(read.facts, options);
 */
export function readReminderFacts(bytes: Uint8Array): ReadReminderFactsResult {
  try {
    const workbook = openWorkbook(bytes, { maxCells: 2_000_000 });
    const names = new Set(workbook.sheets.map((s) => s.name));
    if (!names.has(SUMMARY_STAMP_SHEET)) return { ok: false, reason: 'tệp không phải báo cáo tổng hợp do da06 tạo' };
    for (const name of [SUMMARY_SHEET_NAMES.submissions, SUMMARY_SHEET_NAMES.intake]) if (!names.has(name)) return { ok: false, reason: `thiếu trang "${name}"` };
    const period = text(workbook.readSheet(SUMMARY_STAMP_SHEET), 2, 2);
    const sub = workbook.readSheet(SUMMARY_SHEET_NAMES.submissions);
    const sc = columns(sub);
    const need = (map: Map<string, number>, label: string, sheet: string) => {
      const col = map.get(foldKey(label));
      if (col === undefined) throw new SummaryShapeError(`trang "${sheet}" không có cột "${label}"`);
      return col;
    };
    const [code, status, file, errors] = ['Mã đơn vị', 'Tình trạng', 'Tệp được tổng hợp', 'Số lỗi'].map((l) => need(sc, l, sub.name));
    const submissions: Array<ReminderFacts['submissions'][number]> = [];
    for (const row of [...sub.rows.keys()].sort((a, b) => a - b)) {
      if (row <= SUMMARY_HEADER_ROW || !text(sub, row, code)) continue;
      const received = foldKey(text(sub, row, status)) === foldKey('Đã gửi');
      submissions.push({ unit: text(sub, row, code), received, ...(received ? { file: text(sub, row, file) } : {}), errors: Number(text(sub, row, errors)) || 0 });
    }
    const log = workbook.readSheet(SUMMARY_SHEET_NAMES.intake);
    const lc = columns(log);
    const [lFile, lSha, lStatus, lUnit, lAt, lFrom, lCode, lReason, lIssues] = ['Tệp', 'SHA-256', 'Trạng thái', 'Mã đơn vị', 'Thời điểm nhận', 'Người gửi', 'Mã lý do', 'Lý do từ chối', 'Các vấn đề'].map((l) => need(lc, l, log.name));
    const intake: ReminderFacts['intake'][number][] = [];
    for (const row of [...log.rows.keys()].sort((a, b) => a - b)) {
      if (row <= SUMMARY_HEADER_ROW) continue;
      const recordStatus = STATUS_BY_LABEL.get(foldKey(text(log, row, lStatus)));
      if (!recordStatus) continue; // "Ghi nhận": an e-mail or a note, not a file
      const reasonCode = text(log, row, lCode);
      const receivedAt = isoFromWall(text(log, row, lAt));
      intake.push({
        file: text(log, row, lFile),
        sha256: text(log, row, lSha),
        status: recordStatus,
        ...(text(log, row, lUnit) ? { unit: text(log, row, lUnit) } : {}),
        ...(receivedAt ? { receivedAt } : {}),
        ...(text(log, row, lFrom) ? { receivedFrom: text(log, row, lFrom) } : {}),
        ...(reasonCode in ISSUE_CATALOG ? { reason: { code: reasonCode as IssueCode, message: text(log, row, lReason) } } : {}),
        issues: parseIssues(text(log, row, lIssues)),
      });
    }
    return { ok: true, facts: { period, submissions, intake } };
  } catch (error) {
    if (error instanceof ContainerError) return { ok: false, reason: `không đọc được tệp (${error.detail})` };
    if (error instanceof SummaryShapeError) return { ok: false, reason: error.message };
    throw error;
  }
}

class SummaryShapeError extends Error {}
