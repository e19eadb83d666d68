import { addDays, daysBetween, vietnamDate } from '../_lib/calendar';
import type { ReportingRules } from '../period/config';
import type { PeriodDescription } from '../period/period';
import type { Roster } from '../roster/roster';
import type { AssessedFile } from './assess';
import type { RateFigures, UnitSubmission } from './types';

/**
 * Who reported, on time or late, for every unit of the roster. On time is a receipt, in Vietnam
 * time, on or before the last allowed day ("trước ngày 10": the 9th).
 */
export function submissionsOf(roster: Roster, kept: ReadonlyMap<string, AssessedFile>, info: PeriodDescription, rules: ReportingRules): UnitSubmission[] {
  const lastAllowed = rules.dueIsExclusive ? addDays(info.dueDate, -1) : info.dueDate;
  return roster.units.map((unit) => {
    const file = kept.get(unit.code);
    if (!file) return { unit: unit.code, unitName: unit.name, kind: unit.kind, received: false, errors: 0, warnings: 0 };
    const day = file.receivedAt ? vietnamDate(file.receivedAt) : null;
    const daysLate = day ? Math.max(0, daysBetween(lastAllowed, day)) : undefined;
    return {
      unit: unit.code,
      unitName: unit.name,
      kind: unit.kind,
      received: true,
      file: file.name,
      ...(file.receivedAt ? { receivedAt: file.receivedAt } : {}),
      receivedAtSource: file.receivedAtSource,
      ...(daysLate !== undefined ? { onTime: daysLate === 0, daysLate } : {}),
      errors: file.errors,
      warnings: file.warnings,
    };
  });
}

/** Reporting rate = received ÷ expected, on-time rate = on time ÷ expected (DHIS2's definitions). */
export function rates(units: readonly UnitSubmission[]): RateFigures {
  const expected = units.length;
  const received = units.filter((u) => u.received).length;
  const onTime = units.filter((u) => u.onTime).length;
  return { expected, received, onTime, reportingRate: expected ? received / expected : 0, onTimeRate: expected ? onTime / expected : 0 };
}
