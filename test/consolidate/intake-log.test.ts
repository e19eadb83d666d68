import { intakeLog } from '../../lib/consolidate/intake-log';
import { assessed } from './_lib/assessed';

describe('intakeLog', () => {
  it('gives every input its status, and a rejected one the first blocking reason', () => {
    const old = assessed('cat-1.xlsx', { unit: 'CAT' });
    const files = [
      old,
      assessed('cat-2.xlsx', { unit: 'CAT', errors: [{ code: 'row/below-target', severity: 'warning', sheet: 'Biểu 01 - Chỉ tiêu', cell: 'H5', message: 'thấp' }] }),
      assessed('syt.xlsx', { unit: 'SYT', errors: [{ code: 'cell/required', severity: 'error', sheet: 'Thông tin chung', cell: 'D17', message: 'thiếu' }] }),
      assessed('sai-ky.xlsx', { unit: 'STC', blocked: true, errors: [{ code: 'cell/required', severity: 'error', sheet: null, cell: null, message: 'thiếu' }, { code: 'workbook/wrong-period', severity: 'error', sheet: null, cell: null, message: 'kỳ 2026-10' }] }),
      assessed('ok.xlsx', { unit: 'SNV' }),
    ];
    const log = intakeLog(files, new Set([old]));
    expect(log.map((r) => [r.file, r.status, r.reason?.code ?? null])).toEqual([
      ['cat-1.xlsx', 'superseded', null],
      ['cat-2.xlsx', 'acceptedWithWarnings', null],
      ['syt.xlsx', 'acceptedWithErrors', null],
      ['sai-ky.xlsx', 'rejected', 'workbook/wrong-period'],
      ['ok.xlsx', 'accepted', null],
    ]);
    expect(log[3]?.reason?.message).toBe('kỳ 2026-10');
  });
});
