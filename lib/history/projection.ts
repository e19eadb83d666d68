// The projection rule, in one place (the Xu hướng sheet and the report quote its results):
// - Numeric target (`80`, `≥ 80`): the pace is the least-squares slope, per month, of the trusted numeric
//   values reported this year (a month missing from the history is a gap on the time axis, not a step; a
//   value whose cell has an error is left out). The line is continued from the latest trusted value to
//   December of the target's year (the year itself, or the milestone year for a target set for a later year).
//   A percentage is kept within 0–100, other values above 0. At risk when the projection falls short:
//   rising too slowly (belowPace), not rising while below target (notRising), or above target but falling
//   below it (falling). One month of data gives no pace: no projection, not at risk.
// - Text target (a state of the form's list, `Hoàn thành`): reached when the latest month reported is
//   assessed met; at risk when this year's target is not reached (a later year's milestone is not yet due).
import type { TargetForYear } from '../period/target';
import { formatNumber } from '../period/format';
import { monthText } from './format';
import type { IndicatorMonth, Projection, RiskCode } from './types';

export interface ProjectIndicatorInput {
  /** The history's year. */
  year: number;
  /** The year's months, oldest first, with the indicator's standing; null where a month is missing. */
  months: ReadonlyArray<{ period: string; month: IndicatorMonth | null }>;
  target: TargetForYear | null;
  unitOfMeasure: string | null;
}

export interface IndicatorProjection {
  projection: Projection;
  risk: { code: RiskCode; reason: string } | null;
}

const EPSILON = 1e-9;

/**
 * Least-squares slope of y on x; 0 for fewer than two distinct x.
 * @example leastSquaresSlope([{ x: 9, y: 50 }, { x: 10, y: 55 }, { x: 11, y: 60 }]) === 5
 */
export function leastSquaresSlope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return 0;
  return points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
}

/** Month number within the history's year: January 1 … December 12, the next year's December 24. */
function monthIndex(period: string, year: number): number {
  return (Number(period.slice(0, 4)) - year) * 12 + Number(period.slice(5, 7));
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

function trusted(month: IndicatorMonth | null): month is IndicatorMonth {
  return month !== null && !month.flagged && month.status !== 'flagged' && month.value !== null && month.value !== '';
}

/**
 * The indicator's projection to its target and, when it falls short, the risk with its reason in Vietnamese.
 * @example
 * projectIndicator({ year: 2026, unitOfMeasure: '%', target: targetForYear(indicator.targets, 2026),
 *   months: [{ period: '2026-09', month: { value: 50, status: 'notMet', flagged: false } }, …] })
 * // { projection: { kind: 'pace', slope: 5, to: '2026-12', value: 65, target: 80, reaches: false, … }, risk: { code: 'belowPace', … } }
 */
export function projectIndicator(input: ProjectIndicatorInput): IndicatorProjection {
  const { year, target, unitOfMeasure } = input;
  const reported = input.months.filter((m): m is { period: string; month: IndicatorMonth } => trusted(m.month));
  if (!target || target.target.kind === 'none') return { projection: { kind: 'none', why: 'noTarget' }, risk: null };
  if (reported.length === 0) return { projection: { kind: 'none', why: 'noData' }, risk: null };
  // The form has no threshold for this result (e.g. a list answer to a numeric target): nothing to project.
  if (reported.every((m) => m.month.status === 'noTarget')) return { projection: { kind: 'none', why: 'noTarget' }, risk: null };
  const latest = reported[reported.length - 1] as { period: string; month: IndicatorMonth };
  if (target.target.kind === 'text') return milestone(target, year, latest);

  const points = reported.filter((m) => typeof m.month.value === 'number' && Number.isFinite(m.month.value)).map((m) => ({ period: m.period, x: monthIndex(m.period, year), y: m.month.value as number }));
  if (points.length === 0) return { projection: { kind: 'none', why: 'notComparable' }, risk: null };
  if (points.length === 1) return { projection: { kind: 'none', why: 'onePoint' }, risk: null };
  const last = points[points.length - 1] as (typeof points)[number];
  const slope = leastSquaresSlope(points);
  const to = `${target.year}-12`;
  const percent = unitOfMeasure?.trim() === '%';
  const raw = last.y + slope * (monthIndex(to, year) - last.x);
  const value = Math.max(0, percent ? Math.min(100, raw) : raw);
  const goal = target.target.value;
  const reaches = value >= goal - EPSILON;
  const projection: Projection = { kind: 'pace', slope, points: points.length, from: { period: last.period, value: last.y }, to, value, target: goal, reaches };
  if (reaches) return { projection, risk: null };

  const shown = (v: number) => `${formatNumber(round1(v))}${percent ? '%' : ''}`;
  const step = (v: number) => `${formatNumber(round1(Math.abs(v)))}${percent ? ' điểm %' : ''}`;
  const goalText = target.isMilestone ? `chỉ tiêu năm ${target.year} là ${shown(goal)}` : `chỉ tiêu ${shown(goal)}`;
  const over = `${points.length} tháng có số liệu`;
  const end = monthText(to);
  let code: RiskCode;
  let reason: string;
  if (last.y >= goal - EPSILON) {
    code = 'falling';
    reason = `Đã đạt ${shown(last.y)} (${monthText(last.period)}) nhưng giảm bình quân ${step(slope)} mỗi tháng (${over}): đến ${end} dự kiến còn ${shown(value)}, dưới ${goalText}.`;
  } else if (Math.abs(slope) < EPSILON) {
    code = 'notRising';
    reason = `Không tăng qua ${over} (${monthText(last.period)}: ${shown(last.y)}): chưa đạt ${goalText}.`;
  } else if (slope < 0) {
    code = 'notRising';
    reason = `Giảm bình quân ${step(slope)} mỗi tháng (${over}): đến ${end} dự kiến còn ${shown(value)}, chưa đạt ${goalText}.`;
  } else {
    code = 'belowPace';
    reason = `Tăng bình quân ${step(slope)} mỗi tháng (${over}): đến ${end} dự kiến đạt ${shown(value)}, chưa đạt ${goalText}.`;
  }
  return { projection, risk: { code, reason } };
}

function milestone(target: TargetForYear, year: number, latest: { period: string; month: IndicatorMonth }): IndicatorProjection {
  const text = target.target.text;
  const reached = latest.month.status === 'met';
  const projection: Projection = { kind: 'milestone', target: text, targetYear: target.year, reached, latest: { period: latest.period, value: latest.month.value } };
  if (reached || target.isMilestone || target.year > year) return { projection, risk: null };
  const left = 12 - Number(latest.period.slice(5, 7));
  const when = left > 0 ? `còn ${left} tháng` : 'đã hết năm';
  const reason = `Chỉ tiêu năm ${target.year} là "${text}"; ${monthText(latest.period)} mới ở mức "${String(latest.month.value)}", ${when}.`;
  return { projection, risk: { code: 'milestoneNotReached', reason } };
}
