import { sha256Hex } from '../catalog/hash';
import { DEFAULT_INTEGRITY_KEY } from '../catalog/integrity';
import type { Catalog, Task, UnitGroup } from '../catalog/schema';
import { isBlocking, renderMessage, type Issue } from '../issues/issue';
import { DEFAULT_REPORTING_RULES, type ReportingRules } from '../period/config';
import { describePeriod, type Period } from '../period/period';
import { DEADLINE_STATUS_LABELS, deadlineStatus } from '../period/status';
import { targetForYear } from '../period/target';
import type { Roster } from '../roster/roster';
import type { Unit } from '../roster/schema';
import { ASSESSMENT, assessmentOf, DONE_STATUSES } from '../template/assessment';
import { resultTypeFor, type IndicatorRow } from '../template/assign';
import { currentDefinition } from '../template/registry';
import { foldKey } from '../text/fold';
import type { FieldValue, ReportValues, SourcedValue } from '../validate/check';
import { validateWorkbook, type FileReport } from '../validate/validate';
import { seenValue } from '../validate/values';
import { vietnamDate } from './_lib/time';
import type {
  CellChange,
  ConcernRecord,
  Consolidation,
  DataRecord,
  DataUse,
  DuplicateRecord,
  IndicatorSummary,
  IntakeItem,
  IntakeNote,
  IntakeRecord,
  IntakeStatus,
  IssueRecord,
  RateFigures,
  TaskOverall,
  TaskSummary,
  TaskUnitStatus,
  UnitSubmission,
} from './types';

/** One input after reading and validation: everything the merge needs, and nothing heavier. */
export interface AssessedFile {
  name: string;
  container?: string;
  size: number;
  sha256: string;
  receivedAt?: string;
  receivedAtSource: IntakeItem['receivedAtSource'];
  receivedFrom?: string;
  readable: boolean;
  blocked: boolean;
  unit?: string;
  unitName?: string;
  period?: string;
  templateVersion?: number;
  issues: IssueRecord[];
  errors: number;
  warnings: number;
  values?: ReportValues;
}

export interface AssessOptions {
  catalog: Catalog;
  roster: Roster;
  period: Period;
  rules?: ReportingRules;
  /** Key of the templates' integrity tokens; checked on intake (the public default when absent). */
  integrityKey?: string;
  /** SHA-256 of a file as hex; Node passes its native one (the pure-JS default serves browsers). */
  sha256?: (bytes: Uint8Array) => string;
}

function issueRecord(issue: Issue): IssueRecord {
  return { code: issue.code, severity: issue.severity, sheet: issue.sheet ?? null, cell: issue.cell ?? null, message: renderMessage(issue) };
}

/**
 * Reads, validates and fingerprints one input. Pure and self-contained, so it can run in a worker.
 * A report date typed in the workbook stands in for the receipt time when only the file time is known.
 */
export function assessFile(item: IntakeItem, options: AssessOptions): AssessedFile {
  const report: FileReport = validateWorkbook(item.bytes, {
    catalog: options.catalog,
    roster: options.roster,
    expected: { period: options.period.id },
    integrityKey: options.integrityKey ?? DEFAULT_INTEGRITY_KEY,
    ...(options.rules ? { rules: options.rules } : {}),
  });
  let { receivedAt, receivedAtSource } = item;
  const reportDate = report.values?.cover.reportDate?.value;
  if ((receivedAtSource === 'fileTime' || receivedAtSource === 'unknown') && typeof reportDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(reportDate)) {
    receivedAt = `${reportDate}T00:00:00+07:00`;
    receivedAtSource = 'reportDate';
  }
  return {
    name: item.name,
    ...(item.container ? { container: item.container } : {}),
    size: item.bytes.length,
    sha256: (options.sha256 ?? sha256Hex)(item.bytes),
    ...(receivedAt ? { receivedAt } : {}),
    receivedAtSource,
    ...(item.receivedFrom ? { receivedFrom: item.receivedFrom } : {}),
    readable: report.readable,
    blocked: report.blocked,
    ...(report.unit ? { unit: report.unit } : {}),
    ...(report.unitName ? { unitName: report.unitName } : {}),
    ...(report.period ? { period: report.period } : {}),
    ...(report.templateVersion ? { templateVersion: report.templateVersion } : {}),
    issues: report.issues.map(issueRecord),
    errors: report.errors,
    warnings: report.warnings,
    ...(report.values ? { values: report.values } : {}),
  };
}

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

const STARTED = new Set(['Đang triển khai', ...DONE_STATUSES]);

