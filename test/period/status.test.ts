import type { Deadline } from '../../lib/catalog/schema';
import type { ReportingRules } from '../../lib/period/config';
import { parseDeadline } from '../../lib/period/deadline';
import { parsePeriod } from '../../lib/period/period';
import { DEADLINE_STATUS_LABELS, DEADLINE_STATUSES, deadlineStatus } from '../../lib/period/status';

const decree09: ReportingRules = { cutoff: 'decree09', dueDayOfNextMonth: 10, dueIsExclusive: true };

function deadline(text: string): Deadline {
  const parsed = parseDeadline(text);
  if (parsed === null) throw new Error(`fixture deadline did not parse: ${text}`);
  return parsed;
}

function statusAt(text: string, periodId: string, rules?: ReportingRules) {
  const period = parsePeriod(periodId);
  if (period === null) throw new Error(`fixture period did not parse: ${periodId}`);
  return deadlineStatus(deadline(text), period, rules);
}

describe('deadlineStatus', () => {
  test.each([
    ['Quý III/2026', '2026-08', 'notYetDue', '2026-09-30'],
    ['Quý III/2026', '2026-09', 'dueThisPeriod', '2026-09-30'],
    ['Quý III/2026', '2026-10', 'overdue', '2026-09-30'],
    // "Trước" a day is read as written (the day before is the last one); the month, and so the status, is unchanged.
    ['Hoàn thành trước 30/6/2026', '2026-06', 'dueThisPeriod', '2026-06-29'],
    // Section V.4's one dated duty: due in June's report, overdue in July's, not first due in July.
    ['Trước ngày 01/7/2026', '2026-06', 'dueThisPeriod', '2026-06-30'],
    ['Trước ngày 01/7/2026', '2026-07', 'overdue', '2026-06-30'],
    ['Tháng 12/2026', '2027-01', 'overdue', '2026-12-31'],
    ['Thực hiện thường xuyên', '2026-07', 'recurring', null],
    ['Thực hiện thường xuyên', '2030-12', 'recurring', null],
    ['Hoàn thành trong tháng 6/2026 duy trì thường xuyên', '2026-05', 'notYetDue', '2026-06-30'],
    ['Hoàn thành trong tháng 6/2026 duy trì thường xuyên', '2026-06', 'dueThisPeriod', '2026-06-30'],
    ['Hoàn thành trong tháng 6/2026 duy trì thường xuyên', '2026-07', 'recurring', null],
    ['Thực hiện thường xuyên (hoàn thành việc kết nối trong năm 2026)', '2026-12', 'dueThisPeriod', '2026-12-31'],
    ['Thực hiện thường xuyên (hoàn thành việc kết nối trong năm 2026)', '2027-01', 'recurring', null],
    ['Đánh giá theo các mốc năm 2027, 2030', '2026-11', 'notYetDue', '2027-12-31'],
    ['Đánh giá theo các mốc năm 2027, 2030', '2027-12', 'dueThisPeriod', '2027-12-31'],
    ['Đánh giá theo các mốc năm 2027, 2030', '2028-01', 'notYetDue', '2030-12-31'],
    ['Đánh giá theo các mốc năm 2027, 2030', '2030-12', 'dueThisPeriod', '2030-12-31'],
    ['Đánh giá theo các mốc năm 2027, 2030', '2031-01', 'overdue', '2030-12-31'],
    ['Theo hướng dẫn của Bộ Công an', '2026-07', 'conditional', null],
    ['Sau khi Nghị quyết số 12/2025/NQ-HĐND ngày 24/6/2025 hết hiệu lực', '2026-07', 'conditional', null],
    ['Theo tiến độ của Bộ Công an (Tháng 9/2026)', '2026-08', 'notYetDue', '2026-09-30'],
    ['Theo tiến độ của Bộ Công an (Tháng 9/2026)', '2026-09', 'dueThisPeriod', '2026-09-30'],
    ['Theo tiến độ của Bộ Công an (Tháng 9/2026)', '2026-10', 'overdue', '2026-09-30'],
  ])('places %j in %s as %s (due %s)', (text, periodId, status, due) => {
    expect(statusAt(text, periodId)).toEqual({ status, due });
  });

  test.each([
    ['2026-09', 'notYetDue'],
    ['2026-10', 'dueThisPeriod'],
    ['2026-11', 'overdue'],
  ])('uses the Nghị định 09 window (15th–14th): Quý III/2026 in %s is %s', (periodId, status) => {
    expect(statusAt('Quý III/2026', periodId, decree09)).toEqual({ status, due: '2026-09-30' });
  });

  test('puts a year-end due date in the January window under Nghị định 09', () => {
    expect(statusAt('Tháng 12/2026', '2026-12', decree09).status).toBe('notYetDue');
    expect(statusAt('Tháng 12/2026', '2027-01', decree09).status).toBe('dueThisPeriod');
  });

  test('takes the next milestone even when the list is out of order', () => {
    const unordered: Deadline = { kind: 'milestones', milestones: ['2030-12-31', '2027-12-31'], text: 'mốc' };
    expect(deadlineStatus(unordered, parsePeriod('2026-11')!)).toEqual({ status: 'notYetDue', due: '2027-12-31' });
  });
});

describe('DEADLINE_STATUS_LABELS', () => {
  test('names every status in Vietnamese', () => {
    expect(DEADLINE_STATUSES.map((status) => DEADLINE_STATUS_LABELS[status])).toEqual([
      'Chưa đến hạn',
      'Đến hạn trong kỳ',
      'Quá hạn',
      'Thường xuyên',
      'Theo điều kiện',
    ]);
  });
});
