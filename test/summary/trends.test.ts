import { buildHistory } from '../../lib/history/build';
import type { IndicatorHistory, Projection } from '../../lib/history/types';
import type { SummaryModel } from '../../lib/summary/model';
import { TREND_SHEET_NAME, trendCharts, trendSheet, withTrends } from '../../lib/summary/trends';
import { catalog, month } from '../history/_lib/facts';

const sep = month('2026-09', { generatedAt: '2026-10-12T02:00:00.000Z', units: ['late', 'onTime', 'onTime'], indicators: { 'PL1.I.1': [20, 'notMet'], 'PL1.I.2': ['Chưa triển khai', 'notMet'] } });
const sepAgain = month('2026-09', { generatedAt: '2026-11-20T03:30:00.000Z', units: ['late', 'onTime', 'onTime'], indicators: { 'PL1.I.1': [50, 'notMet'], 'PL1.I.2': ['Chưa triển khai', 'notMet'] } });
const oct = month('2026-10', { units: ['late', 'onTime', 'missing'], indicators: { 'PL1.I.1': [55, 'notMet'], 'PL1.I.2': ['Đang thực hiện', 'notMet'], 'PL1.I.3': [40, 'notYet'] } });
const nov = month('2026-11', { units: ['missing', 'onTime', 'late'], indicators: { 'PL1.I.1': [60, 'notMet'], 'PL1.I.2': ['Đang thực hiện', 'notMet'], 'PL1.I.3': [41, 'notYet'] }, tasks: { 'PL3.I.3': 'done' } });
const sources = new Map([
  [sep, 'tong-hop-2026-09.xlsx'],
  [sepAgain, 'tong-hop-2026-09 (gui lai).xlsx'],
  [oct, 'tong-hop-2026-10.xlsx'],
]);
const history = buildHistory(nov, [sep, sepAgain, oct], catalog, { sources });
const sheet = trendSheet(history);
/** The rows as [Mục, Mã, Nội dung, …months, change, projection, target, note]. */
const rowsOf = (section: string) => sheet.rows.filter((r) => r[0] === section);

