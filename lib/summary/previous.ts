import { getCell } from '../model/sheet';
import { openWorkbook } from '../read/workbook';
import { ContainerError } from '../read/zip';
import { foldKey } from '../text/fold';
import type { FieldValue } from '../validate/check';
import { SUMMARY_SHEET_NAMES } from './build';
import { SUMMARY_HEADER_ROW, SUMMARY_STAMP_SHEET } from './xlsx';

export type PreviousSummary = { ok: true; period: string; values: Map<string, FieldValue> } | { ok: false; reason: string };

/** Reads last month's province values from a summary da06 wrote, by indicator key. */
export function readPreviousSummary(bytes: Uint8Array): PreviousSummary {
  try {
    const workbook = openWorkbook(bytes);
    if (!workbook.sheets.some((s) => s.name === SUMMARY_STAMP_SHEET)) return { ok: false, reason: 'tệp không phải báo cáo tổng hợp do da06 tạo' };
    const stamp = workbook.readSheet(SUMMARY_STAMP_SHEET);
    const period = String(getCell(stamp, 2, 2)?.value ?? '');
    if (!workbook.sheets.some((s) => s.name === SUMMARY_SHEET_NAMES.indicators)) return { ok: false, reason: `thiếu trang "${SUMMARY_SHEET_NAMES.indicators}"` };
    const sheet = workbook.readSheet(SUMMARY_SHEET_NAMES.indicators);
    const headers = new Map([...(sheet.rows.get(SUMMARY_HEADER_ROW) ?? new Map()).values()].map((c) => [foldKey(String(c.value ?? '')), c.col]));
    const keyCol = headers.get(foldKey('Mã'));
    const valueCol = headers.get(foldKey('Giá trị của tỉnh'));
    if (!keyCol || !valueCol) return { ok: false, reason: 'không tìm thấy cột "Mã" hoặc "Giá trị của tỉnh"' };
    const values = new Map<string, FieldValue>();
    for (const [row, cells] of sheet.rows) {
      if (row <= SUMMARY_HEADER_ROW) continue;
      const key = cells.get(keyCol)?.value;
      const value = cells.get(valueCol)?.value;
      if (typeof key === 'string') values.set(key, typeof value === 'number' || typeof value === 'string' ? value : null);
    }
    return { ok: true, period, values };
  } catch (error) {
    if (error instanceof ContainerError) return { ok: false, reason: `không đọc được tệp (${error.detail})` };
    throw error;
  }
}
