import { groupConcerns } from '../../lib/consolidate/concern-groups';
import type { ConcernRecord, Consolidation } from '../../lib/consolidate/types';
import { loadRoster } from '../../lib/node/seeds';
import { describePeriod, nextPeriod } from '../../lib/period/period';
import { composeReport } from '../../lib/report/compose';
import { reportInputFromConsolidation } from '../../lib/report/from-consolidation';
import type { ReportInput } from '../../lib/report/model';
import { formatPercent } from '../../lib/report/sentences';
import { DEFAULT_REPORT_SETTINGS } from '../../lib/report/settings';
import type { SimulatedMonth } from '../../lib/simulate/month';
import { buildSummaryModel } from '../../lib/summary/build';
import { period } from '../_lib/plan';
import { consolidatedMonth } from './_lib/month';

let month: SimulatedMonth;
let c: Consolidation;
let input: ReportInput;

beforeAll(async () => {
  ({ month, consolidation: c } = await consolidatedMonth());
  input = reportInputFromConsolidation(c);
}, 120_000);

const sorted = (codes: readonly string[]) => [...codes].sort();

describe('reportInputFromConsolidation on a simulated province month', () => {
  it('has exactly the summary workbook\u2019s overview figures', () => {
    const overview = buildSummaryModel(c).sheets.find((s) => s.id === 'overview')!;
    const row = (label: string) => overview.rows.find((r) => r[0] === label)!.slice(1);
    const { total: t, byKind: { department: d, commune: m } } = input.reporting;
    expect(row('Đơn vị phải báo cáo')).toEqual([t.expected, d.expected, m.expected]);
    expect(row('Đã gửi báo cáo')).toEqual([t.received, d.received, m.received]);
    expect(row('Gửi đúng hạn')).toEqual([t.onTime, d.onTime, m.onTime]);
    expect(row('Gửi muộn')).toEqual([t.late, d.late, m.late]);
    expect(row('Chưa gửi (kể cả đơn vị có tệp bị từ chối)')).toEqual([t.missing, d.missing, m.missing]);
    expect(row('Tỷ lệ báo cáo (đã gửi ÷ phải gửi)')).toEqual([t.reportingRate, d.reportingRate, m.reportingRate]);
    expect(row('Tỷ lệ đúng hạn (đúng hạn ÷ phải gửi)')).toEqual([t.onTimeRate, d.onTimeRate, m.onTimeRate]);
    const i = input.indicators.counts;
    expect(row('Đạt')[0]).toBe(i.met);
    expect(row('Chưa đạt')[0]).toBe(i.notMet);
    expect(row('Chưa đến mốc đánh giá')[0]).toBe(i.notYet);
    expect(row('Không đặt chỉ tiêu năm nay')[0]).toBe(i.noTarget);
    expect(row('Chưa có số liệu')[0]).toBe(i.noData);
    expect(row('Số liệu có lỗi cần kiểm tra')[0]).toBe(i.flagged);
    const k = input.tasks.counts;
    expect([row('Đã hoàn thành')[0], row('Đang triển khai')[0], row('Chưa triển khai')[0], row('Chưa có đơn vị nào báo cáo')[0]]).toEqual([k.done, k.inProgress, k.notStarted, k.noReport]);
    expect(row('Quá hạn chưa hoàn thành')[0]).toBe(input.tasks.overdue.length);
    expect(input.indicators.total).toBe(56);
    expect(Object.values(i).reduce((a, b) => a + b, 0)).toBe(56);
  });

  it('names the scenario\u2019s missing and late units, with the days late the merger computed', () => {
    expect(sorted(input.units.missing.map((u) => u.code))).toEqual(sorted(month.truth.missing));
    expect(sorted(input.units.late.map((u) => u.code))).toEqual(sorted(month.truth.late));
    for (const unit of input.units.late) expect(unit.daysLate).toBe(c.submissions.find((s) => s.unit === unit.code)!.daysLate);
    expect(input.units.repeatOffenders).toEqual([]);
  });

  it('states the figures in the words of the report', () => {
    const text = composeReport(input, DEFAULT_REPORT_SETTINGS).body.map((b) => (b.kind === 'heading' ? b.text : b.runs.map((r) => r.text).join(''))).join('\n');
    expect(text).toContain(`đã nhận báo cáo của ${c.totals.received}/${c.totals.expected} đơn vị, đạt ${formatPercent(c.totals.reportingRate)}`);
    expect(text).toContain(`${c.totals.onTime} đơn vị gửi đúng hạn (tỷ lệ đúng hạn ${formatPercent(c.totals.onTimeRate)})`);
    expect(text).toContain(`Còn ${c.missing.length} đơn vị chưa gửi báo cáo`);
    expect(text).toContain(`có ${input.indicators.counts.met} chỉ tiêu đạt chỉ tiêu năm 2026`);
  });

  it('lists as due next month exactly the unfinished tasks whose date falls in next month\u2019s window', () => {
    const next = describePeriod(nextPeriod(period));
    const expected = c.tasks.filter((t) => t.overall !== 'done' && t.due !== null && t.due >= next.cutoffStart && t.due <= next.cutoffEnd && t.deadlineStatus === 'notYetDue').map((t) => t.key);
    expect(expected.length).toBeGreaterThan(0);
    expect(input.tasks.dueNextMonth.flatMap((g) => g.tasks.map((t) => t.key)).sort()).toEqual(expected.sort());
    for (const group of input.tasks.dueNextMonth) for (const t of group.tasks) expect(t.lead).toBe(group.lead);
    expect(input.tasks.recurring.flatMap((g) => g.tasks).every((t) => t.deadlineStatus === 'recurring')).toBe(true);
  });

  it('says it has no history, and which rejected files it could not attribute', () => {
    expect(input.historyMonths).toEqual([]);
    expect(input.notes).toContainEqual({ code: 'noHistory' });
    const unattributed = c.intake.filter((r) => r.status === 'rejected' && !r.unit).length;
    expect(unattributed).toBeGreaterThan(0);
    expect(input.notes).toContainEqual({ code: 'unattributedFiles', count: unattributed });
    expect(input.tasks.completedScope).toBe('toDate');
  });

  it('takes the history\u2019s findings when given, and last month\u2019s values into the appendix', () => {
    const first = c.indicators[0]!;
    const withTrends = reportInputFromConsolidation(c, {
      trends: { months: ['2026-09', '2026-10'], previousValues: new Map([[first.key, 12]]), completedThisMonth: [], becameOverdue: [c.tasks.find((t) => t.overdue)!.key], notes: [{ code: 'monthsMissing', periods: ['2026-08'] }] },
      issueDate: '2026-12-15',
    });
    expect(withTrends.notes).not.toContainEqual({ code: 'noHistory' });
    expect(withTrends.notes).toContainEqual({ code: 'monthsMissing', periods: ['2026-08'] });
    expect(withTrends.historyMonths).toEqual(['2026-09', '2026-10']);
    expect(withTrends.issueDate).toBe('2026-12-15');
    const row = withTrends.appendix.indicators[0]!;
    expect(row.previous).toBe(12);
    expect(row.change).toBe(typeof first.value === 'number' ? +(first.value - 12).toFixed(6) : null);
    expect(withTrends.tasks.completedScope).toBe('thisMonth');
    expect(withTrends.tasks.completed).toEqual([]);
    expect(withTrends.tasks.becameOverdue.map((t) => t.key)).toEqual([c.tasks.find((t) => t.overdue)!.key]);
  });
});

