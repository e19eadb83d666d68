import { loadCatalog, loadRoster } from '../../lib/node/seeds';
import { renderIssue, renderMessage } from '../../lib/issues/issue';
import { currentDefinition, FORM_DEFINITIONS } from '../../lib/template/registry';
import type { FormDefinition } from '../../lib/template/schema';
import { useNativeSegmenter } from '../../lib/text/graphemes';
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

describe('checkSubmission reads percents as the unit sees them (issue 16)', () => {
  const indicators: Row[] = [
    ['PL1.I.3', { result: { value: 0.5, numFmt: '0%' }, note: { value: 0.5, numFmt: '0%' } }], // typed "50%": 50, met (target 50)
    ['PL1.III.4', { result: { value: 0.855, numFmt: '0.0%' } }], // 85.5, met (target 80)
    ['PL1.III.5', { result: { value: 1.5, numFmt: 9 } }], // 150%: out of range, said as 150
    ['PL1.III.3', { result: 0.85 }], // a fraction for 85%: kept, and the scale questioned
    ['PL1.III.10', { result: '0,85%' }], // typed as a percent: no question about the scale
    ['PL1.V.3', { result: 0 }], // zero is zero on either scale
    ['PL1.III.1', { result: { value: 85, numFmt: '0" %"' } }], // a printed "%" does not scale the number
    ['PL1.II.9', { result: { value: 0.275, numFmt: '0.0%' } }], // "lần GDP" shown as 27,5%
  ];
  const tasks: Row[] = [
    ['PL2.1', { status: 'Đang triển khai', progress: { value: 0.5, numFmt: '0%' } }],
    ['PL2.3', { status: 'Đã hoàn thành', progress: { value: 1, numFmt: 9 }, product: 'Công văn 12/CAT' }],
    ['PL2.4', { status: 'Đã hoàn thành', progress: { value: 0.4, numFmt: '0%' }, product: 'Công văn 13/CAT' }],
    ['PL2.5', { status: 'Đang triển khai', progress: 0.5 }],
    ['PL2.2', { status: 'Đang triển khai', progress: 1 }],
  ];
  const report = validateWorkbook(templateXlsx({ indicators, tasks }), ctx);
  const value = (sheet: 'indicators' | 'tasks', key: string, field: string) => {
    const rows = sheet === 'indicators' ? report.values?.indicators : report.values?.tasks;
    return (rows?.[key] as Record<string, { value: unknown }> | undefined)?.[field]?.value;
  };

  it('reads a percent-formatted number as the percent shown, everywhere it is kept', () => {
    expect(['PL1.I.3', 'PL1.III.4', 'PL1.III.5', 'PL1.III.3', 'PL1.III.10', 'PL1.V.3', 'PL1.III.1', 'PL1.II.9'].map((k) => value('indicators', k, 'result'))).toEqual([50, 85.5, 150, 0.85, 0.85, 0, 85, 27.5]);
    expect(['PL2.1', 'PL2.3', 'PL2.4', 'PL2.5', 'PL2.2'].map((k) => value('tasks', k, 'progress'))).toEqual([50, 100, 40, 0.5, 1]);
    expect(value('indicators', 'PL1.I.3', 'note')).toBe('50%');
    expect(value('indicators', 'PL1.I.3', 'assessment')).toBe('Đạt');
    expect(value('indicators', 'PL1.III.4', 'assessment')).toBe('Đạt');
  });

  it('reports the rules on those values, and asks about the scale where a percent looks like a fraction', () => {
    expect(report.issues.map((i) => [i.sheet, i.cell, i.code])).toEqual([
      [I, at('indicators', 2, 'result'), 'cell/out-of-range'],
      [T, at('tasks', 2, 'progress'), 'row/done-not-100'],
      [I, at('indicators', 3, 'result'), 'cell/suspect-scale'],
      [I, at('indicators', 3, 'result'), 'row/below-target'],
      [I, at('indicators', 4, 'result'), 'row/below-target'],
      [I, at('indicators', 5, 'result'), 'row/below-target'],
      [I, at('indicators', 6, 'result'), 'row/below-target'],
      [I, at('indicators', 7, 'result'), 'cell/suspect-scale'],
      [T, at('tasks', 3, 'progress'), 'cell/suspect-scale'],
    ]);
    const text = report.issues.map(renderIssue);
    expect(text).toContain(`[${I}!${at('indicators', 2, 'result')}] Giá trị 150 của "Kết quả đến thời điểm báo cáo" phải từ 0 đến 100. Nhập tỷ lệ từ 0 đến 100, ví dụ 85,5.`);
    expect(text).toContain(`[${T}!${at('tasks', 2, 'progress')}] Nhiệm vụ PL2.4 ghi "Đã hoàn thành" nhưng tiến độ là 40%. Sửa tiến độ thành 100 hoặc chọn lại trạng thái.`);
    expect(text).toContain(
      `[${I}!${at('indicators', 3, 'result')}] Giá trị 0,85 của "Kết quả đến thời điểm báo cáo" rất nhỏ so với chỉ tiêu 80%: có thể đã nhập dạng thập phân (0,85 thay cho 85%); da06 đọc là 0,85%. Nếu là 85%, nhập 85; nếu đúng là 0,85%, giữ nguyên.`,
    );
    expect(text).toContain(
      `[${I}!${at('indicators', 7, 'result')}] Giá trị 27,5% của "Kết quả đến thời điểm báo cáo" có dấu hoặc định dạng phần trăm, nhưng ô này không tính bằng phần trăm; da06 đọc là 27,5. Nếu đúng là 27,5, bỏ định dạng phần trăm (Định dạng ô › Số) và nhập 27,5; nếu là 27,5% (0,275 lần), nhập 0,275.`,
    );
    expect(text).toContain(
      `[${T}!${at('tasks', 3, 'progress')}] Giá trị 0,5 của "Tiến độ (%)" dưới 1%: có thể đã nhập dạng thập phân (0,5 thay cho 50%); da06 đọc là 0,5%. Nếu là 50%, nhập 50; nếu đúng là 0,5%, giữ nguyên.`,
    );
    expect(report.issues.filter((i) => i.code === 'cell/suspect-scale').every((i) => i.severity === 'warning')).toBe(true);
  });
});

