// The Xu hướng sheet: the history of months (lib/history) as one month-by-month grid, so every part
// (reporting rates, indicators, tasks, units) reads across the same month columns and the autofilter on
// "Mục" shows one part at a time. Labels are put on the history's codes here, and only here.
import { toVietnamIso } from '../_lib/calendar';
import { TASK_OVERALL_LABELS, type RateFigures } from '../consolidate/types';
import { monthList, monthText } from '../history/format';
import {
  IGNORED_REASON_LABELS,
  NO_PROJECTION_LABELS,
  TIMELINESS_LABELS,
  type History,
  type IgnoredReason,
  type IndicatorHistory,
  type TaskHistory,
  type TaskMonth,
} from '../history/types';
import { formatDayMonthYear, formatNumber } from '../period/format';
import type { ChartSpec, ColumnFormat, SummaryCell, SummaryColumn, SummaryModel, SummarySheet, Tone } from './model';

export const TREND_SHEET_NAME = 'Xu hướng';

/** Longest text a cell of this sheet carries: a readable paragraph (the full wording is on its own sheet). */
const TEXT_LIMIT = 200;
/** Most at-risk indicators the chart shows: the ones furthest from their target. */
const CHART_INDICATORS = 12;

const SECTIONS = { source: 'Nguồn', rates: 'Tỷ lệ', indicators: 'Chỉ tiêu', tasks: 'Nhiệm vụ', units: 'Đơn vị' } as const;

/** `T9/2026`. */
function shortMonth(period: string): string {
  return `T${Number(period.slice(5, 7))}/${period.slice(0, 4)}`;
}

