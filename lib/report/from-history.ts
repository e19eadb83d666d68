// What the history of months adds to the report (ReportTrends), taken from the same History the summary's
// Xu hướng sheet shows (lib/history), so the report and the workbook tell the same trend.
import type { Consolidation } from '../consolidate/types';
import type { History, IndicatorHistory, RepeatOffender as HistoryOffender, RiskCode } from '../history/types';
import { ratesOf } from './from-consolidation';
import type { AtRiskIndicator, AtRiskReason, RepeatOffender, ReportNote, ReportTrends, ReportValue } from './model';

/** The history's risk codes in the report's words: a flat line is "stalled", any fall is "declining". */
function reasonOf(code: RiskCode, indicator: IndicatorHistory): AtRiskReason {
  switch (code) {
    case 'belowPace':
      return 'paceBelowTarget';
    case 'falling':
      return 'declining';
    case 'notRising':
      return indicator.projection.kind === 'pace' && indicator.projection.slope < 0 ? 'declining' : 'stalled';
    case 'milestoneNotReached':
      return 'milestoneNotReached';
  }
}

/** The latest month of the indicator that has a value. */
function latestValue(indicator: IndicatorHistory): ReportValue {
  const latest = indicator.months[indicator.months.length - 1];
  return latest?.value ?? null;
}

function atRiskOf(indicator: IndicatorHistory): AtRiskIndicator | null {
  if (!indicator.atRisk || !indicator.risk) return null;
  const projection = indicator.projection;
  return {
    key: indicator.key,
    name: indicator.text,
    unitOfMeasure: indicator.unitOfMeasure,
    value: latestValue(indicator),
    target: indicator.target,
    reason: reasonOf(indicator.risk.code, indicator),
    projection: projection.kind === 'pace' ? Math.round(projection.value * 10) / 10 : null,
    ...(projection.kind === 'pace' ? { months: projection.points } : {}),
    explanation: indicator.risk.reason,
  };
}

function offenderOf(o: HistoryOffender): RepeatOffender {
  const late = o.states.every((s) => s === 'late');
  const missing = o.states.every((s) => s === 'missing' || s === 'rejected');
  return { code: o.unit, name: o.unitName, kind: o.kind, pattern: late ? 'late' : missing ? 'missing' : 'lateOrMissing', months: o.run };
}

/**
 * The report's trends from the month's history. `previous` is last month's consolidation as the history
 * used it (its archived summary's facts), for last month's reporting rates side by side with this month's;
 * without it the rates stand alone.
 * @example const trends = reportTrends(buildHistory(facts, archive.facts, catalog), archive.facts.find(…));
 */
export function reportTrends(history: History, previous?: Pick<Consolidation, 'period' | 'submissions' | 'totals' | 'byKind'>): ReportTrends {
  const last = history.months.length - 1;
  const before = last - 1;
  const previousMonth = before >= 0 ? history.months[before] : undefined;

  const previousValues = new Map<string, ReportValue>();
  const completedThisMonth: string[] = [];
  if (previousMonth && previousMonth.source !== 'missing') {
    for (const i of history.indicators) {
      const month = i.months[before];
      if (month) previousValues.set(i.key, month.value);
    }
    for (const t of history.tasks) {
      const [was, now] = [t.months[before], t.months[last]];
      if (was && now && now.overall === 'done' && was.overall !== 'done') completedThisMonth.push(t.key);
    }
  }

  const notes: ReportNote[] = [];
  if (history.missing.length) notes.push({ code: 'monthsMissing', periods: [...history.missing] });
  const corrected = [...new Set(history.ignored.filter((s) => s.reason === 'superseded').map((s) => s.period))].sort();
  if (corrected.length) notes.push({ code: 'historyCorrected', periods: corrected });

  const usable = previous && previousMonth && previous.period === previousMonth.period ? previous : undefined;
  return {
    months: history.months.filter((m) => m.source === 'archive').map((m) => m.period),
    ...(usable
      ? {
          previous: {
            periodId: usable.period,
            total: ratesOf(usable.submissions, usable.totals),
            byKind: {
              department: ratesOf(usable.submissions.filter((s) => s.kind === 'department'), usable.byKind.department),
              commune: ratesOf(usable.submissions.filter((s) => s.kind === 'commune'), usable.byKind.commune),
            },
          },
        }
      : {}),
    repeatOffenders: history.repeatOffenders.map(offenderOf),
    atRisk: history.indicators.flatMap((i) => atRiskOf(i) ?? []),
    becameOverdue: [...history.becameOverdue],
    ...(previousMonth && previousMonth.source !== 'missing' ? { completedThisMonth, previousValues } : {}),
    notes,
  };
}
