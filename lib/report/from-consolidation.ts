// The month's consolidation as ReportInput: every figure taken from the same data the summary
// workbook shows, so the report and the workbook agree. Trends come from the history, when given.
import { toVietnamIso, vietnamDate } from '../_lib/calendar';
import { countConsolidation, INDICATOR_COUNT_KEYS } from '../consolidate/counts';
import type { Consolidation, ConcernGroup as MergedConcernGroup, IndicatorSummary, TaskSummary, UnitSubmission } from '../consolidate/types';
import { DEFAULT_REPORTING_RULES, type ReportingRules } from '../period/config';
import { describePeriod, nextPeriod, parsePeriod, type Period } from '../period/period';
import type { UnitKind } from '../roster/schema';
import type {
  ConcernGroup,
  IndicatorDisagreement,
  IndicatorLine,
  IndicatorTableRow,
  IndicatorStatus,
  LateUnit,
  RejectedUnit,
  ReportInput,
  ReportingRow,
  ReportNote,
  ReportPeriod,
  ReportRates,
  ReportTrends,
  TaskLine,
  TasksByLead,
  UnitRef,
} from './model';
import { unitName } from './sentences';

export interface ReportInputFromConsolidationOptions {
  /** The rules the consolidation used (for next month's due date and the "trước ngày" wording). */
  rules?: ReportingRules;
  /** The draft's date, `YYYY-MM-DD`; the Vietnam day of the consolidation by default. */
  issueDate?: string;
  /** What the history of months adds; without it the report says it has no history. */
  trends?: ReportTrends;
}

function reportPeriod(period: Period, rules: ReportingRules): ReportPeriod {
  const d = describePeriod(period, rules);
  return { id: d.id, year: d.year, month: d.month, label: d.label, cutoffStart: d.cutoffStart, cutoffEnd: d.cutoffEnd, dueDate: d.dueDate, dueIsExclusive: rules.dueIsExclusive };
}

/** One group's counts and rates, the same way for this month and (from the history) the month before. */
export function ratesOf(subs: readonly UnitSubmission[], rates: { reportingRate: number; onTimeRate: number }): ReportRates {
  const received = subs.filter((s) => s.received);
  return {
    expected: subs.length,
    received: received.length,
    onTime: received.filter((s) => s.onTime === true).length,
    late: received.filter((s) => s.onTime === false).length,
    timeUnknown: received.filter((s) => s.onTime === undefined).length,
    missing: subs.length - received.length,
    reportingRate: rates.reportingRate,
    onTimeRate: rates.onTimeRate,
  };
}

const ref = (s: { unit: string; unitName: string; kind: UnitKind }): UnitRef => ({ code: s.unit, name: s.unitName, kind: s.kind });

function groupByLead(tasks: readonly TaskLine[]): TasksByLead[] {
  const groups = new Map<string, TaskLine[]>();
  for (const task of tasks) groups.set(task.lead, [...(groups.get(task.lead) ?? []), task]);
  return [...groups].map(([lead, list]) => ({ lead, tasks: list }));
}

/** The merger's concern groups of one kind, by task in the plan's order (general ones first), most units first. */
function concernGroups(groups: readonly MergedConcernGroup[], kind: MergedConcernGroup['kind'], taskNames: ReadonlyMap<string, string>, units: ReadonlyMap<string, UnitRef>): ConcernGroup[] {
  const order = [null, ...taskNames.keys()];
  const mine = groups.filter((g) => g.kind === kind);
  return order
    .filter((task) => mine.some((g) => g.task === task))
    .map((task) => ({
      task: task === null ? null : { key: task, name: taskNames.get(task) as string },
      items: mine
        .filter((g) => g.task === task)
        .sort((a, b) => b.units.length - a.units.length)
        .map((g) => ({ text: g.text, units: g.units.map((u) => units.get(u.unit) ?? { code: u.unit, name: u.unitName, kind: 'department' as const }) })),
    }));
}

/**
 * The report's input for a consolidated month: figures, named lists, tasks, proposals and the appendix
 * tables, all from the consolidation; the history's findings come in `options.trends`.
 * @example const input = reportInputFromConsolidation(consolidate(items, options));
 */