function clip(text: string, limit = TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** A summary's generation time in Vietnam time, as the other sheets show times: `20/11/2026 10:30`. */
function when(iso: string | undefined): string {
  if (!iso) return '';
  const t = toVietnamIso(Date.parse(iso));
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`;
}

function sourceText(file: string | undefined, generatedAt: string | undefined): string {
  return `bản lập ${when(generatedAt)}${file ? ` (${file})` : ''}`;
}

function taskMonthText(month: TaskMonth | null): SummaryCell {
  if (!month) return null;
  return `${TASK_OVERALL_LABELS[month.overall]}${month.overdue ? ', quá hạn' : ''}`;
}

/** A target with its unit where it is a number: `80%`, `27 lần GDP`; text targets as written. */
function targetText(indicator: IndicatorHistory): string {
  const unit = indicator.unitOfMeasure?.trim() ?? '';
  if (!/^[≥\d]/.test(indicator.target) || unit === '' || unit === '-') return indicator.target;
  return unit === '%' ? indicator.target.replace(/^([^(]*?)(\s*\(|$)/, '$1%$2') : `${indicator.target} ${unit}`;
}

interface Layout {
  columns: SummaryColumn[];
  /** Index of the first month column. */
  first: number;
  change: number;
  projection: number;
  target: number;
  note: number;
}

/** Fixed columns narrow as the year fills up, so twelve month columns still print legibly on A4 landscape (≈ 160 characters). */
function layout(history: History): Layout {
  const wide = history.months.length <= 8;
  const monthWidth = history.months.length <= 6 ? 9 : history.months.length <= 8 ? 8 : 6;
  // The year is in the title: a month's header is `T9`, short enough for a narrow column.
  const months: SummaryColumn[] = history.months.map((m) => ({
    header: `T${Number(m.period.slice(5, 7))}${m.source === 'missing' ? ' (chưa có)' : m.source === 'current' ? ' (kỳ này)' : ''}`,
    width: monthWidth,
    format: 'decimal' as ColumnFormat,
  }));
  const columns: SummaryColumn[] = [
    { header: 'Mục', width: 8 },
    { header: 'Mã', width: 9 },
    { header: 'Nội dung', width: wide ? 30 : 24 },
    ...months,
    { header: 'Thay đổi', width: 8, format: 'decimal' },
    { header: 'Dự kiến cuối kỳ', width: 9, format: 'decimal' },
    { header: 'Chỉ tiêu / hạn', width: 10 },
    { header: 'Cảnh báo, ghi chú', width: wide ? 30 : 24 },
  ];
  const first = 3;
  const change = first + months.length;
  return { columns, first, change, projection: change + 1, target: change + 2, note: change + 3 };
}

class Grid {
  readonly rows: SummaryCell[][] = [];
  readonly marks: SummarySheet['marks'] = [];
  readonly formats: NonNullable<SummarySheet['formats']> = [];

  constructor(private readonly at: Layout) {}

  /** Adds a row: section, code, text, one value per month, then change, projection, target and note. */
  add(section: string, code: string, text: string, months: readonly SummaryCell[], rest: { change?: SummaryCell; projection?: SummaryCell; target?: SummaryCell; note?: SummaryCell } = {}): number {
    this.rows.push([section, code, clip(text), ...months, rest.change ?? null, rest.projection ?? null, rest.target ?? null, rest.note ?? null]);
    return this.rows.length - 1;
  }

  mark(row: number, col: number, tone: Tone): void {
    this.marks.push({ row, col, tone });
  }

  format(row: number, cols: readonly number[], format: ColumnFormat): void {
    for (const col of cols) this.formats.push({ row, col, format });
  }

  get layout(): Layout {
    return this.at;
  }
}

function sourceRows(grid: Grid, history: History): void {
  const months = history.months.map((m) => (m.source === 'missing' ? 'Chưa có' : m.source === 'current' ? 'Kỳ này' : 'Có'));
  const note = history.missing.length > 0 ? `Chưa có báo cáo tổng hợp ${monthList(history.missing)} trong các báo cáo tổng hợp đã lưu: các tháng đó để trống, không suy đoán.` : 'Đủ báo cáo tổng hợp các tháng.';
  const row = grid.add(SECTIONS.source, '', 'Báo cáo tổng hợp được dùng cho từng tháng', months, { note });
  history.months.forEach((m, i) => {
    if (m.source === 'missing') grid.mark(row, grid.layout.first + i, 'warn');
  });
  if (history.missing.length > 0) grid.mark(row, grid.layout.note, 'warn');
  for (const m of history.months) {
    const replaced = history.ignored.filter((x) => x.reason === 'superseded' && x.period === m.period);
    if (replaced.length === 0) continue;
    const old = replaced.map((x) => sourceText(x.file, x.generatedAt)).join('; ');
    grid.add(SECTIONS.source, m.period, `${monthText(m.period).replace(/^t/, 'T')}: dùng ${sourceText(m.file, m.generatedAt)}`, history.months.map(() => null), {
      note: `Tháng này được tổng hợp lại (đơn vị gửi lại báo cáo): dùng bản lập sau cùng, không dùng ${old}.`,
    });
  }
  const others = new Map<IgnoredReason, string[]>();
  for (const x of history.ignored) if (x.reason !== 'superseded') others.set(x.reason, [...(others.get(x.reason) ?? []), x.file ?? monthText(x.period)]);
  for (const [reason, files] of others) {
    grid.add(SECTIONS.source, '', `Không dùng ${files.length} tệp tổng hợp: ${IGNORED_REASON_LABELS[reason].toLocaleLowerCase('vi')}`, history.months.map(() => null), { note: clip(files.join('; ')) });
  }
}

function rateRows(grid: Grid, history: History): void {
  const { first, change } = grid.layout;
  const monthCols = history.months.map((_, i) => first + i);
  const last = history.rates.length - 1;
  type Figures = NonNullable<History['rates'][number]['figures']>;
  // Rates as percentages with one decimal (85,6), their change in percentage points: no data bars, no "###" in a narrow column.
  const percent = (rate: number) => Math.round(rate * 1000) / 10;
  const lines: Array<{ text: string; pick: (f: Figures) => number; rate: boolean }> = [];
  const kinds: Array<[string, (f: Figures) => RateFigures]> = [
    ['toàn tỉnh', (f) => f.totals],
    ['sở, ban, ngành', (f) => f.department],
    ['xã, phường', (f) => f.commune],
  ];
  for (const [label, of] of kinds) {
    lines.push({ text: `Tỷ lệ báo cáo (%), ${label}`, pick: (f) => percent(of(f).reportingRate), rate: true });
    lines.push({ text: `Tỷ lệ đúng hạn (%), ${label}`, pick: (f) => percent(of(f).onTimeRate), rate: true });
  }
  lines.push({ text: 'Số đơn vị gửi muộn', pick: (f) => f.late, rate: false });
  lines.push({ text: 'Số đơn vị chưa gửi (kể cả tệp bị từ chối)', pick: (f) => f.missing, rate: false });
  for (const line of lines) {
    const values = history.rates.map((r) => (r.figures ? line.pick(r.figures) : null));
    const now = values[last];
    const before = last > 0 ? values[last - 1] : null;
    const delta = typeof now === 'number' && typeof before === 'number' ? Math.round((now - before) * 10) / 10 : null;
    const row = grid.add(SECTIONS.rates, '', line.text, values, { change: delta });
    if (!line.rate) grid.format(row, [...monthCols, change], 'integer');
    if (delta !== null && delta !== 0) grid.mark(row, change, (delta > 0) === line.rate ? 'good' : 'bad');
  }
}

/** Why an indicator on pace is not at risk, in a sentence. */
function onTrack(p: Extract<IndicatorHistory['projection'], { kind: 'pace' }>, unit: string | null): string {
  const percent = unit?.trim() === '%';
  const step = `${formatNumber(Math.round(Math.abs(p.slope) * 10) / 10)}${percent ? ' điểm %' : ''}`;
  const value = `${formatNumber(Math.round(p.value * 10) / 10)}${percent ? '%' : ''}`;
  const end = monthText(p.to);
  if (Math.round(p.slope * 10) === 0) return `Giữ mức đạt chỉ tiêu (dự kiến ${end}: ${value}).`;
  if (p.slope < 0) return `Giảm bình quân ${step} mỗi tháng nhưng vẫn dự kiến đạt chỉ tiêu (${end}: ${value}).`;
  return `Tăng bình quân ${step} mỗi tháng: dự kiến đạt chỉ tiêu (${end}: ${value}).`;
}

function indicatorRows(grid: Grid, history: History): void {
  const { first, change, projection, note } = grid.layout;
  for (const indicator of history.indicators) {
    const values = indicator.months.map((m) => (m === null || m.value === null ? null : m.value));
    const p = indicator.projection;
    const projected: SummaryCell = p.kind === 'pace' ? Math.round(p.value * 10) / 10 : p.kind === 'milestone' ? (p.reached ? 'Đã đạt' : 'Chưa đạt') : null;
    let text: string;
    if (indicator.risk) text = `Nguy cơ không đạt: ${indicator.risk.reason}`;
    else if (p.kind === 'pace') text = onTrack(p, indicator.unitOfMeasure);
    else if (p.kind === 'milestone') text = p.reached ? 'Đã đạt chỉ tiêu.' : `Chỉ tiêu đặt cho năm ${p.targetYear}: chưa đến mốc đánh giá.`;
    else text = NO_PROJECTION_LABELS[p.why];
    const row = grid.add(SECTIONS.indicators, indicator.key, indicator.text, values, { change: indicator.change, projection: projected, target: targetText(indicator), note: text });
    indicator.months.forEach((m, i) => {
      if (m?.flagged) grid.mark(row, first + i, 'warn');
    });
    if (indicator.atRisk) {
      grid.mark(row, projection, 'bad');
      grid.mark(row, note, 'bad');
    } else if ((p.kind === 'pace' && p.reaches) || (p.kind === 'milestone' && p.reached)) grid.mark(row, projection, 'good');
    if (indicator.change !== null && indicator.change !== 0) grid.mark(row, change, indicator.change > 0 ? 'good' : 'bad');
  }
}

function taskRow(grid: Grid, task: TaskHistory, note: string, tone: Tone): void {
  const row = grid.add(SECTIONS.tasks, task.key, task.text, task.months.map(taskMonthText), { target: task.due ? formatDayMonthYear(task.due) : task.deadline, note: clip(note) });
  grid.mark(row, grid.layout.note, tone);
}

function taskRows(grid: Grid, history: History): void {
  const byKey = new Map(history.tasks.map((t) => [t.key, t]));
  const blank = history.months.map(() => null);
  const lead = (t: TaskHistory) => (t.leadText ? ` Chủ trì: ${t.leadText}.` : '');
  if (history.becameOverdue.length === 0) grid.add(SECTIONS.tasks, '', `Không có nhiệm vụ nào mới quá hạn trong ${monthText(history.period)}.`, blank);
  for (const key of history.becameOverdue) {
    const t = byKey.get(key) as TaskHistory;
    taskRow(grid, t, `Quá hạn từ ${monthText(history.period)}, chưa hoàn thành.${lead(t)}`, 'bad');
  }
  if (history.dueNextMonth.length === 0) grid.add(SECTIONS.tasks, '', `Không có nhiệm vụ nào đến hạn trong ${monthText(history.nextPeriod)} (theo thời hạn của Kế hoạch).`, blank);
  for (const key of history.dueNextMonth) {
    const t = byKey.get(key) as TaskHistory;
    taskRow(grid, t, `Đến hạn trong ${monthText(history.nextPeriod)}.${lead(t)}`, 'warn');
  }
  if (history.recurring.length > 0) grid.add(SECTIONS.tasks, '', `${history.recurring.length} nhiệm vụ thực hiện thường xuyên, báo cáo tiếp trong ${monthText(history.nextPeriod)} (danh sách ở trang Nhiệm vụ).`, blank);
}

function unitRows(grid: Grid, history: History): void {
  const blank = history.months.map(() => null);
  if (history.repeatOffenders.length === 0) {
    grid.add(SECTIONS.units, '', 'Không có đơn vị nào gửi muộn hoặc chưa gửi từ hai tháng liền trở lên.', blank);
    return;
  }
  const byUnit = new Map(history.units.map((u) => [u.unit, u]));
  for (const o of history.repeatOffenders) {
    const months = (byUnit.get(o.unit)?.months ?? []).map((m) => (m === null ? null : TIMELINESS_LABELS[m]));
    const row = grid.add(SECTIONS.units, o.unit, o.unitName, months, { note: `Muộn hoặc chưa gửi ${o.run} tháng liền (từ ${monthText(o.since)}).` });
    grid.mark(row, grid.layout.note, o.run >= 3 ? 'bad' : 'warn');
  }
}

/**
 * The Xu hướng sheet of the summary: the year's months side by side, with where each month's figures
 * come from, the reporting rates, every indicator (change, projection, risk and why), the tasks that
 * became overdue and those due next month, and the units late or missing two months or more running.
 * @example const sheet = trendSheet(buildHistory(consolidation, archive.facts, catalog));
 */
export function trendSheet(history: History): SummarySheet {
  const grid = new Grid(layout(history));
  sourceRows(grid, history);
  rateRows(grid, history);
  indicatorRows(grid, history);
  taskRows(grid, history);
  unitRows(grid, history);
  return {
    id: 'trends',
    name: TREND_SHEET_NAME,
    title: `XU HƯỚNG CÁC THÁNG NĂM ${history.year} VÀ CẢNH BÁO SỚM, ${monthText(history.period).toLocaleUpperCase('vi')}`,
    subtitle:
      'Mỗi tháng lấy từ báo cáo tổng hợp lập sau cùng của tháng đó; tháng chưa có để trống. Thay đổi: so với tháng trước (tỷ lệ: điểm %). Dự kiến cuối kỳ: nhịp tăng bình quân ' +
      'các tháng đã báo cáo (bình phương nhỏ nhất) kéo dài đến tháng 12 của năm đặt chỉ tiêu; chỉ tiêu dạng chữ: đã đạt hay chưa. Lọc cột "Mục" để xem từng phần.',
    columns: grid.layout.columns,
    rows: grid.rows,
    marks: grid.marks,
    formats: grid.formats,
    print: { use: 'paper', orientation: 'landscape' },
  };
}

/** The Biểu đồ sheet's trend charts: the province's rates month by month, and the at-risk indicators against their targets. */
export function trendCharts(history: History): ChartSpec[] {
  const found = history.rates.filter((r) => r.figures !== null);
  const pct = (v: number) => Math.round(v * 1000) / 10;
  const charts: ChartSpec[] = [
    {
      id: 'trend-rates',
      title: `Tỷ lệ báo cáo và đúng hạn của tỉnh qua các tháng (%)${history.missing.length > 0 ? `; chưa có số liệu ${monthList(history.missing)}` : ''}`,
      type: 'line',
      valueMax: 100,
      categories: found.map((r) => shortMonth(r.period)),
      series: [
        { name: 'Tỷ lệ báo cáo', values: found.map((r) => pct(r.figures?.totals.reportingRate ?? 0)) },
        { name: 'Tỷ lệ đúng hạn', values: found.map((r) => pct(r.figures?.totals.onTimeRate ?? 0)) },
      ],
    },
  ];
  const atRisk = history.indicators
    .flatMap((i) => (i.atRisk && i.projection.kind === 'pace' ? [{ key: i.key, p: i.projection, percent: i.unitOfMeasure?.trim() === '%' }] : []))
    .sort((a, b) => (b.p.target - b.p.value) / (b.p.target || 1) - (a.p.target - a.p.value) / (a.p.target || 1));
  if (atRisk.length > 0) {
    const shown = atRisk.slice(0, CHART_INDICATORS).sort((a, b) => history.indicators.findIndex((i) => i.key === a.key) - history.indicators.findIndex((i) => i.key === b.key));
    const round = (v: number) => Math.round(v * 10) / 10;
    charts.push({
      id: 'trend-at-risk',
      title: `Chỉ tiêu có nguy cơ không đạt: giá trị mới nhất, dự kiến cuối kỳ và chỉ tiêu${atRisk.length > CHART_INDICATORS ? ` (${CHART_INDICATORS} chỉ tiêu xa mục tiêu nhất trong ${atRisk.length})` : ''}`,
      type: 'bar',
      // Percentages end at 100, as the rate charts do; a chart that mixes units keeps Excel's own scale.
      ...(shown.every((x) => x.percent) ? { valueMax: 100 } : {}),
      categories: shown.map((x) => x.key),
      series: [
        { name: 'Giá trị mới nhất', values: shown.map((x) => round(x.p.from.value)) },
        { name: 'Dự kiến cuối kỳ', values: shown.map((x) => round(x.p.value)) },
        { name: 'Chỉ tiêu', values: shown.map((x) => x.p.target) },
      ],
    });
  }
  return charts;
}

/**
 * The summary model with the history added: the Xu hướng sheet after Tổng quan (the Biểu đồ sheet still
 * comes second) and the trend charts after the month's own.
 */
export function withTrends(model: SummaryModel, history: History): SummaryModel {
  const [first, ...rest] = model.sheets;
  return { ...model, sheets: first ? [first, trendSheet(history), ...rest] : [trendSheet(history)], charts: [...model.charts, ...trendCharts(history)] };
}
