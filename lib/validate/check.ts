import { z } from 'zod';
import { catalogHash } from '../catalog/hash';
import { integrityToken } from '../catalog/integrity';
import type { Catalog, Indicator, Task } from '../catalog/schema';
import type { IssueCode } from '../issues/catalog';
import { makeIssue, type Issue, type IssueParams } from '../issues/issue';
import type { CellModel } from '../model/sheet';
import { DEFAULT_REPORTING_RULES, type ReportingRules } from '../period/config';
import { formatDayMonthYear, formatNumber } from '../period/format';
import { describePeriod, parsePeriod } from '../period/period';
import { cachedDeadlineStatus, type DeadlineStatus } from '../period/status';
import { targetForYear } from '../period/target';
import { percentOf } from '../read/number-format';
import type { ExtraRow, FieldCell, Submission } from '../read/submission';
import { findUnit, type Roster } from '../roster/roster';
import { ASSESSMENT_LABELS, assessmentOf, thresholdOf } from '../template/assessment';
import { inputTypeRules } from '../template/input-types';
import { DONE_MEANINGS, taskStatusMeaning, taskStatusText } from '../template/meanings';
import { resultTypeFor, type IndicatorRow } from '../template/assign';
import type { FormDefinition, InputSpec } from '../template/schema';
import { matchOption, readDate, readNumber, readText } from './values';

export interface CheckContext {
  catalog: Catalog;
  /** When given, the unit must be in it. */
  roster?: Roster;
  /** What the caller expects the file to be; a mismatch is an error. */
  expected?: { period?: string; unit?: string };
  /** When given, the identity sheet's integrity token must match this key (the merger checks; a unit's add-in cannot). */
  integrityKey?: string;
  rules?: ReportingRules;
}

export type FieldValue = number | string | null;

/** A value as read, with the cell it came from: the provenance the summary keeps. */
export interface SourcedValue {
  value: FieldValue;
  address: string;
  sheet: string;
}

export interface ReportValues {
  cover: Record<string, SourcedValue>;
  indicators: Record<string, Record<string, SourcedValue> & { assessment: SourcedValue }>;
  tasks: Record<string, Record<string, SourcedValue>>;
  extraRows: ExtraRow[];
}

export interface CheckResult {
  issues: Issue[];
  values: ReportValues;
}

/** The issue a custom zod problem stands for: our code and its parameters travel in `params`. */
interface RuleParams {
  da06: IssueCode;
  params: IssueParams;
}

interface FieldPlan {
  id: string;
  label: string;
  input: InputSpec;
  at: FieldCell;
}

