// One month given to `da06 consolidate` and to the pane's Tổng hợp: the same Consolidation, the same
// SummaryModel, the same headline, and sheets in (fake) Excel holding what the CLI's .xlsx holds, cell
// by cell and look by look. Returns are built from inline tables by the independent fixture writer.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { consolidateFiles, readPickedPrevious, readPickedReceipts, type PickedFile } from '../../addin/src/consolidate-flow';
import { officeApiSupport } from '../../addin/src/office/features';
import { writeSummaryModel } from '../../addin/src/office/write-summary';
import * as app from '../../lib/app/consolidate';
import { consolidationHeadline } from '../../lib/app/headline';
import { loadRoster } from '../../lib/node/seeds';
import { parsePeriod, type Period } from '../../lib/period/period';
import { renderMessage } from '../../lib/node/mime';
import { SUMMARY_STAMP_SHEET } from '../../lib/summary/facts';
import { columnWidthPoints, SUMMARY_FONT } from '../../lib/summary/style';
import { da06At } from '../cli/_lib/run';
import { templateXlsx } from '../_lib/template-fixture';
import { loadWorkbook } from '../template/_lib/read';
import { excelRun } from './_lib/excel';
import { FakeExcel, uninstallFakeOffice } from './fake-office/office';
import { columnName, type FakeCell, type FakeSheet } from './fake-office/state';

jest.setTimeout(60_000);

/** 11 December 2026, 10:00 in Thanh Hóa: November's reports were due before the 10th. */
const NOW = new Date('2026-12-11T10:00:00+07:00');
const november = parsePeriod('2026-11') as Period;
const commune = loadRoster().units.find((u) => u.kind === 'commune') as { code: string; name: string };

/** A saved e-mail with one return attached, sent at `date` by the unit's clerk. */
function mail(unit: string, date: string, attachment: Uint8Array): Promise<Uint8Array> {
  return renderMessage({
    from: { name: `Văn thư ${unit}`, address: `vanthu@${unit.toLowerCase()}.thanhhoa.gov.vn` },
    to: [{ address: 'da06@congan.thanhhoa.gov.vn' }],
    subject: 'Báo cáo Đề án 06 tháng 11/2026',
    date,
    messageId: `<bc.${unit.toLowerCase()}@thanhhoa.gov.vn>`,
    text: 'Kính gửi Công an tỉnh, gửi kèm báo cáo tháng 11.',
    attachments: [{ filename: `2026-11_${unit}.xlsx`, content: attachment }],
  });
}

/** The month's inbox: every receipt situation, a resend, a wrong month, an old .xls. */
const NOVEMBER_FILES: Record<string, Uint8Array | Promise<Uint8Array>> = {
  // In the receipts log, on time; a unit's text that looks like a formula, and one with line breaks.
  'cat.xlsx': templateXlsx({ indicators: [['PL1.I.3', { result: 55 }]], cover: { difficulties: '=HYPERLINK("http://x","bấm")', proposals: 'Đề xuất 1\nĐề xuất 2' } }),
  // In the log, late (the 11th); its earlier version below is superseded.
  'syt.xlsx': templateXlsx({ unit: 'SYT', unitName: 'Sở Y tế', indicators: [['PL1.II.5', { result: '72,5' }]], tasks: [['PL2.10', { status: 'Đang triển khai', progress: 30, results: 'Đã triển khai tại 12 bệnh viện' }]] }),
  'syt-ban-dau.xlsx': templateXlsx({ unit: 'SYT', unitName: 'Sở Y tế', indicators: [['PL1.II.5', { result: 60 }]] }),
  // Not in the log: the report date typed in the form (04/12/2026).
  'stp.xlsx': templateXlsx({ unit: 'STP', unitName: 'Sở Tư pháp', cover: { reportDate: { date: 46360 } } }),
  // Not in the log and no report date: time unknown, and an error to correct.
  'xa.xlsx': templateXlsx({ unit: commune.code, unitName: commune.name, identity: { unitKind: 'commune' }, cover: { reportDate: null } }),
  // By e-mail: the Date header; the second e-mail is also in the log, which wins.
  'thu-stc.eml': mail('STC', '2026-12-08T09:15:00+07:00', templateXlsx({ unit: 'STC', unitName: 'Sở Tài chính' })),
  'thu-snv.eml': mail('SNV', '2026-12-07T16:40:00+07:00', templateXlsx({ unit: 'SNV', unitName: 'Sở Nội vụ' })),
  // Refused: last month's form, and an Excel 97-2003 file.
  'cat-thang-10.xlsx': templateXlsx({ period: '2026-10' }),
  'bao-cao.xls': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
};

