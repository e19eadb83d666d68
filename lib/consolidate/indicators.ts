import type { Catalog } from '../catalog/schema';
import type { Period } from '../period/period';
import { targetForYear } from '../period/target';
import { assessmentOf } from '../template/assessment';
import { resultTypeFor, type IndicatorRow } from '../template/assign';
import type { FormDefinition } from '../template/schema';
import type { FieldValue, SourcedValue } from '../validate/check';
import type { AssessedFile } from './assess';
import { sameValue } from './_lib/values';
import type { IndicatorSummary, IndicatorValue } from './types';

/** Whether a value's own cell has an error in its file (shown in the summary, but not trusted). */
export function errorCellsOf(file: AssessedFile): (v: SourcedValue | undefined) => boolean {
  const cells = new Set(file.issues.filter((i) => i.severity === 'error' && i.sheet && i.cell).map((i) => `${i.sheet}!${i.cell}`));
  return (v) => Boolean(v && cells.has(`${v.sheet}!${v.address}`));
}

export interface SummariseIndicatorsOptions {
  catalog: Catalog;
  period: Period;
  definition: FormDefinition;
  /** Last month's province values by indicator key. */
  previous?: ReadonlyMap<string, FieldValue>;
}

/**
 * Each indicator against this year's target: the lead monitor's value is the province figure, the
 * other monitors' values stand beside it, and a disagreement between them is flagged.
 */
export function summariseIndicators(kept: ReadonlyMap<string, AssessedFile>, options: SummariseIndicatorsOptions): IndicatorSummary[] {
  const { catalog, period, definition, previous } = options;
  const flaggedIn = new Map([...kept.values()].map((file) => [file, errorCellsOf(file)]));
  return catalog.indicators.map((indicator) => {
    const target = targetForYear(indicator.targets, period.year);
    const item: IndicatorRow = { indicator, role: 'lead', target, result: resultTypeFor(indicator, definition) };
    const reported = indicator.monitors.map((code): IndicatorValue => {
      const file = kept.get(code);
      const row = file?.values?.indicators[indicator.key];
      const value = row?.result?.value ?? null;
      const flagged = file ? (flaggedIn.get(file) as (v: SourcedValue | undefined) => boolean)(row?.result) : false;
      return { unit: code, value, flagged, assessment: file ? (flagged ? 'flagged' : assessmentOf(item, value)) : 'noReport' };
    });
    const lead = reported[0];
    const present = reported.filter((r) => r.value !== null && !r.flagged);
    const disagree = present.some((r) => !sameValue(r.value, (present[0] as IndicatorValue).value));
    const before = previous?.get(indicator.key);
    const value = lead?.value ?? null;
    return {
      key: indicator.key,
      group: indicator.group,
      text: indicator.text,
      unitOfMeasure: indicator.unit,
      target: target?.text ?? 'Không đặt chỉ tiêu',
      lead: lead?.unit ?? null,
      value,
      status: !lead || lead.assessment === 'noReport' ? 'noData' : lead.assessment,
      flagged: lead?.flagged ?? false,
      others: reported.slice(1),
      disagree,
      ...(previous ? { previous: before ?? null, change: typeof value === 'number' && typeof before === 'number' ? +(value - before).toFixed(6) : null } : {}),
      ...(indicator.monitorGroups.includes('byField') ? { note: `Theo dõi theo lĩnh vực: ${indicator.monitorsText}.` } : {}),
    };
  });
}
