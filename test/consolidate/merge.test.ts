import { strToU8 } from 'fflate';
import { extractEml } from '../../lib/consolidate/eml';
import { consolidate } from '../../lib/consolidate/merge';
import type { IntakeItem } from '../../lib/consolidate/types';
import { loadCatalog, loadRoster } from '../../lib/node/seeds';
import { parsePeriod, type Period } from '../../lib/period/period';
import { buildSummaryModel } from '../../lib/summary/build';
import { at, templateXlsx, type TemplateFixtureSpec } from '../_lib/template-fixture';

const catalog = loadCatalog();
const roster = loadRoster();
const period = parsePeriod('2026-11') as Period;
const now = new Date(Date.UTC(2026, 11 /* Dec */, 11, 2, 0, 0));
const options = { catalog, roster, period, now };

const CAT: TemplateFixtureSpec = {
  unit: 'CAT',
  unitName: 'Công an tỉnh',
  indicators: [['PL1.I.3', { result: 55 }], ['PL1.III.3', { result: 78 }]],
  tasks: [['PL3.II.3', { status: 'Đang triển khai', progress: 60, difficulties: 'Chưa có hướng dẫn của Bộ' }], ['PL2.1', { status: 'Đã hoàn thành', progress: 100, product: 'Công văn 88/CAT-PC06', proposals: 'Đề nghị Bộ sớm ban hành hướng dẫn' }]],
  cover: { difficulties: 'Thiếu nhân lực chuyên trách', proposals: '=HYPERLINK("http://x","bấm vào đây")' },
};
const TTPVHCC: TemplateFixtureSpec = {
  unit: 'TTPVHCC',
  unitName: 'Trung tâm Phục vụ hành chính công tỉnh',
  indicators: [['PL1.I.3', { result: 60 }], ['PL1.I.1', { result: 52 }]],
  tasks: [['PL3.II.3', { status: 'Hoàn thành quá hạn', progress: 100, results: 'Đã trình quyết định' }]],
};
const item = (name: string, spec: TemplateFixtureSpec, receivedAt: string, extra: Partial<IntakeItem> = {}): IntakeItem => ({ name, bytes: templateXlsx(spec), receivedAt, receivedAtSource: 'receipts', ...extra });

