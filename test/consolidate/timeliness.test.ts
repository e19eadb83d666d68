import { rates, submissionsOf } from '../../lib/consolidate/timeliness';
import type { UnitSubmission } from '../../lib/consolidate/types';
import { loadRoster } from '../../lib/node/seeds';
import { DEFAULT_REPORTING_RULES } from '../../lib/period/config';
import { describePeriod, parsePeriod } from '../../lib/period/period';
import { assessed } from './_lib/assessed';

const roster = loadRoster();
const info = describePeriod(parsePeriod('2026-11')!);

describe('submissionsOf', () => {
  it('counts a receipt on the 9th (Vietnam time) on time and one on the 10th one day late; a unit without a file is missing', () => {
    const kept = new Map([
      ['CAT', assessed('cat.xlsx', { unit: 'CAT', receivedAt: '2026-12-09T16:59:00Z' })], // 23:59 on the 9th in Thanh Hóa
      ['SYT', assessed('syt.xlsx', { unit: 'SYT', receivedAt: '2026-12-09T17:00:00Z' })], // 00:00 on the 10th
      ['STC', assessed('stc.xlsx', { unit: 'STC', receivedAt: '2026-12-14T08:00:00+07:00' })],
      ['SNV', assessed('snv.xlsx', { unit: 'SNV' })],
    ]);
    const list = submissionsOf(roster, kept, [...kept.values()], info, DEFAULT_REPORTING_RULES);
    const of = (code: string) => list.find((s) => s.unit === code);
    expect([of('CAT'), of('SYT'), of('STC')].map((s) => [s?.state, s?.onTime, s?.daysLate])).toEqual([['onTime', true, 0], ['late', false, 1], ['late', false, 5]]);
    expect(of('SNV')).toEqual(expect.objectContaining({ state: 'unknownTime', received: true, receivedAtSource: 'unknown' }));
    expect(of('SNV')?.onTime).toBeUndefined();
    expect(of('SXD')).toEqual({ unit: 'SXD', unitName: expect.any(String), kind: 'department', state: 'missing', received: false, errors: 0, warnings: 0 });
    expect(list).toHaveLength(roster.units.length);
  });

  it('tells a unit whose files were all rejected (it must resend, with the reason) from one that sent nothing, and an accepted return with errors', () => {
    const refused = assessed('syt-sai-ky.xlsx', { unit: 'SYT', blocked: true, errors: [{ code: 'workbook/wrong-period', severity: 'error', sheet: null, cell: null, message: 'Biểu mẫu là của kỳ 2026-10' }] });
    const faulty = assessed('cat.xlsx', { unit: 'CAT', receivedAt: '2026-12-05T08:00:00+07:00', errors: [{ code: 'cell/required', severity: 'error', sheet: 'Thông tin chung', cell: 'D17', message: 'thiếu' }] });
    const list = submissionsOf(roster, new Map([['CAT', faulty]]), [refused, faulty], info, DEFAULT_REPORTING_RULES);
    expect(list.find((s) => s.unit === 'SYT')).toEqual(expect.objectContaining({ state: 'rejected', received: false, rejected: { file: 'syt-sai-ky.xlsx', code: 'workbook/wrong-period', message: 'Biểu mẫu là của kỳ 2026-10' } }));
    expect(list.find((s) => s.unit === 'CAT')).toEqual(expect.objectContaining({ state: 'withErrors', onTime: true, errors: 1 }));
  });

  it('counts the 10th on time when the rules make the due date inclusive', () => {
    const kept = new Map([['SYT', assessed('syt.xlsx', { unit: 'SYT', receivedAt: '2026-12-10T08:00:00+07:00' })]]);
    const list = submissionsOf(roster, kept, [...kept.values()], info, { ...DEFAULT_REPORTING_RULES, dueIsExclusive: false });
    expect(list.find((s) => s.unit === 'SYT')?.onTime).toBe(true);
  });
});

describe('rates', () => {
  it('divides received and on time by expected (DHIS2), and is zero for no units', () => {
    const unit = (code: string, received: boolean, onTime?: boolean): UnitSubmission => ({ unit: code, unitName: code, kind: 'commune', state: received ? (onTime ? 'onTime' : 'late') : 'missing', received, ...(onTime !== undefined ? { onTime } : {}), errors: 0, warnings: 0 });
    expect(rates([unit('A', true, true), unit('B', true, false), unit('C', false), unit('D', false)])).toEqual({ expected: 4, received: 2, onTime: 1, reportingRate: 0.5, onTimeRate: 0.25 });
    expect(rates([])).toEqual({ expected: 0, received: 0, onTime: 0, reportingRate: 0, onTimeRate: 0 });
  });
});
