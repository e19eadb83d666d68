import { parseDeadline } from '../period/deadline';
import { parseTargetCell } from '../period/target';
import type { Roster } from '../roster/roster';
import { cleanText } from '../text/fold';
import { footnoteMarks, stripHtml, stripMarkdown } from './_lib/html';
import { createUnitResolver, type UnitResolver } from './resolve';
import {
  PLAN_YEARS,
  type Assignment,
  type Catalog,
  type Deadline,
  type Group,
  type Indicator,
  type Target,
  type Task,
} from './schema';

/** Something in the plan text the parser could not type: the catalog must not be built with any. */
export interface PlanProblem {
  line: number;
  message: string;
}

export interface ParsePlanResult {
  catalog: Catalog;
  problems: PlanProblem[];
}

export interface ParsePlanOptions {
  title?: string;
  file: string;
  sha256: string;
}

type Appendix = 'I' | 'II' | 'III';

interface Row {
  line: number;
  cells: string[];
  rawCells: string[];
}

const APPENDIX_HEADING = /^\*\*Phụ lục (I{1,3})\*\*/;
const ROMAN = /^[IVX]+$/;
const ROW_NUMBER = /^(\d+)\.?$/;

/**
 * Parses Kế hoạch 210/KH-UBND (Markdown, tab-separated tables) into the typed catalog.
 * Returns problems instead of throwing, so a changed plan shows every line that needs a rule.
 * @example parsePlan(planText, roster, { file, sha256 }).catalog.indicators.length // 56
 */
export function parsePlan(planText: string, roster: Roster, options: ParsePlanOptions): ParsePlanResult {
  const lines = planText.replace(/\r\n?/g, '\n').split('\n');
  const problems: PlanProblem[] = [];
  const resolver = createUnitResolver(roster);
  const sections = splitAppendices(lines);
  const groups: Group[] = [];
  const indicators: Indicator[] = [];
  const tasks: Task[] = [];

  for (const appendix of ['I', 'II', 'III'] as const) {
    const section = sections[appendix];
    if (!section) {
      problems.push({ line: 0, message: `Không tìm thấy Phụ lục ${appendix} trong văn bản kế hoạch.` });
      continue;
    }
    const { rows, footnotes } = readTable(lines, section.start, section.end);
    let group: Group | undefined;
    let previous: { task?: Task; indicator?: Indicator } = {};
    for (const row of rows) {
      const [first = '', second = ''] = row.cells;
      if (ROMAN.test(first)) {
        group = { appendix, id: first, title: second };
        groups.push(group);
        previous = {};
        continue;
      }
      if (first === '' && row.cells.some((c) => c !== '')) {
        // A row cut by a page break continues on a row with an empty STT.
        if (previous.task) appendContinuation(previous.task, row);
        else problems.push({ line: row.line, message: 'Dòng tiếp nối không có dòng trước để ghép.' });
        continue;
      }
      const numberMatch = ROW_NUMBER.exec(first);
      if (!numberMatch || !group) {
        problems.push({ line: row.line, message: `Dòng không nhận dạng được: "${row.cells.join(' | ').slice(0, 80)}".` });
        continue;
      }
      const number = Number(numberMatch[1]);
      if (appendix === 'I') {
        previous = { indicator: readIndicator(row, group.id, number, resolver, problems) };
        indicators.push(previous.indicator as Indicator);
      } else {
        const task = readTask(row, appendix, group.id, number, resolver, problems);
        const marks = footnoteMarks(row.rawCells[1] ?? '');
        const notes = marks.map((m) => footnotes.get(m)).filter((n): n is string => Boolean(n));
        if (notes.length > 0) task.note = notes.join('\n');
        previous = { task };
        tasks.push(task);
      }
    }
  }
  tasks.push(...readBodyDuties(lines, resolver, problems));
  checkUniqueKeys([...indicators.map((i) => i.key), ...tasks.map((t) => t.key)], problems);

  return {
    catalog: {
      source: { title: options.title ?? 'Kế hoạch 210/KH-UBND ngày 24/6/2026 của UBND tỉnh Thanh Hóa', file: options.file, sha256: options.sha256 },
      groups,
      indicators,
      tasks,
    },
    problems,
  };
}

