import { consolidate } from '../../lib/consolidate/merge';
import { planReminders } from '../../lib/mail/remind';
import { buildSummaryModel } from '../../lib/summary/build';
import { readSummary } from '../../lib/summary/read';
import { writeSummaryXlsx } from '../../lib/summary/xlsx';
import { catalog, filledReturn, period, roster } from '../addin/_lib/returns';

const now = new Date(Date.UTC(2026, 11 /* Dec */, 14));

describe('reminders from a summary read back (readSummary)', () => {
  it('recovers from tong-hop.xlsx the same reminders as the consolidation it was written from', async () => {
    const good = await filledReturn('STC');
    const wrong = await filledReturn('SYT', { mistakes: ['percentOver100', 'missingRequired'] });
    const broken = (await filledReturn('STP')).slice(0, 5000);
    const items = [
      { name: 'hop-thu/stc.xlsx', bytes: good, receivedAt: '2026-12-05T08:00:00+07:00', receivedAtSource: 'mailServer' as const },
      { name: 'hop-thu/syt.xlsx', bytes: wrong, receivedAt: '2026-12-06T09:30:00+07:00', receivedAtSource: 'mailServer' as const, receivedFrom: 'vanthu@syt.thanhhoa.gov.vn' },
      { name: 'hop-thu/tu phap.xlsx', bytes: broken, receivedAt: '2026-12-07T10:00:00+07:00', receivedAtSource: 'mailServer' as const, receivedFrom: 'vanthu@stp.thanhhoa.gov.vn' },
    ];
    const consolidation = consolidate(items, { catalog, roster, period, now });
    const bytes = await writeSummaryXlsx(buildSummaryModel(consolidation), { generatedAt: now });
    const read = readSummary(bytes);
    if (!read.ok) throw new Error(read.reason);
    expect(read.facts.period).toBe('2026-11');
    // Every issue of every file comes back whole (none clipped by a cell's size), so reminders list them all.
    expect(read.facts.intake).toEqual(consolidation.intake);
    expect(read.facts.submissions).toEqual(consolidation.submissions);
    const units = roster.units.map((u) => (u.code === 'STP' ? { ...u, email: 'vanthu@stp.thanhhoa.gov.vn' } : u));
    const options = { period, units, today: '2026-12-14' };
    expect(planReminders(read.facts, options)).toEqual(planReminders(consolidation, options));
    const kinds = planReminders(read.facts, options).reminders.filter((r) => r.unit === 'SYT' || r.unit === 'STP' || r.unit === 'STC').map((r) => [r.unit, r.reason.kind]);
    expect(kinds).toEqual([['STP', 'rejected'], ['SYT', 'errors']]);
  });

});
