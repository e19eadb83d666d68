import { CHART_SHEET_NAME, planChunks, WorkbookProtectedError, WriteCancelledError, WriteFailedError, writeSummaryModel } from '../../../addin/src/office/write-summary';
import { a1, a1Range, chartSheetLayout } from '../../../lib/summary/chart-layout';
import type { SummaryModel, SummarySheet } from '../../../lib/summary/model';
import { excelRun } from '../_lib/excel';
import { FakeExcel, uninstallFakeOffice } from '../fake-office/office';

const UNIT_TEXT = ['=HYPERLINK("http://x","bấm vào đây")', '05/12/2026', '1,5', '0912 345 678', '+84 912', '-', 'Đã hoàn thành'];

function sheet(id: SummarySheet['id'], name: string, rows: SummarySheet['rows'], extra: Partial<SummarySheet> = {}): SummarySheet {
  return {
    id,
    name,
    title: `TIÊU ĐỀ ${name.toUpperCase()}`,
    subtitle: 'Tháng 11 năm 2026',
    print: { use: 'paper', orientation: 'landscape' },
    columns: [
      { header: 'Nội dung', width: 40, format: 'text' },
      { header: 'Số', width: 12, format: 'integer' },
      { header: 'Tỷ lệ', width: 12, format: 'percent' },
    ],
    rows,
    marks: [],
    ...extra,
  };
}

/** A hand-made model: what lib/summary/build.ts produces, in miniature. */
function model(extraRows = 0, textSize = 0): SummaryModel {
  const big = 'Khó khăn do chưa có kinh phí triển khai. '.repeat(Math.ceil(textSize / 41)).slice(0, textSize);
  return {
    title: 'BÁO CÁO TỔNG HỢP THÁNG 11 NĂM 2026',
    period: '2026-11',
    sheets: [
      sheet('overview', 'Tổng quan', [['Đơn vị phải báo cáo', 187, null], ['Tỷ lệ báo cáo', null, 0.856]], {
        marks: [{ row: 1, col: 2, tone: 'bad' }, { row: 0, col: 1, tone: 'good' }],
        formats: [{ row: 1, col: 2, format: 'percent' }],
      }),
      sheet('concerns', 'Khó khăn, kiến nghị', [...UNIT_TEXT.map((t, i) => [t, i, 0.1 * i]), ...Array.from({ length: extraRows }, (_, i) => [big || `dòng ${i}`, i, null])], { dataBars: [2] }),
    ],
    charts: [
      { id: 'reporting-rate', title: 'Tỷ lệ báo cáo theo loại đơn vị (%)', type: 'column', valueMax: 100, categories: ['Sở, ban, ngành', 'Xã, phường', 'Toàn tỉnh'], series: [{ name: 'Tỷ lệ báo cáo', values: [90.5, 84.3, 85.6] }, { name: 'Đúng hạn', values: [80, 70, 71.7] }] },
      { id: 'task-status', title: 'Nhiệm vụ theo tình trạng', type: 'bar', categories: ['Đã hoàn thành', 'Đang triển khai'], series: [{ name: 'Số nhiệm vụ', values: [12, 30] }] },
      { id: 'indicator-status', title: 'Chỉ tiêu theo kết quả', type: 'pie', categories: ['Đạt', 'Chưa đạt'], series: [{ name: 'Số chỉ tiêu', values: [40, 16] }] },
    ],
    stamp: [['da06-tong-hop', 2], ['period', '2026-11'], ['facts.1', '{"period":"2026-11"}']],
  };
}

function workbook(apiVersion = '1.17', existing: FakeExcel['state']['sheets'][number]['name'][] = []): FakeExcel {
  const fake = new FakeExcel({ sheets: [{ name: 'Sheet1', cells: {} }, ...existing.map((name) => ({ name, cells: { A1: { v: `cũ ${name}` } } }))] }, { apiVersion });
  fake.install();
  return fake;
}

afterEach(() => uninstallFakeOffice());

