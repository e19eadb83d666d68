import { describePeriod, parsePeriod, previousPeriod, type Period } from '../period/period';
import type { FieldValue } from '../validate/check';
import { readSummary } from './read';

export type PreviousSummary = { ok: true; period: string; values: Map<string, FieldValue> } | { ok: false; reason: string };

/** `Tháng 10 năm 2026` for a period id, the id itself when it is none. */
function labelOf(id: string): string {
  const period = parsePeriod(id);
  return period ? describePeriod(period).label : id;
}

/**
 * Last month's province values by indicator key, from a summary da06 wrote. Given the period being
 * consolidated, a summary of any other month than the one before it is refused with its reason (its
 * values would fill the "Kỳ trước" column under the wrong name).
 * @example const previous = readPreviousSummary(bytes, createPeriod(2026, 12)); if (previous.ok) previous.values.get('PL1.II.5')
 */
export function readPreviousSummary(bytes: Uint8Array, period?: Period): PreviousSummary {
  const read = readSummary(bytes);
  if (!read.ok) return read;
  const found = read.facts.period;
  if (period && found !== previousPeriod(period).id) {
    const expected = labelOf(previousPeriod(period).id).toLowerCase();
    return { ok: false, reason: `đây là báo cáo tổng hợp kỳ ${labelOf(found).toLowerCase()}, không phải kỳ trước (${expected}) của kỳ ${labelOf(period.id).toLowerCase()}` };
  }
  return { ok: true, period: found, values: new Map(read.facts.indicators.map((i) => [i.key, i.value])) };
}
