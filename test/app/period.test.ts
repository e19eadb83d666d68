import { periodStanding, reportingPeriodOn } from '../../lib/app/period';

/** An instant given as Vietnam wall time. */
const vn = (wall: string) => new Date(`${wall}+07:00`);

describe('reportingPeriodOn', () => {
  it.each([
    ['2026-12-03T10:00:00', '2026-11'], // November is due before 10 December
    ['2026-12-09T23:59:00', '2026-11'],
    ['2026-12-10T00:00:00', '2026-12'], // "trước ngày 10": on the 10th November's report is late, December is next
    ['2026-11-20T08:00:00', '2026-11'],
    ['2027-01-05T08:00:00', '2026-12'],
  ])('at %s (Vietnam time) units report on %s', (wall, period) => {
    expect(reportingPeriodOn(vn(wall)).id).toBe(period);
  });

  it('uses the day in Vietnam, not the machine zone or UTC', () => {
    // 20:30 UTC on 9 December is already 10 December in Thanh Hóa.
    expect(reportingPeriodOn(new Date('2026-12-09T20:30:00Z')).id).toBe('2026-12');
    expect(reportingPeriodOn(new Date('2026-12-09T16:30:00Z')).id).toBe('2026-11');
  });

  it('counts the 10th as on time when the rules say so', () => {
    expect(reportingPeriodOn(vn('2026-12-10T09:00:00'), { cutoff: 'calendarMonth', dueDayOfNextMonth: 10, dueIsExclusive: false }).id).toBe('2026-11');
  });
});

describe('periodStanding', () => {
  it("tells last month's workbook from this month's and a later one", () => {
    const now = vn('2026-12-03T09:00:00');
    expect(periodStanding('2026-11', now)).toEqual({ kind: 'current' });
    expect(periodStanding('2026-12', now)).toEqual({ kind: 'future' });
    expect(periodStanding('2026-10', now)).toEqual({ kind: 'past', current: expect.objectContaining({ id: '2026-11' }), dueDate: '2026-11-10' });
    expect(periodStanding('tháng 10', now)).toBeNull();
  });
});
