import type { Catalog } from '../catalog/schema';
import type { IssueCode } from '../issues/catalog';
import { addressDomain, type MailMessage, type RenderMessage } from '../mail/message';
import { DEFAULT_REPORTING_RULES, type ReportingRules } from '../period/config';
import { describePeriod, nextPeriod, type Period } from '../period/period';
import type { Roster } from '../roster/roster';
import type { Unit } from '../roster/schema';
import { rowsForUnit, type UnitRows } from '../template/assign';
import { templateFileName } from '../template/filename';
import { buildWorkbook } from '../template/generate';
import type { FormDefinition, TaskStatusMeaning } from '../template/schema';
import { asciiFold } from '../text/fold';
import { applyMistakes, correctAnswers, diffAnswers, draftAnswers, type Answers, type FieldValues, type PlantedAnswers } from './_lib/answers';
import { addDays, dayOfWeek, isoDate, vietnamInstant, vietnamIso, vietnamWallTime, type WallTime } from '../_lib/calendar';
import { openForm } from './_lib/form';
import { unitSelfName, unitSenderAddress } from './_lib/units';
import { MISTAKES, type Mistake } from './mistake';
import { createRandom, type Random } from './random';

/** Where the simulated units send their reports: the secretariat's mailbox at Công an tỉnh. */
export const SECRETARIAT_MAILBOX = { name: 'Tổ công tác Đề án 06 tỉnh', address: 'da06@congan.thanhhoa.gov.vn' } as const;

export interface SimulateMonthOptions {
  definition: FormDefinition;
  catalog: Catalog;
  roster: Roster;
  period: Period;
  seed: number;
  /**
   * When the secretariat generated the templates (stamped in every file). Defaults to the 25th of the
   * period's month, 08:00 Vietnam time; must come before the first report can arrive (the 1st of M+1).
   */
  now?: Date;
  rules?: ReportingRules;
  /** Writes the one return that comes as a saved e-mail (lib/node/mime.ts's renderMessage in Node). */
  renderMessage: RenderMessage;
  /** Facts a scenario fixes in advance (multi-month tests with known answers); the units it names take no other role. */
  plant?: SimulatePlant;
}

/** What a scenario fixes: who is late or silent, what some units answer, and a corrected return sent again later. */
export interface SimulatePlant {
  /** Units whose return arrives on time (and takes no special role). */
  onTime?: readonly string[];
  /** Units whose return arrives after the due date. */
  late?: readonly string[];
  /** Units that send nothing. */
  missing?: readonly string[];
  /** Results a unit types for an indicator of its return. */
  results?: ReadonlyArray<{ unit: string; indicator: string; value: number | string }>;
  /** Statuses (by meaning) a unit chooses for a task of its return, with the progress and texts that go with them. */
  statuses?: ReadonlyArray<{ unit: string; task: string; status: TaskStatusMeaning }>;
  /**
   * The unit sends its return of this period again, corrected (these results changed), at `receivedAt`
   * (ISO 8601 with offset): delivered apart, in `SimulatedMonth.resubmission`, for a later consolidation of the month.
   */
  resubmission?: { unit: string; receivedAt: string; results: ReadonlyArray<{ indicator: string; value: number | string }> };
}

export interface SimulatedFile {
  name: string;
  /** The unit that sent it. */
  unit: string;
  bytes: Uint8Array;
  /** ISO 8601, Vietnam time: `2026-12-08T09:15:00+07:00`. */
  receivedAt: string;
  via: 'file' | 'eml';
}

export interface MonthTruth {
  /** Every unit of the roster, in roster order. */
  expected: string[];
  /** onTime + late + missing = expected, each in roster order. */
  onTime: string[];
  late: string[];
  /** Units with no readable return: those that sent nothing, and the unit whose only file is broken. */
  missing: string[];
  /** Both files on time; `changed` lists exactly the data-sheet fields that differ (the cover is identical). */
  duplicate: { unit: string; first: string; second: string; changed: Array<{ key: string; field: string }> };
  /** One per mistake percentOver100, doneAt40, missingRequired; each file has exactly this one error. */
  withErrors: Array<{ unit: string; file: string; code: IssueCode; key: string }>;
  /** A valid return cut to 60 % of its bytes, named like a normal return; its unit is in `missing`. */
  broken: { unit: string; file: string };
  /** `file` is the .eml's name, `attachment` the workbook's name inside it; received at its Date header. */
  eml: { unit: string; file: string; attachment: string };
  /** Valid returns with one result typed as text (`92,5`) and one difficulty that looks like a formula. */
  percentAsText: { unit: string; key: string };
  textStartingWithEquals: { unit: string; key: string };
  /** The planted resubmission, when there is one: consolidated with `files`, it is the unit's kept return. */
  resubmission?: { unit: string; file: string; receivedAt: string };
}