/** Reads each input leniently, reports what cannot be typed, and returns typed values for the schema. */
function readFields(
  fields: FieldPlan[],
  sheet: string,
  key: string | undefined,
  date1904: boolean,
  definition: FormDefinition,
  issues: Issue[],
): { typed: Record<string, FieldValue>; kept: Record<string, SourcedValue>; invalid: Set<string> } {
  const typed: Record<string, FieldValue> = {};
  const kept: Record<string, SourcedValue> = {};
  const invalid = new Set<string>();
  for (const field of fields) {
    const { cell } = field.at;
    const position = { sheet, cell: field.at.address, ...(key ? { key } : {}) };
    let value: FieldValue = null;
    let raw: FieldValue = null;
    if (cell?.formula !== undefined) {
      issues.push(makeIssue('cell/formula-in-input', position, { field: field.label, formula: `=${cell.formula}`, value: String(cell.value ?? '') }));
    }
    switch (inputTypeRules(field.input).read) {
      case 'number': {
        const read = readNumber(cell);
        if (read.kind === 'value') value = raw = read.value;
        if (read.kind === 'invalid') {
          raw = read.raw;
          invalid.add(field.id);
          issues.push(makeIssue('cell/not-a-number', position, { field: field.label, value: read.raw }));
        }
        if (read.kind === 'value' && read.ambiguous) {
          issues.push(makeIssue('cell/ambiguous-number', position, { field: field.label, value: read.ambiguous.raw, read: formatNumber(read.ambiguous.read), other: formatNumber(read.ambiguous.other) }));
        }
        if (read.kind === 'value' && read.percent && field.input.type === 'nonNegative') {
          // Read as shown (27,5% → 27,5), like the text "27,5%" always was; the unit is asked to check.
          const shown = formatNumber(read.value);
          issues.push(makeIssue('cell/suspect-scale', position, {
            field: field.label,
            value: `${shown}%`,
            reason: `có dấu hoặc định dạng phần trăm, nhưng ô này không tính bằng phần trăm`,
            read: shown,
            fix: `Nếu đúng là ${shown}, bỏ định dạng phần trăm (Định dạng ô › Số) và nhập ${shown}; nếu là ${shown}% (${formatNumber(read.value / 100)} lần), nhập ${formatNumber(read.value / 100)}.`,
          }));
        }
        break;
      }
      case 'date': {
        const read = readDate(cell, date1904);
        if (read.kind === 'value') value = raw = read.value;
        if (read.kind === 'invalid') {
          raw = read.raw;
          invalid.add(field.id);
          issues.push(makeIssue('cell/invalid-date', position, { field: field.label, value: read.raw }));
        }
        break;
      }
      case 'text': {
        const read = readText(cell);
        if (read.legacy) {
          issues.push(makeIssue('cell/legacy-font', position, {
            font: cell?.font ?? '',
            encoding: read.legacy.encoding,
            outcome: read.legacy.converted ? 'da06 đã chuyển sang Unicode.' : 'da06 giữ nguyên nội dung, Công an tỉnh cần kiểm tra lại chữ.',
          }));
        }
        const text = read.text === '' ? null : read.text;
        raw = text;
        value = text !== null && field.input.type === 'list' ? (matchOption(text, definition.lists[field.input.list as string] ?? []) ?? text) : text;
      }
    }
    if (value === null && raw === null && field.input.required) issues.push(makeIssue('cell/required', position, { field: field.label }));
    typed[field.id] = value;
    kept[field.id] = { value: invalid.has(field.id) ? raw : value, address: field.at.address, sheet };
  }
  return { typed, kept, invalid };
}

/** The one boundary where zod's problems become our issues: a user never reads a JSON path. */
function zodIssues(error: z.ZodError, fields: FieldPlan[], sheet: string, key: string | undefined, typed: Record<string, FieldValue>, definition: FormDefinition): Issue[] {
  return error.issues.map((problem) => {
    const field = fields.find((f) => f.id === problem.path[0]) as FieldPlan;
    const position = { sheet, cell: field.at.address, ...(key ? { key } : {}) };
    const value = typed[field.id];
    const shown = typeof value === 'number' ? formatNumber(value) : String(value ?? '');
    if (problem.code === 'custom' && (problem.params as RuleParams | undefined)?.da06) {
      const { da06, params } = problem.params as RuleParams;
      return makeIssue(da06, position, params);
    }
    const { code, params } = inputTypeRules(field.input).problem(field, shown, definition);
    return makeIssue(code, position, params);
  });
}

type RowRules = (row: Record<string, FieldValue>, ctx: z.RefinementCtx) => void;
const RULES = '\u0000rules';

/**
 * One zod schema per row shape (which fields hold a value, of which input type), built once per form
 * definition: building schemas row by row cost more than reading the file. Cross-field rules travel
 * with the row and run in the schema's superRefine.
 */
const schemaCache = new WeakMap<FormDefinition, Map<string, z.ZodType>>();

