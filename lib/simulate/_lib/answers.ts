// The values a diligent civil servant types into a unit's template: consistent with every rule of
// lib/validate/check.ts, plausible against each target, and drawn only from the given Random.

import { formatDayMonthYear } from '../../period/format';
import type { PeriodDescription } from '../../period/period';
import type { Unit } from '../../roster/schema';
import { assessmentOf, thresholdOf } from '../../template/assessment';
import type { IndicatorRow, TaskRow, UnitRows } from '../../template/assign';
import { taskStatusText } from '../../template/meanings';
import { currentDefinition } from '../../template/registry';
import type { TaskStatusMeaning } from '../../template/schema';
import { asciiFold } from '../../text/fold';
import { findMistakeSite, FORMULA_LIKE_TEXT, type Mistake, type MistakeSite } from '../mistake';
import type { Random } from '../random';
import { addDays, dateParts, daysBetween } from '../../_lib/calendar';
import * as P from './phrases';
import { issuerSymbol, unitMailDomain, unitSelfName } from './units';

export type InputValue = number | string | Date | null;
export type FieldValues = Record<string, InputValue>;

/** Every input of a return, by sheet, then row key (cover: field id), then column id. */
export interface Answers {
  cover: FieldValues;
  indicators: Record<string, FieldValues>;
  tasks: Record<string, FieldValues>;
}

/** The status entries by meaning, in the words of the form units fill this month. */
export const STATUS: Readonly<Record<TaskStatusMeaning, string>> = {
  notStarted: taskStatusText(currentDefinition(), 'notStarted'),
  inProgress: taskStatusText(currentDefinition(), 'inProgress'),
  done: taskStatusText(currentDefinition(), 'done'),
  doneLate: taskStatusText(currentDefinition(), 'doneLate'),
};

const DONE: readonly string[] = [STATUS.done, STATUS.doneLate];

export interface DraftContext {
  unit: Unit;
  info: PeriodDescription;
  rows: UnitRows;
  random: Random;
  /** `YYYY-MM-DD`, the day the report is signed. */
  reportDate: string;
  /** Answers a scenario fixes in advance for this unit (tests with known answers). */
  planted?: PlantedAnswers;
}

