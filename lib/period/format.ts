import { format } from 'date-fns/format';
import { isoDate as calendarDate } from '../_lib/calendar';
import { dateFromParts, requireIsoDate } from './_lib/date';

export type FormatDocumentDateOptions = {
  /** Place name written before the date, as in a document's heading (`Thanh Hóa, ngày …`). */
  place?: string;
};

/**
 * A date as Nghị định 30/2020/NĐ-CP writes it: days below 10 and months 1–2 zero-padded, other months not.
 * @example
 * formatDocumentDate('2026-02-05') === 'ngày 05 tháng 02 năm 2026'
 * formatDocumentDate('2026-07-10', { place: 'Thanh Hóa' }) === 'Thanh Hóa, ngày 10 tháng 7 năm 2026'
 */
export function formatDocumentDate(isoDate: string, options: FormatDocumentDateOptions = {}): string {
  const date = requireIsoDate(isoDate);
  // NĐ 30 pads only where a digit written in front would make another valid date (1 → 11, 2 → 12).
  const month = date.getMonth() < 2 ? format(date, 'MM') : format(date, 'M');
  const text = `ngày ${format(date, 'dd')} tháng ${month} năm ${format(date, 'yyyy')}`;
  const place = options.place?.trim();
  return place ? `${place}, ${text}` : text;
}

/**
 * A date as `dd/MM/yyyy`, the short form used in tables and notes.
 * @example formatDayMonthYear('2026-12-10') === '10/12/2026'
 */
export function formatDayMonthYear(isoDate: string): string {
  requireIsoDate(isoDate);
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

const DAY_MONTH_YEAR = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Reads `dd/MM/yyyy` or `d/M/yyyy` typed by a person; null for anything else or a day that does not exist.
 * @example parseDayMonthYear('1/7/2026') === '2026-07-01'; parseDayMonthYear('31/02/2026') === null
 */
export function parseDayMonthYear(text: string): string | null {
  const trimmed = text.trim();
  // A four-digit year only: `1/7/26` is not read as the year 26.
  const match = DAY_MONTH_YEAR.exec(trimmed);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return dateFromParts(year, month, day) ? calendarDate(year, month, day) : null;
}

const NUMBER_FORMAT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 10 });

/**
 * A number as a Vietnamese document writes it: decimal comma, dot between thousands.
 * @example formatNumber(27.5) === '27,5'; formatNumber(1500) === '1.500'
 */
export function formatNumber(value: number): string {
  return NUMBER_FORMAT.format(value);
}

/**
 * A rate 0–1 as a Vietnamese percentage with one decimal: `85,5%`, `100%`.
 * @example formatPercent(0.855) === '85,5%'
 */
export function formatPercent(rate: number): string {
  return `${formatNumber(Math.round(rate * 1000) / 10)}%`;
}