function rowSchema(checked: readonly FieldPlan[], definition: FormDefinition): z.ZodType {
  let cache = schemaCache.get(definition);
  if (!cache) schemaCache.set(definition, (cache = new Map()));
  const signature = checked.map((f) => `${f.id}:${f.input.type}:${f.input.list ?? ''}:${f.input.maxLength ?? ''}`).join('|');
  let schema = cache.get(signature);
  if (!schema) {
    const shape = Object.fromEntries(checked.map((f) => [f.id, inputTypeRules(f.input).schema(f.input, definition)]));
    schema = z.looseObject(shape).superRefine((row, ctx) => {
      const rules = (row as Record<string, unknown>)[RULES] as RowRules | undefined;
      rules?.(row as Record<string, FieldValue>, ctx);
    });
    cache.set(signature, schema);
  }
  return schema;
}

function runSchema(
  fields: FieldPlan[],
  typed: Record<string, FieldValue>,
  invalid: Set<string>,
  refine: RowRules | undefined,
  sheet: string,
  key: string | undefined,
  definition: FormDefinition,
): Issue[] {
  // Empty and already-reported values are not checked again: one problem, one issue.
  const checked = fields.filter((f) => typed[f.id] !== null && !invalid.has(f.id));
  const input: Record<string, unknown> = Object.fromEntries(checked.map((f) => [f.id, typed[f.id]]));
  if (refine) input[RULES] = (_row: Record<string, FieldValue>, ctx: z.RefinementCtx) => refine(typed, ctx);
  const result = rowSchema(checked, definition).safeParse(input);
  return result.success ? [] : zodIssues(result.error, fields, sheet, key, typed, definition);
}

function rule(ctx: z.RefinementCtx, field: string, da06: IssueCode, params: IssueParams): void {
  ctx.addIssue({ code: 'custom', path: [field], message: da06, params: { da06, params } satisfies RuleParams });
}

function taskRules(task: Task, deadline: DeadlineStatus, definition: FormDefinition) {
  return (row: Record<string, FieldValue>, ctx: z.RefinementCtx): void => {
    const status = typeof row.status === 'string' ? row.status : null;
    const progress = typeof row.progress === 'number' ? row.progress : null;
    const meaning = taskStatusMeaning(definition, status);
    const done = meaning !== null && DONE_MEANINGS.has(meaning);
    if (done && progress !== null && progress < 100) rule(ctx, 'progress', 'row/done-not-100', { key: task.key, status: status as string, progress: formatNumber(progress) });
    if (done && !row.results && !row.product) rule(ctx, 'results', 'row/done-without-result', { key: task.key, status: status as string });
    if (meaning === 'notStarted' && progress !== null && progress > 0) rule(ctx, 'progress', 'row/not-started-with-progress', { key: task.key, status: status as string, started: taskStatusText(definition, 'inProgress'), progress: formatNumber(progress) });
    if (deadline.status === 'overdue' && status !== null && !done && !row.difficulties) {
      rule(ctx, 'difficulties', 'row/overdue-without-difficulty', { key: task.key, due: deadline.due ? formatDayMonthYear(deadline.due) : task.deadline.text });
    }
  };
}

function indicatorRules(item: IndicatorRow) {
  return (row: Record<string, FieldValue>, ctx: z.RefinementCtx): void => {
    if (row.result === null || row.result === undefined) return;
    if (assessmentOf(item, row.result) === 'notMet') {
      const value = typeof row.result === 'number' ? formatNumber(row.result) : row.result;
      rule(ctx, 'result', 'row/below-target', { key: item.indicator.key, value, target: item.target?.text ?? '' });
    }
  };
}

