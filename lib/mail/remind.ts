// Who gets a reminder, from the facts of a consolidation: units with nothing usable (never sent, or
// sent a file that was rejected) and units whose kept file has errors. Pure; the CLI sends.
import type { IntakeRecord, UnitSubmission } from '../consolidate/types';
import { DEFAULT_REPORTING_RULES, type ReportingRules } from '../period/config';
import { describePeriod, isOnTime, type Period } from '../period/period';
import type { Unit } from '../roster/schema';
import type { Reminder } from './compose';
import { addressKey } from './message';

/** What a reminder needs to know of a consolidation (a `Consolidation` is one; so is a summary read back). */
export interface ReminderFacts {
  period: string;
  submissions: ReadonlyArray<Pick<UnitSubmission, 'unit' | 'received' | 'file' | 'errors'>>;
  intake: ReadonlyArray<Pick<IntakeRecord, 'file' | 'sha256' | 'status' | 'unit' | 'receivedAt' | 'receivedFrom' | 'reason' | 'issues'>>;
}

export interface PlanRemindersOptions {
  period: Period;
  units: readonly Unit[];
  /** Today in Vietnam, `YYYY-MM-DD`. */
  today: string;
  /** Before the due date, also remind the units that have not sent yet. */
  beforeDue?: boolean;
  rules?: ReportingRules;
}

export interface ReminderPlan {
  /** In roster order. */
  reminders: Reminder[];
  /** Units that have not sent, not reminded because the due date has not come (no --before-due). */
  notDueYet: string[];
}

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Whose unreadable file this is, when the workbook cannot say: the sender's address in the contacts,
 * else a file name that still carries the template's `<period>_<CODE>_` prefix. Supporting evidence only.
 */
function attribute(record: ReminderFacts['intake'][number], byAddress: ReadonlyMap<string, string>, period: string, known: ReadonlySet<string>): string | undefined {
  if (record.unit) return record.unit;
  const sender = record.receivedFrom ? byAddress.get(addressKey(record.receivedFrom)) : undefined;
  if (sender) return sender;
  const name = record.file.split(' › ').pop()?.split(/[\\/]/).pop() ?? '';
  const match = new RegExp(`^${period}_([A-Z0-9-]+)_`).exec(name);
  return match && known.has(match[1] as string) ? match[1] : undefined;
}

/**
 * The reminders a consolidation calls for: missing (after the due date, or before it with `beforeDue`),
 * rejected (the latest rejected file of a unit that has no usable one), errors (the kept file's errors).
 * @example planReminders(consolidation, { period, units: roster.units, today: '2026-12-12' }).reminders
 */
export function planReminders(facts: ReminderFacts, options: PlanRemindersOptions): ReminderPlan {
  const rules = options.rules ?? DEFAULT_REPORTING_RULES;
  const info = describePeriod(options.period, rules);
  const lastAllowed = rules.dueIsExclusive ? new Date(Date.parse(`${info.dueDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : info.dueDate;
  const overdue = !isOnTime(options.today, options.period, rules);
  const known = new Set(options.units.map((u) => u.code));
  const byAddress = new Map<string, string>();
  for (const unit of options.units) {
    for (const address of [unit.email, ...(unit.cc ?? [])]) if (address && !byAddress.has(addressKey(address))) byAddress.set(addressKey(address), unit.code);
  }
  const rejectedOf = new Map<string, ReminderFacts['intake'][number]>();
  for (const record of facts.intake) {
    if (record.status !== 'rejected') continue;
    const unit = attribute(record, byAddress, facts.period, known);
    if (!unit) continue;
    const before = rejectedOf.get(unit);
    if (!before || (record.receivedAt ?? '') >= (before.receivedAt ?? '')) rejectedOf.set(unit, record);
  }
  const submissionOf = new Map(facts.submissions.map((s) => [s.unit, s]));
  const reminders: Reminder[] = [];
  const notDueYet: string[] = [];
  for (const unit of options.units) {
    const submission = submissionOf.get(unit.code);
    if (submission?.received) {
      if (submission.errors === 0) continue;
      const kept = facts.intake.find((r) => r.file === submission.file && r.status !== 'rejected' && r.status !== 'superseded');
      if (!kept) continue;
      const issues = kept.issues.filter((i) => i.severity === 'error').map((i) => ({ sheet: i.sheet, cell: i.cell, message: i.message, code: i.code }));
      if (issues.length === 0) continue;
      reminders.push({ unit: unit.code, reason: { kind: 'errors', file: kept.file, sha256: kept.sha256, ...(kept.receivedAt ? { receivedAt: kept.receivedAt } : {}), issues } });
      continue;
    }
    const rejected = rejectedOf.get(unit.code);
    if (rejected) {
      reminders.push({
        unit: unit.code,
        reason: { kind: 'rejected', file: rejected.file, sha256: rejected.sha256, ...(rejected.receivedAt ? { receivedAt: rejected.receivedAt } : {}), code: rejected.reason?.code ?? '', message: rejected.reason?.message ?? 'Tệp không đọc được.' },
      });
    } else if (overdue) {
      reminders.push({ unit: unit.code, reason: { kind: 'missing', daysLate: Math.max(1, daysBetween(lastAllowed, options.today)) } });
    } else if (options.beforeDue) {
      reminders.push({ unit: unit.code, reason: { kind: 'notYetSent' } });
    } else {
      notDueYet.push(unit.code);
    }
  }
  return { reminders, notDueYet };
}
