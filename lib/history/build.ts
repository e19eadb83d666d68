import type { Catalog } from '../catalog/schema';
import type { IndicatorSummary, TaskSummary, UnitSubmission } from '../consolidate/types';
import { DEFAULT_REPORTING_RULES, type ReportingRules } from '../period/config';
import { comparePeriods, createPeriod, nextPeriod, parsePeriod, previousPeriod, type Period } from '../period/period';
import { deadlineStatus } from '../period/status';
import { targetForYear } from '../period/target';
import type { SummaryFacts } from '../summary/facts';
import { projectIndicator } from './projection';
import {
  FAILING,
  type History,
  type HistoryMonth,
  type IgnoredSummary,
  type IndicatorHistory,
  type MonthRates,
  type RepeatOffender,
  type TaskHistory,
  type Timeliness,
  type UnitHistory,
} from './types';

/** Kế hoạch 210/KH-UBND was issued on 24/6/2026: July 2026 is the first month units report on. */
export const PLAN_FIRST_PERIOD = '2026-07';

export interface BuildHistoryOptions {
  rules?: ReportingRules;
  /** The plan's first reporting month (`YYYY-MM`): earlier months are not expected. Default {@link PLAN_FIRST_PERIOD}. */
  firstPeriod?: string;
  /** The file each archived summary was read from, to name it in the history. */
  sources?: ReadonlyMap<SummaryFacts, string>;
}

interface Selection {
  months: HistoryMonth[];
  facts: Array<SummaryFacts | null>;
  missing: string[];
  ignored: IgnoredSummary[];
}

const time = (facts: SummaryFacts): number => Date.parse(facts.generatedAt);

/**
 * Which summary stands for each month of the year: the current month is the consolidation being made;
 * an earlier month is the archived summary of the same plan (catalog hash) and year generated last, so
 * a month consolidated again after a unit corrected its return replaces the earlier summary of that month.
 */
function selectMonths(current: SummaryFacts, earlier: readonly SummaryFacts[], options: BuildHistoryOptions): Selection {
  const period = parsePeriod(current.period);
  if (!period) throw new RangeError(`Not a reporting period: ${current.period}`);
  const first = parsePeriod(options.firstPeriod ?? PLAN_FIRST_PERIOD);
  if (!first) throw new RangeError(`Not a reporting period: ${String(options.firstPeriod)}`);
  const january = createPeriod(period.year, 1);
  // Nothing is expected before the plan's first month; a month before it (a trial run) stands alone.
  const start = comparePeriods(period, first) < 0 ? period : first.year === period.year ? first : january;

  const ignored: IgnoredSummary[] = [];
  const named = (facts: SummaryFacts) => {
    const file = options.sources?.get(facts);
    return file === undefined ? {} : { file };
  };
  const ignore = (facts: SummaryFacts, reason: IgnoredSummary['reason'], extra: Partial<IgnoredSummary> = {}) =>
    ignored.push({ period: facts.period, generatedAt: facts.generatedAt, ...named(facts), reason, ...extra });
  const candidates = new Map<string, SummaryFacts[]>();
  for (const facts of earlier) {
    const p = parsePeriod(facts.period);
    if (facts.catalogHash !== current.catalogHash) ignore(facts, 'otherPlan');
    else if (!p || p.year !== period.year) ignore(facts, 'otherYear');
    else if (comparePeriods(p, period) > 0) ignore(facts, 'laterPeriod');
    else if (p.id === period.id) ignore(facts, 'currentPeriod', time(facts) > time(current) ? { newerThanCurrent: true } : {});
    else if (comparePeriods(p, start) < 0) ignore(facts, 'beforePlan');
    else candidates.set(p.id, [...(candidates.get(p.id) ?? []), facts]);
  }
  const chosen = new Map<string, SummaryFacts>();
  for (const [id, list] of candidates) {
    // The one generated last stands for the month; on a tie, the one listed (read) later.
    const used = list.reduce((best, facts) => (time(facts) >= time(best) ? facts : best));
    chosen.set(id, used);
    for (const facts of list) if (facts !== used) ignore(facts, 'superseded', { usedInstead: { generatedAt: used.generatedAt, ...named(used) } });
  }

  const months: HistoryMonth[] = [];
  const facts: Array<SummaryFacts | null> = [];
  const missing: string[] = [];
  for (let p = start; comparePeriods(p, period) <= 0; p = nextPeriod(p)) {
    if (p.id === period.id) {
      months.push({ period: p.id, source: 'current', generatedAt: current.generatedAt });
      facts.push(current);
      continue;
    }
    const used = chosen.get(p.id);
    if (used) {
      months.push({ period: p.id, source: 'archive', generatedAt: used.generatedAt, ...named(used) });
      facts.push(used);
    } else {
      months.push({ period: p.id, source: 'missing' });
      facts.push(null);
      missing.push(p.id);
    }
  }
  return { months, facts, missing, ignored };
}

function timelinessOf(s: UnitSubmission): Timeliness {
  if (s.state === 'rejected') return 'rejected';
  if (!s.received) return 'missing';
  return s.onTime === true ? 'onTime' : s.onTime === false ? 'late' : 'unknownTime';
}

function byKey<T>(items: readonly T[] | undefined, key: (item: T) => string): Map<string, T> {
  return new Map((items ?? []).map((item) => [key(item), item]));
}