export function reportInputFromConsolidation(c: Omit<Consolidation, 'data'>, options: ReportInputFromConsolidationOptions = {}): ReportInput {
  const rules = options.rules ?? DEFAULT_REPORTING_RULES;
  const period = parsePeriod(c.period);
  if (!period) throw new Error(`Not a period id: ${c.period}`);
  const trends = options.trends;
  const asOf = vietnamDate(c.generatedAt) ?? c.cutoffEnd;
  const units = new Map(c.submissions.map((s) => [s.unit, ref(s)]));
  const display = (code: string | null) => (code ? (units.has(code) ? unitName(units.get(code) as UnitRef) : code) : null);
  const ofKind = (kind: UnitKind) => c.submissions.filter((s) => s.kind === kind);

  // Reporting.
  const missing = c.submissions.filter((s) => !s.received).map(ref);
  const late: LateUnit[] = c.submissions.filter((s) => s.received && s.onTime === false).map((s) => ({ ...ref(s), daysLate: s.daysLate ?? null }));
  const rejected: RejectedUnit[] = c.submissions.filter((s) => s.state === 'rejected').map((s) => ({ ...ref(s), file: s.rejected?.file ?? '', reason: s.rejected?.message ?? 'tệp bị từ chối' }));
  // The one definition of every count, the same as the summary's (lib/consolidate/counts.ts).
  const counted = countConsolidation(c);

  // Indicators.
  const lineOf = (i: IndicatorSummary): IndicatorLine => ({ key: i.key, name: i.text, unitOfMeasure: i.unitOfMeasure, value: i.value, target: i.target, status: i.status, monitor: display(i.lead) });
  const counts = Object.fromEntries(INDICATOR_COUNT_KEYS.map((k) => [k, counted.indicators[k]])) as Record<IndicatorStatus, number>;
  const disagreements: IndicatorDisagreement[] = c.indicators
    .filter((i) => i.disagree)
    .map((i) => ({
      key: i.key,
      name: i.text,
      unitOfMeasure: i.unitOfMeasure,
      values: [...(i.lead && i.value !== null && !i.flagged ? [{ unit: display(i.lead) as string, value: i.value }] : []), ...i.others.filter((o) => o.value !== null && !o.flagged).map((o) => ({ unit: display(o.unit) as string, value: o.value }))],
    }));
  const previousValues = trends?.previousValues;
  const appendixIndicators: IndicatorTableRow[] = c.indicators.map((i) => {
    const previous = i.previous !== undefined ? i.previous : previousValues?.has(i.key) ? (previousValues.get(i.key) ?? null) : undefined;
    const change = i.change !== undefined ? i.change : previous !== undefined ? (typeof i.value === 'number' && typeof previous === 'number' ? +(i.value - previous).toFixed(6) : null) : undefined;
    return { ...lineOf(i), ...(previous !== undefined ? { previous } : {}), ...(change !== undefined ? { change } : {}) };
  });

  // Tasks.
  const next = nextPeriod(period);
  const nextInfo = reportPeriod(next, rules);
  const lineOfTask = (t: TaskSummary): TaskLine => ({ key: t.key, name: t.text, lead: t.leadText, deadline: t.deadline, due: t.due, deadlineStatus: t.deadlineStatus, overall: t.overall, progress: t.progress });
  const lines = c.tasks.map(lineOfTask);
  const { done, inProgress, notStarted, noReport } = counted.tasks;
  const taskCounts = { done, inProgress, notStarted, noReport };
  const overdueKeys = new Set(c.tasks.filter((t) => t.overdue).map((t) => t.key));
  const overdue = lines.filter((t) => overdueKeys.has(t.key));
  const thisMonth = trends?.completedThisMonth ? new Set(trends.completedThisMonth) : null;
  const became = new Set(trends?.becameOverdue ?? []);
  // Due next month: a date inside next month's data window, not already done.
  const dueNext = lines.filter((t) => t.overall !== 'done' && t.due !== null && t.due >= nextInfo.cutoffStart && t.due <= nextInfo.cutoffEnd && t.deadlineStatus === 'notYetDue');

  // Concerns.
  const taskNames = new Map(c.tasks.map((t) => [t.key, t.text]));

  // What the report could not know.
  const notes: ReportNote[] = [];
  if (!trends) notes.push({ code: 'noHistory' });
  notes.push(...(trends?.notes ?? []));
  const unattributed = c.intake.filter((r) => r.status === 'rejected' && !r.unit).length;
  if (unattributed) notes.push({ code: 'unattributedFiles', count: unattributed });
  const timeUnknown = c.submissions.filter((s) => s.received && s.onTime === undefined).map(ref);
  if (timeUnknown.length) notes.push({ code: 'receiptTimeUnknown', units: timeUnknown });
  if (counts.flagged) notes.push({ code: 'flaggedValues', count: counts.flagged });

  const reporting: ReportingRow[] = c.submissions.map((s) => ({
    ...ref(s),
    status: !s.received ? 'missing' : s.onTime === undefined ? 'timeUnknown' : s.onTime ? 'onTime' : 'late',
    receivedAt: s.receivedAt ? toVietnamIso(Date.parse(s.receivedAt)) : null,
    daysLate: s.received && s.onTime === false ? (s.daysLate ?? null) : null,
    errors: s.errors,
  }));

  return {
    // The month as the consolidation described it, so its dates are the summary's.
    period: { id: c.period, year: period.year, month: period.month, label: c.periodLabel, cutoffStart: c.cutoffStart, cutoffEnd: c.cutoffEnd, dueDate: c.dueDate, dueIsExclusive: rules.dueIsExclusive },
    nextPeriod: nextInfo,
    historyMonths: trends?.months ?? [],
    issueDate: options.issueDate ?? asOf,
    asOf,
    reporting: {
      total: ratesOf(c.submissions, c.totals),
      byKind: { department: ratesOf(ofKind('department'), c.byKind.department), commune: ratesOf(ofKind('commune'), c.byKind.commune) },
      ...(trends?.previous ? { previous: trends.previous } : {}),
    },
    units: { missing, late, rejected, repeatOffenders: trends?.repeatOffenders ?? [] },
    indicators: {
      total: c.indicators.length,
      counts,
      notable: c.indicators.filter((i) => i.status === 'notMet' || i.status === 'flagged').map(lineOf),
      disagreements,
      atRisk: trends?.atRisk ?? [],
    },
    tasks: {
      total: lines.length,
      counts: taskCounts,
      completedScope: thisMonth ? 'thisMonth' : 'toDate',
      completed: lines.filter((t) => t.overall === 'done' && (!thisMonth || thisMonth.has(t.key))),
      overdue,
      becameOverdue: overdue.filter((t) => became.has(t.key)),
      dueNextMonth: groupByLead(dueNext),
      recurring: groupByLead(lines.filter((t) => t.deadlineStatus === 'recurring')),
    },
    difficulties: concernGroups(c.concernGroups, 'difficulty', taskNames, units),
    proposals: concernGroups(c.concernGroups, 'proposal', taskNames, units),
    appendix: { indicators: appendixIndicators, overdueTasks: overdue, reporting },
    notes,
  };
}
