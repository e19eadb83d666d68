import { buildHistory, PLAN_FIRST_PERIOD } from '../../lib/history/build';
import type { SummaryFacts } from '../../lib/summary/facts';
import { catalog, month } from './_lib/facts';

const named = (entries: Array<[SummaryFacts, string]>) => new Map(entries);

describe('buildHistory: which summary stands for each month', () => {
  it('takes the months of the year from the plan\'s first reporting month, and states the missing ones', () => {
    const sep = month('2026-09');
    const history = buildHistory(month('2026-11'), [sep], catalog, { sources: named([[sep, 'luu-tru/tong-hop-2026-09.xlsx']]) });
    expect(PLAN_FIRST_PERIOD).toBe('2026-07');
    expect(history.months).toEqual([
      { period: '2026-07', source: 'missing' },
      { period: '2026-08', source: 'missing' },
      { period: '2026-09', source: 'archive', generatedAt: sep.generatedAt, file: 'luu-tru/tong-hop-2026-09.xlsx' },
      { period: '2026-10', source: 'missing' },
      { period: '2026-11', source: 'current', generatedAt: month('2026-11').generatedAt },
    ]);
    expect([history.missing, history.ignored, history.nextPeriod]).toEqual([['2026-07', '2026-08', '2026-10'], [], '2026-12']);
    expect(history.rates.map((r) => [r.period, r.figures?.totals.received ?? null])).toEqual([['2026-07', null], ['2026-08', null], ['2026-09', 3], ['2026-10', null], ['2026-11', 3]]);
  });

  it('starts in January after the plan\'s first year, and where the caller says the plan starts', () => {
    expect(buildHistory(month('2027-02'), [], catalog).months.map((m) => [m.period, m.source])).toEqual([['2027-01', 'missing'], ['2027-02', 'current']]);
    expect(buildHistory(month('2026-03'), [], catalog, { firstPeriod: '2026-01' }).missing).toEqual(['2026-01', '2026-02']);
    // A month before the plan's first (a trial run) has only itself.
    expect(buildHistory(month('2026-05'), [month('2026-04')], catalog).months.map((m) => m.period)).toEqual(['2026-05']);
  });

  it('uses the summary of a month generated last when the month was consolidated twice, and says which one it replaced', () => {
    const first = month('2026-09', { generatedAt: '2026-10-12T02:00:00.000Z', indicators: { 'PL1.I.1': [20, 'notMet'] } });
    const again = month('2026-09', { generatedAt: '2026-11-20T03:30:00.000Z', indicators: { 'PL1.I.1': [44, 'notMet'] } });
    const sources = named([[first, 'tong-hop-2026-09.xlsx'], [again, 'tong-hop-2026-09 (gui lai).xlsx']]);
    for (const earlier of [[first, again], [again, first]]) {
      const history = buildHistory(month('2026-11'), earlier, catalog, { sources });
      expect(history.months[2]).toEqual({ period: '2026-09', source: 'archive', generatedAt: again.generatedAt, file: 'tong-hop-2026-09 (gui lai).xlsx' });
      expect(history.indicators[0]?.months[2]?.value).toBe(44);
      expect(history.ignored).toEqual([{ period: '2026-09', generatedAt: first.generatedAt, file: 'tong-hop-2026-09.xlsx', reason: 'superseded', usedInstead: { generatedAt: again.generatedAt, file: 'tong-hop-2026-09 (gui lai).xlsx' } }]);
    }
  });

  it('on a tie of generation times, uses the summary listed later', () => {
    const a = month('2026-10', { indicators: { 'PL1.I.1': [50, 'notMet'] } });
    const b = month('2026-10', { indicators: { 'PL1.I.1': [51, 'notMet'] } });
    const history = buildHistory(month('2026-11'), [a, b], catalog);
    expect([history.indicators[0]?.months[3]?.value, history.ignored.map((x) => x.reason)]).toEqual([51, ['superseded']]);
  });

  it('sets aside summaries of another plan, another year, a later month or this month, saying why', () => {
    const current = month('2026-11', { generatedAt: '2026-12-11T03:00:00.000Z' });
    const earlier = [
      month('2026-10', { catalogHash: 'khac' }),
      month('2025-12'),
      month('2026-12'),
      month('2026-11', { generatedAt: '2026-12-10T03:00:00.000Z' }),
      month('2026-11', { generatedAt: '2026-12-12T03:00:00.000Z' }),
    ];
    const history = buildHistory(current, earlier, catalog);
    expect(history.ignored.map((x) => [x.period, x.reason, x.newerThanCurrent ?? false])).toEqual([
      ['2026-10', 'otherPlan', false],
      ['2025-12', 'otherYear', false],
      ['2026-12', 'laterPeriod', false],
      ['2026-11', 'currentPeriod', false],
      ['2026-11', 'currentPeriod', true],
    ]);
    expect(history.missing).toEqual(['2026-07', '2026-08', '2026-09', '2026-10']);
  });
});