function statusOf(file: AssessedFile): IntakeStatus {
  if (file.blocked) return 'rejected';
  if (file.errors > 0) return 'acceptedWithErrors';
  return file.warnings > 0 ? 'acceptedWithWarnings' : 'accepted';
}

/** Later receipt wins; an unknown time counts as earliest; input order breaks ties (later wins). */
function receiptOrder(a: { file: AssessedFile; index: number }, b: { file: AssessedFile; index: number }): number {
  const ta = a.file.receivedAt ? Date.parse(a.file.receivedAt) : Number.NEGATIVE_INFINITY;
  const tb = b.file.receivedAt ? Date.parse(b.file.receivedAt) : Number.NEGATIVE_INFINITY;
  return ta === tb ? a.index - b.index : ta < tb ? -1 : 1;
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  if (typeof a === 'string' && typeof b === 'string') return foldKey(a) === foldKey(b);
  return a === b;
}

function* sourcedValues(values: ReportValues): Generator<{ sheetKey: string; field: string; v: SourcedValue }> {
  for (const [field, v] of Object.entries(values.cover)) yield { sheetKey: field, field, v };
  for (const [key, fields] of Object.entries(values.indicators)) for (const [field, v] of Object.entries(fields)) yield { sheetKey: key, field, v };
  for (const [key, fields] of Object.entries(values.tasks)) for (const [field, v] of Object.entries(fields)) yield { sheetKey: key, field, v };
}

function diffValues(before: ReportValues, after: ReportValues): CellChange[] {
  const old = new Map<string, SourcedValue>();
  for (const { sheetKey, field, v } of sourcedValues(before)) old.set(`${sheetKey}|${field}`, v);
  const changes: CellChange[] = [];
  for (const { sheetKey, field, v } of sourcedValues(after)) {
    const was = old.get(`${sheetKey}|${field}`);
    if (field === 'assessment') continue; // derived: its change is the result's change
    if (!was || !sameValue(was.value, v.value)) changes.push({ sheet: v.sheet, cell: v.address, key: sheetKey, field, before: was?.value ?? null, after: v.value });
  }
  return changes;
}