function splitAppendices(lines: string[]): Partial<Record<Appendix, { start: number; end: number }>> {
  const starts: Array<{ appendix: Appendix; start: number }> = [];
  lines.forEach((line, index) => {
    const match = APPENDIX_HEADING.exec(line.trim());
    if (match) starts.push({ appendix: match[1] as Appendix, start: index + 1 });
  });
  const result: Partial<Record<Appendix, { start: number; end: number }>> = {};
  starts.forEach((s, i) => {
    result[s.appendix] = { start: s.start, end: starts[i + 1]?.start ?? lines.length };
  });
  return result;
}

function readTable(lines: string[], start: number, end: number): { rows: Row[]; footnotes: Map<string, string> } {
  const rows: Row[] = [];
  const footnotes = new Map<string, string>();
  for (let index = start; index < end; index += 1) {
    const line = lines[index] as string;
    const footnote = /^<sup>\s*(\d+)\s*<\/sup>\s*(.+)$/.exec(line.trim());
    if (footnote) {
      footnotes.set(footnote[1] as string, cleanText(footnote[2] as string));
      continue;
    }
    if (!line.includes('\t')) continue;
    const rawCells = line.split('\t');
    const cells = rawCells.map(stripHtml);
    const isHeader = cells[0] === 'STT' || (cells[0] === '' && /^Năm \d{4}$/.test(cells[3] ?? ''));
    if (isHeader) continue;
    rows.push({ line: index + 1, cells, rawCells });
  }
  return { rows, footnotes };
}

function resolveCell(text: string, line: number, what: string, resolver: UnitResolver, problems: PlanProblem[]): Assignment {
  const { assignment, unresolved } = resolver.resolve(text);
  for (const name of unresolved) problems.push({ line, message: `${what}: không xác định được đơn vị "${name}" trong "${text}".` });
  return assignment;
}

function readIndicator(row: Row, group: string, number: number, resolver: UnitResolver, problems: PlanProblem[]): Indicator {
  const [, text = '', unit = '', ...rest] = row.cells;
  const targetCells = rest.slice(0, PLAN_YEARS.length);
  const monitorsText = stripTrailingDots(rest[PLAN_YEARS.length] ?? '');
  if (row.cells.length !== 3 + PLAN_YEARS.length + 1) {
    problems.push({ line: row.line, message: `Chỉ tiêu ${group}.${number}: có ${row.cells.length} cột, cần ${3 + PLAN_YEARS.length + 1}.` });
  }
  const targets = Object.fromEntries(
    PLAN_YEARS.map((year, i) => [year, parseTargetCell(targetCells[i] ?? '')]),
  ) as Record<(typeof PLAN_YEARS)[number], Target>;
  const monitors = resolveCell(monitorsText, row.line, `Chỉ tiêu PL1.${group}.${number}`, resolver, problems);
  if (monitors.units.length === 0 && monitors.groups.length === 0) {
    problems.push({ line: row.line, message: `Chỉ tiêu PL1.${group}.${number} không có đơn vị theo dõi.` });
  }
  return {
    key: `PL1.${group}.${number}`,
    group,
    number,
    text,
    unit: unit === '' ? null : unit,
    targets,
    monitors: monitors.units,
    monitorGroups: monitors.groups,
    monitorsText,
  };
}

