import { DEFAULT_REPORTING_RULES, type ReportingRules } from './config';
import { formatDayMonthYear } from './format';
import { endOfMonth, isoDate, pad } from '../_lib/calendar';
import { requireIsoDate } from './_lib/date';

/** A monthly reporting period (kỳ báo cáo): month M of a year, `id` is `YYYY-MM`. */
export type Period = { readonly year: number; readonly month: number; readonly id: string };

/** A period with its data window and due date, all dates `YYYY-MM-DD`, texts in Vietnamese for the forms. */
export type PeriodDescription = {
  id: string;
  year: number;
  month: number;
  /** `Tháng 11 năm 2026` */
  label: string;
  cutoffStart: string;
  cutoffEnd: string;
  dueDate: string;
  /** `Hạn gửi: trước ngày 10/12/2026` */
  dueText: string;
  /** `Số liệu tính từ ngày 01/11/2026 đến ngày 30/11/2026` */
  cutoffText: string;
};

const PERIOD_ID = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Builds a period from its year and month (1–12); out-of-range parts are a programmer error.
 * @example createPeriod(2026, 11).id === '2026-11'
 */
export function createPeriod(year: number, month: number): Period {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Not a reporting period: year ${year}, month ${month}`);
  }
  return Object.freeze({ year, month, id: `${year}-${pad(month)}` });
}

/**
 * Reads a period id `YYYY-MM`; anything else (`2026-13`, `2026-1`, `abc`) gives null.
 * @example parsePeriod('2026-11') // { year: 2026, month: 11, id: '2026-11' }
 */
export function parsePeriod(text: string): Period | null {
  const match = PERIOD_ID.exec(text.trim());
  if (match === null || match[1] === undefined || match[2] === undefined) return null;
  const year = Number(match[1]);
  return year < 1000 ? null : createPeriod(year, Number(match[2]));
}

/**
 * The month after.
 * @example nextPeriod(createPeriod(2026, 12)).id === '2027-01'
 */
export function nextPeriod(period: Period): Period {
  return period.month === 12 ? createPeriod(period.year + 1, 1) : createPeriod(period.year, period.month + 1);
}

/**
 * The month before.
 * @example previousPeriod(createPeriod(2026, 1)).id === '2025-12'
 */
export function previousPeriod(period: Period): Period {
  return period.month === 1 ? createPeriod(period.year - 1, 12) : createPeriod(period.year, period.month - 1);
}

/**
 * Orders periods in time, for `Array.prototype.sort`: negative when `a` comes first.
 * @example [p2027, p2026].sort(comparePeriods) // [p2026, p2027]
 */
export function comparePeriods(a: Period, b: Period): number {
  return a.year * 12 + a.month - (b.year * 12 + b.month);
}

function assertRules(rules: ReportingRules): void {
  const day = rules.dueDayOfNextMonth;
  if (!Number.isInteger(day) || day < 1 || day > 28) {
    throw new RangeError(`dueDayOfNextMonth must be 1–28 so it exists in every month, got ${day}`);
  }
}

/**
 * The data window, due date and Vietnamese texts of a period under the given rules.
 * @example
 * describePeriod(createPeriod(2026, 11))
 * // { label: 'Tháng 11 năm 2026', cutoffStart: '2026-11-01', cutoffEnd: '2026-11-30', dueDate: '2026-12-10',
 * //   dueText: 'Hạn gửi: trước ngày 10/12/2026', cutoffText: 'Số liệu tính từ ngày 01/11/2026 đến ngày 30/11/2026', … }
 */
export function describePeriod(period: Period, rules: ReportingRules = DEFAULT_REPORTING_RULES): PeriodDescription {
  // Every file of a month asks for the same description: build it once per period and rules.
  const key = `${period.id}|${rules.cutoff}|${rules.dueDayOfNextMonth}|${rules.dueIsExclusive}`;
  let description = descriptions.get(key);
  if (description === undefined) {
    if (descriptions.size > 1_000) descriptions.clear();
    description = Object.freeze(buildDescription(period, rules));
    descriptions.set(key, description);
  }
  return description;
}

const descriptions = new Map<string, PeriodDescription>();

function buildDescription(period: Period, rules: ReportingRules): PeriodDescription {
  assertRules(rules);
  const { year, month } = period;
  const previous = previousPeriod(period);
  const next = nextPeriod(period);
  const cutoffStart =
    rules.cutoff === 'decree09' ? isoDate(previous.year, previous.month, 15) : isoDate(year, month, 1);
  const cutoffEnd = rules.cutoff === 'decree09' ? isoDate(year, month, 14) : endOfMonth(year, month);
  const dueDate = isoDate(next.year, next.month, rules.dueDayOfNextMonth);
  const dueWord = rules.dueIsExclusive ? 'trước ngày' : 'chậm nhất ngày';
  return {
    id: period.id,
    year,
    month,
    label: `Tháng ${month} năm ${year}`,
    cutoffStart,
    cutoffEnd,
    dueDate,
    dueText: `Hạn gửi: ${dueWord} ${formatDayMonthYear(dueDate)}`,
    cutoffText: `Số liệu tính từ ngày ${formatDayMonthYear(cutoffStart)} đến ngày ${formatDayMonthYear(cutoffEnd)}`,
  };
}

/**
 * Whether a report received on `receivedDate` (`YYYY-MM-DD`) meets the period's due date.
 * @example isOnTime('2026-12-09', createPeriod(2026, 11)) === true; isOnTime('2026-12-10', createPeriod(2026, 11)) === false
 */
export function isOnTime(receivedDate: string, period: Period, rules: ReportingRules = DEFAULT_REPORTING_RULES): boolean {
  requireIsoDate(receivedDate);
  const { dueDate } = describePeriod(period, rules);
  // ISO dates order as strings.
  return rules.dueIsExclusive ? receivedDate < dueDate : receivedDate <= dueDate;
}
