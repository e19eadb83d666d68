import type { Indicator, Target } from '../../lib/catalog/schema';
import { leastSquaresSlope, projectIndicator } from '../../lib/history/projection';
import type { IndicatorMonth } from '../../lib/history/types';
import { targetForYear } from '../../lib/period/target';

const none: Target = { kind: 'none', text: '-' };
const num = (value: number): Target => ({ kind: 'number', value, text: String(value) });
/** Targets for 2026–2030 from a small table: one cell per year, as Phụ lục I has them. */
function targets(cells: [Target, Target, Target, Target, Target]): Indicator['targets'] {
  return { '2026': cells[0], '2027': cells[1], '2028': cells[2], '2029': cells[3], '2030': cells[4] };
}

type Cell = number | string | null | { value: number | string; flagged?: true; status?: IndicatorMonth['status'] } | 'missing';

/** The months July–November 2026 from a row of cells: a number is a trusted value, `missing` a month with no summary. */
function months(cells: Cell[], status: IndicatorMonth['status'] = 'notMet') {
  return cells.map((cell, i) => {
    const period = `2026-${String(7 + i).padStart(2, '0')}`;
    if (cell === 'missing') return { period, month: null };
    if (cell === null) return { period, month: { value: null, status: 'noData' as const, flagged: false } };
    if (typeof cell === 'object') return { period, month: { value: cell.value, status: cell.status ?? (cell.flagged ? ('flagged' as const) : status), flagged: cell.flagged ?? false } };
    return { period, month: { value: cell, status, flagged: false } };
  });
}

const project = (cells: Cell[], t: Indicator['targets'], unitOfMeasure: string | null = '%', status?: IndicatorMonth['status']) =>
  projectIndicator({ year: 2026, months: months(cells, status), target: targetForYear(t, 2026), unitOfMeasure });

describe('leastSquaresSlope', () => {
  it('is the least-squares slope, 0 with fewer than two distinct months', () => {
    expect(leastSquaresSlope([{ x: 9, y: 50 }, { x: 10, y: 55 }, { x: 11, y: 60 }])).toBe(5);
    expect(leastSquaresSlope([{ x: 9, y: 45 }, { x: 10, y: 50 }, { x: 11, y: 56 }])).toBeCloseTo(5.5, 10);
    expect(leastSquaresSlope([{ x: 1, y: 3 }, { x: 2, y: 1 }, { x: 3, y: 4 }, { x: 4, y: 6 }])).toBeCloseTo(1.2, 10);
    expect([leastSquaresSlope([]), leastSquaresSlope([{ x: 9, y: 50 }]), leastSquaresSlope([{ x: 9, y: 50 }, { x: 9, y: 70 }])]).toEqual([0, 0, 0]);
  });
});

