import { monthList, monthText } from '../history/format';
import { IGNORED_REASON_LABELS, type History } from '../history/types';
import type { OpenWorkbookOptions } from '../read/workbook';
import type { SummaryFacts } from '../summary/facts';
import { readSummary } from '../summary/read';

/** One file of the archive of past summaries: its facts, or why it is passed over (noted, not an error). */
export type ArchiveEntry = { ok: true; facts: SummaryFacts } | { ok: false; reason: string };

/**
 * One file of the archive, the same rule for a folder (`--history`) and for files picked in the pane: an
 * Excel lock file, a file that could not be read (`bytes` null) and a workbook that is no da06 summary are
 * passed over with their reason; a summary is recognised by its content, whatever its name.
 * @example readArchiveEntry('~$tong-hop.xlsx', bytes) // { ok: false, reason: 'tệp khóa tạm của Excel (~$…), không phải báo cáo' }
 */
export function readArchiveEntry(name: string, bytes: Uint8Array | null, options: Pick<OpenWorkbookOptions, 'codec'> = {}): ArchiveEntry {
  if (name.startsWith('~$')) return { ok: false, reason: 'tệp khóa tạm của Excel (~$…), không phải báo cáo' };
  if (bytes === null) return { ok: false, reason: 'không mở được tệp (không có quyền đọc hoặc tệp đang bị khóa)' };
  const read = readSummary(bytes, options);
  return read.ok ? { ok: true, facts: read.facts } : { ok: false, reason: read.reason };
}

/** Past this many, files that are not summaries are counted rather than listed. */
const LISTED = 10;

/**
 * What the shells tell the user about the archive a history was built from: the months used and missing,
 * summaries replaced by a later one of the same month or set aside, files that are no summary (not an error).
 * @example historyNotes(history, archive.skipped, 'luu-tru') // ['Lịch sử các tháng (luu-tru): …', …]
 */
export function historyNotes(history: History, skipped: ReadonlyArray<{ file: string; reason: string }>, folder: string): string[] {
  const used = history.months.filter((m) => m.source === 'archive').map((m) => m.period);
  const lines = [
    `Lịch sử các tháng (${folder}): ${used.length > 0 ? `dùng báo cáo tổng hợp ${monthList(used)}` : 'không có báo cáo tổng hợp nào của các tháng trước trong năm'}` +
      `${history.missing.length > 0 ? `; chưa có ${monthList(history.missing)} (để trống, không suy đoán)` : ''}.`,
  ];
  for (const x of history.ignored) {
    const name = x.file ?? `bản tổng hợp ${monthText(x.period)}`;
    if (x.reason === 'superseded') lines.push(`  ${name}: không dùng, đã có bản tổng hợp ${monthText(x.period)} lập sau${x.usedInstead?.file ? ` (${x.usedInstead.file})` : ''}.`);
    else lines.push(`  ${name}: không dùng (${IGNORED_REASON_LABELS[x.reason].toLocaleLowerCase('vi')}${x.newerThanCurrent ? '; bản này lập sau bản đang dùng, hãy kiểm tra' : ''}).`);
  }
  for (const s of skipped.slice(0, LISTED)) lines.push(`  ${s.file}: bỏ qua, ${s.reason}.`);
  if (skipped.length > LISTED) lines.push(`  … và ${skipped.length - LISTED} tệp .xlsx khác không phải báo cáo tổng hợp.`);
  return lines;
}
