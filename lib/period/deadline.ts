import type { Deadline } from '../catalog/schema';
import { asciiFold, cleanText } from '../text/fold';
import { addDays, endOfMonth, isoDate } from '../_lib/calendar';
import { dateFromParts } from './_lib/date';

type WhenKind = 'day' | 'month' | 'quarter' | 'year';
type WhenPattern = { kind: WhenKind; pattern: RegExp; toDate: (match: RegExpExecArray) => string | null };
type DeadlineRule = { name: string; pattern: RegExp; build: (match: RegExpExecArray, text: string) => Deadline | null };

const ROMAN_QUARTERS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

function group(match: RegExpExecArray, index: number): string {
  return match[index] ?? '';
}

function dayDate(year: string, month: string, day: string): string | null {
  const date = dateFromParts(Number(year), Number(month), Number(day));
  return date === null ? null : isoDate(Number(year), Number(month), Number(day));
}

function monthEnd(year: string, month: string): string | null {
  const m = Number(month);
  return m >= 1 && m <= 12 ? endOfMonth(Number(year), m) : null;
}

/** Time expressions, each matched against a whole folded phrase; a deadline is the last day they name. */
const WHEN_PATTERNS: readonly WhenPattern[] = [
  { kind: 'day', pattern: /^(?:ngay )?(\d{1,2})\/(\d{1,2})\/(\d{4})$/, toDate: (m) => dayDate(group(m, 3), group(m, 2), group(m, 1)) },
  { kind: 'day', pattern: /^ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})$/, toDate: (m) => dayDate(group(m, 3), group(m, 2), group(m, 1)) },
  { kind: 'month', pattern: /^(?:thang )?(\d{1,2})\/(\d{4})$/, toDate: (m) => monthEnd(group(m, 2), group(m, 1)) },
  { kind: 'month', pattern: /^thang (\d{1,2}) nam (\d{4})$/, toDate: (m) => monthEnd(group(m, 2), group(m, 1)) },
  {
    kind: 'quarter',
    pattern: /^quy (i{1,3}|iv|[1-4])(?:\/| nam )(\d{4})$/,
    toDate: (m) => endOfMonth(Number(group(m, 2)), (ROMAN_QUARTERS[group(m, 1)] ?? 0) * 3),
  },
  { kind: 'year', pattern: /^nam (\d{4})$/, toDate: (m) => `${group(m, 1)}-12-31` },
];

const ALL_KINDS: readonly WhenKind[] = ['day', 'month', 'quarter', 'year'];

function whenDate(phrase: string, kinds: readonly WhenKind[] = ALL_KINDS): string | null {
  for (const when of WHEN_PATTERNS) {
    const match = when.pattern.exec(phrase);
    if (match !== null && kinds.includes(when.kind)) return when.toDate(match);
  }
  return null;
}

/** `hoàn thành [việc …] trong tháng 6/2026`, `trước ngày 01/7/2026`, `Quý III/2026`: the last day a completion is due. */
function completionDate(phrase: string): string | null {
  // Greedy `.*` so the last "trong/trước" introduces the date, whatever the task wording before it.
  const match = /^(?:(?:hoan thanh|thuc hien)(?: .*)? )?(trong|truoc|cham nhat) (.+)$/.exec(phrase);
  if (match === null) return whenDate(phrase.replace(/^hoan thanh /, ''));
  if (group(match, 1) !== 'truoc') return whenDate(group(match, 2));
  // "Trước tháng 6" would mean by the end of May: only "trước <day>" is unambiguous, and it is read as
  // written, like the reporting rule's "trước ngày 10": "trước ngày 01/7/2026" is due by 30/6/2026.
  const day = whenDate(group(match, 2), ['day']);
  return day === null ? null : addDays(day, -1);
}

/** Conditions may end with a time expression in parentheses, kept as the due date. */
function conditional(text: string, key: string): Deadline | null {
  const paren = /\(([^()]*)\)$/.exec(key);
  const due = paren === null ? null : whenDate(group(paren, 1));
  if (due === null) {
    // A number in the parentheses that is not a date is probably a mistyped one: let the caller see it.
    if (paren !== null && /\d/.test(group(paren, 1))) return null;
    return { kind: 'conditional', condition: text, text };
  }
  return { kind: 'conditional', condition: text.replace(/\s*\([^()]*\)\s*$/, ''), due, text };
}

/** The plan's deadline grammar, in order: the first pattern that matches the folded text decides. */
const DEADLINE_RULES: readonly DeadlineRule[] = [
  { name: 'recurring', pattern: /^(?:thuc hien )?thuong xuyen$/, build: (_m, text) => ({ kind: 'recurring', text }) },
  {
    name: 'recurringAfterCompletion',
    pattern: /^(?:thuc hien )?thuong xuyen \((.+)\)$/,
    build: (m, text) => dueThenRecurring(completionDate(group(m, 1)), text),
  },
  {
    name: 'completionThenRecurring',
    pattern: /^(.+?),? (?:va |sau do )?duy tri thuong xuyen$/,
    build: (m, text) => dueThenRecurring(completionDate(group(m, 1)), text),
  },
  {
    name: 'milestones',
    pattern: /^danh gia theo (?:cac )?moc (?:nam )?(\d{4}(?:(?:, ?| va )\d{4})*)$/,
    build: (m, text) => {
      const years = [...new Set(group(m, 1).match(/\d{4}/g) ?? [])].sort();
      return { kind: 'milestones', milestones: years.map((year) => `${year}-12-31`), text };
    },
  },
  // Dates inside "Sau khi …" describe the condition (the resolution's date), not when the task is due.
  { name: 'afterEvent', pattern: /^(?:sau khi|khi|ngay khi) /, build: (m, text) => conditional(text, m.input) },
  {
    name: 'byOthers',
    pattern: /^theo (?:huong dan|tien do|chi dao|ke hoach|lo trinh|yeu cau|quy dinh)(?: |$)/,
    build: (m, text) => conditional(text, m.input),
  },
  { name: 'due', pattern: /^.+$/, build: (m, text) => dueOn(completionDate(m.input), text) },
];

function dueOn(due: string | null, text: string): Deadline | null {
  return due === null ? null : { kind: 'due', due, text };
}

function dueThenRecurring(due: string | null, text: string): Deadline | null {
  return due === null ? null : { kind: 'dueThenRecurring', due, text };
}

/** Folded matching key: NFC, spaces collapsed, no case or diacritics, tidy around `/`, `(`, `)`, `,`. */
function deadlineKey(text: string): string {
  return asciiFold(cleanText(text))
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/\s+,/g, ',')
    .replace(/[.;]+$/, '');
}

/**
 * Types a deadline cell of the plan (THỜI GIAN HOÀN THÀNH); null when the text fits no known pattern,
 * so the caller can report it instead of guessing.
 * @example
 * parseDeadline('Quý III/2026') // { kind: 'due', due: '2026-09-30', text: 'Quý III/2026' }
 * parseDeadline('Thực hiện thường xuyên') // { kind: 'recurring', text: 'Thực hiện thường xuyên' }
 * parseDeadline('sớm nhất có thể') // null
 */
export function parseDeadline(text: string): Deadline | null {
  const trimmed = text.trim();
  const key = deadlineKey(trimmed);
  for (const rule of DEADLINE_RULES) {
    const match = rule.pattern.exec(key);
    if (match !== null) return rule.build(match, trimmed);
  }
  return null;
}
