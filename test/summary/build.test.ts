// The summary model of a simulated province month: its sheets, and one definition of every count held
// equal across Tổng quan, Chỉ tiêu, the charts, the CLI's headline and --json, and the report's input.
import { consolidationHeadline } from '../../lib/app/headline';
import { consolidationJson } from '../../lib/cli/commands/consolidate';
import { countConsolidation, INDICATOR_COUNT_KEYS, TASK_OVERALLS, type ConsolidationCounts } from '../../lib/consolidate/counts';
import { INDICATOR_STATUS_LABELS, SUBMISSION_STATE_LABELS, SUBMISSION_STATES, type Consolidation } from '../../lib/consolidate/types';
import { reportInputFromConsolidation } from '../../lib/report/from-consolidation';
import { buildSummaryModel, SUMMARY_SHEET_NAMES } from '../../lib/summary/build';
import type { SummaryModel, SummarySheet } from '../../lib/summary/model';
import { consolidatedMonth } from '../report/_lib/month';

let c: Consolidation;
let model: SummaryModel;
let counts: ConsolidationCounts;

beforeAll(async () => {
  ({ consolidation: c } = await consolidatedMonth());
  model = buildSummaryModel(c);
  counts = countConsolidation(c);
}, 120_000);

const sheetOf = (id: SummarySheet['id']) => model.sheets.find((s) => s.id === id) as SummarySheet;
const column = (sheet: SummarySheet, header: string) => sheet.columns.findIndex((col) => col.header === header);
const overview = (label: string, col = 1) => sheetOf('overview').rows.find((r) => r[0] === label)?.[col];

describe('buildSummaryModel', () => {
  it('lays out Tổng quan first, the sheets for paper, then the long tables read on screen', () => {
    expect(model.sheets.map((s) => [s.name, s.print.use])).toEqual([
      [SUMMARY_SHEET_NAMES.overview, 'paper'],
      [SUMMARY_SHEET_NAMES.indicators, 'paper'],
      [SUMMARY_SHEET_NAMES.tasks, 'paper'],
      [SUMMARY_SHEET_NAMES.submissions, 'paper'],
      [SUMMARY_SHEET_NAMES.concerns, 'paper'],
      [SUMMARY_SHEET_NAMES.taskUnits, 'screen'],
      [SUMMARY_SHEET_NAMES.data, 'screen'],
      [SUMMARY_SHEET_NAMES.intake, 'screen'],
    ]);
    expect(sheetOf('overview').print.orientation).toBe('portrait');
  });

  it('counts every figure once: Tổng quan, Chỉ tiêu, the charts, the headline, --json and the report all agree', () => {
    const { units: u, indicators: i, tasks: t } = counts;
    expect([overview('Đơn vị phải báo cáo'), overview('Đã gửi báo cáo'), overview('Gửi đúng hạn'), overview('Gửi muộn'), overview('Chưa gửi (kể cả đơn vị có tệp bị từ chối)')]).toEqual([u.expected, u.received, u.onTime, u.late, u.missing]);
    expect(INDICATOR_COUNT_KEYS.map((k) => overview({ met: 'Đạt', notMet: 'Chưa đạt', notYet: 'Chưa đến mốc đánh giá', noTarget: 'Không đặt chỉ tiêu năm nay', noData: 'Chưa có số liệu', flagged: 'Số liệu có lỗi cần kiểm tra' }[k]))).toEqual(INDICATOR_COUNT_KEYS.map((k) => i[k]));
    expect(INDICATOR_COUNT_KEYS.reduce((sum, k) => sum + i[k], 0)).toBe(c.indicators.length);
    // The Chỉ tiêu sheet: as many rows of each assessment as Tổng quan counts.
    const judged = sheetOf('indicators').rows.map((r) => r[column(sheetOf('indicators'), 'Đánh giá')]);
    expect(INDICATOR_COUNT_KEYS.map((k) => judged.filter((label) => label === INDICATOR_STATUS_LABELS[k]).length)).toEqual(INDICATOR_COUNT_KEYS.map((k) => i[k]));
    // The charts.
    expect(model.charts.find((ch) => ch.id === 'indicator-status')?.series[0]?.values).toEqual(INDICATOR_COUNT_KEYS.map((k) => i[k]));
    expect(model.charts.find((ch) => ch.id === 'task-status')?.series[0]?.values).toEqual(TASK_OVERALLS.map((k) => t[k]));
    // The CLI's printout and the add-in (one headline), --json, and the report.
    const lines = consolidationHeadline(c).lines.join('\n');
    expect(lines).toContain(`đã gửi ${u.received} `);
    expect(lines).toContain(`${i.met} đạt`);
    expect(lines).toContain(`${t.overdue} quá hạn chưa hoàn thành`);
    expect((consolidationJson(c) as { counts: ConsolidationCounts }).counts).toEqual(counts);
    const report = reportInputFromConsolidation(c);
    expect(report.indicators.counts).toEqual(Object.fromEntries(INDICATOR_COUNT_KEYS.map((k) => [k, i[k]])));
    expect(report.tasks.counts).toEqual({ done: t.done, inProgress: t.inProgress, notStarted: t.notStarted, noReport: t.noReport });
    expect(report.tasks.overdue).toHaveLength(t.overdue);
  });

  it('lists the units in the order the secretariat acts on them, with what to do', () => {
    const sheet = sheetOf('submissions');
    const states = sheet.rows.map((r) => SUBMISSION_STATES.find((s) => SUBMISSION_STATE_LABELS[s] === r[0]));
    const ranks = states.map((s) => SUBMISSION_STATES.indexOf(s as (typeof SUBMISSION_STATES)[number]));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(sheet.rows).toHaveLength(c.submissions.length);
    expect(sheet.rows[0]?.[column(sheet, 'Việc cần làm')]).toBe('Đôn đốc gửi báo cáo.');
  });

  it('keeps, task by task, a row for every unit that carries it, reported or not; one row per task on Nhiệm vụ, no cell longer than a paragraph', () => {
    expect(sheetOf('taskUnits').rows).toHaveLength(c.tasks.reduce((n, t) => n + t.units.length + t.unreported.length, 0));
    expect(sheetOf('tasks').rows).toHaveLength(c.tasks.length);
    const longest = Math.max(...sheetOf('tasks').rows.flat().map((v) => (typeof v === 'string' ? v.length : 0)));
    expect(longest).toBeLessThan(600);
  });

  it('states each difficulty or proposal once, with every unit that made it, however many tasks it was made on', () => {
    const sheet = sheetOf('concerns');
    const texts = sheet.rows.map((r) => `${r[0]}|${r[column(sheet, 'Nội dung')]}`);
    expect(new Set(texts).size).toBe(texts.length);
    const mostUnits = Math.max(...sheet.rows.map((r) => r[column(sheet, 'Số đơn vị')] as number));
    expect(mostUnits).toBeGreaterThan(Math.max(...c.concernGroups.map((g) => g.units.length)));
    expect(sheet.rows.length).toBeLessThan(c.concernGroups.length);
  });
});