function checkIdentity(submission: Submission, ctx: CheckContext): Issue[] {
  const issues: Issue[] = [];
  const { identity } = submission;
  if (ctx.expected?.period && identity.period !== ctx.expected.period) issues.push(makeIssue('workbook/wrong-period', {}, { found: identity.period, expected: ctx.expected.period }));
  if (ctx.expected?.unit && identity.unitCode !== ctx.expected.unit) issues.push(makeIssue('workbook/wrong-unit', {}, { found: `${identity.unitName} (${identity.unitCode})`, expected: ctx.expected.unit }));
  if (ctx.roster && !findUnit(ctx.roster, identity.unitCode)) issues.push(makeIssue('workbook/unknown-unit', {}, { found: identity.unitCode }));
  const current = catalogHash(ctx.catalog);
  if (identity.catalogHash !== current) issues.push(makeIssue('workbook/catalog-changed', {}, { found: identity.catalogHash, current }));
  if (ctx.integrityKey !== undefined) {
    const expected = integrityToken(ctx.integrityKey, { templateId: identity.templateId, templateVersion: identity.templateVersion, unitCode: identity.unitCode, period: identity.period, catalogHash: identity.catalogHash });
    if (identity.integrity !== expected) issues.push(makeIssue('workbook/integrity', {}, { found: `${identity.unitName} (${identity.unitCode})`, period: identity.period }));
  }
  return issues;
}

/**
 * Validates a read submission with the rules of its form definition and the catalog, and returns the
 * typed values with their cells. The same function serves the CLI, the add-in and the merger.
 * @example const { issues, values } = checkSubmission(submission, { catalog, roster, expected: { period: '2026-11' } });
 */
export function checkSubmission(submission: Submission, ctx: CheckContext): CheckResult {
  const { definition, identity, date1904 } = submission;
  const rules = ctx.rules ?? DEFAULT_REPORTING_RULES;
  const period = parsePeriod(identity.period);
  const issues: Issue[] = checkIdentity(submission, ctx);
  const values: ReportValues = { cover: {}, indicators: {}, tasks: {}, extraRows: submission.extraRows };
  if (!period) return { issues, values };
  const info = describePeriod(period, rules);

  // Cover.
  const coverSheet = submission.sheetNames.cover;
  const coverFields: FieldPlan[] = definition.cover.fields
    .filter((f) => submission.cover[f.id])
    .map((f) => ({ id: f.id, label: f.label, input: { type: f.type, required: f.required, ...(f.maxLength ? { maxLength: f.maxLength } : {}) }, at: submission.cover[f.id] as FieldCell }));
  const cover = readFields(coverFields, coverSheet, undefined, date1904, definition, issues);
  values.cover = cover.kept;
  issues.push(...runSchema(coverFields, cover.typed, cover.invalid, (row, zctx) => {
    if (typeof row.reportDate === 'string' && row.reportDate < info.cutoffStart) {
      rule(zctx, 'reportDate', 'cell/date-before-period', { value: formatDayMonthYear(row.reportDate), start: formatDayMonthYear(info.cutoffStart), end: formatDayMonthYear(info.cutoffEnd) });
    }
  }, coverSheet, undefined, definition));

  // Indicators.
  const indicatorSheet = submission.sheetNames.indicators;
  const indicators = new Map<string, Indicator>(ctx.catalog.indicators.map((i) => [i.key, i]));
  for (const row of submission.indicators) {
    const indicator = indicators.get(row.key);
    if (!indicator) continue; // a key the catalog no longer has: workbook/catalog-changed says why
    const item: IndicatorRow = { indicator, role: 'lead', target: targetForYear(indicator.targets, period.year), result: resultTypeFor(indicator, definition) };
    const fields = inputFields(definition.indicators.columns, row.fields, period.year, item);
    const read = readFields(fields, indicatorSheet, row.key, date1904, definition, issues);
    issues.push(...runSchema(fields, read.typed, read.invalid, indicatorRules(item), indicatorSheet, row.key, definition));
    const threshold = thresholdOf(item);
    if (item.result.type === 'percent' && threshold?.kind === 'number') checkScale(fields.find((f) => f.id === 'result'), read.typed, threshold.min, indicatorSheet, row.key, issues);
    const assessment = assessmentOf(item, read.invalid.has('result') ? null : (read.typed.result ?? null));
    const assessmentCell = row.fields.assessment;
    if (assessmentCell) checkFormula(assessmentCell, indicatorSheet, row.key, definition, issues);
    // The derived cell as the workbook shows it, recomputed (a cached value is not trusted).
    values.indicators[row.key] = { ...read.kept, assessment: { value: ASSESSMENT_LABELS[assessment], address: assessmentCell?.address ?? '', sheet: indicatorSheet } };
  }

  // Tasks.
  const taskSheet = submission.sheetNames.tasks;
  const tasks = new Map<string, Task>(ctx.catalog.tasks.map((t) => [t.key, t]));
  for (const row of submission.tasks) {
    const task = tasks.get(row.key);
    if (!task) continue;
    const fields = inputFields(definition.tasks.columns, row.fields, period.year);
    const read = readFields(fields, taskSheet, row.key, date1904, definition, issues);
    issues.push(...runSchema(fields, read.typed, read.invalid, taskRules(task, cachedDeadlineStatus(task.deadline, period, rules), definition), taskSheet, row.key, definition));
    checkScale(fields.find((f) => f.id === 'progress' && f.input.type === 'percent'), read.typed, null, taskSheet, row.key, issues);
    values.tasks[row.key] = read.kept;
  }
  return { issues, values };
}