describe('buildHistory: indicators', () => {
  const history = buildHistory(
    month('2026-11', { indicators: { 'PL1.I.1': [60, 'notMet'], 'PL1.I.2': ['Đang thực hiện', 'notMet'], 'PL1.I.3': [41, 'notYet'] } }),
    [
      month('2026-09', { indicators: { 'PL1.I.1': [50, 'notMet'], 'PL1.I.2': ['Chưa triển khai', 'notMet'] } }),
      month('2026-10', { indicators: { 'PL1.I.1': [55, 'notMet'], 'PL1.I.2': ['Đang thực hiện', 'notMet'], 'PL1.I.3': [40, 'notYet'] } }),
    ],
    catalog,
  );
  const [digitised, database, booking] = history.indicators;

  it('gives each value month by month, null where the month is missing, and the change since last month', () => {
    expect(digitised?.months).toEqual([null, null, { value: 50, status: 'notMet', flagged: false }, { value: 55, status: 'notMet', flagged: false }, { value: 60, status: 'notMet', flagged: false }]);
    expect([digitised?.change, database?.change, booking?.change]).toEqual([5, null, 1]);
  });

  it('projects each to its target, and flags the ones at risk with the reason', () => {
    expect(digitised?.projection).toMatchObject({ kind: 'pace', value: 65, target: 80, reaches: false });
    expect([digitised?.atRisk, digitised?.risk?.code]).toEqual([true, 'belowPace']);
    expect([database?.atRisk, database?.risk?.reason]).toEqual([true, 'Chỉ tiêu năm 2026 là "Hoàn thành"; tháng 11/2026 mới ở mức "Đang thực hiện", còn 1 tháng.']);
    expect(booking?.projection).toMatchObject({ kind: 'pace', to: '2027-12', value: 54, target: 90, reaches: false });
    expect(booking?.risk?.code).toBe('belowPace');
  });

  it('has no change when last month is missing or its value had an error', () => {
    const gap = buildHistory(month('2026-11', { indicators: { 'PL1.I.1': [60, 'notMet'] } }), [month('2026-09', { indicators: { 'PL1.I.1': [50, 'notMet'] } })], catalog);
    expect(gap.indicators[0]?.change).toBeNull();
    const flagged = buildHistory(month('2026-11', { indicators: { 'PL1.I.1': [60, 'notMet'] } }), [month('2026-10', { indicators: { 'PL1.I.1': [150, 'flagged'] } })], catalog);
    expect(flagged.indicators[0]?.change).toBeNull();
  });
});

describe('buildHistory: tasks', () => {
  it('finds the tasks newly overdue this month from the catalog\'s deadlines, those due next month and the recurring ones', () => {
    const nov = buildHistory(month('2026-11', { tasks: { 'PL3.I.3': 'done' } }), [month('2026-10')], catalog);
    expect([nov.becameOverdue, nov.dueNextMonth, nov.recurring]).toEqual([['PL3.I.1'], ['PL3.I.4'], ['PL3.I.2']]);
    const task = nov.tasks[0];
    expect(task).toMatchObject({ key: 'PL3.I.1', lead: ['SYT'], due: '2026-10-31', overdue: true, becameOverdue: true, next: { period: '2026-12', status: 'overdue', due: '2026-10-31' }, dueNextMonth: false });
    expect(task?.months.slice(3)).toEqual([
      { overall: 'inProgress', overdue: false, deadlineStatus: 'dueThisPeriod', progress: null },
      { overall: 'inProgress', overdue: true, deadlineStatus: 'overdue', progress: null },
    ]);
  });

  it('does not call a task newly overdue when its deadline passed before last month, or when it is done', () => {
    expect(buildHistory(month('2026-12'), [month('2026-11')], catalog).becameOverdue).toEqual([]);
    expect(buildHistory(month('2026-11', { tasks: { 'PL3.I.1': 'done' } }), [], catalog).becameOverdue).toEqual([]);
    // Whatever last month's file said: the deadline decides, so a missing October changes nothing.
    expect(buildHistory(month('2026-11'), [], catalog).becameOverdue).toEqual(['PL3.I.1']);
  });
});

describe('buildHistory: units', () => {
  it('gives each unit\'s timeliness month by month and the units late or missing two or more months running', () => {
    const history = buildHistory(
      month('2026-11', { units: ['missing', 'late', 'late'] }),
      [month('2026-08', { units: ['onTime', 'late', 'onTime'] }), month('2026-09', { units: ['late', 'late', 'unknownTime'] }), month('2026-10', { units: ['late', 'onTime', 'rejected'] })],
      catalog,
    );
    expect(history.units.map((u) => [u.unit, u.months, u.run])).toEqual([
      ['SYT', [null, 'onTime', 'late', 'late', 'missing'], 3],
      ['STP', [null, 'late', 'late', 'onTime', 'late'], 1],
      ['15127', [null, 'onTime', 'unknownTime', 'rejected', 'late'], 2],
    ]);
    expect(history.repeatOffenders).toEqual([
      { unit: 'SYT', unitName: 'Sở Y tế', kind: 'department', run: 3, since: '2026-09', states: ['late', 'late', 'missing'] },
      { unit: '15127', unitName: 'Xã Hoằng Hóa', kind: 'commune', run: 2, since: '2026-10', states: ['rejected', 'late'] },
    ]);
  });

  it('ends a run at a month missing from the archive: it is not guessed', () => {
    const history = buildHistory(month('2026-11', { units: ['late', 'onTime', 'onTime'] }), [month('2026-09', { units: ['late', 'onTime', 'onTime'] })], catalog);
    expect([history.units[0]?.run, history.repeatOffenders]).toEqual([1, []]);
  });
});