/**
 * The history of the year behind this month's consolidation: each indicator's value month by month with
 * its change and projection to the year's target (at risk, and why), each task's status month by month
 * (overdue since this month, due next month, recurring), each unit's timeliness (runs of late or missing
 * reports) and the province's rates. Months without a summary are listed as missing, never filled in.
 * @example const history = buildHistory(consolidation, read.facts, catalog, { sources: read.sources });
 */
export function buildHistory(current: SummaryFacts, earlier: readonly SummaryFacts[], catalog: Catalog, options: BuildHistoryOptions = {}): History {
  const rules = options.rules ?? DEFAULT_REPORTING_RULES;
  const { months, facts, missing, ignored } = selectMonths(current, earlier, options);
  const period = parsePeriod(current.period) as Period;
  const next = nextPeriod(period);
  const previous = previousPeriod(period);
  const last = months.length - 1;

  const rates: MonthRates[] = months.map((m, i) => {
    const f = facts[i];
    return { period: m.period, figures: f ? { totals: f.totals, department: f.byKind.department, commune: f.byKind.commune, late: f.late, missing: f.missing.length } : null };
  });

  const indicatorMaps = facts.map((f) => (f ? byKey<IndicatorSummary>(f.indicators, (i) => i.key) : null));
  const currentIndicators = byKey(current.indicators, (i) => i.key);
  const indicators: IndicatorHistory[] = catalog.indicators.flatMap((indicator) => {
    const now = currentIndicators.get(indicator.key);
    if (!now) return [];
    const series = indicatorMaps.map((map) => {
      const found = map?.get(indicator.key);
      return found ? { value: found.value, status: found.status, flagged: found.flagged } : null;
    });
    const { projection, risk } = projectIndicator({
      year: period.year,
      months: months.map((m, i) => ({ period: m.period, month: series[i] ?? null })),
      target: targetForYear(indicator.targets, period.year),
      unitOfMeasure: indicator.unit,
    });
    const here = series[last];
    const before = last > 0 ? series[last - 1] : null;
    const usable = (m: typeof here) => m !== null && m !== undefined && !m.flagged && typeof m.value === 'number';
    const change = usable(here) && usable(before) ? +((here?.value as number) - (before?.value as number)).toFixed(6) : null;
    return [{ key: indicator.key, group: indicator.group, text: now.text, unitOfMeasure: now.unitOfMeasure, target: now.target, lead: now.lead, months: series, change, projection, atRisk: risk !== null, risk }];
  });

  const taskMaps = facts.map((f) => (f ? byKey<TaskSummary>(f.tasks, (t) => t.key) : null));
  const currentTasks = byKey(current.tasks, (t) => t.key);
  const tasks: TaskHistory[] = catalog.tasks.flatMap((task) => {
    const now = currentTasks.get(task.key);
    if (!now) return [];
    const series = taskMaps.map((map) => {
      const found = map?.get(task.key);
      return found ? { overall: found.overall, overdue: found.overdue, deadlineStatus: found.deadlineStatus, progress: found.progress } : null;
    });
    const ahead = deadlineStatus(task.deadline, next, rules);
    // Newly overdue: its deadline had not passed by last month's window (the catalog says so, whatever last month's file).
    const becameOverdue = now.overdue && deadlineStatus(task.deadline, previous, rules).status !== 'overdue';
    return [
      {
        key: task.key,
        appendix: now.appendix,
        text: now.text,
        leadText: now.leadText,
        lead: [...task.lead],
        deadline: now.deadline,
        due: now.due,
        months: series,
        overdue: now.overdue,
        becameOverdue,
        next: { period: next.id, status: ahead.status, due: ahead.due },
        dueNextMonth: ahead.status === 'dueThisPeriod' && now.overall !== 'done',
        recurring: ahead.status === 'recurring',
      },
    ];
  });

  const submissionMaps = facts.map((f) => (f ? byKey<UnitSubmission>(f.submissions, (s) => s.unit) : null));
  const units: UnitHistory[] = current.submissions.map((s) => {
    const series = submissionMaps.map((map) => {
      const found = map?.get(s.unit);
      return found ? timelinessOf(found) : null;
    });
    let run = 0;
    for (let i = last; i >= 0; i -= 1) {
      const state = series[i];
      if (state === null || state === undefined || !FAILING.has(state)) break;
      run += 1;
    }
    return { unit: s.unit, unitName: s.unitName, kind: s.kind, months: series, run };
  });
  const repeatOffenders: RepeatOffender[] = units
    .map((u, order) => ({ u, order }))
    .filter(({ u }) => u.run >= 2)
    .sort((a, b) => b.u.run - a.u.run || a.order - b.order)
    .map(({ u }) => ({ unit: u.unit, unitName: u.unitName, kind: u.kind, run: u.run, since: months[last - u.run + 1]?.period ?? current.period, states: u.months.slice(last - u.run + 1) as Timeliness[] }));

  return {
    period: current.period,
    year: period.year,
    catalogHash: current.catalogHash,
    months,
    missing,
    ignored,
    rates,
    indicators,
    tasks,
    becameOverdue: tasks.filter((t) => t.becameOverdue).map((t) => t.key),
    dueNextMonth: tasks.filter((t) => t.dueNextMonth).map((t) => t.key),
    recurring: tasks.filter((t) => t.recurring).map((t) => t.key),
    nextPeriod: next.id,
    units,
    repeatOffenders,
  };
}
