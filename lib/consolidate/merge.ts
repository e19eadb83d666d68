import { catalogHash } from '../catalog/hash';
import { DEFAULT_REPORTING_RULES } from '../period/config';
import { describePeriod } from '../period/period';
import { currentDefinition } from '../template/registry';
import type { FieldValue } from '../validate/check';
import { assessFile, type AssessedFile, type AssessOptions } from './assess';
import { groupConcerns } from './concern-groups';
import { collectConcerns } from './concerns';
import { resolveDuplicates } from './duplicates';
import { summariseIndicators } from './indicators';
import { intakeLog } from './intake-log';
import { collectDataRecords } from './records';
import { summariseTasks } from './tasks';
import { rates, submissionsOf } from './timeliness';
import type { Consolidation, IntakeItem, IntakeNote } from './types';

export interface ConsolidateOptions extends AssessOptions {
  now: Date;
  notes?: IntakeNote[];
  /** Last month's province values by indicator key (from `--previous`). */
  previous?: ReadonlyMap<string, FieldValue>;
}

/**
 * Consolidates a month of returns into the province summary: every input accounted for, duplicates
 * resolved by receipt time, indicators against this year's targets, tasks with their deadlines.
 * @example const summary = consolidate(items, { catalog, roster, period, now: new Date() });
 */
export function consolidate(items: readonly IntakeItem[], options: ConsolidateOptions): Consolidation {
  return mergeAssessed(items.map((item) => assessFile(item, options)), options);
}

/** Merges assessed inputs, step by step; pure, deterministic for the same inputs and `now`. */
export function mergeAssessed(files: readonly AssessedFile[], options: ConsolidateOptions): Consolidation {
  const { catalog, roster, period } = options;
  const rules = options.rules ?? DEFAULT_REPORTING_RULES;
  const info = describePeriod(period, rules);
  const { kept, superseded, duplicates } = resolveDuplicates(files);
  const submissions = submissionsOf(roster, kept, files, info, rules);
  const concerns = collectConcerns(roster, kept);
  return {
    period: period.id,
    catalogHash: catalogHash(catalog),
    periodLabel: info.label,
    cutoffStart: info.cutoffStart,
    cutoffEnd: info.cutoffEnd,
    dueDate: info.dueDate,
    generatedAt: options.now.toISOString(),
    totals: rates(submissions),
    byKind: { department: rates(submissions.filter((s) => s.kind === 'department')), commune: rates(submissions.filter((s) => s.kind === 'commune')) },
    late: submissions.filter((s) => s.received && s.onTime === false).length,
    missing: submissions.filter((s) => !s.received).map((s) => s.unit),
    submissions,
    indicators: summariseIndicators(kept, { catalog, period, definition: currentDefinition(), ...(options.previous ? { previous: options.previous } : {}) }),
    tasks: summariseTasks(catalog, roster, kept, period, rules),
    concerns,
    concernGroups: groupConcerns(concerns, roster),
    data: collectDataRecords(files, kept, superseded),
    intake: intakeLog(files, superseded),
    notes: options.notes ?? [],
    duplicates,
  };
}