function readTask(
  row: Row,
  appendix: 'II' | 'III',
  group: string,
  number: number,
  resolver: UnitResolver,
  problems: PlanProblem[],
): Task {
  const [, text = '', leadText = '', coordinatorsText = '', deadlineText = '', product = ''] = row.cells;
  const key = appendix === 'II' ? `PL2.${number}` : `PL3.${group}.${number}`;
  if (row.cells.length !== 6) problems.push({ line: row.line, message: `Nhiệm vụ ${key}: có ${row.cells.length} cột, cần 6.` });
  const lead = resolveCell(stripTrailingDots(leadText), row.line, `Nhiệm vụ ${key}, cơ quan chủ trì`, resolver, problems);
  const coordinators = resolveCell(stripTrailingDots(coordinatorsText), row.line, `Nhiệm vụ ${key}, cơ quan phối hợp`, resolver, problems);
  const deadline = parseDeadline(deadlineText);
  if (!deadline) problems.push({ line: row.line, message: `Nhiệm vụ ${key}: không đọc được thời hạn "${deadlineText}".` });
  return {
    key,
    appendix,
    group,
    number,
    text,
    lead: lead.units,
    leadGroups: lead.groups,
    coordinators: coordinators.units.filter((c) => !lead.units.includes(c)),
    coordinatorGroups: coordinators.groups,
    external: [...new Set([...lead.external, ...coordinators.external])],
    leadText: lead.text,
    coordinatorsText: coordinators.text,
    deadline: deadline ?? { kind: 'conditional', condition: deadlineText, text: deadlineText },
    product,
  };
}

function appendContinuation(task: Task, row: Row): void {
  const [, text = '', , , , product = ''] = row.cells;
  if (text) task.text = `${task.text} ${text}`;
  if (product) task.product = `${task.product} ${product}`.trim();
}

function stripTrailingDots(text: string): string {
  return text.replace(/[.\s]+$/, '');
}

function checkUniqueKeys(keys: string[], problems: PlanProblem[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) problems.push({ line: 0, message: `Khóa bị trùng: ${key}.` });
    seen.add(key);
  }
}