describe('trendSheet', () => {
  it('lays the year\'s months side by side: a column per month, saying which are missing and which is this one', () => {
    expect(sheet.columns.map((c) => c.header)).toEqual([
      'Mục', 'Mã', 'Nội dung', 'T7 (chưa có)', 'T8 (chưa có)', 'T9', 'T10', 'T11 (kỳ này)', 'Thay đổi', 'Dự kiến cuối kỳ', 'Chỉ tiêu / hạn', 'Cảnh báo, ghi chú',
    ]);
    expect([sheet.id, sheet.name, sheet.title]).toEqual(['trends', TREND_SHEET_NAME, 'XU HƯỚNG CÁC THÁNG NĂM 2026 VÀ CẢNH BÁO SỚM, THÁNG 11/2026']);
  });

  it('says where each month comes from: the missing months, and the month consolidated again', () => {
    expect(rowsOf('Nguồn')).toEqual([
      ['Nguồn', '', 'Báo cáo tổng hợp được dùng cho từng tháng', 'Chưa có', 'Chưa có', 'Có', 'Có', 'Kỳ này', null, null, null, 'Chưa có báo cáo tổng hợp tháng 7, 8/2026 trong các báo cáo tổng hợp đã lưu: các tháng đó để trống, không suy đoán.'],
      [
        'Nguồn', '2026-09', 'Tháng 9/2026: dùng bản lập 20/11/2026 10:30 (tong-hop-2026-09 (gui lai).xlsx)', null, null, null, null, null, null, null, null,
        'Tháng này được tổng hợp lại (đơn vị gửi lại báo cáo): dùng bản lập sau cùng, không dùng bản lập 12/10/2026 09:00 (tong-hop-2026-09.xlsx).',
      ],
    ]);
  });

  it('gives the province\'s rates month by month in percent, counts as integers, with the change (in points)', () => {
    const rates = rowsOf('Tỷ lệ');
    expect(rates.map((r) => [r[2], ...r.slice(3, 9)])).toEqual([
      ['Tỷ lệ báo cáo (%), toàn tỉnh', null, null, 100, 66.7, 66.7, 0],
      ['Tỷ lệ đúng hạn (%), toàn tỉnh', null, null, 66.7, 33.3, 33.3, 0],
      ['Tỷ lệ báo cáo (%), sở, ban, ngành', null, null, 100, 100, 50, -50],
      ['Tỷ lệ đúng hạn (%), sở, ban, ngành', null, null, 50, 50, 50, 0],
      ['Tỷ lệ báo cáo (%), xã, phường', null, null, 100, 0, 100, 100],
      ['Tỷ lệ đúng hạn (%), xã, phường', null, null, 100, 0, 0, 0],
      ['Số đơn vị gửi muộn', null, null, 1, 1, 1, 0],
      ['Số đơn vị chưa gửi (kể cả tệp bị từ chối)', null, null, 0, 1, 1, 0],
    ]);
    const first = sheet.rows.indexOf(rates[0] as (typeof rates)[number]);
    expect(sheet.formats?.filter((f) => f.row === first)).toEqual([]);
    expect(sheet.formats?.filter((f) => f.row === first + 6).map((f) => [f.col, f.format])).toEqual([3, 4, 5, 6, 7, 8].map((c) => [c, 'integer']));
    expect(sheet.marks.filter((m) => m.row === first + 2)).toEqual([{ row: first + 2, col: 8, tone: 'bad' }]);
  });

  it('gives every indicator month by month with its change, projection, target and, when at risk, why', () => {
    expect(rowsOf('Chỉ tiêu')).toEqual([
      ['Chỉ tiêu', 'PL1.I.1', 'Tỷ lệ hồ sơ số hóa', null, null, 50, 55, 60, 5, 65, '80%', 'Nguy cơ không đạt: Tăng bình quân 5 điểm % mỗi tháng (3 tháng có số liệu): đến tháng 12/2026 dự kiến đạt 65%, chưa đạt chỉ tiêu 80%.'],
      ['Chỉ tiêu', 'PL1.I.2', 'Cơ sở dữ liệu chuyên ngành y tế', null, null, 'Chưa triển khai', 'Đang thực hiện', 'Đang thực hiện', null, 'Chưa đạt', 'Hoàn thành', 'Nguy cơ không đạt: Chỉ tiêu năm 2026 là "Hoàn thành"; tháng 11/2026 mới ở mức "Đang thực hiện", còn 1 tháng.'],
      ['Chỉ tiêu', 'PL1.I.3', 'Tỷ lệ đặt lịch khám trực tuyến', null, null, null, 40, 41, 1, 54, '90% (năm 2027)', 'Nguy cơ không đạt: Tăng bình quân 1 điểm % mỗi tháng (2 tháng có số liệu): đến tháng 12/2027 dự kiến đạt 54%, chưa đạt chỉ tiêu năm 2027 là 90%.'],
    ]);
    const row = sheet.rows.findIndex((r) => r[1] === 'PL1.I.1');
    expect(sheet.marks.filter((m) => m.row === row).map((m) => [m.col, m.tone])).toEqual([[9, 'bad'], [11, 'bad'], [8, 'good']]);
  });

  it('says in a sentence why an indicator on pace is not at risk', () => {
    const noteOf = (values: [number, number, number]) => {
      const [a, b, c] = values;
      const h = buildHistory(month('2026-11', { indicators: { 'PL1.I.1': [c, c >= 80 ? 'met' : 'notMet'] } }), [month('2026-09', { indicators: { 'PL1.I.1': [a, 'met'] } }), month('2026-10', { indicators: { 'PL1.I.1': [b, 'met'] } })], catalog);
      return trendSheet(h).rows.find((r) => r[1] === 'PL1.I.1')?.[11];
    };
    expect(noteOf([70, 75, 78])).toBe('Tăng bình quân 4 điểm % mỗi tháng: dự kiến đạt chỉ tiêu (tháng 12/2026: 82%).');
    expect(noteOf([95, 90, 88])).toBe('Giảm bình quân 3,5 điểm % mỗi tháng nhưng vẫn dự kiến đạt chỉ tiêu (tháng 12/2026: 84,5%).');
    expect(noteOf([85, 85, 85])).toBe('Giữ mức đạt chỉ tiêu (dự kiến tháng 12/2026: 85%).');
  });

  it('lists the tasks newly overdue and those due next month, with their due dates and leads', () => {
    expect(rowsOf('Nhiệm vụ').map((r) => [r[1], r[2], r[7], r[10], r[11]])).toEqual([
      ['PL3.I.1', 'Nhiệm vụ PL3.I.1', 'Đang triển khai, quá hạn', '31/10/2026', 'Quá hạn từ tháng 11/2026, chưa hoàn thành. Chủ trì: Sở Y tế.'],
      ['PL3.I.4', 'Nhiệm vụ PL3.I.4', 'Đang triển khai', '15/12/2026', 'Đến hạn trong tháng 12/2026.'],
      ['', '1 nhiệm vụ thực hiện thường xuyên, báo cáo tiếp trong tháng 12/2026 (danh sách ở trang Nhiệm vụ).', null, null, null],
    ]);
  });

  it('lists the units late or missing two months running or more, longest run first', () => {
    expect(rowsOf('Đơn vị').map((r) => [r[1], r[2], ...r.slice(5, 8), r[11]])).toEqual([
      ['SYT', 'Sở Y tế', 'Muộn', 'Muộn', 'Chưa gửi', 'Muộn hoặc chưa gửi 3 tháng liền (từ tháng 9/2026).'],
      ['15127', 'Xã Hoằng Hóa', 'Đúng hạn', 'Chưa gửi', 'Muộn', 'Muộn hoặc chưa gửi 2 tháng liền (từ tháng 10/2026).'],
    ]);
  });

  it('states plainly when there is nothing to warn about', () => {
    const quiet = trendSheet(buildHistory(month('2026-10'), [], catalog));
    expect(quiet.rows.filter((r) => r[0] === 'Nhiệm vụ' || r[0] === 'Đơn vị').map((r) => r[2])).toEqual([
      'Không có nhiệm vụ nào mới quá hạn trong tháng 10/2026.',
      'Không có nhiệm vụ nào đến hạn trong tháng 11/2026 (theo thời hạn của Kế hoạch).',
      '1 nhiệm vụ thực hiện thường xuyên, báo cáo tiếp trong tháng 11/2026 (danh sách ở trang Nhiệm vụ).',
      'Không có đơn vị nào gửi muộn hoặc chưa gửi từ hai tháng liền trở lên.',
    ]);
  });

  it('prints legibly on A4 landscape: about 160 characters of columns even with twelve months, no cell longer than a paragraph', () => {
    const width = (s: ReturnType<typeof trendSheet>) => s.columns.reduce((sum, c) => sum + c.width, 0);
    const december = trendSheet(buildHistory(month('2027-12'), Array.from({ length: 11 }, (_, i) => month(`2027-${String(i + 1).padStart(2, '0')}`)), catalog));
    expect([sheet.columns.length, width(sheet)]).toEqual([12, 149]);
    expect([december.columns.length, width(december)]).toEqual([19, 164]);
    const long = { ...history, tasks: history.tasks.map((t) => ({ ...t, text: 'Triển khai '.repeat(60) })) };
    const texts = trendSheet(long).rows.flat().filter((v): v is string => typeof v === 'string');
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(260);
    expect(trendSheet(long).rows.find((r) => r[1] === 'PL3.I.1')?.[2]).toMatch(/^Triển khai .*Triển khai…$/);
  });
});