const RECEIPTS = 'tệp;thời điểm nhận\r\ncat.xlsx;05/12/2026 10:00\r\nsyt.xlsx;11/12/2026 08:00\r\nthu-snv.eml;09/12/2026 14:30\r\nkhong-co.xlsx;ngày mai\r\n';

/** What the CLI and the pane produced from the same files. */
interface Run {
  result: app.ConsolidatedInputs;
  headline: string[];
}

let dir: string;
let inbox: string;
let cli: Run & { stdout: string; stderr: string; xlsx: Uint8Array };
let pane: Run & { excel: FakeExcel };

/** Each file as the pane gets it when picked, under the name the CLI knows it by (its path): the one input the two shells name differently. */
const picked = (name: string, bytes: Uint8Array): PickedFile => ({ name, arrayBuffer: async () => Uint8Array.from(bytes).buffer });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'da06-parity-'));
  // October, consolidated by the CLI: last month's summary both runs are given.
  const october = join(dir, 'thang-10');
  mkdirSync(october);
  writeFileSync(join(october, 'cat.xlsx'), templateXlsx({ period: '2026-10', indicators: [['PL1.I.3', { result: 45 }]] }));
  writeFileSync(join(october, 'syt.xlsx'), templateXlsx({ unit: 'SYT', unitName: 'Sở Y tế', period: '2026-10', indicators: [['PL1.II.5', { result: 70 }]] }));
  const previous = join(dir, 'tong-hop-2026-10.xlsx');
  expect((await da06At(new Date('2026-11-11T10:00:00+07:00'), 'consolidate', october, '--period', '2026-10', '--out', previous)).code).toBe(0);
  inbox = join(dir, 'hop-thu');
  mkdirSync(inbox);
  for (const [name, bytes] of Object.entries(NOVEMBER_FILES)) writeFileSync(join(inbox, name), await bytes);
  writeFileSync(join(dir, 'so-tiep-nhan.csv'), RECEIPTS);

  const spy = jest.spyOn(app, 'consolidateInputs');
  const out = join(dir, 'tong-hop-2026-11.xlsx');
  const ran = await da06At(NOW, 'consolidate', inbox, '--period', '2026-11', '--out', out, '--receipts', join(dir, 'so-tiep-nhan.csv'), '--previous', previous);
  expect(ran.code).toBe(0);
  const result = (await spy.mock.results[0]?.value) as app.ConsolidatedInputs;
  spy.mockRestore();
  cli = { result, headline: consolidationHeadline(result.consolidation).lines, stdout: ran.stdout, stderr: ran.stderr, xlsx: new Uint8Array(readFileSync(out)) };

  // The pane: the same files picked (in another order), the receipts log and last month's summary picked beside them.
  const receipts = await readPickedReceipts(picked('so-tiep-nhan.csv', readFileSync(join(dir, 'so-tiep-nhan.csv'))));
  const last = await readPickedPrevious(picked('tong-hop-2026-10.xlsx', readFileSync(previous)), november);
  if (!receipts.ok || !last.ok) throw new Error('the receipts log and last month are usable');
  const files = Object.keys(NOVEMBER_FILES).reverse().map((name) => picked(name, readFileSync(join(inbox, name))));
  const paneResult = await consolidateFiles(files, { period: november, now: NOW, receipts: receipts.receipts, previous: last.values });
  const excel = new FakeExcel({ sheets: [{ name: 'Sheet1', cells: {} }] }, { apiVersion: '1.17' });
  excel.install();
  await excelRun((context) => writeSummaryModel(context, paneResult.model, { apiSupport: officeApiSupport }));
  pane = { result: paneResult, headline: consolidationHeadline(paneResult.consolidation).lines, excel };
});