const BODY_HEADING = /^(?:#+\s*)?\*\*(\d+)\.\s*(.+?)\*\*\s*(.*)$/;
const BODY_DEADLINE: Deadline = { kind: 'recurring', text: 'Thường xuyên (nhiệm vụ theo mục V Kế hoạch, không ghi thời hạn)' };
/** A dated completion inside a duty's sentence: `gửi … trước ngày 01/7/2026`. */
const BODY_DATE = /(?<!\p{L})(?:trước|chậm nhất|trong)\s+(?:ngày\s+)?\d{1,2}\/\d{1,2}\/\d{4}/iu;
/** `Chủ trì, phối hợp (với) X …` names X as a partner; a duty opening with `Phối hợp với X …` is X's to lead. */
const PARTNER = /(?<!\p{L})(chủ trì,\s*)?phối hợp(?:\s+với)?\s+/giu;

interface BodySection {
  section: number;
  title: string;
  units: string[];
  groups: Assignment['groups'];
  /** A family of bodies ("4. Các sở, ban, ngành, địa phương"): only its dated duties are rows. */
  family: boolean;
  items: Array<{ text: string; line: number }>;
  closed: boolean;
}

/**
 * Duties the plan's section V gives named units (Công an tỉnh, Văn phòng UBND tỉnh, …), with the partners
 * their sentences name; from a section naming a family of bodies, only the duties with a date (the others
 * restate what every unit does anyway and are not rows).
 */
function readBodyDuties(lines: string[], resolver: UnitResolver, problems: PlanProblem[]): Task[] {
  const start = lines.findIndex((l) => /TỔ CHỨC THỰC HIỆN/.test(l));
  const end = lines.findIndex((l, i) => i > start && /^\*\*Nơi nhận/.test(l.trim()));
  if (start < 0 || end < 0) {
    problems.push({ line: 0, message: 'Không tìm thấy mục V (Tổ chức thực hiện) của Kế hoạch.' });
    return [];
  }
  const duties: Task[] = [];
  let current: BodySection | undefined;
  const finish = (): void => {
    if (!current) return;
    const section = current;
    section.items.forEach((item, i) => {
      const duty = readBodyDuty(section, item, i + 1, resolver, problems);
      if (duty) duties.push(duty);
    });
    current = undefined;
  };
  for (let index = start + 1; index < end; index += 1) {
    const line = (lines[index] as string).trim();
    if (line === '') continue;
    const heading = BODY_HEADING.exec(line);
    if (heading) {
      finish();
      const title = cleanText(heading[2] as string);
      const { assignment, unresolved } = resolver.resolve(title);
      const single = assignment.units.length === 1 && assignment.groups.length === 0;
      const family = assignment.units.length === 0 && assignment.groups.length > 0;
      if (unresolved.length === 0 && (single || family)) {
        current = { section: Number(heading[1]), title, units: assignment.units, groups: assignment.groups, family, items: [], closed: false };
        const inline = cleanText(stripMarkdown(heading[3] as string));
        if (inline) current.items.push({ text: capitalise(inline), line: index + 1 });
      }
      continue;
    }
    if (!current || current.closed) continue;
    const text = cleanText(stripMarkdown(line.replace(/^-\s+/, '')));
    const last = current.items[current.items.length - 1];
    if (line.startsWith('- ')) current.items.push({ text, line: index + 1 });
    else if (last !== undefined && !/[.;:]$/.test(last.text)) last.text = `${last.text} ${text}`;
    else if (last === undefined) current.items.push({ text, line: index + 1 });
    else current.closed = true; // a closing paragraph after the section ("Yêu cầu Thủ trưởng …") is not a duty
  }
  finish();
  return duties;
}

/** One duty of section V, keyed `KH.V.<section>.<item>` by its place in the plan (so a key never moves). */
function readBodyDuty(section: BodySection, item: { text: string; line: number }, number: number, resolver: UnitResolver, problems: PlanProblem[]): Task | null {
  const key = `KH.V.${section.section}.${number}`;
  const date = BODY_DATE.exec(item.text);
  const deadline = date ? parseDeadline(capitalise(date[0])) : BODY_DEADLINE;
  if (!deadline) problems.push({ line: item.line, message: `Nhiệm vụ ${key}: không đọc được thời hạn "${date?.[0] ?? ''}".` });
  if (section.family && !date) return null;

  const own: Assignment = { text: section.title, units: section.units, groups: section.groups, external: [] };
  const clauses = [...item.text.matchAll(PARTNER)].map((m) => ({
    opens: m.index === 0 && !m[1],
    names: resolver.readLeadingNames(item.text.slice((m.index ?? 0) + m[0].length)).assignment,
  }));
  // "A phối hợp với B" (the duty's first words): B leads, A coordinates; otherwise the section's unit leads.
  const opening = clauses.find((c) => c.opens);
  if (opening && opening.names.units.length === 0) {
    problems.push({ line: item.line, message: `Nhiệm vụ ${key}: "${item.text.slice(0, 60)}…" không nêu cơ quan chủ trì nào trong danh sách đơn vị.` });
  }
  const named = clauses.filter((c) => c !== opening && c.names.text !== '').map((c) => c.names);
  const lead = opening && opening.names.units.length > 0 ? opening.names : own;
  const partners = lead === own ? named : [own, ...named];
  const union = <T>(lists: T[][]): T[] => [...new Set(lists.flat())];
  return {
    key,
    appendix: 'body',
    group: `V.${section.section}`,
    number,
    // The lead reads this row too: keep the sentence's subject ("Văn phòng UBND tỉnh phối hợp với Công an tỉnh …").
    text: lead === own ? item.text : `${section.title} ${item.text.charAt(0).toLocaleLowerCase('vi')}${item.text.slice(1)}`,
    lead: lead.units,
    leadGroups: lead.groups,
    coordinators: union(partners.map((p) => p.units)).filter((c) => !lead.units.includes(c)),
    coordinatorGroups: union(partners.map((p) => p.groups)),
    external: union([lead.external, ...partners.map((p) => p.external)]),
    leadText: lead.text,
    coordinatorsText: partners.map((p) => p.text).join('; '),
    deadline: deadline ?? { kind: 'conditional', condition: date?.[0] ?? '', text: date?.[0] ?? '' },
    product: '',
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
