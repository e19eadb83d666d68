import { foldKey } from '../text/fold';
import type { IndicatorRow } from './assign';
import { listName } from './layout';

/** What "Tự đánh giá" can say about a result against this period's target. */
export const ASSESSMENTS = ['met', 'notMet', 'notYet', 'noData', 'noTarget'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

/** The words the workbook's formula writes and the summary shows, one per assessment. */
export const ASSESSMENT_LABELS: Readonly<Record<Assessment, string>> = {
  met: 'Đạt',
  notMet: 'Chưa đạt',
  notYet: 'Chưa đến mốc',
  noData: 'Chưa có số liệu',
  noTarget: 'Không đặt chỉ tiêu',
};

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
  if (value === null || value === '') return 'noData';
  const threshold = thresholdOf(item);
  if (!threshold) return 'noTarget';
  const notMet = item.target?.isMilestone ? 'notYet' : 'notMet';
  if (threshold.kind === 'number') return typeof value === 'number' ? (value >= threshold.min ? 'met' : notMet) : 'noData';
  if (item.result.type !== 'list' || typeof value !== 'string') return notMet;
  const rank = item.result.options.findIndex((o) => foldKey(o) === foldKey(value)) + 1;
  return rank >= threshold.min ? 'met' : notMet;
}

/** The Excel formula of the assessment cell; built from our own constants only, never from user text. */
export function assessmentFormula(item: IndicatorRow, resultAddress: string): string {
  const threshold = thresholdOf(item);
  const x = resultAddress;
  const label = ASSESSMENT_LABELS;
  const notMet = item.target?.isMilestone ? label.notYet : label.notMet;
  if (!threshold) return `IF(LEN(${x})=0,"${label.noData}","${label.noTarget}")`;
  if (threshold.kind === 'number') {
    return `IF(ISNUMBER(${x}),IF(${x}>=${threshold.min},"${label.met}","${notMet}"),"${label.noData}")`;
  }
  const list = item.result.type === 'list' ? listName(item.result.list) : '';
  return `IF(LEN(${x})=0,"${label.noData}",IF(IFERROR(MATCH(${x},${list},0),0)>=${threshold.min},"${label.met}","${notMet}"))`;
}
