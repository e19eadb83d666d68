import { getCell } from '../model/sheet';
import type { WorkbookSource } from '../read/submission';
import { openWorkbook, SheetLimitError, type OpenWorkbookOptions } from '../read/workbook';
import { ContainerError, type ZipCodec } from '../read/zip';
import { factsFromStamp, SUMMARY_MARKER, SUMMARY_STAMP_SHEET, type ReadStamp } from './facts';

/** The stamp sheet's rows as key → value (column A → B), or null when there is no such sheet. */
function stampOf(source: WorkbookSource): Map<string, unknown> | null {
  // Recognised by its content: the stamp sheet under its own name, else any hidden sheet that starts with the marker.
  const candidates = [...source.sheets].sort((a, b) => Number(b.name === SUMMARY_STAMP_SHEET) - Number(a.name === SUMMARY_STAMP_SHEET)).filter((s) => s.state !== 'visible');
  for (const info of candidates) {
    const sheet = source.readSheet(info.name);
    if (getCell(sheet, 1, 1)?.value !== SUMMARY_MARKER) continue;
    const rows = new Map<string, unknown>();
    for (const [row] of sheet.rows) {
      const key = getCell(sheet, row, 1)?.value;
      if (typeof key === 'string') rows.set(key, getCell(sheet, row, 2)?.value ?? null);
    }
    return rows;
  }
  return null;
}

/** The facts a summary carries, from any workbook source (a file's zip, the workbook open in Excel). */
export function readSummarySource(source: WorkbookSource, codec?: ZipCodec): ReadStamp {
  const rows = stampOf(source);
  return rows ? factsFromStamp(rows, codec) : { ok: false, reason: 'tệp không phải báo cáo tổng hợp do da06 tạo' };
}

/**
 * Reads back the month a da06 summary recorded (everything but the Dữ liệu records), by its content.
 * Never throws on a bad file: an unreadable one gives its reason in Vietnamese.
 * @example const read = readSummary(bytes); if (read.ok) read.facts.submissions
 */
export function readSummary(bytes: Uint8Array, options: Pick<OpenWorkbookOptions, 'codec'> = {}): ReadStamp {
  try {
    return readSummarySource(openWorkbook(bytes, options), options.codec);
  } catch (error) {
    if (error instanceof ContainerError) return { ok: false, reason: `không đọc được tệp (${error.detail})` };
    if (error instanceof SheetLimitError) return { ok: false, reason: `trang "${error.sheet}" có quá nhiều ô` };
    throw error;
  }
}
