// Three simulated months with known answers, September to November 2026, through the whole chain:
// simulate → consolidate → write each summary → read the archive folder back → the history and the Xu hướng sheet.
// Planted: units late or missing months running, an indicator whose pace misses its target and one whose pace
// reaches it, a task that becomes overdue, tasks due in December, and September consolidated again after a unit
// corrected its return in November (the correction decides whether an indicator is at risk).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { consolidateInputs, type ConsolidatedInputs } from '../../lib/app/consolidate';
import { draftReport, historyForReport } from '../../lib/app/report';
import type { Receipt } from '../../lib/app/intake';
import { buildHistory } from '../../lib/history/build';
import type { History } from '../../lib/history/types';
import { readArchive, type ReadArchiveResult } from '../../lib/node/history';
import { loadCatalog, loadRoster, packageRoot } from '../../lib/node/seeds';
import { parsePeriod, type Period } from '../../lib/period/period';
import { deadlineStatus } from '../../lib/period/status';
import { simulateMonth, type SimulatedFile, type SimulatedMonth, type SimulatePlant } from '../../lib/simulate/month';
import { buildSummaryModel } from '../../lib/summary/build';
import { TREND_SHEET_NAME, trendCharts, trendSheet } from '../../lib/summary/trends';
import { writeSummaryXlsx } from '../../lib/summary/xlsx';
import { currentDefinition } from '../../lib/template/registry';
import { assertLibreOfficeInstalled, convertFiles } from '../_lib/libreoffice';
import { docxParagraphs } from '../_lib/docx';
import { loadWorkbook, xmlParts } from '../template/_lib/read';
import { renderMessage } from '../../lib/node/mime';

const TIMEOUT = 300_000;
/** Gitignored: the Xu hướng sheet, its PDF and a picture of its first page stay for a person to look at. */
const OUT = join(packageRoot(), 'test-output', 'history');
const catalog = loadCatalog();
const roster = loadRoster();
const definition = currentDefinition();
const p = (id: string) => parsePeriod(id) as Period;

/** Units with a planted timeliness: late twice running, missing then late, missing all along, late then on time. */
const LATE_TWICE = '14797';
const MISSING_THEN_LATE = 'SCT';
const ALWAYS_MISSING = '14812';
const RECOVERED = '14818';
/** Trung tâm Phục vụ hành chính công tỉnh: the lead of the planted indicators and tasks, on time every month. */
const CENTRE = 'TTPVHCC';

const results = (values: Record<string, number>) => Object.entries(values).map(([indicator, value]) => ({ unit: CENTRE, indicator, value }));

const PLANTS: Record<string, SimulatePlant> = {
  '2026-09': {
    onTime: [CENTRE, LATE_TWICE, MISSING_THEN_LATE],
    late: [RECOVERED],
    missing: [ALWAYS_MISSING],
    // PL1.I.5 (target 80): 50, 55, 60 → 65 by December. PL1.II.1 (target 60): 45, 50, 56 → 61,5. PL1.I.1 (target 50): 20, corrected to 44 in November.
    results: results({ 'PL1.I.5': 50, 'PL1.II.1': 45, 'PL1.I.1': 20 }),
    statuses: [
      { unit: CENTRE, task: 'PL3.II.2', status: 'inProgress' },
      { unit: CENTRE, task: 'PL3.II.1', status: 'done' },
    ],
    resubmission: { unit: CENTRE, receivedAt: '2026-11-18T09:30:00+07:00', results: [{ indicator: 'PL1.I.1', value: 44 }] },
  },
  '2026-10': {
    onTime: [CENTRE],
    late: [LATE_TWICE, RECOVERED],
    missing: [MISSING_THEN_LATE, ALWAYS_MISSING],
    results: results({ 'PL1.I.5': 55, 'PL1.II.1': 50, 'PL1.I.1': 46 }),
    statuses: [
      { unit: CENTRE, task: 'PL3.II.2', status: 'inProgress' },
      { unit: CENTRE, task: 'PL3.II.1', status: 'doneLate' },
    ],
  },
  '2026-11': {
    onTime: [CENTRE, RECOVERED],
    late: [LATE_TWICE, MISSING_THEN_LATE],
    missing: [ALWAYS_MISSING],
    results: results({ 'PL1.I.5': 60, 'PL1.II.1': 56, 'PL1.I.1': 47 }),
    statuses: [
      { unit: CENTRE, task: 'PL3.II.2', status: 'inProgress' },
      { unit: CENTRE, task: 'PL3.II.1', status: 'doneLate' },
      // Due in December: four still in progress, one already done.
      { unit: 'CAT', task: 'PL2.4', status: 'inProgress' },
      { unit: 'CAT', task: 'PL2.19', status: 'inProgress' },
      { unit: 'CAT', task: 'PL2.5', status: 'inProgress' },
      { unit: 'SKHCN', task: 'PL2.5', status: 'inProgress' },
      { unit: 'VPUBND', task: 'PL2.5', status: 'inProgress' },
      { unit: 'SNNMT', task: 'PL3.V.7', status: 'inProgress' },
      { unit: 'SKHCN', task: 'PL3.VI.2', status: 'done' },
    ],
  },
};

