import type { Deadline } from '../catalog/schema';
import { DEFAULT_REPORTING_RULES, type ReportingRules } from './config';
import { describePeriod, type Period } from './period';

export const DEADLINE_STATUSES = ['notYetDue', 'dueThisPeriod', 'overdue', 'recurring', 'conditional'] as const;
export type DeadlineStatusKind = (typeof DEADLINE_STATUSES)[number];

/** Where a deadline stands in a period; `due` is the date it was measured against, null when none applies. */
export type DeadlineStatus = { status: DeadlineStatusKind; due: string | null };

/** Vietnamese labels for the status column of the forms and the summary. */
export const DEADLINE_STATUS_LABELS: Readonly<Record<DeadlineStatusKind, string>> = Object.freeze({
  notYetDue: 'Chưa đến hạn',
  dueThisPeriod: 'Đến hạn trong kỳ',
  overdue: 'Quá hạn',
  recurring: 'Thường xuyên',
  conditional: 'Theo điều kiện',
});

/**
 * Places a deadline against a period's data window: after it → notYetDue, inside → dueThisPeriod,
 * before it → overdue (whether the task is late depends on its reported status, which the caller knows).
 * A dueThenRecurring task becomes recurring once its due date is behind; milestones use the next one not yet passed.
 * @example
 * deadlineStatus(parseDeadline('Quý III/2026')!, createPeriod(2026, 9)) // { status: 'dueThisPeriod', due: '2026-09-30' }
 */
export function deadlineStatus(
  deadline: Deadline,
  period: Period,
  rules: ReportingRules = DEFAULT_REPORTING_RULES,
): DeadlineStatus {
  const { cutoffStart, cutoffEnd } = describePeriod(period, rules);
  // ISO dates order as strings.
  const against = (due: string): DeadlineStatus => ({
    status: due > cutoffEnd ? 'notYetDue' : due < cutoffStart ? 'overdue' : 'dueThisPeriod',
    due,
  });
  switch (deadline.kind) {
    case 'due':
      return against(deadline.due);
    case 'recurring':
      return { status: 'recurring', due: null };
    case 'dueThenRecurring':
      return deadline.due < cutoffStart ? { status: 'recurring', due: null } : against(deadline.due);
    case 'milestones': {
      const milestones = [...deadline.milestones].sort();
      const last = milestones[milestones.length - 1];
      if (last === undefined) throw new RangeError(`A milestones deadline needs at least one date: ${deadline.text}`);
      const next = milestones.find((milestone) => milestone >= cutoffStart);
      return next === undefined ? { status: 'overdue', due: last } : against(next);
    }
    case 'conditional':
      return deadline.due === undefined ? { status: 'conditional', due: null } : against(deadline.due);
  }
}

// A deadline's status depends only on the deadline, the period and the rules: computed once per month,
// not once per unit and per file (date parsing showed up in profiles of both).
const statusCache = new WeakMap<Deadline, Map<string, DeadlineStatus>>();

/** deadlineStatus, remembered per deadline object and period. */
export function cachedDeadlineStatus(deadline: Deadline, period: Period, rules: ReportingRules = DEFAULT_REPORTING_RULES): DeadlineStatus {
  let byPeriod = statusCache.get(deadline);
  if (!byPeriod) statusCache.set(deadline, (byPeriod = new Map()));
  const key = `${period.id}|${rules.cutoff}|${rules.dueDayOfNextMonth}|${rules.dueIsExclusive}`;
  let status = byPeriod.get(key);
  if (!status) byPeriod.set(key, (status = deadlineStatus(deadline, period, rules)));
  return status;
}
