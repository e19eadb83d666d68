import type { ReportingRules } from '../../lib/period/config';
import {
  comparePeriods,
  createPeriod,
  describePeriod,
  isOnTime,
  nextPeriod,
  parsePeriod,
  previousPeriod,
} from '../../lib/period/period';

const decree09: ReportingRules = { cutoff: 'decree09', dueDayOfNextMonth: 10, dueIsExclusive: true };
const inclusive: ReportingRules = { cutoff: 'calendarMonth', dueDayOfNextMonth: 10, dueIsExclusive: false };

describe('parsePeriod', () => {
  test('reads YYYY-MM into year, month and id', () => {
    expect(parsePeriod('2026-11')).toEqual({ year: 2026, month: 11, id: '2026-11' });
  });

  test('ignores surrounding spaces', () => {
    expect(parsePeriod(' 2027-01 ')?.id).toBe('2027-01');
  });

  test.each(['2026-13', '2026-00', '2026-1', 'abc', '', '2026/11', '11-2026', '0999-01'])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('createPeriod', () => {
  test('pads the month in the id', () => {
    expect(createPeriod(2026, 3).id).toBe('2026-03');
  });

  test('throws on a month outside 1–12, a programmer error', () => {
    expect(() => createPeriod(2026, 13)).toThrow(RangeError);
  });
});

describe('nextPeriod and previousPeriod', () => {
  test('cross the year boundary', () => {
    expect(nextPeriod(createPeriod(2026, 12)).id).toBe('2027-01');
    expect(previousPeriod(createPeriod(2026, 1)).id).toBe('2025-12');
  });

  test('move one month inside a year', () => {
    expect(nextPeriod(createPeriod(2026, 6)).id).toBe('2026-07');
    expect(previousPeriod(createPeriod(2026, 6)).id).toBe('2026-05');
  });
});

describe('comparePeriods', () => {
  test('sorts periods in time across years', () => {
    const ids = ['2027-01', '2026-12', '2026-02'].map((id) => parsePeriod(id)!);
    expect(ids.sort(comparePeriods).map((p) => p.id)).toEqual(['2026-02', '2026-12', '2027-01']);
  });

  test('gives zero for the same month', () => {
    expect(comparePeriods(createPeriod(2026, 5), parsePeriod('2026-05')!)).toBe(0);
  });
});

describe('describePeriod', () => {
  test('describes a calendar month due before the 10th of the next month', () => {
    expect(describePeriod(createPeriod(2026, 11))).toEqual({
      id: '2026-11',
      year: 2026,
      month: 11,
      label: 'Tháng 11 năm 2026',
      cutoffStart: '2026-11-01',
      cutoffEnd: '2026-11-30',
      dueDate: '2026-12-10',
      dueText: 'Hạn gửi: trước ngày 10/12/2026',
      cutoffText: 'Số liệu tính từ ngày 01/11/2026 đến ngày 30/11/2026',
    });
  });

  test('makes December due on 10/01 of the next year', () => {
    const december = describePeriod(createPeriod(2026, 12));
    expect([december.cutoffEnd, december.dueDate, december.dueText]).toEqual([
      '2026-12-31',
      '2027-01-10',
      'Hạn gửi: trước ngày 10/01/2027',
    ]);
  });

  test('ends February on the 29th in a leap year', () => {
    expect(describePeriod(createPeriod(2028, 2)).cutoffEnd).toBe('2028-02-29');
    expect(describePeriod(createPeriod(2027, 2)).cutoffEnd).toBe('2027-02-28');
  });

  test('cuts off from the 15th of the previous month to the 14th under Nghị định 09', () => {
    const november = describePeriod(createPeriod(2026, 11), decree09);
    expect([november.cutoffStart, november.cutoffEnd, november.dueDate]).toEqual(['2026-10-15', '2026-11-14', '2026-12-10']);
    expect(november.cutoffText).toBe('Số liệu tính từ ngày 15/10/2026 đến ngày 14/11/2026');
  });

  test('starts the Nghị định 09 window of January in December of the previous year', () => {
    const january = describePeriod(createPeriod(2026, 1), decree09);
    expect([january.cutoffStart, january.cutoffEnd]).toEqual(['2025-12-15', '2026-01-14']);
    expect(january.cutoffText).toBe('Số liệu tính từ ngày 15/12/2025 đến ngày 14/01/2026');
  });

  test('says "chậm nhất" when the due day itself is accepted', () => {
    expect(describePeriod(createPeriod(2026, 11), inclusive).dueText).toBe('Hạn gửi: chậm nhất ngày 10/12/2026');
  });

  test('uses the configured due day', () => {
    const rules: ReportingRules = { ...inclusive, dueDayOfNextMonth: 5 };
    expect(describePeriod(createPeriod(2026, 11), rules).dueDate).toBe('2026-12-05');
  });

  test('throws on a due day that some months lack', () => {
    const rules: ReportingRules = { ...inclusive, dueDayOfNextMonth: 31 };
    expect(() => describePeriod(createPeriod(2026, 1), rules)).toThrow(RangeError);
  });
});

describe('isOnTime', () => {
  const november = createPeriod(2026, 11);

  test('accepts only days before the 10th by default ("trước ngày 10")', () => {
    expect(isOnTime('2026-12-09', november)).toBe(true);
    expect(isOnTime('2026-12-10', november)).toBe(false);
  });

  test('accepts the 10th itself when the due day is inclusive', () => {
    expect(isOnTime('2026-12-10', november, inclusive)).toBe(true);
    expect(isOnTime('2026-12-11', november, inclusive)).toBe(false);
  });

  test('counts a report received across the year boundary against the January due date', () => {
    expect(isOnTime('2027-01-09', createPeriod(2026, 12))).toBe(true);
    expect(isOnTime('2027-01-10', createPeriod(2026, 12))).toBe(false);
  });

  test('throws on a received date that is not YYYY-MM-DD', () => {
    expect(() => isOnTime('09/12/2026', november)).toThrow(RangeError);
  });
});