export interface SimulatedMonth {
  /** In order of receipt. */
  files: SimulatedFile[];
  /** The secretariat's receipt log for the files that came as bare .xlsx (not the .eml). */
  receipts: Array<{ file: string; receivedAt: string }>;
  truth: MonthTruth;
  /** The planted resubmission (not in `files` or `receipts`). */
  resubmission?: SimulatedFile;
}

type Role = 'plain' | 'duplicate' | 'broken' | 'eml' | Mistake;

/** Office hours, 07:30 to 17:00, in minutes after midnight. */
const OPENS = 7 * 60 + 30;
const CLOSES = 17 * 60;

const hasPercent = (rows: UnitRows): boolean => rows.indicators.some((i) => i.result.type === 'percent');
const hasTasks = (rows: UnitRows): boolean => rows.tasks.length > 0;
// correctAnswers moves a task forward: recurring and conditional tasks are never drafted as done.
const canBeCorrected = (rows: UnitRows): boolean =>
  rows.indicators.length > 0 && rows.tasks.some((t) => t.deadline.status === 'recurring' || t.deadline.status === 'conditional');

/** Roles that need a particular kind of unit come first, while such units are still free. */
const SPECIAL_ROLES: ReadonlyArray<{ role: Exclude<Role, 'plain'>; fits: (rows: UnitRows) => boolean }> = [
  { role: 'percentOver100', fits: hasPercent },
  { role: 'percentAsText', fits: hasPercent },
  { role: 'duplicate', fits: canBeCorrected },
  { role: 'doneAt40', fits: hasTasks },
  { role: 'missingRequired', fits: hasTasks },
  { role: 'textStartingWithEquals', fits: hasTasks },
  { role: 'broken', fits: () => true },
  { role: 'eml', fits: () => true },
];

/** A receipt time on one of the given days of month M+1, weekdays far likelier than weekends, in office hours. */
function receiptTime(random: Random, month: Period, days: readonly number[]): WallTime {
  const weights = days.map((day) => {
    const weekday = dayOfWeek(isoDate(month.year, month.month, day));
    return weekday === 0 || weekday === 6 ? 0.15 : 1;
  });
  let roll = random.uniform(0, weights.reduce((a, b) => a + b, 0));
  let index = 0;
  while (index < days.length - 1 && roll >= (weights[index] as number)) roll -= weights[index++] as number;
  const minute = random.int(OPENS, CLOSES - 1);
  return { year: month.year, month: month.month, day: days[index] as number, hour: Math.floor(minute / 60), minute: minute % 60, second: random.int(0, 59) };
}

const later = (time: WallTime, minutes: number): Date => new Date(vietnamInstant(time).getTime() + minutes * 60_000);