function rates(units: UnitSubmission[]): RateFigures {
  const expected = units.length;
  const received = units.filter((u) => u.received).length;
  const onTime = units.filter((u) => u.onTime).length;
  return { expected, received, onTime, reportingRate: expected ? received / expected : 0, onTimeRate: expected ? onTime / expected : 0 };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function unitsOfGroups(roster: Roster, groups: readonly UnitGroup[]): Unit[] {
  return roster.units.filter((u) => (u.kind === 'department' && groups.includes('departments')) || (u.kind === 'commune' && groups.includes('communes')));
}

/** Merges assessed inputs; pure, deterministic for the same inputs and `now`. */
export function mergeAssessed(files: readonly AssessedFile[], options: ConsolidateOptions): Consolidation {
  const { catalog, roster, period } = options;
  const rules = options.rules ?? DEFAULT_REPORTING_RULES;
  const info = describePeriod(period, rules);
  const definition = currentDefinition();
  const indexed = files.map((file, index) => ({ file, index }));

  // Duplicates: the latest receipt of each unit is kept.
  const keptByUnit = new Map<string, AssessedFile>();
  const superseded = new Set<AssessedFile>();
  const duplicates: DuplicateRecord[] = [];
  const byUnit = new Map<string, Array<{ file: AssessedFile; index: number }>>();
  for (const entry of indexed) {
    if (entry.file.blocked || !entry.file.unit) continue;
    byUnit.set(entry.file.unit, [...(byUnit.get(entry.file.unit) ?? []), entry]);
  }
  for (const [unit, entries] of byUnit) {
    const ordered = [...entries].sort(receiptOrder);
    const kept = (ordered[ordered.length - 1] as { file: AssessedFile }).file;
    keptByUnit.set(unit, kept);
    if (ordered.length > 1) {
      const older = ordered.slice(0, -1).map((e) => e.file);
      older.forEach((f) => superseded.add(f));
      const latestOld = older[older.length - 1] as AssessedFile;
      duplicates.push({
        unit,
        kept: kept.name,
        superseded: older.map((f) => f.name),
        changes: latestOld.values && kept.values ? diffValues(latestOld.values, kept.values) : [],
      });
    }
  }

  const intake: IntakeRecord[] = files.map((file) => {
    const status: IntakeStatus = superseded.has(file) ? 'superseded' : statusOf(file);
    const blocking = file.issues.find((i) => isBlocking(i));
    return {
      file: file.name,
      ...(file.container ? { container: file.container } : {}),
      sha256: file.sha256,
      size: file.size,
      status,
      ...(file.unit ? { unit: file.unit } : {}),
      ...(file.unitName ? { unitName: file.unitName } : {}),
      ...(file.period ? { period: file.period } : {}),
      ...(file.templateVersion ? { templateVersion: file.templateVersion } : {}),
      ...(file.receivedAt ? { receivedAt: file.receivedAt } : {}),
      receivedAtSource: file.receivedAtSource,
      ...(file.receivedFrom ? { receivedFrom: file.receivedFrom } : {}),
      ...(status === 'rejected' && blocking ? { reason: { code: blocking.code, message: blocking.message } } : {}),
      errors: file.errors,
      warnings: file.warnings,
      issues: file.issues,
    };
  });

  // Who reported, on time or late.
  const lastAllowed = rules.dueIsExclusive ? shiftDay(info.dueDate, -1) : info.dueDate;
  const submissions: UnitSubmission[] = roster.units.map((unit) => {
    const kept = keptByUnit.get(unit.code);
    if (!kept) return { unit: unit.code, unitName: unit.name, kind: unit.kind, received: false, errors: 0, warnings: 0 };
    const day = kept.receivedAt ? vietnamDate(kept.receivedAt) : null;
    const daysLate = day ? Math.max(0, daysBetween(lastAllowed, day)) : undefined;
    return {
      unit: unit.code,
      unitName: unit.name,
      kind: unit.kind,
      received: true,
      file: kept.name,
      ...(kept.receivedAt ? { receivedAt: kept.receivedAt } : {}),
      receivedAtSource: kept.receivedAtSource,
      ...(daysLate !== undefined ? { onTime: daysLate === 0, daysLate } : {}),
      errors: kept.errors,
      warnings: kept.warnings,
    };
  });

  const errorCells = new Map<AssessedFile, Set<string>>();
  for (const file of keptByUnit.values()) {
    errorCells.set(file, new Set(file.issues.filter((i) => i.severity === 'error' && i.sheet && i.cell).map((i) => `${i.sheet}!${i.cell}`)));
  }
  const flaggedIn = (file: AssessedFile, v: SourcedValue | undefined) => Boolean(v && errorCells.get(file)?.has(`${v.sheet}!${v.address}`));

  // Indicators: the lead monitor's value is the province figure; the others stand beside it.
  const indicators: IndicatorSummary[] = catalog.indicators.map((indicator) => {
    const target = targetForYear(indicator.targets, period.year);
    const item: IndicatorRow = { indicator, role: 'lead', target, result: resultTypeFor(indicator, definition) };
    const reported = indicator.monitors.map((code) => {
      const file = keptByUnit.get(code);
      const row = file?.values?.indicators[indicator.key];
      const value = row?.result?.value ?? null;
      const flagged = file ? flaggedIn(file, row?.result) : false;
      return { unit: code, value, flagged, assessment: file ? (flagged ? 'Số liệu có lỗi' : assessmentOf(item, value)) : 'Chưa báo cáo' };
    });
    const lead = reported[0];
    const present = reported.filter((r) => r.value !== null && !r.flagged);
    const disagree = present.some((r) => !sameValue(r.value, (present[0] as { value: FieldValue }).value));
    const previous = options.previous?.get(indicator.key);
    const value = lead?.value ?? null;
    return {
      key: indicator.key,
      group: indicator.group,
      text: indicator.text,
      unitOfMeasure: indicator.unit,
      target: target?.text ?? 'Không đặt chỉ tiêu',
      lead: lead?.unit ?? null,
      value,
      status: lead ? (lead.flagged ? 'Số liệu có lỗi' : lead.value === null ? ASSESSMENT.noData : lead.assessment) : ASSESSMENT.noData,
      flagged: lead?.flagged ?? false,
      others: reported.slice(1),
      disagree,
      ...(options.previous ? { previous: previous ?? null, change: typeof value === 'number' && typeof previous === 'number' ? +(value - previous).toFixed(6) : null } : {}),
      ...(indicator.monitorGroups.includes('byField') ? { note: `Theo dõi theo lĩnh vực: ${indicator.monitorsText}.` } : {}),
    };
  });

  // Tasks: the units that carry each task, their statuses, and the overall picture.
  const tasks: TaskSummary[] = catalog.tasks.map((task) => summariseTask(task, roster, keptByUnit, period, rules));

  // Difficulties and proposals, ready to paste.
  const concerns: ConcernRecord[] = [];
  for (const unit of roster.units) {
    const file = keptByUnit.get(unit.code);
    if (!file?.values) continue;
    const push = (kind: ConcernRecord['kind'], task: string | null, v: SourcedValue | undefined) => {
      if (typeof v?.value === 'string' && v.value.trim()) concerns.push({ unit: unit.code, unitName: unit.name, kind, task, text: v.value, file: file.name, cell: `${v.sheet}!${v.address}` });
    };
    push('difficulty', null, file.values.cover.difficulties);
    push('proposal', null, file.values.cover.proposals);
    for (const [key, row] of Object.entries(file.values.tasks)) {
      push('difficulty', key, row.difficulties);
      push('proposal', key, row.proposals);
    }
  }

  // Every value read, with its provenance and whether it counts.
  const data: DataRecord[] = [];
  for (const file of files) {
    if (!file.values || !file.unit) continue;
    const use: DataUse = keptByUnit.get(file.unit) === file ? 'consolidated' : superseded.has(file) ? 'superseded' : 'rejected';
    for (const { sheetKey, field, v } of sourcedValues(file.values)) {
      if (v.value === null || v.value === '') continue;
      data.push({ use, unit: file.unit, sheet: v.sheet, key: sheetKey, field, value: v.value, file: file.name, sha256: file.sha256, cell: v.address });
    }
    for (const extra of file.values.extraRows) {
      for (const cell of extra.cells) {
        data.push({ use, unit: file.unit, sheet: extra.sheet, key: `+dòng ${extra.row}`, field: cell.address.replace(/\d+$/, ''), value: seenValue(cell), file: file.name, sha256: file.sha256, cell: cell.address });
      }
    }
  }

  const departments = submissions.filter((s) => s.kind === 'department');
  const communes = submissions.filter((s) => s.kind === 'commune');
  return {
    period: period.id,
    periodLabel: info.label,
    cutoffStart: info.cutoffStart,
    cutoffEnd: info.cutoffEnd,
    dueDate: info.dueDate,
    generatedAt: options.now.toISOString(),
    totals: rates(submissions),
    byKind: { department: rates(departments), commune: rates(communes) },
    late: submissions.filter((s) => s.received && s.onTime === false).length,
    missing: submissions.filter((s) => !s.received).map((s) => s.unit),
    submissions,
    indicators,
    tasks,
    concerns,
    data,
    intake,
    notes: options.notes ?? [],
    duplicates,
  };
}

function shiftDay(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function summariseTask(task: Task, roster: Roster, keptByUnit: ReadonlyMap<string, AssessedFile>, period: Period, rules: ReportingRules): TaskSummary {
  const leads = [...new Set([...task.lead, ...unitsOfGroups(roster, task.leadGroups).map((u) => u.code)])];
  const coordinators = [...new Set([...task.coordinators, ...unitsOfGroups(roster, task.coordinatorGroups).map((u) => u.code)])].filter((c) => !leads.includes(c));
  const rosterCodes = new Set(roster.units.map((u) => u.code));
  const carriers = (leads.some((c) => rosterCodes.has(c)) ? leads : coordinators).filter((c) => rosterCodes.has(c));
  const statusOfUnit = (code: string, role: TaskUnitStatus['role']): TaskUnitStatus | null => {
    const row = keptByUnit.get(code)?.values?.tasks[task.key];
    if (!row) return null;
    const text = (f: string) => (typeof row[f]?.value === 'string' ? (row[f]?.value as string) : null);
    const progress = row.progress?.value;
    return { unit: code, role, status: text('status'), progress: typeof progress === 'number' && progress >= 0 && progress <= 100 ? progress : null, results: text('results'), product: text('product'), difficulties: text('difficulties') };
  };
  const units = [
    ...leads.map((c) => statusOfUnit(c, 'lead')),
    ...coordinators.map((c) => statusOfUnit(c, 'coordinator')),
  ].filter((u): u is TaskUnitStatus => u !== null);
  const carrying = units.filter((u) => carriers.includes(u.unit) && u.status !== null);
  let overall: TaskOverall;
  if (carrying.length === 0) overall = 'noReport';
  else if (carrying.length === carriers.length && carrying.every((u) => DONE_STATUSES.has(u.status as string))) overall = 'done';
  else if (carrying.some((u) => STARTED.has(u.status as string))) overall = 'inProgress';
  else overall = 'notStarted';
  const progresses = carrying.map((u) => u.progress).filter((p): p is number => p !== null);
  const deadline = deadlineStatus(task.deadline, period, rules);
  return {
    key: task.key,
    appendix: task.appendix,
    text: task.text,
    leadText: task.leadText || task.external.join(', '),
    deadline: task.deadline.text,
    due: deadline.due,
    deadlineStatus: DEADLINE_STATUS_LABELS[deadline.status],
    overall,
    overdue: deadline.status === 'overdue' && overall !== 'done',
    progress: progresses.length ? Math.round((progresses.reduce((a, b) => a + b, 0) / progresses.length) * 10) / 10 : null,
    units,
  };
}