describe('trendCharts and withTrends', () => {
  it('charts the rates of the months found as a line, and the at-risk indicators against their targets', () => {
    expect(trendCharts(history)).toEqual([
      {
        id: 'trend-rates',
        title: 'Tỷ lệ báo cáo và đúng hạn của tỉnh qua các tháng (%); chưa có số liệu tháng 7, 8/2026',
        type: 'line',
        valueMax: 100,
        categories: ['T9/2026', 'T10/2026', 'T11/2026'],
        series: [
          { name: 'Tỷ lệ báo cáo', values: [100, 66.7, 66.7] },
          { name: 'Tỷ lệ đúng hạn', values: [66.7, 33.3, 33.3] },
        ],
      },
      {
        id: 'trend-at-risk',
        title: 'Chỉ tiêu có nguy cơ không đạt: giá trị mới nhất, dự kiến cuối kỳ và chỉ tiêu',
        type: 'bar',
        valueMax: 100,
        categories: ['PL1.I.1', 'PL1.I.3'],
        series: [
          { name: 'Giá trị mới nhất', values: [60, 41] },
          { name: 'Dự kiến cuối kỳ', values: [65, 54] },
          { name: 'Chỉ tiêu', values: [80, 90] },
        ],
      },
    ]);
    expect(trendCharts(buildHistory(month('2026-10'), [], catalog)).map((c) => c.id)).toEqual(['trend-rates']);
  });

  it('charts at most twelve at-risk indicators, those furthest from their target, and keeps Excel\'s scale for mixed units', () => {
    const [base] = history.indicators as [IndicatorHistory];
    const pace = base.projection as Extract<Projection, { kind: 'pace' }>;
    const indicators = Array.from({ length: 15 }, (_, i): IndicatorHistory => ({ ...base, key: `PL1.X.${15 - i}`, projection: { ...pace, value: 50 + i }, unitOfMeasure: i === 14 ? 'lần GDP' : '%' }));
    const [, chart] = trendCharts({ ...history, indicators });
    expect(chart?.title).toBe('Chỉ tiêu có nguy cơ không đạt: giá trị mới nhất, dự kiến cuối kỳ và chỉ tiêu (12 chỉ tiêu xa mục tiêu nhất trong 15)');
    expect([chart?.categories, chart?.series[1]?.values, chart?.valueMax]).toEqual([indicators.slice(0, 12).map((i) => i.key), Array.from({ length: 12 }, (_, i) => 50 + i), 100]);
    expect(trendCharts({ ...history, indicators: indicators.slice(12) })[1]?.valueMax).toBeUndefined();
  });

  it('adds the Xu hướng sheet after Tổng quan and the trend charts after the month\'s own', () => {
    const model: SummaryModel = {
      title: 'T',
      period: '2026-11',
      stamp: [],
      sheets: [{ id: 'overview', name: 'Tổng quan', title: 'T', columns: [], rows: [], marks: [], print: { use: 'paper', orientation: 'portrait' } }, { id: 'indicators', name: 'Chỉ tiêu', title: 'C', columns: [], rows: [], marks: [], print: { use: 'paper', orientation: 'portrait' } }],
      charts: [{ id: 'reporting-rate', title: 'R', type: 'column', categories: ['a'], series: [{ name: 's', values: [1] }] }],
    };
    const added = withTrends(model, history);
    expect(added.sheets.map((s) => s.name)).toEqual(['Tổng quan', 'Xu hướng', 'Chỉ tiêu']);
    expect(added.charts.map((c) => c.id)).toEqual(['reporting-rate', 'trend-rates', 'trend-at-risk']);
    expect(model.sheets).toHaveLength(2);
  });
});