describe('checkSubmission keeps line breaks as typed (issue 16)', () => {
  it.each([['LibreOffice (&#13;)', 'xml'], ['Excel (_x000D_)', 'excel']] as const)('keeps them whichever way the writer escaped a CR: %s', (_how, escapes) => {
    const bytes = templateXlsx({
      workbook: { escapes },
      cover: { assessment: 'Kết quả tháng 11:\r\n1. Hoàn thành A\r\n2. Hoàn thành B', difficulties: '  Thiếu kinh phí \n\n Thiếu người  ', proposals: { shared: 'Đề nghị:\r- Bổ sung máy chủ' } },
      indicators: [['PL1.I.3', { result: 55, note: 'Nguồn: A\nCách tính: B' }]],
      tasks: [['PL2.1', { status: 'Đang triển khai', progress: 50, results: 'Dòng 1\r\nDòng 2', difficulties: { shared: 'a\nb' } }], [null, { text: 'Ghi chú thêm:\r\ndòng hai' }]],
    });
    const { values, issues } = validateWorkbook(bytes, ctx);
    expect(issues.map((i) => i.code)).toEqual(['row/extra']);
    expect(values?.cover.assessment?.value).toBe('Kết quả tháng 11:\n1. Hoàn thành A\n2. Hoàn thành B');
    expect(values?.cover.difficulties?.value).toBe('Thiếu kinh phí\n\nThiếu người');
    expect(values?.cover.proposals?.value).toBe('Đề nghị:\n- Bổ sung máy chủ');
    expect(values?.indicators['PL1.I.3']?.note?.value).toBe('Nguồn: A\nCách tính: B');
    expect(values?.tasks['PL2.1']?.results?.value).toBe('Dòng 1\nDòng 2');
    expect(values?.tasks['PL2.1']?.difficulties?.value).toBe('a\nb');
    expect(values?.extraRows[0]?.cells[0]?.value).toBe('Ghi chú thêm:\r\ndòng hai'); // the cell as read; the merger keeps it with LF
  });
});

