import { addDays, daysBetween, vietnamDate } from '../_lib/calendar';
import { isBlocking } from '../issues/issue';
import type { ReportingRules } from '../period/config';
import type { PeriodDescription } from '../period/period';
import type { Roster } from '../roster/roster';
import type { AssessedFile } from './assess';
import type { RateFigures, SubmissionState, UnitSubmission } from './types';

/** The latest rejected file of each unit it could be traced to, with its first blocking reason. */
function rejectedByUnit(files: readonly AssessedFile[]): Map<string, NonNullable<UnitSubmission['rejected']>> {
  const out = new Map<string, NonNullable<UnitSubmission['rejected']>>();
  for (const file of files) {
    if (!file.blocked || !file.unit) continue;
    const reason = file.issues.find((i) => isBlocking(i)) ?? file.issues[0];
    if (reason) out.set(file.unit, { file: file.name, code: reason.code, message: reason.message });
  }
  return out;
}

/**
 * Who reported, on time or late, for every unit of the roster. On time is a receipt, in Vietnam
 * time, on or before the last allowed day ("trước ngày 10": the 9th).
 */
export function submissionsOf(roster: Roster, kept: ReadonlyMap<string, AssessedFile>, files: readonly AssessedFile[], info: PeriodDescription, rules: ReportingRules): UnitSubmission[] {
  const lastAllowed = rules.dueIsExclusive ? addDays(info.dueDate, -1) : info.dueDate;
  const rejected = rejectedByUnit(files);
  return roster.units.map((unit) => {
    const contact = { ...(unit.focalPerson ? { focalPerson: unit.focalPerson } : {}), ...(unit.email ? { email: unit.email } : {}) };
    const file = kept.get(unit.code);
    if (!file) {
      const refused = rejected.get(unit.code);
      const state: SubmissionState = refused ? 'rejected' : 'missing';
      return { unit: unit.code, unitName: unit.name, kind: unit.kind, state, received: false, errors: 0, warnings: 0, ...(refused ? { rejected: refused } : {}), ...contact };
    }
    const day = file.receivedAt ? vietnamDate(file.receivedAt) : null;
    const daysLate = day ? Math.max(0, daysBetween(lastAllowed, day)) : undefined;
    const state: SubmissionState = daysLate === undefined ? (file.errors > 0 ? 'withErrors' : 'unknownTime') : daysLate > 0 ? 'late' : file.errors > 0 ? 'withErrors' : 'onTime';
    return {
      unit: unit.code,
      unitName: unit.name,
      kind: unit.kind,
      state,
      received: true,
      file: file.name,
      ...(file.receivedAt ? { receivedAt: file.receivedAt } : {}),
      receivedAtSource: file.receivedAtSource,
      ...(daysLate !== undefined ? { onTime: daysLate === 0, daysLate } : {}),
      errors: file.errors,
      warnings: file.warnings,
      ...contact,
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
