import { resolveDuplicates } from '../../lib/consolidate/duplicates';
import { assessed, I } from './_lib/assessed';

describe('resolveDuplicates', () => {
  it('keeps the latest receipt of each unit, lists the older ones and the cells that changed', () => {
    const first = assessed('cat-1.xlsx', { unit: 'CAT', receivedAt: '2026-12-03T08:00:00+07:00', indicators: { 'PL1.I.3': { result: [50, 'H5'], note: ['cũ', 'K5'] } } });
    const second = assessed('cat-2.xlsx', { unit: 'CAT', receivedAt: '2026-12-05T08:00:00+07:00', indicators: { 'PL1.I.3': { result: [55, 'H5'], note: ['Cũ ', 'K5'] } } });
    const other = assessed('syt.xlsx', { unit: 'SYT', receivedAt: '2026-12-04T08:00:00+07:00' });
    const { kept, superseded, duplicates } = resolveDuplicates([second, other, first]);
    expect([...kept].map(([unit, f]) => [unit, f.name])).toEqual([['CAT', 'cat-2.xlsx'], ['SYT', 'syt.xlsx']]);
    expect([...superseded].map((f) => f.name)).toEqual(['cat-1.xlsx']);
    // "cũ" and "Cũ " are the same text once folded: only the number changed.
    expect(duplicates).toEqual([{ unit: 'CAT', kept: 'cat-2.xlsx', superseded: ['cat-1.xlsx'], changes: [{ sheet: I, cell: 'H5', key: 'PL1.I.3', field: 'result', before: 50, after: 55 }] }]);
  });

  it('never keeps a rejected file, and breaks a tie of receipt times by input order (the later wins)', () => {
    const rejected = assessed('cat-hong.xlsx', { unit: 'CAT', receivedAt: '2026-12-09T08:00:00+07:00', blocked: true });
    const a = assessed('cat-a.xlsx', { unit: 'CAT', receivedAt: '2026-12-05T08:00:00+07:00' });
    const b = assessed('cat-b.xlsx', { unit: 'CAT', receivedAt: '2026-12-05T08:00:00+07:00' });
    const { kept, duplicates } = resolveDuplicates([a, rejected, b]);
    expect(kept.get('CAT')?.name).toBe('cat-b.xlsx');
    expect(duplicates.map((d) => d.superseded)).toEqual([['cat-a.xlsx']]);
  });
});
