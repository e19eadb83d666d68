// The report's trends from the history of months: months built from small inline tables
// (test/history/_lib/facts.ts, not by the merger), the history by lib/history, the words by the report.
import { historyForReport } from '../../lib/app/report';
import { buildHistory } from '../../lib/history/build';
import { reportInputFromConsolidation } from '../../lib/report/from-consolidation';
import { reportTrends } from '../../lib/report/from-history';
import { atRiskParagraphs, reportingProblemParagraphs } from '../../lib/report/sentences';
import { catalog, month } from '../history/_lib/facts';

// Units in UNITS order: SYT (department), STP (department), 15127 (commune).
const sep = month('2026-09', { units: ['late', 'missing', 'onTime'], indicators: { 'PL1.I.1': [50, 'notMet'], 'PL1.I.2': ['Đang triển khai', 'notMet'] }, tasks: { 'PL3.I.1': 'inProgress' } });
const oct = month('2026-10', { units: ['late', 'missing', 'late'], indicators: { 'PL1.I.1': [55, 'notMet'], 'PL1.I.2': ['Đang triển khai', 'notMet'] }, tasks: { 'PL3.I.1': 'inProgress' } });
const nov = month('2026-11', { units: ['late', 'rejected', 'onTime'], indicators: { 'PL1.I.1': [60, 'notMet'], 'PL1.I.2': ['Đang triển khai', 'notMet'] }, tasks: { 'PL3.I.1': 'done' } });

describe('reportTrends', () => {
  const history = buildHistory(nov, [sep, oct], catalog);
  const trends = reportTrends(history, oct);

  it('lists the earlier months found and says which months of the year are missing', () => {
    expect(trends.months).toEqual(['2026-09', '2026-10']);
    expect(trends.notes).toEqual([{ code: 'monthsMissing', periods: ['2026-07', '2026-08'] }]);
  });

  it('names units late or missing months running, with the pattern of their months', () => {
    expect(trends.repeatOffenders).toEqual([
      { code: 'SYT', name: 'Sở Y tế', kind: 'department', pattern: 'late', months: 3 },
      // Missing twice, then a file refused: never an accepted report.
      { code: 'STP', name: 'Sở Tư pháp', kind: 'department', pattern: 'missing', months: 3 },
    ]);
  });

  it('puts an indicator whose pace misses the target at risk, with the history\'s own reason and where the pace ends', () => {
    const risky = trends.atRisk?.find((a) => a.key === 'PL1.I.1');
    expect(risky).toEqual({
      key: 'PL1.I.1',
      name: 'Tỷ lệ hồ sơ số hóa',
      unitOfMeasure: '%',
      value: 60,
      target: '80',
      reason: 'paceBelowTarget',
      projection: 65,
      months: 3,
      explanation: history.indicators.find((i) => i.key === 'PL1.I.1')?.risk?.reason,
    });
    expect(risky?.explanation).toMatch(/Tăng bình quân 5 điểm % mỗi tháng .*dự kiến đạt 65%/);
    expect(trends.atRisk?.find((a) => a.key === 'PL1.I.2')).toMatchObject({ reason: 'milestoneNotReached', projection: null, value: 'Đang triển khai' });
  });

  it('gives last month\'s values and rates, and the tasks finished this month', () => {
    expect(trends.previousValues?.get('PL1.I.1')).toBe(55);
    expect(trends.completedThisMonth).toEqual(['PL3.I.1']);
    expect(trends.previous?.periodId).toBe('2026-10');
    expect(trends.previous?.total).toEqual({ expected: 3, received: 2, onTime: 0, late: 2, timeUnknown: 0, missing: 1, reportingRate: 2 / 3, onTimeRate: 0 });
    expect(trends.previous?.byKind.commune).toMatchObject({ expected: 1, received: 1, late: 1 });
  });

  it('leaves out last month\'s rates when the facts given are not the month the history used', () => {
    expect(reportTrends(history, sep).previous).toBeUndefined();
    expect(reportTrends(history).previous).toBeUndefined();
  });

  it('without last month in the archive, compares nothing with it', () => {
    const gap = reportTrends(buildHistory(nov, [sep], catalog));
    expect([gap.previousValues, gap.completedThisMonth, gap.notes]).toEqual([undefined, undefined, [{ code: 'monthsMissing', periods: ['2026-07', '2026-08', '2026-10'] }]]);
  });

  it('notes a month consolidated again (the later summary used)', () => {
    const again = month('2026-10', { generatedAt: '2026-11-25T03:00:00.000Z', units: ['late', 'missing', 'late'] });
    expect(reportTrends(buildHistory(nov, [sep, oct, again], catalog)).notes).toContainEqual({ code: 'historyCorrected', periods: ['2026-10'] });
  });
});

describe('historyForReport: the report says what the Xu hướng sheet says', () => {
  const { history, trends } = historyForReport(nov, { facts: [oct, sep] }, catalog);
  const input = reportInputFromConsolidation(nov, { trends });

  it('finds last month\'s facts among the archive by the summary the history used', () => {
    expect(trends.previous?.periodId).toBe('2026-10');
    expect(input.reporting.previous?.total.received).toBe(2);
  });

  it('words the at-risk indicators with the history\'s sentences', () => {
    const text = atRiskParagraphs(input).join('\n');
    expect(text).toContain('Có 2 chỉ tiêu có nguy cơ không đạt chỉ tiêu năm 2026:');
    const risky = history.indicators.filter((x) => x.atRisk);
    expect(risky.map((i) => i.key)).toEqual(['PL1.I.1', 'PL1.I.2']);
    // The history's sentence, run on after the colon in lower case and with typographic quotes.
    expect(text).toContain('- Tỷ lệ hồ sơ số hóa: tăng bình quân 5 điểm % mỗi tháng');
    for (const i of risky) {
      const reason = (i.risk?.reason as string).replace(/"([^"]*)"/g, '“$1”');
      expect(text).toContain(`- ${i.text}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`);
    }
  });

  it('names the repeat offenders with their months running', () => {
    const text = reportingProblemParagraphs(input).join('\n');
    expect(text).toMatch(/Sở Y tế \(3 tháng liên tiếp gửi muộn\)/);
    expect(text).toMatch(/Sở Tư pháp \(3 tháng liên tiếp không gửi\)/);
  });

  it('without a history, says the report has none', () => {
    expect(reportInputFromConsolidation(nov).notes).toContainEqual({ code: 'noHistory' });
    expect(input.notes).not.toContainEqual({ code: 'noHistory' });
  });
});
