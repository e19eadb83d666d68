// The stamp of a summary written before SUMMARY_FACTS_FORMAT 3, built here rather than by lib: the JSON
// itself in cells of 30,000 characters. Readers must still take these; they are the largest stamps there are.
import type { Consolidation } from '../../lib/consolidate/types';
import { PLAIN_FACTS_FORMAT, SUMMARY_MARKER } from '../../lib/summary/facts';
import type { SummaryCell } from '../../lib/summary/model';

export function plainStampRows(c: Consolidation): Array<[string, SummaryCell]> {
  const { data: _data, ...facts } = c;
  const json = JSON.stringify(facts);
  const chunks = Array.from({ length: Math.ceil(json.length / 30_000) }, (_, i) => json.slice(i * 30_000, (i + 1) * 30_000));
  return [[SUMMARY_MARKER, PLAIN_FACTS_FORMAT], ['period', c.period], ...chunks.map((text, i): [string, SummaryCell] => [`facts.${i + 1}`, text])];
}