describe('concerns and refusals', () => {
  const base = (): Consolidation => ({ ...c, concerns: [], concernGroups: [], intake: [...c.intake], submissions: [...c.submissions] });
  const concern = (unit: string, text: string, task: string | null, kind: ConcernRecord['kind'] = 'proposal'): ConcernRecord => {
    const s = c.submissions.find((x) => x.unit === unit)!;
    return { unit, unitName: s.unitName, kind, task, text, file: `${unit}.xlsx`, cell: 'Nhiệm vụ!M12' };
  };

  it('merges identical proposals of one task (spacing and case aside), keeps the first wording, trimmed, line breaks and all', () => {
    const task = c.tasks[3]!.key;
    const consolidation = {
      ...base(),
      concerns: [
        concern('SYT', '  Đề nghị bố trí kinh phí.\nTheo Kế hoạch 101.  ', task),
        concern('STP', 'đề nghị  bố trí kinh phí.\ntheo kế hoạch 101.', task),
        concern('STP', 'Đề nghị bố trí kinh phí.\nTheo Kế hoạch 101.', task),
        concern('CAT', 'Đề nghị tập huấn.', null),
        concern('CAT', 'Đề nghị tập huấn.', task, 'difficulty'),
      ],
    };
    consolidation.concernGroups = groupConcerns(consolidation.concerns, loadRoster());
    const result = reportInputFromConsolidation(consolidation);
    expect(result.proposals).toEqual([
      { task: null, items: [{ text: 'Đề nghị tập huấn.', units: [{ code: 'CAT', name: 'Công an tỉnh', kind: 'department' }] }] },
      {
        task: { key: task, name: c.tasks[3]!.text },
        items: [{ text: 'Đề nghị bố trí kinh phí.\nTheo Kế hoạch 101.', units: [{ code: 'SYT', name: 'Sở Y tế', kind: 'department' }, { code: 'STP', name: 'Sở Tư pháp', kind: 'department' }] }],
      },
    ]);
    expect(result.difficulties).toEqual([{ task: { key: task, name: c.tasks[3]!.text }, items: [{ text: 'Đề nghị tập huấn.', units: [{ code: 'CAT', name: 'Công an tỉnh', kind: 'department' }] }] }]);
  });

  it('names a missing unit whose only file was refused, with the refusal\u2019s reason', () => {
    const unit = c.missing.find((code) => c.submissions.find((s) => s.unit === code)?.state === 'missing')!;
    const consolidation = base();
    // The merger's verdict on that unit (lib/consolidate/timeliness.ts): its only file was refused.
    consolidation.submissions = consolidation.submissions.map((s) => (s.unit === unit ? { ...s, state: 'rejected' as const, rejected: { file: 'ban-cu.xlsx', code: 'workbook/wrong-period' as const, message: 'Tệp là báo cáo kỳ 2026-10.' } } : s));
    const rejected = reportInputFromConsolidation(consolidation).units.rejected;
    expect(rejected).toEqual([{ code: unit, name: c.submissions.find((s) => s.unit === unit)!.unitName, kind: c.submissions.find((s) => s.unit === unit)!.kind, file: 'ban-cu.xlsx', reason: 'Tệp là báo cáo kỳ 2026-10.' }]);
  });
});
