import { collectDataRecords } from '../../lib/consolidate/records';
import { assessed, I } from './_lib/assessed';

describe('collectDataRecords', () => {
  it('records every non-empty value of every readable file with whether it counts, and the rows a unit added', () => {
    const old = assessed('cat-1.xlsx', { unit: 'CAT', indicators: { 'PL1.I.3': { result: [50, 'H5'], note: [null, 'K5'] } } });
    const kept = assessed('cat-2.xlsx', { unit: 'CAT', indicators: { 'PL1.I.3': { result: [55, 'H5'] } } });
    const rejected = { ...assessed('syt.xlsx', { unit: 'SYT', cover: { email: 'a@b.vn' } }), blocked: true };
    kept.values?.extraRows.push({ sheet: I, row: 9, cells: [{ address: 'C9', row: 9, col: 3, value: 'ghi chú thêm' }, { address: 'D9', row: 9, col: 4, value: { error: '#N/A' } }] });
    const records = collectDataRecords([old, kept, rejected], new Map([['CAT', kept]]), new Set([old]));
    expect(records.map((r) => [r.file, r.use, r.key, r.field, r.value, r.cell])).toEqual([
      ['cat-1.xlsx', 'superseded', 'PL1.I.3', 'result', 50, 'H5'],
      ['cat-2.xlsx', 'consolidated', 'PL1.I.3', 'result', 55, 'H5'],
      ['cat-2.xlsx', 'consolidated', '+dòng 9', 'C', 'ghi chú thêm', 'C9'],
      ['cat-2.xlsx', 'consolidated', '+dòng 9', 'D', '#N/A', 'D9'],
      ['syt.xlsx', 'rejected', 'email', 'email', 'a@b.vn', 'D17'],
    ]);
    expect(records.every((r) => r.sha256 === `sha-${r.file}`)).toBe(true);
  });
});