afterAll(() => {
  uninstallFakeOffice();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Tổng hợp in the pane and da06 consolidate, on the same files', () => {
  it('cover every receipt situation: the log (also naming an e-mail), the e-mail Date, the report date, unknown; a resend; refusals; last month', () => {
    const times = cli.result.consolidation.submissions.filter((s) => s.received).map((s) => [s.unit, s.receivedAtSource, s.receivedAt ?? null, s.onTime ?? null]);
    expect(times).toEqual([
      ['CAT', 'receipts', '2026-12-05T10:00:00+07:00', true],
      ['STC', 'email', '2026-12-08T09:15:00+07:00', true],
      ['SNV', 'receipts', '2026-12-09T14:30:00+07:00', true],
      ['STP', 'reportDate', '2026-12-04T00:00:00+07:00', true],
      ['SYT', 'receipts', '2026-12-11T08:00:00+07:00', false],
      [commune.code, 'unknown', null, null],
    ]);
    const c = cli.result.consolidation;
    expect(c.duplicates.map((d) => [d.unit, d.kept === 'syt.xlsx', d.changes.filter((ch) => ch.sheet !== 'Biểu 02 - Nhiệm vụ').map((ch) => [ch.key, ch.before, ch.after])])).toEqual([['SYT', true, [['PL1.II.5', 60, 72.5]]]]);
    expect(c.intake.filter((r) => r.status === 'rejected').map((r) => r.reason?.code).sort()).toEqual(['file/xls', 'workbook/wrong-period']);
    expect(c.indicators.filter((i) => i.previous !== undefined && i.previous !== null).map((i) => [i.key, i.previous, i.change])).toEqual([
      ['PL1.I.3', 45, 10],
      ['PL1.II.5', 70, 2.5],
    ]);
    expect(cli.stderr).toBe('Cảnh báo: sổ tiếp nhận ' + join(dir, 'so-tiep-nhan.csv') + ', dòng 5: thời điểm "ngày mai" không hợp lệ.');
  });

  it('give the same Consolidation, the same SummaryModel and the same headline', () => {
    expect(pane.result.consolidation).toEqual(cli.result.consolidation);
    expect(pane.result.model).toEqual(cli.result.model);
    expect(pane.headline).toEqual(cli.headline);
    expect(cli.headline).toContain('Thời điểm nhận: 1 đơn vị theo thư điện tử, 3 theo sổ tiếp nhận, 1 theo ngày ghi trong biểu, 1 không rõ thời điểm.');
    for (const line of cli.headline) expect(cli.stdout).toContain(line);
  });

  it('put the same sheets in Excel as in the .xlsx, in the same order and state', async () => {
    const wb = await loadWorkbook(cli.xlsx);
    expect(pane.excel.state.sheets.slice(1).map((s) => [s.name, s.visibility])).toEqual(wb.worksheets.map((ws) => [ws.name, `${ws.state[0]?.toUpperCase()}${ws.state.slice(1)}`]));
    expect(wb.worksheets.at(-1)?.name).toBe(SUMMARY_STAMP_SHEET);
  });

  it('hold, sheet by sheet, the same values, number formats, fills, fonts, alignment and borders, row heights, widths, merges, filters and data bars', async () => {
    const wb = await loadWorkbook(cli.xlsx);
    for (const ws of wb.worksheets) {
      const sheet = pane.excel.sheet(ws.name);
      expect([ws.name, fakeSheetView(sheet)]).toEqual([ws.name, excelSheetView(ws)]);
      expect(sheet.bulkFormats.filter((f) => f.property.startsWith('font.')).map((f) => [f.property, f.value])).toEqual(ws.name === SUMMARY_STAMP_SHEET ? [] : [['font.name', SUMMARY_FONT], ['font.size', 11]]);
    }
  });
});

/** A cell as the comparison sees it: only what differs from an untouched cell (Calibri-free: fonts are checked per sheet). */
interface CellView {
  v?: string | number | boolean;
  nf?: string;
  fill?: string;
  bold?: true;
  italic?: true;
  size?: number;
  colour?: string;
  wrap?: true;
  vertical?: string;
  horizontal?: string;
  border?: true;
}

interface SheetView {
  cells: Record<string, CellView>;
  rowHeights: Record<number, number>;
  columnWidths: Record<number, number>;
  merges: string[];
  frozenRows: number;
  autoFilter: string | null;
  dataBars: string[];
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function pruned(view: CellView): CellView | null {
  return Object.keys(view).length > 0 ? view : null;
}

function excelCell(cell: ExcelJS.Cell): CellView | null {
  const view: CellView = {};
  // exceljs shows a merged range's value in every cell of it; Excel keeps it in the first only.
  const v = cell.isMerged && cell.master.address !== cell.address ? null : cell.value;
  if (v instanceof Date) view.v = (v.getTime() - EXCEL_EPOCH) / 86_400_000;
  else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    if (v !== '') view.v = v;
  } else if (v !== null && v !== undefined) view.v = JSON.stringify(v);
  if (cell.numFmt && cell.numFmt !== 'General') view.nf = cell.numFmt;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb) view.fill = fill.fgColor.argb.slice(2).toUpperCase();
  const font = cell.font ?? {};
  if (font.bold) view.bold = true;
  if (font.italic) view.italic = true;
  if (font.size !== undefined && font.size !== 11) view.size = font.size;
  if (font.color?.argb) view.colour = font.color.argb.slice(2).toUpperCase();
  const a = cell.alignment ?? {};
  if (a.wrapText) view.wrap = true;
  if (a.vertical && a.vertical !== 'bottom') view.vertical = a.vertical === 'middle' ? 'center' : a.vertical;
  if (a.horizontal) view.horizontal = a.horizontal;
  const b = cell.border ?? {};
  if (b.top || b.bottom || b.left || b.right) view.border = true;
  return pruned(view);
}