describe('consolidate a small month with known answers', () => {
  const items: IntakeItem[] = [
    item('cat-lan-1.xlsx', { ...CAT, indicators: [['PL1.I.3', { result: 50 }], ['PL1.III.3', { result: 78 }]], tasks: [['PL3.II.3', { status: 'Đang triển khai', progress: 40, difficulties: 'Chưa có hướng dẫn' }]] }, '2026-12-03T08:00:00+07:00'),
    item('cat-lan-2.xlsx', CAT, '2026-12-05T10:30:00+07:00'),
    item('ttpvhcc.xlsx', TTPVHCC, '2026-12-10T08:05:00+07:00'), // the 10th: "trước ngày 10" makes it 1 day late
    item('sai-ky.xlsx', { unit: 'SYT', unitName: 'Sở Y tế', period: '2026-10' }, '2026-12-01T08:00:00+07:00'),
    item('don-vi-la.xlsx', { unit: 'SO-LA', unitName: 'Sở Lạ' }, '2026-12-01T08:00:00+07:00'),
    item('sai-phien-ban.xlsx', { unit: 'STC', identity: { templateVersion: 7 } }, '2026-12-01T08:00:00+07:00'),
    { name: 'hong.xlsx', bytes: templateXlsx(CAT).subarray(0, 900), receivedAt: '2026-12-02T08:00:00+07:00', receivedAtSource: 'receipts' },
    { name: 'ghi-chu.xlsx', bytes: strToU8('chỉ là văn bản'), receivedAtSource: 'fileTime', receivedAt: '2026-12-02T08:00:00+07:00' },
  ];
  const c = consolidate(items, options);

  it('counts expected, received, on time, late and missing (DHIS2 rates)', () => {
    expect(c.totals).toEqual({ expected: 187, received: 2, onTime: 1, reportingRate: 2 / 187, onTimeRate: 1 / 187 });
    expect(c.byKind.department).toEqual({ expected: 21, received: 2, onTime: 1, reportingRate: 2 / 21, onTimeRate: 1 / 21 });
    expect(c.byKind.commune.received).toBe(0);
    expect(c.late).toBe(1);
    expect(c.missing).toHaveLength(185);
    expect(c.missing).not.toContain('CAT');
    const ttp = c.submissions.find((s) => s.unit === 'TTPVHCC');
    expect(ttp).toEqual(expect.objectContaining({ received: true, onTime: false, daysLate: 1, receivedAtSource: 'receipts' }));
  });

  it('keeps the latest of a duplicate and lists the cells that changed', () => {
    expect(c.duplicates).toEqual([
      {
        unit: 'CAT',
        kept: 'cat-lan-2.xlsx',
        superseded: ['cat-lan-1.xlsx'],
        changes: expect.arrayContaining([
          { sheet: 'Biểu 01 - Chỉ tiêu', cell: 'H5', key: 'PL1.I.3', field: 'result', before: 50, after: 55 },
          { sheet: 'Biểu 02 - Nhiệm vụ', cell: at('tasks', 0, 'progress'), key: 'PL3.II.3', field: 'progress', before: 40, after: 60 },
        ]),
      },
    ]);
    expect(c.intake.find((r) => r.file === 'cat-lan-1.xlsx')?.status).toBe('superseded');
    expect(c.submissions.find((s) => s.unit === 'CAT')?.file).toBe('cat-lan-2.xlsx');
  });

  it('rejects each unusable file with its reason code, and accounts for every input', () => {
    expect(c.intake.map((r) => [r.file, r.status, r.reason?.code ?? null])).toEqual([
      ['cat-lan-1.xlsx', 'superseded', null],
      ['cat-lan-2.xlsx', 'acceptedWithWarnings', null],
      ['ttpvhcc.xlsx', 'accepted', null],
      ['sai-ky.xlsx', 'rejected', 'workbook/wrong-period'],
      ['don-vi-la.xlsx', 'rejected', 'workbook/unknown-unit'],
      ['sai-phien-ban.xlsx', 'rejected', 'workbook/unknown-template'],
      ['hong.xlsx', 'rejected', 'file/corrupt'],
      ['ghi-chu.xlsx', 'rejected', 'file/not-zip'],
    ]);
    expect(c.intake.every((r) => /^[0-9a-f]{64}$/.test(r.sha256))).toBe(true);
  });

  it('takes the province value from the lead monitor and flags monitors that disagree', () => {
    const i3 = c.indicators.find((i) => i.key === 'PL1.I.3');
    expect(i3).toEqual(expect.objectContaining({ lead: 'CAT', value: 55, status: 'met', disagree: true, target: '50' }));
    expect(i3?.others).toEqual([{ unit: 'TTPVHCC', value: 60, assessment: 'met', flagged: false }]);
    expect(c.indicators.find((i) => i.key === 'PL1.III.3')).toEqual(expect.objectContaining({ value: 78, status: 'notMet', target: '≥ 80', disagree: false }));
    expect(c.indicators.find((i) => i.key === 'PL1.II.9')).toEqual(expect.objectContaining({ value: null, status: 'noData' }));
  });

  it('marks an overdue task that is not done by all its lead units', () => {
    const t = c.tasks.find((x) => x.key === 'PL3.II.3');
    // TTPVHCC is named to coordinate PL3.II.3 (its "Cơ quan phối hợp" cell): the progress is the leads' (CAT's 60), not the mean with its 100.
    expect(t).toEqual(expect.objectContaining({ overall: 'inProgress', overdue: true, due: '2026-06-30', deadlineStatus: 'overdue', progress: 60 }));
    expect(t?.units.map((u) => [u.unit, u.role, u.status, u.progress])).toEqual([['CAT', 'lead', 'Đang triển khai', 60], ['TTPVHCC', 'coordinator', 'Hoàn thành quá hạn', 100]]);
    expect(c.tasks.find((x) => x.key === 'PL2.1')).toEqual(expect.objectContaining({ overall: 'done', overdue: false }));
  });

  it('collects every difficulty and proposal with its unit, task and cell', () => {
    expect(c.concerns.map((x) => [x.unit, x.kind, x.task, x.text])).toEqual([
      ['CAT', 'difficulty', null, 'Thiếu nhân lực chuyên trách'],
      ['CAT', 'proposal', null, '=HYPERLINK("http://x","bấm vào đây")'],
      ['CAT', 'difficulty', 'PL3.II.3', 'Chưa có hướng dẫn của Bộ'],
      ['CAT', 'proposal', 'PL2.1', 'Đề nghị Bộ sớm ban hành hướng dẫn'],
    ]);
  });

  it('keeps every value read, with file, SHA-256, cell and whether it counts', () => {
    const value = (file: string, key: string, field: string) => c.data.find((d) => d.file === file && d.key === key && d.field === field);
    expect(value('cat-lan-2.xlsx', 'PL1.I.3', 'result')).toEqual(expect.objectContaining({ use: 'consolidated', unit: 'CAT', value: 55, cell: 'H5', sheet: 'Biểu 01 - Chỉ tiêu' }));
    expect(value('cat-lan-1.xlsx', 'PL1.I.3', 'result')).toEqual(expect.objectContaining({ use: 'superseded', value: 50 }));
    expect(value('sai-ky.xlsx', 'preparerName', 'preparerName')).toEqual(expect.objectContaining({ use: 'rejected', unit: 'SYT', value: 'Nguyễn Văn An' }));
  });

  it('gives the same result for the same inputs', () => {
    expect(consolidate(items, options)).toEqual(c);
  });

  it('shows in the summary which file replaced a superseded one, and every cell that changed', () => {
    const model = buildSummaryModel(c);
    const intake = model.sheets.find((s) => s.id === 'intake');
    const at = (header: string) => intake?.columns.findIndex((col) => col.header === header) ?? -1;
    const row = intake?.rows.find((r) => r[0] === 'cat-lan-1.xlsx');
    expect(row?.[at('Trạng thái')]).toBe('Bị thay bằng bản gửi sau');
    expect(row?.[at('Các vấn đề')]).toContain('Bị thay bởi cat-lan-2.xlsx.');
    expect(row?.[at('Các vấn đề')]).toContain('Biểu 01 - Chỉ tiêu!H5 (PL1.I.3, result): 50 → 55');
    const tasks = model.sheets.find((s) => s.id === 'tasks');
    const header = tasks?.columns.map((col) => col.header) ?? [];
    const overdue = tasks?.rows.find((r) => r[0] === 'PL3.II.3');
    expect(overdue?.[header.indexOf('Thời hạn')]).toBe('30/06/2026');
    expect(overdue?.[header.indexOf('Tình trạng chung')]).toBe('Đang triển khai, quá hạn');
  });
});

