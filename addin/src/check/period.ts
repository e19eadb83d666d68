import { DEFAULT_REPORTING_RULES, type ReportingRules } from '../../../lib/period/config';
import { comparePeriods, createPeriod, describePeriod, parsePeriod, previousPeriod, type Period } from '../../../lib/period/period';

/** A day as `YYYY-MM-DD` in the user's own calendar (Vietnam for the province's machines). */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The period units are reporting on, on a given day: the earliest one whose due date has not passed.
 * On 3 Dec 2026 that is November (due before 10 Dec); from 10 Dec it is December.
 */
export function reportingPeriodOn(day: string, rules: ReportingRules = DEFAULT_REPORTING_RULES): Period {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const previous = previousPeriod(createPeriod(year, month));
  const due = describePeriod(previous, rules).dueDate;
  const open = rules.dueIsExclusive ? day < due : day <= due;
  return open ? previous : createPeriod(year, month);
}

export type PeriodStanding = { kind: 'current' | 'future' } | { kind: 'past'; current: Period; dueDate: string };

/** Whether a workbook's period is the one being reported now, a later one, or an earlier (last month's) one. */
export function periodStanding(periodId: string, day: string, rules: ReportingRules = DEFAULT_REPORTING_RULES): PeriodStanding | null {
  const period = parsePeriod(periodId);
  if (!period) return null;
  const current = reportingPeriodOn(day, rules);
  const order = comparePeriods(period, current);
  if (order === 0) return { kind: 'current' };
  if (order > 0) return { kind: 'future' };
  return { kind: 'past', current, dueDate: describePeriod(period, rules).dueDate };
}