/** The secretariat consolidates on the 11th of the month after, 09:00 Vietnam time, unless told otherwise. */
function consolidatedAt(period: Period): Date {
  return new Date(Date.UTC(period.month === 12 ? period.year + 1 : period.year, period.month % 12, 11, 2, 0, 0));
}

async function consolidateMonth(period: Period, files: readonly SimulatedFile[], now: Date, history?: ReadArchiveResult): Promise<ConsolidatedInputs> {
  const receipts = new Map<string, Receipt>(files.filter((f) => f.via === 'file').map((f) => [f.name, { at: f.receivedAt, source: 'receipts' }]));
  return consolidateInputs(
    files.map((f) => ({ name: f.name, bytes: f.bytes })),
    { catalog, roster, period, now, receipts, ...(history ? { history: { facts: history.facts, sources: history.sources } } : {}) },
  );
}

/** Each unit's standing by month from the simulator's truth alone: late, missing (the broken file's unit too) or on time. */
function truthStates(months: readonly SimulatedMonth['truth'][]): Map<string, string[]> {
  return new Map(roster.units.map((u) => [u.code, months.map((t) => (t.late.includes(u.code) ? 'late' : t.missing.includes(u.code) ? 'missing' : 'onTime'))]));
}

describe('three months of history, September to November 2026, with known answers', () => {
  let dir: string;
  const simulated = new Map<string, SimulatedMonth>();
  let archive: ReadArchiveResult;
  let november: ConsolidatedInputs;
  let history: History;
  let october: History;
  let trends: ExcelJS.Worksheet;
  let summaryParts: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'da06-lich-su-'));
    const store = join(dir, 'luu-tru');
    mkdirSync(join(store, '2026-10'), { recursive: true });
    for (const [id, plant] of Object.entries(PLANTS)) simulated.set(id, await simulateMonth({ definition, catalog, roster, period: p(id), seed: Number(id.slice(5)) + 2026, plant, renderMessage }));
    const sep = simulated.get('2026-09') as SimulatedMonth;
    const oct = simulated.get('2026-10') as SimulatedMonth;
    const write = async (path: string, c: ConsolidatedInputs) => writeFileSync(path, await writeSummaryXlsx(buildSummaryModel(c.consolidation), { generatedAt: new Date(c.consolidation.generatedAt) }));
    await write(join(store, 'tong-hop-2026-09.xlsx'), await consolidateMonth(p('2026-09'), sep.files, consolidatedAt(p('2026-09'))));
    await write(join(store, '2026-10', 'tong-hop-2026-10.xlsx'), await consolidateMonth(p('2026-10'), oct.files, consolidatedAt(p('2026-10'))));
    // September again, with the corrected return that came in on 18 November.
    await write(join(store, 'tong-hop-2026-09 (tong hop lai).xlsx'), await consolidateMonth(p('2026-09'), [...sep.files, sep.resubmission as SimulatedFile], new Date('2026-11-20T03:00:00Z')));
    // What else lies in a secretariat's folder: a unit's return, a damaged file.
    writeFileSync(join(store, 'bao-cao-don-vi.xlsx'), (sep.files.find((f) => f.via === 'file' && f.name !== sep.truth.broken.file) as SimulatedFile).bytes);
    writeFileSync(join(store, 'hong.xlsx'), new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));

    archive = readArchive(store);
    const nov = simulated.get('2026-11') as SimulatedMonth;
    november = await consolidateMonth(p('2026-11'), nov.files, consolidatedAt(p('2026-11')), archive);
    history = november.history as History;
    october = buildHistory((await consolidateMonth(p('2026-10'), oct.files, consolidatedAt(p('2026-10')))).consolidation, archive.facts, catalog, { sources: archive.sources });

    const bytes = await writeSummaryXlsx(november.model, { generatedAt: consolidatedAt(p('2026-11')) });
    writeFileSync(join(dir, 'tong-hop-2026-11.xlsx'), bytes);
    summaryParts = xmlParts(bytes);
    trends = (await loadWorkbook(bytes)).getWorksheet(TREND_SHEET_NAME) as ExcelJS.Worksheet;
  }, TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the summaries from the folder by their content and notes the other files with their reason', () => {
    expect(archive.summaries.map((s) => [s.file, s.facts.period])).toEqual([
      [join('2026-10', 'tong-hop-2026-10.xlsx'), '2026-10'],
      ['tong-hop-2026-09 (tong hop lai).xlsx', '2026-09'],
      ['tong-hop-2026-09.xlsx', '2026-09'],
    ]);
    expect(archive.skipped).toEqual([
      { file: 'bao-cao-don-vi.xlsx', reason: 'tệp không phải báo cáo tổng hợp do da06 tạo' },
      { file: 'hong.xlsx', reason: expect.stringMatching(/^không đọc được tệp/) },
    ]);
  });

  it('uses September as consolidated again in November, says so, and states July and August as missing', () => {
    expect(history.months.map((m) => [m.period, m.source, m.file ?? null])).toEqual([
      ['2026-07', 'missing', null],
      ['2026-08', 'missing', null],
      ['2026-09', 'archive', 'tong-hop-2026-09 (tong hop lai).xlsx'],
      ['2026-10', 'archive', join('2026-10', 'tong-hop-2026-10.xlsx')],
      ['2026-11', 'current', null],
    ]);
    expect(history.missing).toEqual(['2026-07', '2026-08']);
    expect(history.ignored).toEqual([
      { period: '2026-09', generatedAt: consolidatedAt(p('2026-09')).toISOString(), file: 'tong-hop-2026-09.xlsx', reason: 'superseded', usedInstead: { generatedAt: '2026-11-20T03:00:00.000Z', file: 'tong-hop-2026-09 (tong hop lai).xlsx' } },
    ]);
  });

  it('flags the indicator whose pace misses its target, with the reason, and not the one whose pace reaches it', () => {
    const at = (key: string) => history.indicators.find((i) => i.key === key);
    expect(at('PL1.I.5')?.months.map((m) => m?.value ?? null)).toEqual([null, null, 50, 55, 60]);
    expect([at('PL1.I.5')?.change, at('PL1.I.5')?.atRisk, at('PL1.I.5')?.risk?.reason]).toEqual([5, true, 'Tăng bình quân 5 điểm % mỗi tháng (3 tháng có số liệu): đến tháng 12/2026 dự kiến đạt 65%, chưa đạt chỉ tiêu 80%.']);
    expect(at('PL1.II.1')?.projection).toMatchObject({ kind: 'pace', value: 61.5, target: 60, reaches: true });
    expect(at('PL1.II.1')?.atRisk).toBe(false);
  });

  it('takes September\'s corrected value, which puts an indicator at risk that the first September summary hid', () => {
    const corrected = history.indicators.find((i) => i.key === 'PL1.I.1');
    expect(corrected?.months.map((m) => m?.value ?? null)).toEqual([null, null, 44, 46, 47]);
    expect(corrected?.risk?.reason).toBe('Tăng bình quân 1,5 điểm % mỗi tháng (3 tháng có số liệu): đến tháng 12/2026 dự kiến đạt 48,5%, chưa đạt chỉ tiêu 50%.');
    const withFirstSeptember = buildHistory(november.consolidation, archive.facts.filter((f) => f.generatedAt !== '2026-11-20T03:00:00.000Z'), catalog);
    expect(withFirstSeptember.indicators.find((i) => i.key === 'PL1.I.1')?.atRisk).toBe(false);
    // The reconsolidated month counts the unit's corrected return: received on 18 November, so late for September.
    expect(history.units.find((u) => u.unit === CENTRE)?.months.slice(2)).toEqual(['late', 'onTime', 'onTime']);
  });

  it('shows the task that became overdue in October, month by month, and the tasks due in December', () => {
    expect(october.becameOverdue).toEqual(['PL3.II.2']);
    const task = history.tasks.find((t) => t.key === 'PL3.II.2');
    expect(task?.months.slice(2).map((m) => [m?.overall, m?.overdue, m?.deadlineStatus])).toEqual([
      ['inProgress', false, 'dueThisPeriod'],
      ['inProgress', true, 'overdue'],
      ['inProgress', true, 'overdue'],
    ]);
    expect([task?.overdue, task?.becameOverdue, history.becameOverdue]).toEqual([true, false, []]);
    const dueInDecember = catalog.tasks.filter((t) => deadlineStatus(t.deadline, p('2026-12')).status === 'dueThisPeriod').map((t) => t.key);
    expect(dueInDecember).toEqual(['PL2.4', 'PL2.5', 'PL2.19', 'PL3.V.7', 'PL3.VI.2']);
    expect(history.dueNextMonth).toEqual(['PL2.4', 'PL2.5', 'PL2.19', 'PL3.V.7']);
    const recurring = catalog.tasks.filter((t) => t.deadline.kind === 'recurring' || (t.deadline.kind === 'dueThenRecurring' && t.deadline.due < '2026-12-01')).map((t) => t.key);
    expect(history.recurring).toEqual(recurring);
  });

  it('finds exactly the units late or missing two months running or more, with their runs, from the months\' truths', () => {
    const sep = simulated.get('2026-09')?.truth as SimulatedMonth['truth'];
    // The reconsolidated September: the centre's kept return is the correction, received late.
    const september = { ...sep, onTime: sep.onTime.filter((u) => u !== CENTRE), late: [...sep.late, CENTRE] };
    const states = truthStates([september, simulated.get('2026-10')?.truth as SimulatedMonth['truth'], simulated.get('2026-11')?.truth as SimulatedMonth['truth']]);
    const runOf = (s: string[]) => {
      let run = 0;
      for (let i = s.length - 1; i >= 0 && s[i] !== 'onTime'; i -= 1) run += 1;
      return run;
    };
    const expected = roster.units.map((u) => [u.code, runOf(states.get(u.code) as string[])] as const).filter(([, run]) => run >= 2).sort((a, b) => b[1] - a[1]);
    expect(history.repeatOffenders.map((o) => [o.unit, o.run])).toEqual(expected);
    const planted = new Map(history.repeatOffenders.map((o) => [o.unit, o]));
    expect([LATE_TWICE, MISSING_THEN_LATE, ALWAYS_MISSING].map((u) => [planted.get(u)?.run, planted.get(u)?.since, planted.get(u)?.states])).toEqual([
      [2, '2026-10', ['late', 'late']],
      [2, '2026-10', ['missing', 'late']],
      [3, '2026-09', ['missing', 'missing', 'missing']],
    ]);
    expect(planted.has(RECOVERED)).toBe(false);
    expect(history.units.find((u) => u.unit === RECOVERED)?.months.slice(2)).toEqual(['late', 'late', 'onTime']);
  });

  it('gives the province\'s rates for each month found, equal to each month\'s own summary', () => {
    const nov = simulated.get('2026-11')?.truth as SimulatedMonth['truth'];
    const last = history.rates[4]?.figures;
    expect([last?.totals.expected, last?.totals.received, last?.totals.onTime, last?.late, last?.missing]).toEqual([187, 187 - nov.missing.length, nov.onTime.length, nov.late.length, nov.missing.length]);
    expect(history.rates.map((r) => r.figures?.totals.reportingRate ?? null).slice(0, 2)).toEqual([null, null]);
    expect(history.rates[3]?.figures?.totals).toEqual(archive.summaries.find((s) => s.facts.period === '2026-10')?.facts.totals);
  });

  it('states the same in the summary\'s Xu hướng sheet, read back by exceljs, with the trend charts drawn', () => {
    const rows: Array<Array<string | number | null>> = [];
    trends.eachRow((row, n) => {
      if (n > 3) rows.push(Array.from({ length: 12 }, (_, c) => (row.getCell(c + 1).value as string | number | null) ?? null));
    });
    const byCode = (section: string, code: string) => rows.find((r) => r[0] === section && r[1] === code);
    expect(trends.getRow(3).values).toEqual([undefined, 'Mục', 'Mã', 'Nội dung', 'T7 (chưa có)', 'T8 (chưa có)', 'T9', 'T10', 'T11 (kỳ này)', 'Thay đổi', 'Dự kiến cuối kỳ', 'Chỉ tiêu / hạn', 'Cảnh báo, ghi chú']);
    expect(rows[0]?.slice(3, 8)).toEqual(['Chưa có', 'Chưa có', 'Có', 'Có', 'Kỳ này']);
    expect(byCode('Nguồn', '2026-09')?.[11]).toBe('Tháng này được tổng hợp lại (đơn vị gửi lại báo cáo): dùng bản lập sau cùng, không dùng bản lập 11/10/2026 09:00 (tong-hop-2026-09.xlsx).');
    expect(byCode('Chỉ tiêu', 'PL1.I.5')?.slice(5, 12)).toEqual([50, 55, 60, 5, 65, '80%', `Nguy cơ không đạt: ${history.indicators.find((i) => i.key === 'PL1.I.5')?.risk?.reason}`]);
    expect(byCode('Chỉ tiêu', 'PL1.I.1')?.[5]).toBe(44);
    expect(rows.filter((r) => r[0] === 'Nhiệm vụ' && r[1] !== null).map((r) => r[1])).toEqual(['PL2.4', 'PL2.5', 'PL2.19', 'PL3.V.7']);
    expect(rows.filter((r) => r[0] === 'Đơn vị').map((r) => r[1])).toEqual(history.repeatOffenders.map((o) => o.unit));
    expect(byCode('Đơn vị', ALWAYS_MISSING)?.slice(5, 8)).toEqual(['Chưa gửi', 'Chưa gửi', 'Chưa gửi']);
    const charts = Object.keys(summaryParts).filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k)).sort();
    expect(charts).toHaveLength(5);
    expect(summaryParts['xl/charts/chart4.xml']).toContain('<c:lineChart>');
    expect(summaryParts['xl/charts/chart5.xml']).toContain('PL1.I.5');
  });

  it('states exactly those in the report drafted with the same archive: runs, risks with their reasons, the corrected and missing months', async () => {
    const { data: _data, ...facts } = november.consolidation;
    const { trends } = historyForReport(facts, { facts: archive.facts, sources: archive.sources }, catalog);
    const text = docxParagraphs(await draftReport(facts, { trends })).join('\n');
    const place = (code: string) => (roster.units.find((u) => u.code === code)?.name as string).replace(/^(UBND )?(Xã|Phường) /, '');
    expect(text).toContain(`${place(ALWAYS_MISSING)} (3 tháng liên tiếp không gửi)`);
    expect(text).toContain(`${place(LATE_TWICE)} (2 tháng liên tiếp gửi muộn)`);
    expect(text).toContain('Sở Công Thương (2 tháng liên tiếp gửi muộn hoặc không gửi)');
    expect(text).not.toContain(`${place(RECOVERED)} (`);
    const reasonOf = (key: string) => {
      const reason = history.indicators.find((i) => i.key === key)?.risk?.reason as string;
      return `${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
    };
    expect(text).toContain(`: ${reasonOf('PL1.I.5')}`);
    expect(text).toContain(`: ${reasonOf('PL1.I.1')}`);
    expect(history.indicators.find((i) => i.key === 'PL1.II.1')?.risk).toBeNull();
    expect(text).toContain('Chưa có số liệu tháng 7/2026 và tháng 8/2026');
    expect(text).toContain('Số liệu tháng 9/2026 đã được cập nhật theo báo cáo đơn vị gửi lại sau đó');
    // Last month's province rate beside this month's, in points.
    expect(text).toMatch(/so với tháng 10\/2026/);
  }, TIMEOUT);

  it('prints the Xu hướng sheet in LibreOffice on A4 landscape pages at 8 pt or more: every indicator, the risks, the repeat offenders', async () => {
    assertLibreOfficeInstalled();
    mkdirSync(OUT, { recursive: true });
    const xlsx = join(OUT, 'xu-huong.xlsx');
    writeFileSync(xlsx, await writeSummaryXlsx({ ...november.model, sheets: [trendSheet(history)], charts: trendCharts(history) }, { generatedAt: consolidatedAt(p('2026-11')) }));
    const [pdf] = (await convertFiles([xlsx], { to: 'pdf', outDir: OUT })) as [string];
    const info = run('pdfinfo', ['-f', '1', '-l', '99', pdf]);
    expect(new Set([...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`))).toEqual(new Set(['842x595']));
    const text = run('pdftotext', ['-enc', 'UTF-8', pdf, '-']).normalize('NFC').replace(/\s+/g, ' ');
    expect(text).toContain('XU HƯỚNG CÁC THÁNG NĂM 2026 VÀ CẢNH BÁO SỚM, THÁNG 11/2026');
    for (const indicator of catalog.indicators) expect([indicator.key, text.includes(indicator.key)]).toEqual([indicator.key, true]);
    expect(text.split('Nguy cơ không').length - 1).toBe(history.indicators.filter((i) => i.atRisk).length);
    for (const o of history.repeatOffenders) expect([o.unitName, text.includes(o.unitName)]).toEqual([o.unitName, true]);
    // A word's box is the font's ascent plus descent: 1.107 em in Times New Roman and its metric twin Liberation Serif.
    const heights = [...run('pdftotext', ['-bbox', pdf, '-']).matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1]));
    expect(Math.min(...heights) / 1.107).toBeGreaterThanOrEqual(8);
    run('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '2', pdf, join(OUT, 'xu-huong-trang')]);
  }, TIMEOUT);
});

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}
