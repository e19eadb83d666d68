import { builtinNumberFormatKind, classifyNumberFormat, percentOf } from '../../lib/read/number-format';

describe('classifyNumberFormat', () => {
  it.each([
    // Percents, as Excel, LibreOffice and WPS write them.
    ['0%', 'percent'],
    ['0.00%', 'percent'],
    ['#,##0.0%', 'percent'],
    ['0%;-0%', 'percent'],
    ['[Red]0.0%', 'percent'],
    ['[$-409]0.0%', 'percent'],
    ['"Tỷ lệ: "0%', 'percent'],
    ['"d"0%', 'percent'],
    ['_(0%_)', 'percent'],
    // A percent sign that is only printed: the number is not scaled.
    ['0"%"', 'other'],
    ['0" %"', 'other'],
    ['0\\%', 'other'],
    ['"%"0', 'other'],
    ['_%0', 'other'],
    ['*%0', 'other'],
    // Dates and times.
    ['dd/mm/yyyy', 'date'],
    ['m/d/yyyy', 'date'],
    ['[$-409]mmmm d, yyyy', 'date'],
    ['[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy', 'date'],
    ['d/m/yy h:mm', 'date'],
    ['mmm-yy', 'date'],
    ['h:mm', 'other'],
    ['h:mm AM/PM', 'other'],
    ['mm:ss', 'other'],
    ['[h]:mm:ss', 'other'],
    ['[mm]:ss', 'other'],
    // Everything else.
    ['General', 'other'],
    ['GENERAL', 'other'],
    ['@', 'other'],
    ['', 'other'],
    ['0', 'other'],
    ['#,##0.0#', 'other'],
    ['0.00E+00', 'other'],
    ['"ngày"0', 'other'],
    ['\\d0', 'other'],
    ['_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)', 'other'],
  ])('%p is %p', (code, kind) => {
    expect(classifyNumberFormat(code)).toBe(kind);
  });

  it('uses the section Excel would show the number with: positive;negative;zero, or the conditions', () => {
    expect(classifyNumberFormat('0.0%;[Red]-0.0%;"—"', 0.25)).toBe('percent');
    expect(classifyNumberFormat('0.0%;[Red]-0.0%;"—"', -0.25)).toBe('percent');
    expect(classifyNumberFormat('0.0%;[Red]-0.0%;"—"', 0)).toBe('other');
    expect(classifyNumberFormat('0;0%', -1)).toBe('percent');
    expect(classifyNumberFormat('0;0%', 1)).toBe('other');
    expect(classifyNumberFormat('[<=1]0%;0', 0.5)).toBe('percent');
    expect(classifyNumberFormat('[<=1]0%;0', 50)).toBe('other');
    expect(classifyNumberFormat('[>100]"nhiều";[>=0]0%;0', 0.3)).toBe('percent');
    expect(classifyNumberFormat('[>100]"nhiều";[>=0]0%;0', 150)).toBe('other');
    expect(classifyNumberFormat('[>100]"nhiều";[>=0]0%;0', -2)).toBe('other');
  });

  it('knows the built-in ids that carry no numFmt element', () => {
    expect([9, 10].map(builtinNumberFormatKind)).toEqual(['percent', 'percent']);
    expect([14, 15, 16, 17, 22].map(builtinNumberFormatKind)).toEqual(['date', 'date', 'date', 'date', 'date']);
    // Times of day (h:mm, mm:ss …) and plain numbers are not dates, as the same codes written out are not.
    expect([0, 1, 2, 3, 4, 11, 18, 20, 21, 45, 46, 47, 49].every((id) => builtinNumberFormatKind(id) === 'other')).toBe(true);
    expect(classifyNumberFormat('h:mm')).toBe(builtinNumberFormatKind(20));
  });
});

describe('percentOf', () => {
  it('gives the percent a user sees, without floating-point noise', () => {
    expect([0.57 * 100, 0.07 * 100]).toEqual([56.99999999999999, 7.000000000000001]); // why it exists
    expect([0.57, 0.855, 0.5, 1, 1.1, 0.07, -0.25, 0.123456789, 0.3 + 0.6, 0].map(percentOf)).toEqual([57, 85.5, 50, 100, 110, 7, -25, 12.3456789, 90, 0]);
  });

  it('gives back exactly what was typed for every percent with up to two decimals, 0% to 150%', () => {
    const wrong: string[] = [];
    for (let hundredths = 0; hundredths <= 15_000; hundredths += 1) {
      const typed = (hundredths / 100).toFixed(2); // "85.50": the percent as typed
      const stored = Number(`${typed}e-2`); // what Excel and LibreOffice store for "85.50%"
      if (percentOf(stored) !== Number(typed)) wrong.push(typed);
    }
    expect(wrong).toEqual([]);
  });
});
