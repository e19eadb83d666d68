import { vietnamDay } from '../_lib/calendar';
import { DEFAULT_REPORTING_RULES, type ReportingRules } from '../period/config';
import { comparePeriods, createPeriod, describePeriod, parsePeriod, previousPeriod, type Period } from '../period/period';

/**
 * The period units are reporting on at a moment, in Vietnam time whatever the machine's zone: the
 * earliest one whose due date has not passed. On 3 Dec 2026 that is November (due before 10 Dec);
 * from 10 Dec it is December. The CLI's defaults and the add-in's period picker both start here.
 * @example reportingPeriodOn(new Date('2026-12-03T10:00:00+07:00')).id === '2026-11'
 */
export function reportingPeriodOn(now: Date, rules: ReportingRules = DEFAULT_REPORTING_RULES): Period {
  const day = vietnamDay(now);
  const [year, month] = day.split('-').map(Number) as [number, number];
  const previous = previousPeriod(createPeriod(year, month));
  const due = describePeriod(previous, rules).dueDate;
  const open = rules.dueIsExclusive ? day < due : day <= due;
  return open ? previous : createPeriod(year, month);
}

export type PeriodStanding = { kind: 'current' | 'future' } | { kind: 'past'; current: Period; dueDate: string };

/** Whether a workbook's period is the one being reported now, a later one, or an earlier (last month's) one. */
export function periodStanding(periodId: string, now: Date, rules: ReportingRules = DEFAULT_REPORTING_RULES): PeriodStanding | null {
  const period = parsePeriod(periodId);
  if (!period) return null;
  const current = reportingPeriodOn(now, rules);
  const order = comparePeriods(period, current);
  if (order === 0) return { kind: 'current' };
  if (order > 0) return { kind: 'future' };
  return { kind: 'past', current, dueDate: describePeriod(period, rules).dueDate };
}
