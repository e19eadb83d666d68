import { PLAN_YEARS, type Indicator, type Target } from '../catalog/schema';
import { cleanText } from '../text/fold';
import { formatNumber } from './format';
import { parseVietnameseNumber } from './_lib/number';

/** The target that applies to a year, with the year it belongs to and its display text. */
export type TargetForYear = {
  target: Target;
  /** The year the target was set for: later than the asked year when it is a milestone. */
  year: number;
  /** True when the asked year has no target of its own and a later year's target is shown instead. */
  isMilestone: boolean;
  /** `80`, `≥ 80`, `27,5`, `Hoàn thành`, or `100 (năm 2030)` for a milestone. */
  text: string;
};

const FIRST_YEAR = Number(PLAN_YEARS[0]);
const LAST_YEAR = Number(PLAN_YEARS[PLAN_YEARS.length - 1]);

function targetText(target: Target): string {
  switch (target.kind) {
    case 'number':
      return formatNumber(target.value);
    case 'atLeast':
      return `≥ ${formatNumber(target.value)}`;
    case 'text':
    case 'none':
      return target.text;
  }
}

function targetOf(targets: Indicator['targets'], year: number): Target | undefined {
  const key = PLAN_YEARS.find((planYear) => Number(planYear) === year);
  // The schema's record is exhaustive, but a hand-built catalog may still miss a year.
  const target: Target | undefined = key === undefined ? undefined : targets[key];
  return target?.kind === 'none' ? undefined : target;
}

/**
 * The target an indicator has for a reporting year. A year marked `-` takes the next year that has a target
 * (a milestone, shown with its year); years before the plan use 2026's rule, years after it the 2030 target.
 * @example
 * targetForYear({ '2026': none, …, '2030': { kind: 'number', value: 100, text: '100' } }, 2027)
 * // { target: { kind: 'number', value: 100, … }, year: 2030, isMilestone: true, text: '100 (năm 2030)' }
 */
export function targetForYear(targets: Indicator['targets'], year: number): TargetForYear | null {
  if (year > LAST_YEAR) {
    const last = targetOf(targets, LAST_YEAR);
    return last === undefined ? null : { target: last, year: LAST_YEAR, isMilestone: false, text: targetText(last) };
  }
  const asked = Math.max(year, FIRST_YEAR);
  for (let candidate = asked; candidate <= LAST_YEAR; candidate += 1) {
    const target = targetOf(targets, candidate);
    if (target === undefined) continue;
    const isMilestone = candidate > asked;
    const text = isMilestone ? `${targetText(target)} (năm ${candidate})` : targetText(target);
    return { target, year: candidate, isMilestone, text };
  }
  return null;
}

/**
 * Types one yearly target cell of Phụ lục I, keeping the cell's own words in `text`.
 * @example
 * parseTargetCell('27,5') // { kind: 'number', value: 27.5, text: '27,5' }
 * parseTargetCell('≥80') // { kind: 'atLeast', value: 80, text: '≥80' }
 * parseTargetCell('-') // { kind: 'none', text: '-' }
 */
export function parseTargetCell(cell: string): Target {
  const text = cell.trim();
  const key = cleanText(text).replace(/\s*%$/, '');
  if (key === '' || /^[-–—]$/.test(key)) return { kind: 'none', text };
  const atLeast = /^(?:≥|>=)\s*(.+)$/.exec(key);
  const value = parseVietnameseNumber(atLeast === null ? key : (atLeast[1] ?? ''));
  if (value === null) return { kind: 'text', text };
  return atLeast === null ? { kind: 'number', value, text } : { kind: 'atLeast', value, text };
}