function inputFields(columns: FormDefinition['tasks']['columns'], cells: Record<string, FieldCell>, year: number, item?: IndicatorRow): FieldPlan[] {
  return columns
    .filter((c) => c.input && cells[c.id])
    .map((c) => {
      const input = c.input as InputSpec;
      const resolved: InputSpec =
        input.type === 'indicatorResult' && item
          ? { ...input, type: item.result.type, ...(item.result.type === 'list' ? { list: item.result.list } : {}) }
          : input;
      return { id: c.id, label: c.header.replace('{year}', String(year)), input: resolved, at: cells[c.id] as FieldCell };
    });
}

/**
 * A percent typed as a fraction (0,85 for 85%; or "50%" typed into a cell formatted as a plain number,
 * which keeps 0.5): a "%" result of at most 1 against a target above 1, or a progress between 0 and 1,
 * with no percent sign or format. A warning asks the unit to check; the value is kept as read.
 */
function checkScale(field: FieldPlan | undefined, typed: Record<string, FieldValue>, target: number | null, sheet: string, key: string, issues: Issue[]): void {
  const value = field ? typed[field.id] : null;
  if (!field || typeof value !== 'number' || value <= 0 || value > 1 || (target === null ? value === 1 : target <= 1)) return;
  if (readNumber(field.at.cell).percent) return; // `0,85%` or a percent format: the unit said percent
  const shown = formatNumber(value);
  const percent = formatNumber(percentOf(value));
  const small = target === null ? 'dưới 1%' : `rất nhỏ so với chỉ tiêu ${formatNumber(target)}%`;
  issues.push(makeIssue('cell/suspect-scale', { sheet, cell: field.at.address, key }, {
    field: field.label,
    value: shown,
    reason: `${small}: có thể đã nhập dạng thập phân (${shown} thay cho ${percent}%)`,
    read: `${shown}%`,
    fix: `Nếu là ${percent}%, nhập ${percent}; nếu đúng là ${shown}%, giữ nguyên.`,
  }));
}

/** Our formula cells must still be formulas: a typed-over assessment is flagged (and recomputed anyway). */
function checkFormula(at: FieldCell, sheet: string, key: string, definition: FormDefinition, issues: Issue[]): void {
  const cell: CellModel | undefined = at.cell;
  if (cell?.formula !== undefined) return;
  const label = definition.indicators.columns.find((c) => c.source === 'assessment')?.header ?? '';
  issues.push(makeIssue('cell/formula-overwritten', { sheet, cell: at.address, key }, { field: label, value: String(cell?.value ?? '') }));
}
