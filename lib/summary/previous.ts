import type { FieldValue } from '../validate/check';
import { readSummary } from './read';

export type PreviousSummary = { ok: true; period: string; values: Map<string, FieldValue> } | { ok: false; reason: string };

/** Last month's province values by indicator key, from a summary da06 wrote. */
export function readPreviousSummary(bytes: Uint8Array): PreviousSummary {
  const read = readSummary(bytes);
  if (!read.ok) return read;
  return { ok: true, period: read.facts.period, values: new Map(read.facts.indicators.map((i) => [i.key, i.value])) };
}