function fakeCell(cell: FakeCell): CellView | null {
  const view: CellView = {};
  if (cell.value !== '') view.v = cell.value;
  if (cell.numberFormat && cell.numberFormat !== 'General') view.nf = cell.numberFormat;
  if (cell.fill) view.fill = cell.fill.slice(1).toUpperCase();
  if (cell.font?.bold) view.bold = true;
  if (cell.font?.italic) view.italic = true;
  if (cell.font?.size !== undefined && cell.font.size !== 11) view.size = cell.font.size;
  if (cell.font?.color) view.colour = cell.font.color.slice(1).toUpperCase();
  const f = cell.format ?? {};
  if (f.wrapText === true) view.wrap = true;
  if (typeof f.verticalAlignment === 'string' && f.verticalAlignment !== 'Bottom') view.vertical = f.verticalAlignment.toLowerCase();
  if (typeof f.horizontalAlignment === 'string' && f.horizontalAlignment !== 'General') view.horizontal = f.horizontalAlignment.toLowerCase();
  if (Object.keys(f).some((k) => k.startsWith('border'))) view.border = true;
  return pruned(view);
}

function excelSheetView(ws: ExcelJS.Worksheet): SheetView {
  const cells: Record<string, CellView> = {};
  const rowHeights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (row.height !== undefined) rowHeights[n] = row.height;
    row.eachCell({ includeEmpty: true }, (cell) => {
      const view = excelCell(cell);
      if (view) cells[cell.address] = view;
    });
  });
  const columnWidths: Record<number, number> = {};
  (ws.columns ?? []).forEach((column, i) => {
    if (column.width !== undefined) columnWidths[i + 1] = columnWidthPoints(column.width);
  });
  const model = ws.model as unknown as { merges?: string[] };
  const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
  const filter = ws.autoFilter as unknown as string | { from: string; to: string } | undefined;
  const bars = (ws as unknown as { conditionalFormattings?: Array<{ ref: string; rules: Array<{ type: string }> }> }).conditionalFormattings ?? [];
  return {
    cells: sorted(cells),
    rowHeights,
    columnWidths,
    merges: [...(model.merges ?? [])].sort(),
    frozenRows: view?.state === 'frozen' ? (view.ySplit ?? 0) : 0,
    autoFilter: filter === undefined ? null : typeof filter === 'string' ? filter : `${filter.from}:${filter.to}`,
    dataBars: bars.filter((b) => b.rules.some((r) => r.type === 'dataBar')).map((b) => b.ref).sort(),
  };
}

function fakeSheetView(sheet: FakeSheet): SheetView {
  const cells: Record<string, CellView> = {};
  for (const [key, cell] of sheet.cells) {
    const [row, col] = key.split(',').map(Number) as [number, number];
    const view = fakeCell(cell);
    if (view) cells[`${columnName(col)}${row}`] = view;
  }
  return {
    cells: sorted(cells),
    rowHeights: { ...sheet.rowHeights },
    columnWidths: { ...sheet.columnWidths },
    merges: [...sheet.merges].sort(),
    frozenRows: sheet.frozenRows,
    autoFilter: sheet.autoFilter ?? null,
    dataBars: sheet.conditionalFormats.filter((f) => f.type === 'DataBar').map((f) => f.address).sort(),
  };
}

/** Cells in reading order (A1, B1, …, A2), so a difference points at the first cell that differs. */
function sorted(cells: Record<string, CellView>): Record<string, CellView> {
  const position = (address: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
    return Number(m[2]) * 100_000 + [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  };
  return Object.fromEntries(Object.entries(cells).sort(([a], [b]) => position(a) - position(b)));
}