describe('writeSummaryModel', () => {
  it('writes each sheet: title, subtitle, headers on row 3, rows from row 4, frozen header, then the charts sheet', async () => {
    const fake = workbook();
    const result = await excelRun((context) => writeSummaryModel(context, model()));
    expect(result).toEqual({ sheets: ['Tổng quan', CHART_SHEET_NAME, 'Khó khăn, kiến nghị'], charts: 3, replaced: [] });
    expect(fake.state.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Sheet1', 'Visible'],
      ['Tổng quan', 'Visible'],
      [CHART_SHEET_NAME, 'Visible'],
      ['Khó khăn, kiến nghị', 'Visible'],
      ['_da06_tonghop', 'VeryHidden'],
    ]);
    expect(fake.cell('Tổng quan', 'A1')?.value).toBe('TIÊU ĐỀ TỔNG QUAN');
    expect(fake.cell('Tổng quan', 'A2')?.value).toBe('Tháng 11 năm 2026');
    expect(['A3', 'B3', 'C3'].map((a) => fake.cell('Tổng quan', a)?.value)).toEqual(['Nội dung', 'Số', 'Tỷ lệ']);
    expect(fake.cell('Tổng quan', 'B4')).toMatchObject({ value: 187, numberFormat: '#,##0' });
    expect(fake.cell('Tổng quan', 'C5')).toMatchObject({ value: 0.856, numberFormat: '0.0%' });
    expect(fake.sheet('Tổng quan').frozenRows).toBe(3);
    expect(fake.activeSheet()).toBe('Tổng quan');
    // The stamp rows of the model, as the CLI's file has them: the report reads the facts back from here.
    expect(['A1', 'B1', 'A2', 'B2', 'A3', 'B3'].map((a) => fake.cell('_da06_tonghop', a)?.value)).toEqual(['da06-tong-hop', 2, 'period', '2026-11', 'facts.1', '{"period":"2026-11"}']);
  });

  it('keeps what units typed as text: "=…" is no formula, "05/12/2026" no date, "1,5" no number', async () => {
    const fake = workbook();
    await excelRun((context) => writeSummaryModel(context, model()));
    const written = UNIT_TEXT.map((_, i) => fake.cell('Khó khăn, kiến nghị', `A${4 + i}`));
    expect(written.map((c) => c?.value)).toEqual(UNIT_TEXT);
    expect(written.every((c) => c?.formula === undefined && c?.numberFormat === '@')).toBe(true);
  });

  it('wraps answers on ordinary sheets and keeps a compact sheet to one line per row', async () => {
    const fake = workbook();
    const m = model();
    m.sheets.push(sheet('data', 'Dữ liệu', [['CAT', 1, null], ['SYT', 2, null]], { compact: true }));
    await excelRun((context) => writeSummaryModel(context, m));
    expect(fake.cell('Khó khăn, kiến nghị', 'A4')?.format?.wrapText).toBe(true);
    expect(['A4', 'B5'].map((a) => fake.cell('Dữ liệu', a)?.format?.wrapText)).toEqual([false, false]);
    expect(fake.cell('Dữ liệu', 'A5')?.value).toBe('SYT');
  });

  it('colours marks by tone and puts data bars on rate columns', async () => {
    const fake = workbook();
    await excelRun((context) => writeSummaryModel(context, model()));
    expect(fake.cell('Tổng quan', 'C5')?.fill).toBe('#F8CBAD');
    expect(fake.cell('Tổng quan', 'B4')?.fill).toBe('#C6EFCE');
    expect(fake.sheet('Khó khăn, kiến nghị').conditionalFormats.map((f) => [f.type, f.address])).toEqual([['DataBar', 'C4:C10']]);
    expect(fake.sheet('Tổng quan').conditionalFormats.map((f) => f.address)).toEqual(['C5']);
  });

  it('draws the model charts as native charts from a table of their figures', async () => {
    const fake = workbook();
    await excelRun((context) => writeSummaryModel(context, model()));
    const charts = fake.sheet(CHART_SHEET_NAME).charts;
    expect(charts.map((c) => [c.name, c.chartType, c.title, c.seriesBy])).toEqual([
      ['reporting-rate', 'ColumnClustered', 'Tỷ lệ báo cáo theo loại đơn vị (%)', 'Columns'],
      ['task-status', 'BarClustered', 'Nhiệm vụ theo tình trạng', 'Columns'],
      ['indicator-status', 'Pie', 'Chỉ tiêu theo kết quả', 'Columns'],
    ]);
    expect(charts[0]?.source).toBe("'Biểu đồ'!A4:C7");
    expect(['A4', 'B4', 'C4', 'A5', 'B5', 'C7'].map((a) => fake.cell(CHART_SHEET_NAME, a)?.value)).toEqual(['', 'Tỷ lệ báo cáo', 'Đúng hạn', 'Sở, ban, ngành', 90.5, 71.7]);
    expect(charts[2]?.dataLabels.showPercentage).toBe(true);
    expect(charts.map((c) => c.axes?.valueAxis?.maximum)).toEqual([100, undefined, undefined]);
  });

  it('draws a line chart (the trend of the rates) with markers and its values above the points, as the CLI\'s file does', async () => {
    const fake = workbook();
    const m = model();
    m.charts = [{ id: 'trend-rates', title: 'Tỷ lệ báo cáo qua các tháng (%)', type: 'line', valueMax: 100, categories: ['T9/2026', 'T10/2026', 'T11/2026'], series: [{ name: 'Tỷ lệ báo cáo', values: [91.4, 93.6, 95.2] }, { name: 'Tỷ lệ đúng hạn', values: [80.2, 85.6, 84.5] }] }];
    await excelRun((context) => writeSummaryModel(context, m));
    const [chart] = fake.sheet(CHART_SHEET_NAME).charts;
    expect([chart?.name, chart?.chartType, chart?.source, chart?.dataLabels, chart?.axes?.valueAxis?.maximum, chart?.legend.visible]).toEqual([
      'trend-rates', 'LineMarkers', "'Biểu đồ'!A4:C7", { showValue: true, showPercentage: false, position: 'Top' }, 100, true,
    ]);
    expect(['A5', 'B5', 'C7'].map((a) => fake.cell(CHART_SHEET_NAME, a)?.value)).toEqual(['T9/2026', 91.4, 84.5]);
  });

  it('puts the tables and charts where lib\'s chart-sheet layout says, as the CLI\'s file has them', async () => {
    const fake = workbook();
    const m = model();
    await excelRun((context) => writeSummaryModel(context, m));
    const layout = chartSheetLayout(m);
    const sheet = fake.sheet(CHART_SHEET_NAME);
    expect(sheet.charts.map((c) => [c.source, c.position])).toEqual(layout.charts.map((p) => [`'${CHART_SHEET_NAME}'!${a1Range(p.data)}`, { start: a1(p.anchor.from), end: a1(p.anchor.to) }]));
    layout.rows.forEach((row, r) => row.forEach((value, c) => expect([r + 1, c + 1, fake.cell(CHART_SHEET_NAME, a1({ row: r + 1, col: c + 1 }))?.value ?? '']).toEqual([r + 1, c + 1, value ?? ''])));
    expect(layout.heights.map((_, r) => sheet.rowHeights[r + 1])).toEqual(layout.heights);
    const rates = layout.charts[0]?.series[0]?.values.top as number;
    expect(fake.cell(CHART_SHEET_NAME, `B${rates}`)?.numberFormat).toBe('#,##0.0##');
    expect(fake.cell(CHART_SHEET_NAME, `B${layout.charts[1]?.series[0]?.values.top}`)?.numberFormat).toBe('#,##0');
    expect(sheet.merges).toEqual(expect.arrayContaining(layout.merges.map(a1Range)));
  });

  it('splits a large sheet into requests under the 5 MB cap and reports progress after each', async () => {
    const fake = workbook();
    const progress: Array<[number, number]> = [];
    // 12 MB of text in one sheet: one request would be refused.
    await excelRun((context) => writeSummaryModel(context, model(6000, 2000), { onProgress: (done, total) => progress.push([done, total]) }));
    const sizes = fake.requests.map((r) => r.bytes);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(12_000_000);
    expect(Math.max(...sizes)).toBeLessThan(5 * 1024 * 1024);
    expect(sizes.filter((b) => b > 1_000_000).length).toBeGreaterThanOrEqual(4);
    expect(fake.cell('Khó khăn, kiến nghị', `A${4 + 7 + 5999}`)?.value).toMatch(/^Khó khăn/);
    expect(progress.map(([done]) => done)).toEqual(progress.map((_, i) => i + 1));
    expect(new Set(progress.map(([, total]) => total)).size).toBe(1);
  });

  it('replaces an earlier summary only once the new one is complete, and puts it back when cancelled', async () => {
    const fake = workbook('1.17', ['Tổng quan', CHART_SHEET_NAME]);
    const controller = new AbortController();
    await expect(
      excelRun((context) =>
        writeSummaryModel(context, model(), {
          signal: controller.signal,
          onProgress: (done) => {
            if (done === 2) controller.abort();
          },
        }),
      ),
    ).rejects.toBeInstanceOf(WriteCancelledError);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Tổng quan', CHART_SHEET_NAME]);
    expect(fake.cell('Tổng quan', 'A1')?.value).toBe('cũ Tổng quan');
    const result = await excelRun((context) => writeSummaryModel(context, model()));
    expect(result.replaced).toEqual(['Tổng quan', CHART_SHEET_NAME]);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Tổng quan', CHART_SHEET_NAME, 'Khó khăn, kiến nghị', '_da06_tonghop']);
    expect(fake.cell('Tổng quan', 'A1')?.value).toBe('TIÊU ĐỀ TỔNG QUAN');
  });

  it('re-runs over an earlier summary it wrote itself: the old VeryHidden stamp is made Hidden before Excel deletes it', async () => {
    const fake = workbook();
    await excelRun((context) => writeSummaryModel(context, model()));
    expect(fake.sheet('_da06_tonghop').visibility).toBe('VeryHidden');
    const second = model();
    (second.sheets[0] as SummarySheet).title = 'LẦN HAI';
    second.stamp = [...second.stamp, ['generatedAt', '2026-12-11T00:00:00.000Z']];
    const result = await excelRun((context) => writeSummaryModel(context, second));
    expect(result.replaced).toEqual(['Tổng quan', CHART_SHEET_NAME, 'Khó khăn, kiến nghị']);
    expect(fake.state.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Sheet1', 'Visible'],
      ['Tổng quan', 'Visible'],
      [CHART_SHEET_NAME, 'Visible'],
      ['Khó khăn, kiến nghị', 'Visible'],
      ['_da06_tonghop', 'VeryHidden'],
    ]);
    expect(fake.cell('Tổng quan', 'A1')?.value).toBe('LẦN HAI');
    expect(fake.cell('_da06_tonghop', 'B4')?.value).toBe('2026-12-11T00:00:00.000Z');
  });

  it('Hủy during a re-run gives the earlier summary back whole and reports a cancel, not a failure', async () => {
    const fake = workbook();
    await excelRun((context) => writeSummaryModel(context, model()));
    const before = fake.exportSeed();
    const controller = new AbortController();
    const run = excelRun((context) =>
      writeSummaryModel(context, model(), {
        signal: controller.signal,
        onProgress: (done) => {
          if (done === 3) controller.abort();
        },
      }),
    );
    await expect(run).rejects.toBeInstanceOf(WriteCancelledError);
    await expect(run).rejects.toMatchObject({ leftovers: [] });
    expect(fake.exportSeed()).toEqual(before);
  });

  it('when Excel refuses a request part-way, removes what was written (stamp too) and keeps the cause', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Sheet1', cells: {} }] }, { maxRequestBytes: 300_000 });
    fake.install();
    const run = excelRun((context) => writeSummaryModel(context, model(400, 2000)));
    await expect(run).rejects.toBeInstanceOf(WriteFailedError);
    await expect(run).rejects.toMatchObject({ cause: { code: 'RequestPayloadSizeLimitExceeded' }, leftovers: [] });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('names the sheets it could not remove when the clean-up itself is refused', async () => {
    const fake = workbook();
    const controller = new AbortController();
    const run = excelRun((context) =>
      writeSummaryModel(context, model(), {
        signal: controller.signal,
        onProgress: (done) => {
          if (done !== 2) return;
          fake.state.protection.protected = true; // someone protects the workbook structure meanwhile
          controller.abort();
        },
      }),
    );
    await expect(run).rejects.toMatchObject({ leftovers: ['Tổng quan', CHART_SHEET_NAME, 'Khó khăn, kiến nghị', '_da06_tonghop'] });
  });

  it('writes nothing into a workbook whose structure is protected, and says so', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Sheet1', cells: {} }], structureProtected: true }, { apiVersion: '1.7' });
    fake.install();
    await expect(excelRun((context) => writeSummaryModel(context, model()))).rejects.toBeInstanceOf(WorkbookProtectedError);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('works on Office 2019 (ExcelApi 1.7): no autofilter there, everything else the same', async () => {
    const fake = workbook('1.7');
    await excelRun((context) => writeSummaryModel(context, model(), { apiSupport: () => false }));
    expect(fake.sheet('Tổng quan').autoFilter).toBeUndefined();
    expect(fake.sheet(CHART_SHEET_NAME).charts).toHaveLength(3);
    uninstallFakeOffice();
    const newer = workbook('1.17');
    await excelRun((context) => writeSummaryModel(context, model(), { apiSupport: () => true }));
    expect(newer.sheet('Tổng quan').autoFilter).toBe('A3:C5');
  });
});

describe('planChunks', () => {
  it('cuts by estimated bytes and by row count, never leaving a row out', () => {
    const rows = Array.from({ length: 10 }, (_, i) => [`${'ế'.repeat(100)}${i}`, i]); // ~640 bytes of cells a row, counting escapes, and its height
    const chunks = planChunks(rows, () => '@', 2000, 100);
    expect(chunks.map((c) => c.end - c.start)).toEqual([2, 2, 2, 2, 2]);
    expect(planChunks(rows, () => '@', 10_000_000, 3).map((c) => [c.start, c.end])).toEqual([[0, 3], [3, 6], [6, 9], [9, 10]]);
    expect(planChunks([[`${'y'.repeat(5000)}`]], () => '@', 100, 10)).toEqual([{ start: 0, end: 1 }]);
  });
});