/** Results by indicator key and task statuses by task key that replace the drafted ones. */
export interface PlantedAnswers {
  results?: Readonly<Record<string, number | string>>;
  statuses?: Readonly<Record<string, TaskStatusMeaning>>;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
const fill = (text: string, random: Random, progress = 0): string =>
  text.replace('{p}', String(progress)).replace('{n}', String(random.int(2, 40)));

/** A document as a unit cites it: `Công văn số 123/SYT-VP ngày 05/11/2026`, dated inside the period and not after the report. */
function documentRef(ctx: DraftContext): string {
  const kind = ctx.random.pick(P.DOCUMENT_KINDS);
  const last = ctx.reportDate < ctx.info.cutoffEnd ? ctx.reportDate : ctx.info.cutoffEnd;
  const date = addDays(ctx.info.cutoffStart, ctx.random.int(0, Math.max(0, daysBetween(ctx.info.cutoffStart, last))));
  return `${kind.name} số ${ctx.random.int(12, 2890)}/${kind.symbol(issuerSymbol(ctx.unit))} ngày ${formatDayMonthYear(date)}`;
}

function percentResult(item: IndicatorRow, random: Random): number {
  const threshold = thresholdOf(item);
  if (!threshold || threshold.kind !== 'number') return round1(random.uniform(20, 95));
  const target = threshold.min;
  // A milestone target is years away: report progress towards it.
  if (item.target?.isMilestone) return round1(clamp(target * random.uniform(0.4, 0.9), 0, 100));
  if (target >= 100) return random.chance(0.6) ? 100 : round1(random.uniform(90, 99.9));
  // About three in four reach the target; the rest fall a little short.
  const spread = clamp((100 - target) / 3, 2, 10);
  return round1(clamp(target + random.normal(0.7 * spread, spread), 0, 100));
}

function nonNegativeResult(item: IndicatorRow, random: Random): number {
  const threshold = thresholdOf(item);
  if (!threshold || threshold.kind !== 'number') return round1(random.uniform(10, 30));
  // 27 → 26,4 … 28,0: close to the target either side.
  return round1(threshold.min * random.uniform(0.978, 1.037));
}

function listResult(item: IndicatorRow, random: Random): string {
  if (item.result.type !== 'list') throw new Error(`listResult on a ${item.result.type} indicator`);
  const options = item.result.options;
  const threshold = thresholdOf(item);
  if (item.result.list === 'yesNo') return options[options.length - 1] as string;
  if (!threshold || threshold.kind !== 'rank') return random.pick(options.slice(1, 3));
  const reached = threshold.min - 1;
  const rank = random.chance(0.85) ? reached : Math.max(1, reached - 1);
  return options[rank] as string;
}

function draftIndicator(item: IndicatorRow, ctx: DraftContext): FieldValues {
  const { random } = ctx;
  const planted = ctx.planted?.results?.[item.indicator.key];
  const result = planted !== undefined ? planted : item.result.type === 'percent' ? percentResult(item, random) : item.result.type === 'nonNegative' ? nonNegativeResult(item, random) : listResult(item, random);
  const below = assessmentOf(item, result) === 'notMet';
  const note = below ? (random.chance(0.7) ? random.pick(P.BELOW_TARGET_NOTES) : null) : random.chance(0.12) ? random.pick(P.INDICATOR_NOTES) : null;
  return { result, dataSource: random.pick(P.DATA_SOURCES), note };
}

function draftTask(item: TaskRow, ctx: DraftContext): FieldValues {
  const { random } = ctx;
  const done = (status: string): FieldValues => ({ status, progress: 100, results: random.pick(P.RESULTS_DONE), product: documentRef(ctx), difficulties: null, proposals: null });
  const going = (progress: number, results: readonly string[]): FieldValues => ({
    status: STATUS.inProgress,
    progress,
    results: fill(random.pick(results), random, progress),
    product: random.chance(0.2) ? documentRef(ctx) : null,
    difficulties: null,
    proposals: null,
  });
  const waiting = (): FieldValues => ({ status: STATUS.notStarted, progress: 0, results: random.chance(0.6) ? random.pick(P.RESULTS_WAITING) : null, product: null, difficulties: null, proposals: null });
  let row: FieldValues;
  const planted = ctx.planted?.statuses?.[item.task.key];
  if (planted !== undefined) {
    if (planted === 'done' || planted === 'doneLate') return done(STATUS[planted]);
    row = planted === 'inProgress' ? going(5 * random.int(8, 18), P.RESULTS_IN_PROGRESS) : waiting();
    // The rules ask an overdue task that is not done for its difficulty.
    if (item.deadline.status === 'overdue') row.difficulties = random.pick(P.DIFFICULTIES);
    return row;
  }
  switch (item.deadline.status) {
    case 'overdue':
      if (random.chance(0.55)) return done(STATUS.doneLate);
      // Overdue and not done: the rules ask for the difficulty.
      row = { ...going(5 * random.int(8, 18), P.RESULTS_IN_PROGRESS), difficulties: random.pick(P.DIFFICULTIES) };
      if (random.chance(0.4)) row.proposals = random.pick(P.PROPOSALS);
      return row;
    case 'dueThisPeriod':
      if (random.chance(0.65)) return done(STATUS.done);
      row = going(5 * random.int(10, 19), P.RESULTS_IN_PROGRESS);
      break;
    case 'recurring':
      row = going(5 * random.int(12, 19), P.RESULTS_RECURRING);
      break;
    case 'notYetDue':
      if (random.chance(0.04)) return done(STATUS.done);
      row = random.chance(0.4) ? waiting() : going(5 * random.int(2, 14), P.RESULTS_IN_PROGRESS);
      break;
    case 'conditional':
      row = random.chance(0.5) ? waiting() : going(5 * random.int(4, 12), P.RESULTS_IN_PROGRESS);
      break;
  }
  if (random.chance(0.12)) row.difficulties = random.pick(P.DIFFICULTIES);
  if (random.chance(0.06)) row.proposals = random.pick(P.PROPOSALS);
  return row;
}

function sentenceOf(items: readonly string[]): string {
  return `${items.join('; ')}.`;
}

function draftCover(ctx: DraftContext, indicators: Answers['indicators'], tasks: Answers['tasks']): FieldValues {
  const { random, unit, info, rows } = ctx;
  const family = random.pick(P.FAMILY_NAMES);
  const middle = random.pick(P.MIDDLE_NAMES);
  const given = random.pick(P.GIVEN_NAMES);
  const initials = `${family} ${middle}`.split(' ').map((w) => asciiFold(w).charAt(0)).join('');
  const local = `${asciiFold(given)}${initials}`.toLowerCase();
  const titles = unit.code === 'CAT' ? P.TITLES.police : unit.kind === 'commune' ? P.TITLES.commune : P.TITLES.department;
  const phone = random.chance(0.5)
    ? `0237 3${random.int(100, 999)} ${random.int(100, 999)}`
    : `${random.pick(P.MOBILE_PREFIXES)}${random.int(0, 9)} ${random.int(100, 999)} ${random.int(100, 999)}`;
  const statuses = Object.values(tasks).map((t) => t.status);
  const count = (wanted: readonly string[]) => statuses.filter((s) => typeof s === 'string' && wanted.includes(s)).length;
  const met = rows.indicators.filter((item) => {
    const value = indicators[item.indicator.key]?.result;
    return assessmentOf(item, typeof value === 'number' || typeof value === 'string' ? value : null) === 'met';
  }).length;
  const parts = [
    `${unitSelfName(unit)} đã quán triệt, triển khai Kế hoạch 210/KH-UBND của UBND tỉnh về Đề án 06.`,
    `Trong ${info.label.toLocaleLowerCase('vi')}, đơn vị thực hiện ${statuses.length} nhiệm vụ được giao: hoàn thành ${count(DONE)}, đang triển khai ${count([STATUS.inProgress])}, chưa triển khai ${count([STATUS.notStarted])}.`,
    ...(rows.indicators.length > 0 ? [`Có ${met}/${rows.indicators.length} chỉ tiêu đạt chỉ tiêu năm ${info.year}.`] : []),
    random.pick(P.CLOSING_SENTENCES),
  ];
  return {
    preparerName: `${family} ${middle} ${given}`,
    preparerTitle: random.pick(titles),
    phone,
    email: `${local}@${unitMailDomain(unit)}`,
    reportDate: (({ year, month, day }) => new Date(Date.UTC(year, month - 1, day)))(dateParts(ctx.reportDate)),
    assessment: parts.join(' '),
    difficulties: random.chance(0.35) ? sentenceOf(random.shuffle(P.DIFFICULTIES).slice(0, random.int(1, 2))) : null,
    proposals: random.chance(0.25) ? sentenceOf(random.shuffle(P.PROPOSALS).slice(0, random.int(1, 2))) : null,
  };
}

/** A complete, valid return for the unit's rows. */
export function draftAnswers(ctx: DraftContext): Answers {
  const indicators: Answers['indicators'] = {};
  for (const item of ctx.rows.indicators) indicators[item.indicator.key] = draftIndicator(item, ctx);
  const tasks: Answers['tasks'] = {};
  for (const item of ctx.rows.tasks) tasks[item.task.key] = draftTask(item, ctx);
  return { cover: draftCover(ctx, indicators, tasks), indicators, tasks };
}

/**
 * The same return as corrected by its unit before sending it again: one indicator's result and one
 * task's status change (and what goes with that status), the rest stays as it was.
 */
export function correctAnswers(before: Answers, ctx: DraftContext): Answers {
  const after: Answers = structuredClone(before);
  const { random, rows } = ctx;
  const item = rows.indicators[0];
  if (!item) throw new Error(`correctAnswers: ${ctx.unit.code} has no indicator to correct`);
  const row = after.indicators[item.indicator.key] as FieldValues;
  const old = row.result;
  if (typeof old === 'number') {
    const max = item.result.type === 'percent' ? 100 : Number.MAX_SAFE_INTEGER;
    const step = round1(random.uniform(0.5, 3));
    row.result = old + step <= max ? round1(old + step) : round1(Math.max(0, old - step));
  } else if (item.result.type === 'list') {
    const options = item.result.options;
    const at = options.indexOf(String(old));
    row.result = (at + 1 < options.length ? options[at + 1] : options[Math.max(0, at - 1)]) as string;
  }
  const task = rows.tasks.find((t) => after.tasks[t.task.key]?.status === STATUS.inProgress) ?? rows.tasks.find((t) => after.tasks[t.task.key]?.status === STATUS.notStarted);
  if (!task) throw new Error(`correctAnswers: ${ctx.unit.code} has no task left to move forward`);
  const fields = after.tasks[task.task.key] as FieldValues;
  if (fields.status === STATUS.inProgress) {
    fields.status = task.deadline.status === 'overdue' ? STATUS.doneLate : STATUS.done;
    fields.progress = 100;
    fields.results = random.pick(P.RESULTS_DONE);
    fields.product = fields.product ?? documentRef(ctx);
  } else {
    fields.status = STATUS.inProgress;
    fields.progress = 5 * random.int(2, 6);
    fields.results = fill(random.pick(P.RESULTS_IN_PROGRESS), random, fields.progress);
  }
  return after;
}

const same = (a: InputValue | undefined, b: InputValue | undefined): boolean =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : (a ?? null) === (b ?? null);

/** Data-sheet fields whose values differ between two versions of a return, in sheet and row order. */
export function diffAnswers(before: Answers, after: Answers): Array<{ sheet: 'indicators' | 'tasks'; key: string; field: string }> {
  const changes: Array<{ sheet: 'indicators' | 'tasks'; key: string; field: string }> = [];
  for (const sheet of ['indicators', 'tasks'] as const) {
    for (const [key, fields] of Object.entries(after[sheet])) {
      for (const [field, value] of Object.entries(fields)) if (!same(before[sheet][key]?.[field], value)) changes.push({ sheet, key, field });
    }
  }
  return changes;
}

/** Comma decimal with one digit, as a Vietnamese user types a number into a text cell: `92,5`. */
function typedAsText(value: number): string {
  const shown = Number.isInteger(value) ? (value > 0 ? value - 0.5 : 0.5) : value;
  return shown.toFixed(1).replace('.', ',');
}

/** Applies mistakes to drafted answers, in place; returns where each landed. Throws when a unit has no row for one. */
export function applyMistakes(answers: Answers, rows: UnitRows, mistakes: readonly Mistake[], unitCode: string): MistakeSite[] {
  return mistakes.map((mistake) => {
    const site = findMistakeSite(rows, mistake);
    if (!site) throw new Error(`Unit ${unitCode} has no row for the mistake ${mistake}`);
    const fields = answers[site.sheet][site.key] as FieldValues;
    switch (mistake) {
      case 'percentOver100':
        fields.result = 150;
        break;
      case 'percentAsText':
        fields.result = typedAsText(typeof fields.result === 'number' ? fields.result : 85.5);
        break;
      case 'doneAt40':
        fields.status = STATUS.done;
        fields.progress = 40;
        fields.results = fields.results ?? 'Đã hoàn thành';
        break;
      case 'missingRequired':
        fields.status = null;
        break;
      case 'textStartingWithEquals':
        fields.difficulties = FORMULA_LIKE_TEXT;
        break;
    }
    return site;
  });
}
