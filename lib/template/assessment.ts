import { foldKey } from '../text/fold';
import type { IndicatorRow } from './assign';
import { listName } from './layout';

/** Task statuses that mean the work is finished (the form's taskStatus list). */
export const DONE_STATUSES: ReadonlySet<string> = new Set(['Đã hoàn thành', 'Hoàn thành quá hạn']);

/** What "Tự đánh giá" can say, in the workbook and in the summary. */
export const ASSESSMENT = {
  met: 'Đạt',
  notMet: 'Chưa đạt',
  notYet: 'Chưa đến mốc',
  noData: 'Chưa có số liệu',
  noTarget: 'Không đặt chỉ tiêu',
} as const;
export type Assessment = (typeof ASSESSMENT)[keyof typeof ASSESSMENT];

/** The state a qualitative target asks for, where its words are not themselves a list entry. */
const TEXT_TARGET_STATE: Readonly<Record<string, string>> = { [foldKey('Triển khai mô hình')]: 'Hoàn thành' };

/** What a result must reach: a number, or a position in the result's dropdown list. */
export type Threshold = { kind: 'number'; min: number } | { kind: 'rank'; min: number } | null;

export function thresholdOf(item: IndicatorRow): Threshold {
  const target = item.target?.target;
  if (!target || target.kind === 'none') return null;
  if (item.result.type !== 'list') return target.kind === 'text' ? null : { kind: 'number', min: target.value };
  const wanted = target.kind === 'text' ? (TEXT_TARGET_STATE[foldKey(target.text)] ?? target.text) : null;
  const rank = wanted === null ? -1 : item.result.options.findIndex((o) => foldKey(o) === foldKey(wanted));
  return rank < 0 ? null : { kind: 'rank', min: rank + 1 };
}

/**
 * Judges a result against this period's target, exactly as the workbook's formula does
 * (so the merger recomputes instead of trusting a cached value).
 */
export function assessmentOf(item: IndicatorRow, value: number | string | null): Assessment {
  if (value === null || value === '') return ASSESSMENT.noData;
  const threshold = thresholdOf(item);
  if (!threshold) return ASSESSMENT.noTarget;
  const notMet = item.target?.isMilestone ? ASSESSMENT.notYet : ASSESSMENT.notMet;
  if (threshold.kind === 'number') return typeof value === 'number' ? (value >= threshold.min ? ASSESSMENT.met : notMet) : ASSESSMENT.noData;
  if (item.result.type !== 'list' || typeof value !== 'string') return notMet;
  const rank = item.result.options.findIndex((o) => foldKey(o) === foldKey(value)) + 1;
  return rank >= threshold.min ? ASSESSMENT.met : notMet;
}

/** The Excel formula of the assessment cell; built from our own constants only, never from user text. */
export function assessmentFormula(item: IndicatorRow, resultAddress: string): string {
  const threshold = thresholdOf(item);
  const x = resultAddress;
  const notMet = item.target?.isMilestone ? ASSESSMENT.notYet : ASSESSMENT.notMet;
  if (!threshold) return `IF(LEN(${x})=0,"${ASSESSMENT.noData}","${ASSESSMENT.noTarget}")`;
  if (threshold.kind === 'number') {
    return `IF(ISNUMBER(${x}),IF(${x}>=${threshold.min},"${ASSESSMENT.met}","${notMet}"),"${ASSESSMENT.noData}")`;
  }
  const list = item.result.type === 'list' ? listName(item.result.list) : '';
  return `IF(LEN(${x})=0,"${ASSESSMENT.noData}",IF(IFERROR(MATCH(${x},${list},0),0)>=${threshold.min},"${ASSESSMENT.met}","${notMet}"))`;
}
