import { deadlineSchema, type Deadline } from '../../lib/catalog/schema';
import { parseDeadline } from '../../lib/period/deadline';

const due = (date: string, text: string): Deadline => ({ kind: 'due', due: date, text });

// Every deadline text of the plan's 66 tasks (Phụ lục II and III), with how many tasks carry it.
const PLAN_DEADLINES: readonly [text: string, tasks: number, expected: Deadline][] = [
  ['Thực hiện thường xuyên', 26, { kind: 'recurring', text: 'Thực hiện thường xuyên' }],
  ['Thường xuyên', 1, { kind: 'recurring', text: 'Thường xuyên' }],
  [
    'Theo hướng dẫn của Bộ Công an',
    7,
    { kind: 'conditional', condition: 'Theo hướng dẫn của Bộ Công an', text: 'Theo hướng dẫn của Bộ Công an' },
  ],
  [
    'Theo hướng dẫn của các Bộ chủ quản',
    1,
    { kind: 'conditional', condition: 'Theo hướng dẫn của các Bộ chủ quản', text: 'Theo hướng dẫn của các Bộ chủ quản' },
  ],
  [
    'Sau khi Nghị quyết số 12/2025/NQ-HĐND ngày 24/6/2025 hết hiệu lực',
    1,
    {
      kind: 'conditional',
      condition: 'Sau khi Nghị quyết số 12/2025/NQ-HĐND ngày 24/6/2025 hết hiệu lực',
      text: 'Sau khi Nghị quyết số 12/2025/NQ-HĐND ngày 24/6/2025 hết hiệu lực',
    },
  ],
  [
    'Sau khi Chính phủ ban hành Đề án',
    1,
    { kind: 'conditional', condition: 'Sau khi Chính phủ ban hành Đề án', text: 'Sau khi Chính phủ ban hành Đề án' },
  ],
  [
    'Sau khi Bộ Tài chính có hướng dẫn',
    1,
    { kind: 'conditional', condition: 'Sau khi Bộ Tài chính có hướng dẫn', text: 'Sau khi Bộ Tài chính có hướng dẫn' },
  ],
  [
    'Theo tiến độ của Bộ Công an (Tháng 9/2026)',
    1,
    {
      kind: 'conditional',
      condition: 'Theo tiến độ của Bộ Công an',
      due: '2026-09-30',
      text: 'Theo tiến độ của Bộ Công an (Tháng 9/2026)',
    },
  ],
  ['Tháng 3/2028', 4, due('2028-03-31', 'Tháng 3/2028')],
  ['Tháng 6/2026', 3, due('2026-06-30', 'Tháng 6/2026')],
  ['Tháng 12/2026', 3, due('2026-12-31', 'Tháng 12/2026')],
  ['Tháng 1/2028', 3, due('2028-01-31', 'Tháng 1/2028')],
  ['Tháng 3/2027', 2, due('2027-03-31', 'Tháng 3/2027')],
  ['Tháng 02/2027', 2, due('2027-02-28', 'Tháng 02/2027')],
  ['Tháng 6/2028', 1, due('2028-06-30', 'Tháng 6/2028')],
  ['Tháng 01/2030', 1, due('2030-01-31', 'Tháng 01/2030')],
  ['Tháng 01/2028', 1, due('2028-01-31', 'Tháng 01/2028')],
  ['Quý III/2026', 1, due('2026-09-30', 'Quý III/2026')],
  ['Quý I/2027', 1, due('2027-03-31', 'Quý I/2027')],
  // "Trước" a day is read as written, like the reporting rule's "trước ngày 10": 29/6 is the last day.
  ['Hoàn thành trước 30/6/2026', 1, due('2026-06-29', 'Hoàn thành trước 30/6/2026')],
  ['Hoàn thành trong tháng 12/2026', 1, due('2026-12-31', 'Hoàn thành trong tháng 12/2026')],
  [
    'Hoàn thành trong tháng 6/2026 duy trì thường xuyên',
    1,
    { kind: 'dueThenRecurring', due: '2026-06-30', text: 'Hoàn thành trong tháng 6/2026 duy trì thường xuyên' },
  ],
  [
    'Thực hiện thường xuyên (hoàn thành việc kết nối trong năm 2026)',
    1,
    { kind: 'dueThenRecurring', due: '2026-12-31', text: 'Thực hiện thường xuyên (hoàn thành việc kết nối trong năm 2026)' },
  ],
  [
    'Đánh giá theo các mốc năm 2027, 2030',
    1,
    { kind: 'milestones', milestones: ['2027-12-31', '2030-12-31'], text: 'Đánh giá theo các mốc năm 2027, 2030' },
  ],
];