describe('checkSubmission counts lengths as the user counts characters (issue 16)', () => {
  const FAMILY = '👨\u200d👩\u200d👧\u200d👦'; // one character, 11 UTF-16 units
  const THUMB = '👍🏽'; // one character, 4 units
  const lengthIssues = (dataSource: string, assessment?: string) =>
    validateWorkbook(templateXlsx({ indicators: [['PL1.I.3', { result: 55, dataSource }]], ...(assessment ? { cover: { assessment } } : {}) }), ctx)
      .issues.filter((i) => i.code === 'cell/too-long')
      .map(renderIssue);

  afterEach(() => useNativeSegmenter(true));

  it.each([['Intl.Segmenter', true], ['the fallback for old webviews', false]])('with %s', (_name, native) => {
    useNativeSegmenter(native);
    // 2,000 characters with emoji are within the limit of 2,000, though they take 5,000 UTF-16 units.
    expect(lengthIssues('x'.repeat(1000) + THUMB.repeat(1000))).toEqual([]);
    expect(lengthIssues('Đ'.repeat(1990) + FAMILY.repeat(20))).toEqual([`[${I}!${at('indicators', 0, 'dataSource')}] "Nguồn số liệu, cách tính" dài 2010 ký tự, vượt mức 2000 ký tự. Rút gọn nội dung hoặc gửi kèm văn bản.`]);
    // Within the field's 8,000 characters, but past the 32,767 units one Excel cell holds.
    expect(lengthIssues('ok', FAMILY.repeat(3000))).toEqual([
      `[${C}!${coverAt('assessment')}] "Đánh giá chung kết quả thực hiện trong kỳ" dài 3000 ký tự, vượt mức 2978 ký tự (một ô Excel chỉ chứa được 32.767 đơn vị; mỗi biểu tượng cảm xúc tính từ 2 đến 11 đơn vị). Rút gọn nội dung hoặc gửi kèm văn bản.`,
    ]);
  });
});

describe('a form version that renames its task statuses', () => {
  it('is checked by what each status means, with no change in code', () => {
    const current = currentDefinition();
    const renamed: FormDefinition = {
      ...current,
      version: current.version + 1,
      lists: { ...current.lists, taskStatus: ['Chưa làm', 'Đang làm', 'Xong', 'Xong muộn'] },
      tasks: { ...current.tasks, statusMeanings: { 'Chưa làm': 'notStarted', 'Đang làm': 'inProgress', Xong: 'done', 'Xong muộn': 'doneLate' } },
    };
    const bytes = templateXlsx({ definition: renamed, tasks: [['PL2.1', { status: 'Xong', progress: 40 }], ['PL2.3', { status: 'Chưa làm', progress: 20 }], ['PL3.II.3', { status: 'Đang làm', progress: 50 }]] });
    const report = validateWorkbook(bytes, ctx, { definitions: [...FORM_DEFINITIONS, renamed] });
    const rows = report.issues.filter((i) => i.key && i.code.startsWith('row/')).map((i) => [i.key, i.code, renderMessage(i)]);
    expect(rows).toEqual(expect.arrayContaining([
      ['PL2.1', 'row/done-not-100', expect.stringContaining('ghi "Xong" nhưng tiến độ là 40%')],
      ['PL2.3', 'row/not-started-with-progress', expect.stringContaining('ghi "Chưa làm" nhưng tiến độ là 20%. Sửa tiến độ thành 0 hoặc chọn "Đang làm".')],
    ]));
    expect(report.issues.some((i) => i.code === 'cell/not-in-list')).toBe(false);
  });
});