describe('projectIndicator: numeric targets (linear pace to December)', () => {
  const target80 = targets([num(80), num(85), num(90), num(95), num(100)]);

  it('flags a pace that misses the target, with the Vietnamese reason', () => {
    const { projection, risk } = project(['missing', 'missing', 50, 55, 60], target80);
    expect(projection).toEqual({ kind: 'pace', slope: 5, points: 3, from: { period: '2026-11', value: 60 }, to: '2026-12', value: 65, target: 80, reaches: false });
    expect(risk).toEqual({ code: 'belowPace', reason: 'Tăng bình quân 5 điểm % mỗi tháng (3 tháng có số liệu): đến tháng 12/2026 dự kiến đạt 65%, chưa đạt chỉ tiêu 80%.' });
  });

  it('does not flag an indicator below target whose pace reaches it by December', () => {
    const { projection, risk } = project([null, null, 45, 50, 56], targets([num(60), none, none, none, none]));
    expect(projection.kind === 'pace' && [projection.slope, projection.value, projection.reaches]).toEqual([5.5, 61.5, true]);
    expect(risk).toBeNull();
  });

  it('spaces months by the calendar: a month missing from the history is a gap, not a step', () => {
    const gap = project(['missing', 'missing', 50, 'missing', 60], target80).projection;
    expect(gap.kind === 'pace' && [gap.slope, gap.points, gap.value]).toEqual([5, 2, 65]);
  });

  it('leaves out a value whose cell has an error, and a month without data', () => {
    const p = project([null, null, 50, { value: 150, flagged: true }, 60], target80).projection;
    expect(p.kind === 'pace' && [p.slope, p.points, p.from]).toEqual([5, 2, { period: '2026-11', value: 60 }]);
  });

  it('continues from the latest trusted value when this month has none', () => {
    const p = project(['missing', 60, 70, 75, null], target80).projection;
    expect(p.kind === 'pace' && [p.from, p.to, p.value, p.reaches]).toEqual([{ period: '2026-10', value: 75 }, '2026-12', 90, true]);
  });

  it('gives no pace from a single month, and does not guess a risk', () => {
    expect(project(['missing', 'missing', 'missing', 'missing', 40], target80)).toEqual({ projection: { kind: 'none', why: 'onePoint' }, risk: null });
  });

  it('says an indicator that stands still below target, or falls, will not reach it', () => {
    expect(project([null, null, 60, 60, 60], target80).risk).toEqual({ code: 'notRising', reason: 'Không tăng qua 3 tháng có số liệu (tháng 11/2026: 60%): chưa đạt chỉ tiêu 80%.' });
    expect(project([null, null, 66, 63, 60], target80).risk).toEqual({ code: 'notRising', reason: 'Giảm bình quân 3 điểm % mỗi tháng (3 tháng có số liệu): đến tháng 12/2026 dự kiến còn 57%, chưa đạt chỉ tiêu 80%.' });
  });

  it('warns when a target already met is falling below it by December', () => {
    const { projection, risk } = project([null, null, 90, 85, 82], target80, '%', 'met');
    expect(projection.kind === 'pace' && [projection.slope, projection.value]).toEqual([-4, 78]);
    expect(risk).toEqual({ code: 'falling', reason: 'Đã đạt 82% (tháng 11/2026) nhưng giảm bình quân 4 điểm % mỗi tháng (3 tháng có số liệu): đến tháng 12/2026 dự kiến còn 78%, dưới chỉ tiêu 80%.' });
  });

  it('keeps a percentage within 100 and a count above 0; a number unit has no "%"', () => {
    const full = project([null, null, 90, 95, 100], targets([num(100), none, none, none, none]), '%', 'met').projection;
    expect(full.kind === 'pace' && [full.value, full.reaches]).toEqual([100, true]);
    const { projection, risk } = project([null, null, 30, 20, 10], targets([num(27), none, none, none, none]), 'lần GDP');
    expect(projection.kind === 'pace' && projection.value).toBe(0);
    expect(risk?.reason).toBe('Giảm bình quân 10 mỗi tháng (3 tháng có số liệu): đến tháng 12/2026 dự kiến còn 0, chưa đạt chỉ tiêu 27.');
  });

  it('reads "≥ 80" as at least 80, with decimals written with a comma', () => {
    const atLeast = targets([{ kind: 'atLeast', value: 80, text: '≥80' }, none, none, none, none]);
    expect(project([null, null, 70, 72.5, 75], atLeast).risk?.reason).toBe('Tăng bình quân 2,5 điểm % mỗi tháng (3 tháng có số liệu): đến tháng 12/2026 dự kiến đạt 77,5%, chưa đạt chỉ tiêu 80%.');
    expect(project([null, null, 76, 78, 80], atLeast, '%', 'met').risk).toBeNull();
  });

  it('projects a target set for a later year to December of that year (a milestone)', () => {
    const milestone = targets([none, none, none, none, num(90)]);
    const reaches = project([null, null, null, 40, 41], milestone, '%', 'notYet').projection;
    expect(reaches.kind === 'pace' && [reaches.to, reaches.value, reaches.reaches]).toEqual(['2030-12', 90, true]);
    expect(project([null, null, null, 40, 40.5], milestone, '%', 'notYet').risk?.reason).toBe(
      'Tăng bình quân 0,5 điểm % mỗi tháng (2 tháng có số liệu): đến tháng 12/2030 dự kiến đạt 65%, chưa đạt chỉ tiêu năm 2030 là 90%.',
    );
  });

  it('has nothing to project without a target, without data, or with a value that is no number', () => {
    expect(project([null, null, 50, 55, 60], targets([none, none, none, none, none]))).toEqual({ projection: { kind: 'none', why: 'noTarget' }, risk: null });
    expect(project(['missing', null, null, null, null], target80)).toEqual({ projection: { kind: 'none', why: 'noData' }, risk: null });
    expect(project([null, null, 'Có', 'Có', 'Có'], target80)).toEqual({ projection: { kind: 'none', why: 'notComparable' }, risk: null });
    expect(project([null, null, 'Có', 'Có', 'Có'], target80, null, 'noTarget')).toEqual({ projection: { kind: 'none', why: 'noTarget' }, risk: null });
  });
});

describe('projectIndicator: text targets (the next milestone)', () => {
  const done2026 = targets([{ kind: 'text', text: 'Hoàn thành' }, none, none, none, none]);

  it('flags this year\'s text target not reached, with the months left', () => {
    const { projection, risk } = project([null, null, 'Chưa triển khai', 'Đang thực hiện', 'Đang thực hiện'], done2026, 'CSDL');
    expect(projection).toEqual({ kind: 'milestone', target: 'Hoàn thành', targetYear: 2026, reached: false, latest: { period: '2026-11', value: 'Đang thực hiện' } });
    expect(risk).toEqual({ code: 'milestoneNotReached', reason: 'Chỉ tiêu năm 2026 là "Hoàn thành"; tháng 11/2026 mới ở mức "Đang thực hiện", còn 1 tháng.' });
  });

  it('is reached when the latest month reported is assessed met', () => {
    const months = [null, null, { value: 'Đang thực hiện', status: 'notMet' as const }, { value: 'Hoàn thành', status: 'met' as const }, null];
    expect(project(months, done2026, 'CSDL')).toEqual({ projection: { kind: 'milestone', target: 'Hoàn thành', targetYear: 2026, reached: true, latest: { period: '2026-10', value: 'Hoàn thành' } }, risk: null });
  });

  it('does not flag a milestone set for a later year', () => {
    const later = targets([none, { kind: 'text', text: 'Hoàn thành' }, none, none, none]);
    expect(project([null, null, null, null, 'Đang thực hiện'], later, 'CSDL', 'notYet')).toEqual({
      projection: { kind: 'milestone', target: 'Hoàn thành', targetYear: 2027, reached: false, latest: { period: '2026-11', value: 'Đang thực hiện' } },
      risk: null,
    });
  });
});
