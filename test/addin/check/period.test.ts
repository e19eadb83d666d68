import { localDay, periodStanding, reportingPeriodOn } from '../../../addin/src/check/period';

describe('reportingPeriodOn', () => {
  it.each([
    ['2026-12-03', '2026-11'], // November is due before 10 December
    ['2026-12-09', '2026-11'],
    ['2026-12-10', '2026-12'], // "trước ngày 10": on the 10th November's report is late, December is next
    ['2026-11-20', '2026-11'],
    ['2027-01-05', '2026-12'],
  ])('on %s units report on %s', (day, period) => {
    expect(reportingPeriodOn(day).id).toBe(period);
  });

  it('counts the 10th as on time when the rules say so', () => {
    expect(reportingPeriodOn('2026-12-10', { cutoff: 'calendarMonth', dueDayOfNextMonth: 10, dueIsExclusive: false }).id).toBe('2026-11');
  });
});

describe('periodStanding', () => {
  it("tells last month's workbook from this month's and a later one", () => {
    expect(periodStanding('2026-11', '2026-12-03')).toEqual({ kind: 'current' });
    expect(periodStanding('2026-12', '2026-12-03')).toEqual({ kind: 'future' });
    expect(periodStanding('2026-10', '2026-12-03')).toEqual({ kind: 'past', current: expect.objectContaining({ id: '2026-11' }), dueDate: '2026-11-10' });
    expect(periodStanding('tháng 10', '2026-12-03')).toBeNull();
  });
});

describe('localDay', () => {
  it('is the calendar day of the machine, not of UTC', () => {
    expect(localDay(new Date(2026, 11 /* Dec */, 3, 0, 30))).toBe('2026-12-03');
  });
});
