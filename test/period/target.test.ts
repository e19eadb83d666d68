import { PLAN_YEARS, targetSchema, type Indicator, type Target } from '../../lib/catalog/schema';
import { parseTargetCell, targetForYear } from '../../lib/period/target';

/** The five yearly cells of a Phụ lục I row (2026 … 2030), typed as the catalog stores them. */
function targets(...cells: [string, string, string, string, string]): Indicator['targets'] {
  const [y2026, y2027, y2028, y2029, y2030] = cells.map(parseTargetCell) as [Target, Target, Target, Target, Target];
  return { '2026': y2026, '2027': y2027, '2028': y2028, '2029': y2029, '2030': y2030 };
}

describe('parseTargetCell', () => {
  test.each<[string, Target]>([
    ['50', { kind: 'number', value: 50, text: '50' }],
    ['27,5', { kind: 'number', value: 27.5, text: '27,5' }],
    [' 100 ', { kind: 'number', value: 100, text: '100' }],
    ['80%', { kind: 'number', value: 80, text: '80%' }],
    ['27.5', { kind: 'number', value: 27.5, text: '27.5' }],
    ['1.234,5', { kind: 'number', value: 1234.5, text: '1.234,5' }],
    ['≥80', { kind: 'atLeast', value: 80, text: '≥80' }],
    ['≥ 80', { kind: 'atLeast', value: 80, text: '≥ 80' }],
    ['>= 70', { kind: 'atLeast', value: 70, text: '>= 70' }],
    ['Hoàn thành', { kind: 'text', text: 'Hoàn thành' }],
    ['Có', { kind: 'text', text: 'Có' }],
    ['Triển khai mô hình', { kind: 'text', text: 'Triển khai mô hình' }],
    [
      'Hoàn thành và đưa vào sử dụng thường xuyên',
      { kind: 'text', text: 'Hoàn thành và đưa vào sử dụng thường xuyên' },
    ],
    ['1.234', { kind: 'text', text: '1.234' }],
    ['-', { kind: 'none', text: '-' }],
    ['', { kind: 'none', text: '' }],
    ['  ', { kind: 'none', text: '' }],
  ])('types %j', (cell, expected) => {
    const target = parseTargetCell(cell);
    expect(target).toEqual(expected);
    expect(targetSchema.safeParse(target).success).toBe(true);
  });
});

describe('targetForYear', () => {
  const rising = targets('50', '60', '70', '75', '80');

  test('gives the year its own target', () => {
    expect(targetForYear(rising, 2028)).toEqual({
      target: { kind: 'number', value: 70, text: '70' },
      year: 2028,
      isMilestone: false,
      text: '70',
    });
  });

  test('writes a decimal target with a comma', () => {
    expect(targetForYear(targets('27,5', '28', '29', '30', '40'), 2026)?.text).toBe('27,5');
  });

  test('writes an at-least target with "≥ "', () => {
    expect(targetForYear(targets('≥50', '≥55', '≥60', '≥70', '≥80'), 2030)?.text).toBe('≥ 80');
  });

  test('writes a text target as the plan does', () => {
    expect(targetForYear(targets('Hoàn thành', '-', '-', '-', '-'), 2026)?.text).toBe('Hoàn thành');
  });

  test('shows the 2030 milestone, with its year, for a year marked "-"', () => {
    expect(targetForYear(targets('-', '-', '-', '-', '100'), 2027)).toEqual({
      target: { kind: 'number', value: 100, text: '100' },
      year: 2030,
      isMilestone: true,
      text: '100 (năm 2030)',
    });
  });

  test('shows the nearest later milestone, not the last one', () => {
    expect(targetForYear(targets('≥50', '-', '≥80', '-', '100'), 2027)?.text).toBe('≥ 80 (năm 2028)');
  });

  test('treats an empty cell like "-"', () => {
    expect(targetForYear(targets('', '', 'Có', '', ''), 2026)?.text).toBe('Có (năm 2028)');
  });

  test('applies the 2026 rule to years before the plan', () => {
    expect(targetForYear(rising, 2025)).toMatchObject({ year: 2026, isMilestone: false, text: '50' });
    expect(targetForYear(targets('-', '-', '-', '-', '100'), 2025)).toMatchObject({ year: 2030, isMilestone: true });
  });

  test('keeps the 2030 target after the plan ends', () => {
    expect(targetForYear(rising, 2031)).toMatchObject({ year: 2030, isMilestone: false, text: '80' });
  });

  test('gives null after the plan when 2030 has no target', () => {
    expect(targetForYear(targets('Hoàn thành', '-', '-', '-', '-'), 2031)).toBeNull();
  });

  test('gives null when no year from the asked one on has a target', () => {
    expect(targetForYear(targets('-', '-', '-', '-', '-'), 2026)).toBeNull();
    expect(targetForYear(targets('Hoàn thành', '-', '-', '-', '-'), 2027)).toBeNull();
  });

  test('covers every plan year', () => {
    expect(PLAN_YEARS.map((year) => targetForYear(rising, Number(year))?.text)).toEqual(['50', '60', '70', '75', '80']);
  });
});