describe('parseDeadline', () => {
  test('has a row for each of the 66 tasks of the plan', () => {
    expect(PLAN_DEADLINES.reduce((sum, [, tasks]) => sum + tasks, 0)).toBe(66);
  });

  test.each(PLAN_DEADLINES)('types %j (%d tasks)', (text, _tasks, expected) => {
    const deadline = parseDeadline(text);
    expect(deadline).toEqual(expected);
    expect(deadlineSchema.safeParse(deadline).success).toBe(true);
  });

  test('does not take the resolution date inside "Sau khi …" as the due date', () => {
    const deadline = parseDeadline('Sau khi Nghị quyết số 12/2025/NQ-HĐND ngày 24/6/2025 hết hiệu lực');
    expect(deadline).not.toHaveProperty('due');
  });

  test('keeps a date in parentheses after a "Sau khi …" condition as the due date', () => {
    expect(parseDeadline('Sau khi Chính phủ ban hành Đề án (Quý IV/2027)')).toEqual({
      kind: 'conditional',
      condition: 'Sau khi Chính phủ ban hành Đề án',
      due: '2027-12-31',
      text: 'Sau khi Chính phủ ban hành Đề án (Quý IV/2027)',
    });
  });

  test.each([
    ['upper case', 'THỰC HIỆN THƯỜNG XUYÊN', 'recurring'],
    ['decomposed Unicode (NFD)', 'Thực hiện thường xuyên'.normalize('NFD'), 'recurring'],
    ['no diacritics', 'Thuc hien thuong xuyen', 'recurring'],
    ['a trailing full stop', 'Thực hiện thường xuyên.', 'recurring'],
    ['doubled and non-breaking spaces', 'Theo  hướng dẫn\u00a0của Bộ Công an', 'conditional'],
  ])('matches despite %s', (_name, text, kind) => {
    expect(parseDeadline(text)?.kind).toBe(kind);
  });

  test('keeps the original text, trimmed', () => {
    expect(parseDeadline('  Tháng 6 / 2026 ')).toEqual(due('2026-06-30', 'Tháng 6 / 2026'));
  });

  test.each([
    ['Quý II/2026', '2026-06-30'],
    ['Quý IV/2026', '2026-12-31'],
    ['tháng 6 năm 2026', '2026-06-30'],
    ['Trong năm 2027', '2027-12-31'],
    ['Chậm nhất ngày 15/3/2027', '2027-03-15'],
    ['Trước ngày 01/7/2026', '2026-06-30'], // section V.4 of the plan: the day before is the last one
    ['Trước ngày 01/01/2027', '2026-12-31'],
    ['Tháng 2/2028', '2028-02-29'],
  ])('reads %j as due on %s', (text, date) => {
    expect(parseDeadline(text)).toEqual(due(date, text));
  });

  test.each([
    ['empty', ''],
    ['blank', '   '],
    ['no date', 'sớm nhất có thể'],
    ['month 13', 'Tháng 13/2026'],
    ['a day that does not exist', 'Hoàn thành trước 31/6/2026'],
    ['quarter V', 'Quý V/2026'],
    ['"trước" a month, which would mean the month before', 'Hoàn thành trước tháng 6/2026'],
    ['a mistyped date in parentheses', 'Theo hướng dẫn của Bộ Công an (Tháng 13/2026)'],
    ['a completion without a date', 'Thực hiện thường xuyên (báo cáo khi có yêu cầu)'],
  ])('gives null for %s so the caller can report it', (_name, text) => {
    expect(parseDeadline(text)).toBeNull();
  });
});
