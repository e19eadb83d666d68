// A real month for the report tests: the simulator's returns, consolidated as the CLI does it
// (bare .xlsx with the receipt log's times, the e-mail opened and its attachment taken in).
import { renderMessage } from '../../../lib/node/mime';
import { extractEml } from '../../../lib/consolidate/eml';
import { consolidate } from '../../../lib/consolidate/merge';
import type { Consolidation, IntakeItem, IntakeNote } from '../../../lib/consolidate/types';
import type { Period } from '../../../lib/period/period';
import { simulateMonth, type SimulatedMonth } from '../../../lib/simulate/month';
import { catalog, definition, period, roster } from '../../_lib/plan';

/** 12/12/2026 09:00 Vietnam time: two days after the due date, some late returns in. */
export const CONSOLIDATED_AT = new Date(Date.UTC(2026, 11 /* Dec */, 12, 2, 0, 0));

/** November 2026 by default; `of` takes another month, consolidated at `now`. */
export async function consolidatedMonth(seed = 2026, of: { period: Period; now: Date } = { period, now: CONSOLIDATED_AT }): Promise<{ month: SimulatedMonth; consolidation: Consolidation }> {
  const month = await simulateMonth({ definition, catalog, roster, period: of.period, seed, renderMessage });
  const items: IntakeItem[] = [];
  const notes: IntakeNote[] = [];
  for (const file of month.files) {
    if (file.via === 'file') items.push({ name: file.name, bytes: file.bytes, receivedAt: file.receivedAt, receivedAtSource: 'receipts' });
    else {
      const opened = await extractEml(file.name, file.bytes);
      items.push(...opened.items);
      notes.push(...opened.notes);
    }
  }
  return { month, consolidation: consolidate(items, { catalog, roster, period: of.period, now: of.now, notes }) };
}
