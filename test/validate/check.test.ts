import { loadCatalog, loadRoster } from '../../lib/node/seeds';
import { renderIssue } from '../../lib/issues/issue';
import { validateWorkbook } from '../../lib/validate/validate';
import { at, coverAt, SHEETS, templateXlsx, type Row } from '../_lib/template-fixture';

const catalog = loadCatalog();
const roster = loadRoster();
const ctx = { catalog, roster, expected: { period: '2026-11', unit: 'CAT' } };
const { cover: C, indicators: I, tasks: T } = SHEETS;
const flat = (bytes: Uint8Array) => validateWorkbook(bytes, ctx).issues.map((i) => [i.sheet ?? '', i.cell ?? '', i.code]);

describe('checkSubmission on one "everything wrong" return (Công an tỉnh, November 2026)', () => {
  const indicators: Row[] = [
    ['#PL1.I', { stt: 'I. Phục vụ giải quyết thủ tục hành chính' }],
    ['PL1.I.2', { result: '150' }],
    ['PL1.I.3', { result: 'khoảng năm mươi' }],
    ['PL1.I.4', { result: '1.234' }],
    ['PL1.I.8', { result: 40, assessment: 'Đạt' }],
    ['PL1.II.2', { result: 30 }],
    ['PL1.II.4', { result: '85,5' }],
    ['PL1.III.1', { result: { formula: '50+50', value: 100 } }],
    ['PL1.III.2', { result: null }],
    ['PL1.III.3', { result: 90, note: { value: 'Sè liÖu cña C«ng an tØnh', font: '.VnTime' } }],
    ['PL1.III.7', { result: ' CÓ ' }],
    ['PL1.IV.1', { result: 'Hoàn Thành' }],
    ['PL1.IV.2', { result: 60, dataSource: 'x'.repeat(2001) }],
    ['PL1.V.3', { result: 75 }],
    ['PL1.V.3', { result: 76 }],
    ['PL1.IX.99', { result: 1 }],
    [null, { text: 'Ghi chú thêm của đơn vị' }],
  ];
  const tasks: Row[] = [
    ['PL2.1', { status: 'Đã hoàn thành', progress: 40 }],
    ['PL2.3', { status: 'Chưa triển khai', progress: 20 }],
    ['PL2.5', { status: 'Xong', progress: 120 }],
    ['PL2.6', {}],
    ['PL3.II.3', { status: 'Đang triển khai', progress: 50 }],
    ['PL3.VIII.1', { status: 'đang  triển khai', progress: '30%', results: 'Đã rà soát 12 hệ thống' }],
  ];
  const bytes = templateXlsx({
    cover: { preparerName: null, phone: 'gọi tổng đài', email: 'an@', reportDate: '31/02/2026', difficulties: { value: 'Khã kh¨n vÒ kinh phÝ', font: '.VnTime' }, proposals: { value: 'Ñeà nghò boå sung', font: 'VNI-Times' } },
    indicators,
    tasks,
    listedKeys: { indicators: [...new Set(indicators.map(([k]) => k).filter((k): k is string => !!k && k.startsWith('PL1.') && k !== 'PL1.IX.99')), 'PL1.V.7'] },
  });

  it('reports exactly these codes at exactly these cells, errors first', () => {
    expect(flat(bytes)).toEqual([
      [C, coverAt('preparerName'), 'cell/required'],
      [C, coverAt('phone'), 'cell/invalid-phone'],
      [C, coverAt('email'), 'cell/invalid-email'],
      [C, coverAt('reportDate'), 'cell/invalid-date'],
      [I, '', 'row/missing'],
      [I, at('indicators', 1, 'result'), 'cell/out-of-range'],
      [I, at('indicators', 2, 'result'), 'cell/not-a-number'],
      [I, at('indicators', 3, 'result'), 'cell/out-of-range'],
      [I, at('indicators', 8, 'result'), 'cell/required'],
      [I, at('indicators', 12, 'dataSource'), 'cell/too-long'],
      [I, 'A19', 'row/duplicate-key'],
      [I, 'A20', 'row/unknown-key'],
      [T, at('tasks', 0, 'progress'), 'row/done-not-100'],
      [T, at('tasks', 0, 'results'), 'row/done-without-result'],
      [T, at('tasks', 1, 'progress'), 'row/not-started-with-progress'],
      [T, at('tasks', 2, 'status'), 'cell/not-in-list'],
      [T, at('tasks', 2, 'progress'), 'cell/out-of-range'],
      [T, at('tasks', 3, 'status'), 'cell/required'],
      [T, at('tasks', 3, 'progress'), 'cell/required'],
      [T, at('tasks', 4, 'difficulties'), 'row/overdue-without-difficulty'],
      [C, coverAt('difficulties'), 'cell/legacy-font'],
      [C, coverAt('proposals'), 'cell/legacy-font'],
      [I, at('indicators', 3, 'result'), 'cell/ambiguous-number'],
      [I, at('indicators', 4, 'assessment'), 'cell/formula-overwritten'],
      [I, at('indicators', 5, 'result'), 'row/below-target'],
      [I, at('indicators', 6, 'result'), 'row/below-target'],
      [I, at('indicators', 7, 'result'), 'cell/formula-in-input'],
      [I, at('indicators', 9, 'note'), 'cell/legacy-font'],
      [I, 'D21', 'row/extra'],
    ]);
  });

  it('names the sheet and cell and says how to fix, in Vietnamese', () => {
    const text = validateWorkbook(bytes, ctx).issues.map(renderIssue);
    expect(text).toContain(`[${I}!${at('indicators', 1, 'result')}] Giá trị 150 của "Kết quả đến thời điểm báo cáo" phải từ 0 đến 100. Nhập tỷ lệ từ 0 đến 100, ví dụ 85,5.`);
    expect(text).toContain(`[${T}!${at('tasks', 2, 'status')}] Giá trị "Xong" của "Trạng thái thực hiện" không có trong danh sách. Chọn một trong: Chưa triển khai; Đang triển khai; Đã hoàn thành; Hoàn thành quá hạn.`);
    expect(text).toContain(`[${I}!${at('indicators', 3, 'result')}] Giá trị "1.234" của "Kết quả đến thời điểm báo cáo" có thể hiểu là 1.234 hoặc 1,234; da06 đọc là 1.234. Kiểm tra lại; dùng dấu phẩy cho phần thập phân (ví dụ 85,5).`);
    expect(text).toContain(`[${T}!${at('tasks', 4, 'difficulties')}] Nhiệm vụ PL3.II.3 đã quá hạn (30/06/2026) và chưa hoàn thành: nêu rõ khó khăn, vướng mắc ở cột "Khó khăn, vướng mắc".`);
  });

  it('keeps every value it could read, typed, with its cell', () => {
    const { values } = validateWorkbook(bytes, ctx);
    expect(values?.indicators['PL1.II.4']?.result).toEqual({ value: 85.5, address: at('indicators', 6, 'result'), sheet: I });
    expect(values?.indicators['PL1.III.7']?.result?.value).toBe('Có');
    expect(values?.indicators['PL1.IV.1']?.result?.value).toBe('Hoàn thành');
    expect(values?.indicators['PL1.IV.1']?.assessment?.value).toBe('Đạt');
    expect(values?.indicators['PL1.I.8']?.assessment?.value).toBe('Chưa đến mốc');
    expect(values?.indicators['PL1.I.3']?.result?.value).toBe('khoảng năm mươi');
    expect(values?.indicators['PL1.III.3']?.note?.value).toBe('Số liệu của Công an tỉnh');
    expect(values?.tasks['PL3.VIII.1']).toEqual(expect.objectContaining({ status: expect.objectContaining({ value: 'Đang triển khai' }), progress: expect.objectContaining({ value: 30 }) }));
    expect(values?.cover.difficulties?.value).toBe('Khó khăn về kinh phí');
    expect(values?.extraRows).toEqual([expect.objectContaining({ sheet: I, row: 21, cells: [expect.objectContaining({ address: 'D21', value: 'Ghi chú thêm của đơn vị' })] })]);
  });

  it('is not blocked: cell errors are flagged, the file still counts', () => {
    const report = validateWorkbook(bytes, ctx);
    expect(report.readable).toBe(true);
    expect(report.blocked).toBe(false);
    expect(report.errors).toBeGreaterThan(0);
  });
});