describe('consolidate receipt times', () => {
  it('uses the report date typed in the workbook when only the file time is known', () => {
    const c = consolidate([{ name: 'a.xlsx', bytes: templateXlsx(CAT), receivedAt: '2026-12-20T08:00:00+07:00', receivedAtSource: 'fileTime' }], options);
    expect(c.submissions.find((s) => s.unit === 'CAT')).toEqual(expect.objectContaining({ receivedAt: '2026-12-03T00:00:00+07:00', receivedAtSource: 'reportDate', onTime: true }));
  });
});

describe('consolidate saved e-mails', () => {
  const boundary = 'ranh-gioi-da06';
  const attach = (filename: string, bytes: Uint8Array, type: string) =>
    [`--${boundary}`, `Content-Type: ${type}; name="${filename}"`, `Content-Disposition: attachment; filename="${filename}"`, 'Content-Transfer-Encoding: base64', '', Buffer.from(bytes).toString('base64').replace(/.{76}/g, '$&\r\n'), ''].join('\r\n');
  const eml = [
    'From: "Van thu Cong an tinh" <vanthu@congan.thanhhoa.gov.vn>',
    'To: tonghop@congan.thanhhoa.gov.vn',
    'Subject: =?UTF-8?B?' + Buffer.from('Báo cáo Đề án 06 tháng 11').toString('base64') + '?=',
    'Date: Tue, 08 Dec 2026 09:15:00 +0700',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Kính gửi Công an tỉnh báo cáo tháng 11.',
    attach('cat.xlsx', templateXlsx(CAT), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    attach('ttpvhcc.xlsx', templateXlsx(TTPVHCC), 'application/octet-stream'),
    attach('cong-van.pdf', strToU8('%PDF-1.4 ...'), 'application/pdf'),
    `--${boundary}--`,
    '',
  ].join('\r\n');

  it('takes both .xlsx attachments, with the Date header as receipt time and the sender as evidence', async () => {
    const { items, notes } = await extractEml('thu-08-12.eml', strToU8(eml));
    expect(items.map((i) => [i.name, i.receivedAt, i.receivedAtSource, i.receivedFrom, i.container])).toEqual([
      ['thu-08-12.eml › cat.xlsx', '2026-12-08T09:15:00+07:00', 'email', 'vanthu@congan.thanhhoa.gov.vn', 'thu-08-12.eml'],
      ['thu-08-12.eml › ttpvhcc.xlsx', '2026-12-08T09:15:00+07:00', 'email', 'vanthu@congan.thanhhoa.gov.vn', 'thu-08-12.eml'],
    ]);
    expect(notes.map((n) => n.name)).toEqual(['thu-08-12.eml › cong-van.pdf', 'thu-08-12.eml']);
    expect(notes[1]?.note).toMatch(/Thư điện tử "Báo cáo Đề án 06 tháng 11" từ vanthu@congan\.thanhhoa\.gov\.vn lúc 2026-12-08T09:15:00\+07:00: 2 tệp \.xlsx đính kèm\./);
    const c = consolidate(items, { ...options, notes });
    expect(c.submissions.filter((s) => s.received).map((s) => [s.unit, s.onTime, s.receivedAtSource])).toEqual([['CAT', true, 'email'], ['TTPVHCC', true, 'email']]);
    expect(c.intake.map((r) => r.receivedFrom)).toEqual(['vanthu@congan.thanhhoa.gov.vn', 'vanthu@congan.thanhhoa.gov.vn']);
    expect(c.notes).toHaveLength(2);
  });

  it('notes a message it cannot parse instead of failing', async () => {
    const { items, notes } = await extractEml('rong.eml', new Uint8Array(0));
    expect(items).toEqual([]);
    expect(notes).toHaveLength(1);
  });
});
