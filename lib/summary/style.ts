// How the summary looks, written once: the streamed .xlsx (lib/summary/xlsx.ts) and the add-in's
// Office.js writer (addin/src/office/write-summary.ts) both take their fonts, colours, number formats
// and row heights from here, so the two files cannot drift apart.
import { wrappedRowHeight } from '../_lib/row-height';
import type { ColumnFormat, SummaryColumn, Tone } from './model';

/** Rows 1–2 hold the title and subtitle, row 3 the column headers; data starts on row 4. */
export const SUMMARY_HEADER_ROW = 3;

export const SUMMARY_FONT = 'Times New Roman';

/** Point sizes: body and headers, title, page footer. */
export const SUMMARY_FONT_SIZE = { body: 11, title: 13, footer: 11 } as const;

/** Row heights in points of the frame rows. */
export const SUMMARY_ROW_HEIGHT = { title: 34, subtitle: 32, header: 42, line: 15 } as const;

/** Colours as RRGGBB. */
export const SUMMARY_COLOURS = {
  headerFill: 'D9E1F2',
  dataBar: '5B9BD5',
} as const;

export const TONE_COLOURS: Readonly<Record<Tone, { fill: string; font: string }>> = {
  bad: { fill: 'F8CBAD', font: '9C0006' },
  warn: { fill: 'FFEB9C', font: '9C5700' },
  good: { fill: 'C6EFCE', font: '006100' },
};

/** Excel number format codes (locale-neutral: Excel shows them with the reader's separators). */
export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string>> = {
  text: '@',
  integer: '#,##0',
  decimal: '#,##0.0##',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};

/** The header row's height: every header wrapped whole in its column (bold), never less than the usual 42 pt. */
export function headerRowHeight(columns: readonly SummaryColumn[]): number {
  return wrappedRowHeight(columns.map((c) => ({ text: c.header, width: c.width, size: SUMMARY_FONT_SIZE.body, bold: true })), SUMMARY_ROW_HEIGHT.header);
}
