import { RECEIPT_SOURCE_LABELS, type Consolidation, type IndicatorSummary, type ReceiptSource, type TaskOverall, type UnitSubmission } from './types';

/** Every indicator falls in exactly one of these: the counts add up to the catalog's 56. */
export const INDICATOR_COUNT_KEYS = ['met', 'notMet', 'notYet', 'noTarget', 'noData', 'flagged'] as const satisfies ReadonlyArray<IndicatorSummary['status']>;

export const TASK_OVERALLS = ['done', 'inProgress', 'notStarted', 'noReport'] as const satisfies readonly TaskOverall[];

export interface UnitCounts {
  expected: number;
  received: number;
  onTime: number;
  late: number;
  /** Received, but no receipt time is known, so neither on time nor late. */
  unknownTime: number;
  missing: number;
  /** Missing units that did send something, all of it rejected: they must resend. */
  rejectedOnly: number;
  /** Accepted returns with errors the unit should correct. */
  withErrors: number;
  /** Units received, by where their receipt time came from. */
  receiptSources: Record<ReceiptSource, number>;
}

const RECEIPT_SOURCES = Object.keys(RECEIPT_SOURCE_LABELS) as ReceiptSource[];

export interface ConsolidationCounts {
  units: UnitCounts & { department: UnitCounts; commune: UnitCounts };
  indicators: Record<(typeof INDICATOR_COUNT_KEYS)[number], number> & { total: number; disagree: number };
  tasks: Record<TaskOverall, number> & { total: number; overdue: number };
  files: { received: number; rejected: number; superseded: number; duplicateUnits: number; notes: number };
}

function unitCounts(units: readonly UnitSubmission[]): UnitCounts {
  const received = units.filter((u) => u.received);
  return {
    expected: units.length,
    received: received.length,
    onTime: received.filter((u) => u.onTime === true).length,
    late: received.filter((u) => u.onTime === false).length,
    unknownTime: received.filter((u) => u.onTime === undefined).length,
    missing: units.length - received.length,
    rejectedOnly: units.filter((u) => u.state === 'rejected').length,
    withErrors: received.filter((u) => u.errors > 0).length,
    receiptSources: Object.fromEntries(RECEIPT_SOURCES.map((source) => [source, received.filter((u) => u.receivedAtSource === source).length])) as Record<ReceiptSource, number>,
  };
}

/**
 * The one definition of every count the summary, the CLI, `--json`, the add-in and the report show,
 * so that no two places can disagree on, say, how many indicators have no data.
 * @example countConsolidation(c).indicators.noData
 */
export function countConsolidation(c: Omit<Consolidation, 'data'>): ConsolidationCounts {
  const indicators = Object.fromEntries(INDICATOR_COUNT_KEYS.map((k) => [k, c.indicators.filter((i) => i.status === k).length])) as Record<(typeof INDICATOR_COUNT_KEYS)[number], number>;
  const tasks = Object.fromEntries(TASK_OVERALLS.map((k) => [k, c.tasks.filter((t) => t.overall === k).length])) as Record<TaskOverall, number>;
  return {
    units: {
      ...unitCounts(c.submissions),
      department: unitCounts(c.submissions.filter((s) => s.kind === 'department')),
      commune: unitCounts(c.submissions.filter((s) => s.kind === 'commune')),
    },
    indicators: { ...indicators, total: c.indicators.length, disagree: c.indicators.filter((i) => i.disagree).length },
    tasks: { ...tasks, total: c.tasks.length, overdue: c.tasks.filter((t) => t.overdue).length },
    files: {
      received: c.intake.length,
      rejected: c.intake.filter((r) => r.status === 'rejected').length,
      superseded: c.intake.filter((r) => r.status === 'superseded').length,
      duplicateUnits: c.duplicates.length,
      notes: c.notes.length,
    },
  };
}
