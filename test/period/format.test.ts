import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { formatDayMonthYear, formatDocumentDate, formatNumber, parseDayMonthYear } from '../../lib/period/format';

describe('formatDocumentDate', () => {
  test.each([
    ['2026-12-10', 'ngày 10 tháng 12 năm 2026'],
    ['2026-02-05', 'ngày 05 tháng 02 năm 2026'],
    ['2026-07-10', 'ngày 10 tháng 7 năm 2026'],
    ['2026-03-04', 'ngày 04 tháng 3 năm 2026'],
    ['2026-01-31', 'ngày 31 tháng 01 năm 2026'],
    ['2026-11-01', 'ngày 01 tháng 11 năm 2026'],
    ['2026-10-09', 'ngày 09 tháng 10 năm 2026'],
  ])('writes %s as %j (Nghị định 30: pads days below 10 and months 1–2 only)', (iso, expected) => {
    expect(formatDocumentDate(iso)).toBe(expected);
  });

  test('puts the place before the date', () => {
    expect(formatDocumentDate('2026-07-10', { place: 'Thanh Hóa' })).toBe('Thanh Hóa, ngày 10 tháng 7 năm 2026');
  });

  test('leaves out a blank place', () => {
    expect(formatDocumentDate('2026-07-10', { place: '  ' })).toBe('ngày 10 tháng 7 năm 2026');
  });

  test.each(['2026-02-30', '10/12/2026', '2026-7-10'])('throws on %j, which is not a calendar date', (iso) => {
    expect(() => formatDocumentDate(iso)).toThrow(RangeError);
  });
});

describe('formatDayMonthYear', () => {
  test.each([
    ['2026-12-10', '10/12/2026'],
    ['2027-01-05', '05/01/2027'],
  ])('writes %s as %s', (iso, expected) => {
    expect(formatDayMonthYear(iso)).toBe(expected);
  });
});

describe('parseDayMonthYear', () => {
  test.each([
    ['14/07/2026', '2026-07-14'],
    ['1/7/2026', '2026-07-01'],
    ['01/7/2026', '2026-07-01'],
    [' 10/12/2026 ', '2026-12-10'],
    ['29/02/2028', '2028-02-29'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseDayMonthYear(text)).toBe(expected);
  });

  test.each(['31/02/2026', '29/02/2027', '14/13/2026', '1/7/26', '2026-07-14', '14.07.2026', '', 'hôm nay'])(
    'gives null for %j',
    (text) => {
      expect(parseDayMonthYear(text)).toBeNull();
    },
  );
});

describe('formatNumber', () => {
  test.each([
    [27.5, '27,5'],
    [80, '80'],
    [1500, '1.500'],
    [0.1 + 0.2, '0,3'],
  ])('writes %d as %j with Vietnamese separators', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});

describe('time zones', () => {
  // Jest pins TZ=UTC and cannot change it in-process, so the other zones run in a child Node.
  test('give the same calendar dates in UTC+7, UTC-3 with midnight DST history, and UTC+14', () => {
    const lib = join(__dirname, '../../lib/period');
    const script = `
      const { formatDocumentDate, formatDayMonthYear, parseDayMonthYear } = require(${JSON.stringify(join(lib, 'format.ts'))});
      const { describePeriod, createPeriod } = require(${JSON.stringify(join(lib, 'period.ts'))});
      const out = {};
      for (const zone of ['Asia/Ho_Chi_Minh', 'America/Santiago', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        out[zone] = [
          formatDocumentDate('2026-02-05'), formatDayMonthYear('2026-12-31'), parseDayMonthYear('1/1/2027'),
          parseDayMonthYear('6/9/2026'), describePeriod(createPeriod(2026, 12)).dueDate,
          describePeriod(createPeriod(2026, 9)).cutoffEnd, new Date(2026, 0, 1).getTimezoneOffset() !== 0,
        ];
      }
      process.stdout.write(JSON.stringify(out));
    `;
    const output = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
      cwd: join(__dirname, '../..'),
      encoding: 'utf8',
    });
    const expected = ['ngày 05 tháng 02 năm 2026', '31/12/2026', '2027-01-01', '2026-09-06', '2027-01-10', '2026-09-30', true];
    expect(JSON.parse(output)).toEqual({
      'Asia/Ho_Chi_Minh': expected,
      'America/Santiago': expected,
      'Pacific/Kiritimati': expected,
    });
  });
});