describe('checkSubmission on a correct return', () => {
  it('reports nothing for a complete, consistent return', () => {
    const bytes = templateXlsx({
      indicators: [['PL1.I.3', { result: 55, dataSource: 'Hệ thống một cửa' }], ['PL1.IV.1', { result: 'Hoàn thành' }]],
      tasks: [['PL2.1', { status: 'Đã hoàn thành', progress: 100, product: 'Công văn 123/CAT-PC06' }], ['PL3.II.3', { status: 'Hoàn thành quá hạn', progress: 100, results: 'Đã ban hành quyết định' }]],
    });
    expect(flat(bytes)).toEqual([]);
  });

  it('reports a report date before the period', () => {
    const bytes = templateXlsx({ cover: { reportDate: { date: 46315 } } }); // 20/10/2026
    expect(flat(bytes)).toEqual([[C, coverAt('reportDate'), 'cell/date-before-period']]);
    expect(renderIssue(validateWorkbook(bytes, ctx).issues[0]!)).toMatch(/Ngày báo cáo 20\/10\/2026 ở trước kỳ báo cáo \(01\/11\/2026 – 30\/11\/2026\)/);
  });

  it('reads dates in the 1904 date system and as dd/mm/yyyy text', () => {
    const bytes1904 = templateXlsx({ cover: { reportDate: { date: 44897 } }, workbook: { date1904: true } });
    expect(validateWorkbook(bytes1904, ctx).values?.cover.reportDate?.value).toBe('2026-12-03');
    const text = templateXlsx({ cover: { reportDate: '3/12/2026' } });
    expect(validateWorkbook(text, ctx).values?.cover.reportDate?.value).toBe('2026-12-03');
  });
});

describe('checkSubmission against what the caller expects', () => {
  it.each([
    [{ period: '2026-10' }, 'workbook/wrong-period', /Biểu mẫu là của kỳ 2026-11, không phải kỳ 2026-10/],
    [{ unit: 'SYT' }, 'workbook/wrong-unit', /của đơn vị Công an tỉnh \(CAT\), không phải SYT/],
  ])('flags %p', (expected, code, message) => {
    const report = validateWorkbook(templateXlsx(), { catalog, roster, expected });
    expect(report.issues.map((i) => i.code)).toEqual([code]);
    expect(report.blocked).toBe(true);
    expect(renderIssue(report.issues[0]!)).toMatch(message);
  });

  it('flags a unit that is not in the roster', () => {
    const report = validateWorkbook(templateXlsx({ unit: 'SO-LA' }), { catalog, roster });
    expect(report.issues.map((i) => i.code)).toEqual(['workbook/unknown-unit']);
  });

  it('flags a template made from another version of the catalog', () => {
    const report = validateWorkbook(templateXlsx({ identity: { catalogHash: '0123456789abcdef' } }), { catalog, roster });
    expect(report.issues.map((i) => i.code)).toEqual(['workbook/catalog-changed']);
    expect(report.blocked).toBe(true);
  });
});