/** Two receipt times, earlier first, never the same second. */
function inOrder(a: WallTime, b: WallTime): [WallTime, WallTime] {
  const [first, second] = vietnamInstant(a).getTime() <= vietnamInstant(b).getTime() ? [a, b] : [b, a];
  return vietnamInstant(first).getTime() === vietnamInstant(second).getTime() ? [first, vietnamWallTime(later(second, 1))] : [first, second];
}

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** A name that is not taken yet: `x.xlsx`, then `x (2).xlsx`, `x (3).xlsx` … */
function uniqueName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot < 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot)];
  let candidate = name;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${stem} (${n})${extension}`;
  taken.add(candidate);
  return candidate;
}

/** What users call the file when they rename it; most keep the template's name. */
function userFileName(random: Random, unit: Unit, period: Period): string {
  const template = templateFileName(period, unit);
  if (!random.chance(0.2)) return template;
  const renames = [
    () => `BC thang ${period.month} - ${asciiFold(unit.shortName)}.xlsx`,
    () => `bao cao DA06 (${random.int(1, 3)}).xlsx`,
    () => `Báo cáo Đề án 06 tháng ${period.month}.${period.year} - ${unit.name}.xlsx`,
    () => template.replace(/\.xlsx$/, ' (1).xlsx'),
    () => `${unit.code}_BC_DA06_T${period.month}.xlsx`,
  ];
  return random.pick(renames)();
}

const isMistake = (role: Role): role is Mistake => (MISTAKES as readonly string[]).includes(role);

/** The few lines a clerk writes above the attachment, signed with the preparer's name. */
function coverLetter(unit: Unit, periodLabel: string, recipient: string, answers: Answers): string {
  const self = unitSelfName(unit);
  return [
    `Kính gửi: ${recipient}.`,
    '',
    `${self} gửi báo cáo kết quả thực hiện Kế hoạch 210/KH-UBND (Đề án 06) ${periodLabel.toLocaleLowerCase('vi')} (tệp đính kèm).`,
    '',
    'Trân trọng./.',
    '--',
    String(answers.cover.preparerName),
    `${String(answers.cover.preparerTitle)} - ${self}`,
    `ĐT: ${String(answers.cover.phone)}`,
  ].join('\n');
}

function pickFields(answers: Answers, changes: ReturnType<typeof diffAnswers>): Partial<Answers> {
  const partial: Pick<Answers, 'indicators' | 'tasks'> = { indicators: {}, tasks: {} };
  for (const { sheet, key, field } of changes) {
    const row: FieldValues = (partial[sheet][key] ??= {});
    row[field] = answers[sheet][key]?.[field] ?? null;
  }
  return partial;
}

/** A plant's answers by unit, checked against the units' rows, and every unit it names (they take no special role). */
function plantedAnswers(plant: SimulatePlant | undefined, rowsOf: ReadonlyMap<string, UnitRows>): { byUnit: Map<string, PlantedAnswers>; pinned: Set<string> } {
  const byUnit = new Map<string, { results: Record<string, number | string>; statuses: Record<string, TaskStatusMeaning> }>();
  if (!plant) return { byUnit, pinned: new Set() };
  const rowsOfUnit = (code: string) => {
    const rows = rowsOf.get(code);
    if (!rows) throw new RangeError(`simulateMonth: the plant names ${code}, which is not on the roster`);
    return rows;
  };
  const answersOf = (code: string) => {
    let entry = byUnit.get(code);
    if (!entry) byUnit.set(code, (entry = { results: {}, statuses: {} }));
    return entry;
  };
  for (const { unit, indicator, value } of plant.results ?? []) {
    if (!rowsOfUnit(unit).indicators.some((i) => i.indicator.key === indicator)) throw new RangeError(`simulateMonth: ${unit} has no row for indicator ${indicator}`);
    answersOf(unit).results[indicator] = value;
  }
  for (const { unit, task, status } of plant.statuses ?? []) {
    if (!rowsOfUnit(unit).tasks.some((t) => t.task.key === task)) throw new RangeError(`simulateMonth: ${unit} has no row for task ${task}`);
    answersOf(unit).statuses[task] = status;
  }
  const again = plant.resubmission;
  if (again) for (const { indicator } of again.results) if (!rowsOfUnit(again.unit).indicators.some((i) => i.indicator.key === indicator)) throw new RangeError(`simulateMonth: ${again.unit} has no row for indicator ${indicator}`);
  const missing = new Set(plant.missing ?? []);
  for (const code of [...(plant.onTime ?? []), ...(plant.late ?? []), ...missing]) rowsOfUnit(code);
  const late = new Set(plant.late ?? []);
  for (const code of plant.onTime ?? []) if (late.has(code) || missing.has(code)) throw new RangeError(`simulateMonth: ${code} cannot be both on time and late or missing`);
  for (const code of late) if (missing.has(code)) throw new RangeError(`simulateMonth: ${code} cannot be both late and missing`);
  for (const code of [...byUnit.keys(), ...(again ? [again.unit] : [])]) if (missing.has(code)) throw new RangeError(`simulateMonth: ${code} is planted as missing but also answers`);
  const pinned = new Set([...byUnit.keys(), ...(plant.onTime ?? []), ...late, ...missing, ...(again ? [again.unit] : [])]);
  return { byUnit, pinned };
}

/**
 * A realistic month of returns for every unit of the roster: most on time, some late, some missing,
 * one resubmission, three returns with errors, two tricky but valid ones, one broken file and one
 * saved e-mail, with the exact truth a merger must find. Same seed, same bytes.
 * @example const month = await simulateMonth({ definition, catalog, roster, period: parsePeriod('2026-11')!, seed: 6 });
 */
export async function simulateMonth(options: SimulateMonthOptions): Promise<SimulatedMonth> {
  const { definition, catalog, roster, period } = options;
  const rules = options.rules ?? DEFAULT_REPORTING_RULES;
  const info = describePeriod(period, rules);
  const after = nextPeriod(period);
  const generatedAt = options.now ?? vietnamInstant({ year: period.year, month: period.month, day: 25, hour: 8, minute: 0, second: 0 });
  if (generatedAt.getTime() >= vietnamInstant({ year: after.year, month: after.month, day: 1, hour: 0, minute: 0, second: 0 }).getTime()) {
    throw new RangeError(`simulateMonth: templates generated at ${generatedAt.toISOString()} would postdate the first return of ${period.id}`);
  }
  const lastOnTimeDay = rules.dueIsExclusive ? rules.dueDayOfNextMonth - 1 : rules.dueDayOfNextMonth;
  if (lastOnTimeDay < 1) throw new RangeError('simulateMonth: the rules leave no day to report on time');
  const onTimeDays = range(1, lastOnTimeDay);
  const lateDays = range(lastOnTimeDay + 1, lastOnTimeDay + 6);

  const random = createRandom(options.seed);
  const units = roster.units;
  const rowsOf = new Map(units.map((unit) => [unit.code, rowsForUnit(catalog, unit, period, definition, rules)]));

  // Who does what: special roles first, then missing and late among the others; the rest on time.
  const planted = plantedAnswers(options.plant, rowsOf);
  const forcedLate = new Set(options.plant?.late ?? []);
  const forcedMissing = new Set(options.plant?.missing ?? []);
  const order = random.fork('roles').shuffle(units);
  const roleOf = new Map<string, Role>();
  for (const { role, fits } of SPECIAL_ROLES) {
    const unit = order.find((u) => !roleOf.has(u.code) && !planted.pinned.has(u.code) && fits(rowsOf.get(u.code) as UnitRows));
    if (!unit) throw new RangeError(`simulateMonth: the roster has no free unit for the role ${role}`);
    roleOf.set(unit.code, role);
  }
  const others = order.filter((u) => !roleOf.has(u.code) && !planted.pinned.has(u.code));
  const silentCount = Math.max(1, Math.round(units.length * 0.06) - 1); // the broken unit makes up the 6 %
  const lateCount = Math.max(1, Math.round(units.length * 0.08));
  if (others.length < silentCount + lateCount + 1) throw new RangeError(`simulateMonth: ${units.length} units are too few for a realistic month`);
  const silent = new Set([...others.slice(0, silentCount).map((u) => u.code), ...forcedMissing]);
  const late = new Set([...others.slice(silentCount, silentCount + lateCount).map((u) => u.code), ...forcedLate]);

  const files: SimulatedFile[] = [];
  let resubmission: SimulatedFile | undefined;
  const names = new Set<string>();
  const truth: MonthTruth = {
    expected: units.map((u) => u.code),
    onTime: [],
    late: [],
    missing: [],
    duplicate: { unit: '', first: '', second: '', changed: [] },
    withErrors: [],
    broken: { unit: '', file: '' },
    eml: { unit: '', file: '', attachment: '' },
    percentAsText: { unit: '', key: '' },
    textStartingWithEquals: { unit: '', key: '' },
  };

  for (const unit of units) {
    const code = unit.code;
    const role = roleOf.get(code) ?? 'plain';
    if (silent.has(code)) {
      truth.missing.push(code);
      continue;
    }
    const r = random.fork(`unit:${code}`);
    const isLate = late.has(code);
    let received = receiptTime(r, after, isLate ? lateDays : onTimeDays);
    let resent = received;
    if (role === 'duplicate') {
      // The correction goes out later, still on time.
      [received, resent] = inOrder(received, receiptTime(r, after, onTimeDays));
    }
    const reportDate = addDays(isoDate(received.year, received.month, received.day), r.chance(0.3) ? -1 : 0);
    const rows = rowsOf.get(code) as UnitRows;
    const form = openForm(buildWorkbook({ definition, catalog, unit, period, generatedAt, rules }), definition, rows);
    const ctx = { unit, info, rows, random: r, reportDate, ...(planted.byUnit.has(code) ? { planted: planted.byUnit.get(code) as PlantedAnswers } : {}) };
    const answers = draftAnswers(ctx);
    const [site] = applyMistakes(answers, rows, isMistake(role) ? [role] : [], code);
    form.write(answers);
    const savedBy = String(answers.cover.preparerName);
    const bytes = await form.save(later(received, -r.int(3, 90)), savedBy);
    (role === 'broken' ? truth.missing : isLate ? truth.late : truth.onTime).push(code);

    const add = (name: string, data: Uint8Array, at: string, via: SimulatedFile['via'] = 'file') => files.push({ name, unit: code, bytes: data, receivedAt: at, via });
    switch (role) {
      case 'broken': {
        const file = uniqueName(templateFileName(period, unit), names);
        add(file, bytes.slice(0, Math.floor(bytes.length * 0.6)), vietnamIso(received));
        truth.broken = { unit: code, file };
        break;
      }
      case 'duplicate': {
        const corrected = correctAnswers(answers, ctx);
        const changes = diffAnswers(answers, corrected);
        form.write(pickFields(corrected, changes));
        // Saved a few minutes before it was sent again, after the first version went out.
        const savedAgain = Math.max(later(received, 1).getTime(), later(resent, -r.int(3, 30)).getTime());
        const bytes2 = await form.save(new Date(Math.min(savedAgain, vietnamInstant(resent).getTime())), savedBy);
        const first = uniqueName(templateFileName(period, unit), names);
        const secondName = uniqueName(`BC thang ${period.month} - ${asciiFold(unit.shortName)} (ban sua).xlsx`, names);
        add(first, bytes, vietnamIso(received));
        add(secondName, bytes2, vietnamIso(resent));
        truth.duplicate = { unit: code, first, second: secondName, changed: changes.map(({ key, field }) => ({ key, field })) };
        break;
      }
      case 'eml': {
        const attachment = `Báo cáo Đề án 06 tháng ${period.month}.${period.year} - ${unit.name}.xlsx`;
        const subject = `Báo cáo kết quả thực hiện Đề án 06 tháng ${period.month}/${period.year} - ${unitSelfName(unit)}`;
        const file = uniqueName(`${subject.replace(/\//g, '-')}.eml`, names);
        const text = coverLetter(unit, info.label, definition.recipient, answers);
        const at = vietnamIso(received);
        const message: MailMessage = {
          from: { name: `Văn thư ${unitSelfName(unit)}`, address: unitSenderAddress(unit) },
          to: [SECRETARIAT_MAILBOX],
          subject,
          date: at,
          messageId: `<bao-cao.${period.id}.${code}@${addressDomain(unitSenderAddress(unit))}>`,
          text,
          attachments: [{ filename: attachment, content: bytes }],
        };
        const eml = await options.renderMessage(message);
        add(file, eml, at, 'eml');
        truth.eml = { unit: code, file, attachment };
        break;
      }
      default: {
        const file = uniqueName(userFileName(r, unit, period), names);
        add(file, bytes, vietnamIso(received));
        const again = options.plant?.resubmission;
        if (again?.unit === code) {
          const corrected: Partial<Answers> = { indicators: Object.fromEntries(again.results.map((x) => [x.indicator, { result: x.value }])) };
          form.write(corrected);
          const at = Date.parse(again.receivedAt);
          const name = uniqueName(templateFileName(period, unit).replace(/\.xlsx$/, ' (gui lai).xlsx'), names);
          resubmission = { name, unit: code, bytes: await form.save(new Date(at - r.int(5, 60) * 60_000), savedBy), receivedAt: again.receivedAt, via: 'file' };
          truth.resubmission = { unit: code, file: name, receivedAt: again.receivedAt };
        }
        if (site?.code) truth.withErrors.push({ unit: code, file, code: site.code, key: site.key });
        if (site?.mistake === 'percentAsText') truth.percentAsText = { unit: code, key: site.key };
        if (site?.mistake === 'textStartingWithEquals') truth.textStartingWithEquals = { unit: code, key: site.key };
      }
    }
  }

  const mistakeOrder: readonly string[] = ['cell/out-of-range', 'row/done-not-100', 'cell/required'];
  truth.withErrors.sort((a, b) => mistakeOrder.indexOf(a.code) - mistakeOrder.indexOf(b.code));
  files.sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    files,
    receipts: files.filter((f) => f.via === 'file').map((f) => ({ file: f.name, receivedAt: f.receivedAt })),
    truth,
    ...(resubmission ? { resubmission } : {}),
  };
}
