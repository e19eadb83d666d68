// What a cell's number format does to the number a user sees: a date, a percent (the stored number
// × 100), or anything else. One classifier for the xlsx reader and the Office.js adapter, which both
// see format codes (ECMA-376 18.8.31; Office.js `Range.numberFormat` gives the same en-US codes).

export type NumberFormatKind = 'date' | 'percent' | 'other';

interface Section {
  kind: NumberFormatKind;
  /** `[<=1]`-style condition, when the section has one. */
  condition?: { op: string; value: number };
}

/** Built-in format ids (ECMA-376 18.8.30, plus the East Asian date ids) that have no numFmt element. */
const BUILTIN_KINDS: ReadonlyMap<number, NumberFormatKind> = new Map<number, NumberFormatKind>([
  [9, 'percent'],
  [10, 'percent'],
  ...[14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58].map((id) => [id, 'date'] as [number, NumberFormatKind]),
  // 18–21, 32, 33, 45–47, 55, 56 are times of day: shown as a time, not a date (as a custom h:mm is).
]);

/** The kind of a built-in format id; `other` for ids that are not built in (their code decides). */
export function builtinNumberFormatKind(id: number): NumberFormatKind {
  return BUILTIN_KINDS.get(id) ?? 'other';
}

const CONDITION = /^\[(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\]/;
const ELAPSED = /^\[(h+|m+|s+)\]/i;

/** One section's kind: tokens outside quotes, escapes, fill/space characters and brackets. */
function parseSection(text: string): Section {
  let bare = '';
  let time = false;
  let condition: Section['condition'];
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (ch === '"') {
      const end = text.indexOf('"', i + 1);
      i = end < 0 ? text.length : end;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i += 1; // `\%` and `_)` are literal, `*-` repeats a character: none is a token
    } else if (ch === '[') {
      const rest = text.slice(i);
      const end = text.indexOf(']', i);
      const cond = CONDITION.exec(rest);
      if (cond) condition = { op: cond[1] as string, value: Number(cond[2]) };
      else if (ELAPSED.test(rest)) time = true; // [h]:mm is a duration, not a date
      i = end < 0 ? text.length : end; // colours, locales ([$-409]), currencies ([$€-407])
    } else bare += ch;
  }
  // Words that hold date letters without being dates.
  bare = bare.replace(/general/gi, '').replace(/am\/pm|a\/p/gi, 'h');
  let kind: NumberFormatKind = 'other';
  if (/[dy]/i.test(bare) || (/m/i.test(bare) && !time && !/[hs]/i.test(bare))) kind = 'date';
  else if (bare.includes('%')) kind = 'percent';
  return condition ? { kind, condition } : { kind };
}

/** Sections split on `;` outside quotes and escapes. */
function splitSections(code: string): string[] {
  const sections: string[] = [];
  let start = 0;
  for (let i = 0; i < code.length; i += 1) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (ch === '\\' || ch === '_' || ch === '*') i += 1;
    else if (ch === '[') {
      const end = code.indexOf(']', i);
      i = end < 0 ? code.length : end;
    } else if (ch === ';') {
      sections.push(code.slice(start, i));
      start = i + 1;
    }
  }
  sections.push(code.slice(start));
  return sections;
}

function matches(condition: NonNullable<Section['condition']>, value: number): boolean {
  switch (condition.op) {
    case '<':
      return value < condition.value;
    case '<=':
      return value <= condition.value;
    case '>':
      return value > condition.value;
    case '>=':
      return value >= condition.value;
    case '=':
      return value === condition.value;
    default:
      return value !== condition.value;
  }
}

/** The section Excel uses for a number: conditions first; else positive;negative;zero (the 4th is for text). */
function sectionFor(sections: readonly Section[], value: number): Section {
  const numeric = sections.slice(0, 3);
  if (numeric.some((s) => s.condition)) {
    for (const section of numeric) if (!section.condition || matches(section.condition, value)) return section;
    return numeric[numeric.length - 1] as Section;
  }
  if (numeric.length === 1) return numeric[0] as Section;
  if (value < 0) return numeric[1] as Section;
  if (value === 0 && numeric.length === 3) return numeric[2] as Section;
  return numeric[0] as Section;
}

// Workbooks use a handful of codes on thousands of cells: parse each once, within a bound.
const parsed = new Map<string, Section[]>();

function sectionsOf(code: string): Section[] {
  let sections = parsed.get(code);
  if (!sections) {
    if (parsed.size > 2_000) parsed.clear();
    sections = splitSections(code).map(parseSection);
    parsed.set(code, sections);
  }
  return sections;
}

/**
 * What a number format shows a number as. `0%`, `0.0%`, `#,##0.00%;[Red]-#,##0.00%` are percents;
 * `"%"`, `\%` and `0"%"` only print a percent sign, and are not. With `value`, the section Excel
 * would use for it decides (`[<=1]0%;0`); without, the first section does.
 * @example classifyNumberFormat('0.0%') // 'percent'
 * @example classifyNumberFormat('dd/mm/yyyy') // 'date'
 * @example classifyNumberFormat('0" %"') // 'other'
 */
export function classifyNumberFormat(code: string, value?: number): NumberFormatKind {
  if (code === '' || code === 'General' || code === '@') return 'other';
  const sections = sectionsOf(code);
  return (value === undefined || !Number.isFinite(value) ? (sections[0] as Section) : sectionFor(sections, value)).kind;
}

/**
 * The percent a user sees for a number stored under a percent format: 0.855 → 85.5, not
 * 85.49999999999999. Rounded to 15 significant digits, the precision Excel shows.
 * @example percentOf(0.855) // 85.5
 */
export function percentOf(fraction: number): number {
  return Number((fraction * 100).toPrecision(15));
}
