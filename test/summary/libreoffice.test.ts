import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../lib/node/seeds';
import { CHART_SHEET_NAME } from '../../lib/summary/chart-layout';
import { writeSummaryXlsx } from '../../lib/summary/xlsx';
import { assertLibreOfficeInstalled, convertFiles } from '../_lib/libreoffice';
import { loadWorkbook, xmlParts } from '../template/_lib/read';
import { CHARTS, chartModel, LINE_CHART } from './_lib/chart-model';
import { findAll, parseXml, type XmlNode } from './_lib/xml-tree';

// Real LibreOffice, as the spreadsheet a secretariat may open the summary in; slow, never skipped.
const TIMEOUT = 180_000;
/** Gitignored: the workbook, its PDF and the page pictures stay for a person to look at. */
const OUT = join(packageRoot(), 'test-output', 'summary');

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

const flat = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ');
const count = (text: string, phrase: string) => flat(text).split(flat(phrase)).length - 1;
const tokens = (text: string, word: string) => flat(text).split(' ').filter((t) => t === word).length;

/** Share of a page's pixels drawn in a colour (±24 per channel), from the PPM picture pdftoppm writes to stdout. */
function colourShare(pdf: string, page: number, rgb: string): number {
  const ppm = spawnSync('pdftoppm', ['-r', '40', '-f', String(page), '-l', String(page), '-singlefile', pdf], { maxBuffer: 64 * 1024 * 1024 }).stdout;
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm gave no PPM picture');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16)) as [number, number, number];
  const pixels = ppm.subarray(header[0].length);
  let hits = 0;
  for (let i = 0; i + 2 < pixels.length; i += 3) {
    if (Math.abs((pixels[i] as number) - r) <= 24 && Math.abs((pixels[i + 1] as number) - g) <= 24 && Math.abs((pixels[i + 2] as number) - b) <= 24) hits += 1;
  }
  return hits / (pixels.length / 3);
}

describe('the summary\'s charts in LibreOffice', () => {
  let xlsx: string;

  beforeAll(async () => {
    assertLibreOfficeInstalled();
    mkdirSync(OUT, { recursive: true });
    xlsx = join(OUT, 'tong-hop-bieu-do.xlsx');
    writeFileSync(xlsx, await writeSummaryXlsx(chartModel(), { generatedAt: new Date('2026-12-11T03:00:00Z') }));
  });

  it('prints each chart with its table on its own A4 landscape page, drawn: bars, pie, labels, legend', async () => {
    const [pdf] = (await convertFiles([xlsx], { to: 'pdf', outDir: OUT })) as [string];
    const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))?.[1]);
    const texts = Array.from({ length: pages }, (_, i) => run('pdftotext', ['-enc', 'UTF-8', '-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-']));
    const chartPages = texts.map((t, i) => [t, i + 1] as const).filter(([t]) => flat(t).includes('BIỂU ĐỒ - BÁO CÁO TỔNG HỢP THÁNG 11 NĂM 2026'));
    expect(chartPages).toHaveLength(CHARTS.length);
    const sizes = [...run('pdfinfo', ['-f', '1', '-l', String(pages), pdf]).matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(new Set(sizes.map((s) => s.join('x')))).toEqual(new Set(['842x595']));
    CHARTS.forEach((spec, i) => {
      const [text] = chartPages[i] as readonly [string, number];
      // Once in the table, once drawn by the chart (title; axis labels or legend; data labels).
      expect([spec.title, count(text, spec.title)]).toEqual([spec.title, 2]);
      for (const category of spec.categories) expect([category, count(text, category)]).toEqual([category, 2]);
      if (spec.series.length > 1) for (const s of spec.series) expect(count(text, s.name)).toBeGreaterThanOrEqual(1);
      // Each value in the table and as a data label (an axis tick may show it a third time).
      if (spec.type !== 'pie') for (const value of spec.series.flatMap((s) => s.values)) expect([value, tokens(text, value.toFixed(spec.id === 'reporting-rate' ? 1 : 0)) >= 2]).toEqual([value, true]);
      expect(text).toMatch(/Trang \d+\/\d+/);
    });
    const pie = chartPages[2]?.[0] as string;
    expect(tokens(pie, '68%')).toBe(1); // 38 of 56 indicators, as a percentage label on the pie
    // The bars and slices are there as colour, not only their labels: blue and orange on the column chart, the pie's slices.
    const [columnsPage, barsPage, piePage] = chartPages.map(([, page]) => page) as [number, number, number];
    // Measured here: 6 % and 6 % of the column chart's page, 3 % of the bars', 8 %, 1.6 % and 1.7 % of the pie's; grey lines alone make 0.6 %.
    expect(colourShare(pdf, columnsPage, '4472C4')).toBeGreaterThan(0.03);
    expect(colourShare(pdf, columnsPage, 'ED7D31')).toBeGreaterThan(0.03);
    expect(colourShare(pdf, barsPage, '4472C4')).toBeGreaterThan(0.015);
    expect([colourShare(pdf, piePage, '4472C4'), colourShare(pdf, piePage, 'ED7D31'), colourShare(pdf, piePage, 'A5A5A5')].every((share) => share > 0.01)).toBe(true);
    // For a person to look at (gitignored): the column chart's page and the pie's.
    run('pdftoppm', ['-r', '70', '-png', '-f', String(columnsPage), '-l', String(columnsPage), '-singlefile', pdf, join(OUT, 'bieu-do-ty-le-bao-cao')]);
    run('pdftoppm', ['-r', '70', '-png', '-f', String(piePage), '-l', String(piePage), '-singlefile', pdf, join(OUT, 'bieu-do-chi-tieu')]);
  }, TIMEOUT);

  it('keeps the three charts, their titles and their cell references when LibreOffice saves the file again', async () => {
    const [saved] = (await convertFiles([xlsx], { to: 'xlsx', outDir: join(OUT, 'libreoffice') })) as [string];
    const bytes = new Uint8Array(readFileSync(saved));
    const parts = xmlParts(bytes);
    const charts = Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort().map((p) => parseXml(parts[p] as string));
    expect(charts).toHaveLength(3);
    const kind = (chart: XmlNode) => (findAll(chart, 'c:pieChart').length > 0 ? 'pie' : findAll(chart, 'c:barDir')[0]?.attributes.val);
    const titleOf = (chart: XmlNode) => findAll(findAll(chart, 'c:title')[0] as XmlNode, 'a:t').map((t) => t.text).join('');
    const refs = (chart: XmlNode) => findAll(chart, 'c:f').map((f) => f.text);
    const byTitle = new Map(charts.map((c) => [titleOf(c), c]));
    expect(CHARTS.map((spec) => kind(byTitle.get(spec.title) as XmlNode))).toEqual(['col', 'bar', 'pie']);
    expect(refs(byTitle.get(CHARTS[0]?.title as string) as XmlNode)).toEqual(expect.arrayContaining(["'Biểu đồ'!$B$4", "'Biểu đồ'!$A$5:$A$7", "'Biểu đồ'!$B$5:$B$7", "'Biểu đồ'!$C$5:$C$7"]));
    expect(refs(byTitle.get(CHARTS[2]?.title as string) as XmlNode)).toEqual(expect.arrayContaining(["'Biểu đồ'!$A$45:$A$50", "'Biểu đồ'!$B$45:$B$50"]));
    // Still anchored beside their tables, and still read by exceljs (which drops them).
    const drawings = Object.keys(parts).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p)).map((p) => parseXml(parts[p] as string));
    const froms = drawings.flatMap((d) => findAll(d, 'xdr:from')).map((f) => [findAll(f, 'xdr:col')[0]?.text, findAll(f, 'xdr:row')[0]?.text]);
    expect(froms).toEqual([['4', '2'], ['4', '22'], ['4', '42']]);
    const workbook = await loadWorkbook(bytes);
    expect(workbook.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['Tổng quan', CHART_SHEET_NAME, 'Khó khăn, kiến nghị']);
    expect(workbook.getWorksheet(CHART_SHEET_NAME)?.getCell('C7').value).toBe(85.6);
  }, TIMEOUT);
});

describe('a line chart (the trend of the rates) in LibreOffice', () => {
  let xlsx: string;

  beforeAll(async () => {
    assertLibreOfficeInstalled();
    mkdirSync(OUT, { recursive: true });
    xlsx = join(OUT, 'tong-hop-bieu-do-duong.xlsx');
    writeFileSync(xlsx, await writeSummaryXlsx(chartModel([LINE_CHART]), { generatedAt: new Date('2026-12-11T03:00:00Z') }));
  });

  it('draws the lines, their markers and their values above the points, on an A4 landscape page', async () => {
    const [pdf] = (await convertFiles([xlsx], { to: 'pdf', outDir: join(OUT, 'duong') })) as [string];
    const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))?.[1]);
    const texts = Array.from({ length: pages }, (_, i) => run('pdftotext', ['-enc', 'UTF-8', '-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-']));
    const page = texts.findIndex((t) => flat(t).includes('BIỂU ĐỒ - BÁO CÁO TỔNG HỢP THÁNG 11 NĂM 2026')) + 1;
    const text = texts[page - 1] as string;
    expect(count(text, LINE_CHART.title)).toBe(2);
    for (const month of LINE_CHART.categories) expect([month, count(text, month)]).toEqual([month, 2]);
    for (const value of LINE_CHART.series.flatMap((s) => s.values)) expect([value, tokens(text, value.toFixed(1)) >= 2]).toEqual([value, true]);
    expect(run('pdfinfo', [pdf])).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/);
    // Measured here: each line with its markers takes 0.12 % of the page at 40 dpi; no other drawing uses these colours.
    expect(colourShare(pdf, page, '4472C4')).toBeGreaterThan(0.0008);
    expect(colourShare(pdf, page, 'ED7D31')).toBeGreaterThan(0.0008);
    run('pdftoppm', ['-r', '70', '-png', '-f', String(page), '-l', String(page), '-singlefile', pdf, join(OUT, 'bieu-do-duong')]);
  }, TIMEOUT);

  it('stays a line chart with its references when LibreOffice saves the file again', async () => {
    const [saved] = (await convertFiles([xlsx], { to: 'xlsx', outDir: join(OUT, 'duong-libreoffice') })) as [string];
    const parts = xmlParts(new Uint8Array(readFileSync(saved)));
    const charts = Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).map((p) => parseXml(parts[p] as string));
    expect(charts.map((c) => [findAll(c, 'c:lineChart').length, findAll(c, 'c:barChart').length])).toEqual([[1, 0]]);
    expect(findAll(charts[0] as XmlNode, 'c:f').map((f) => f.text)).toEqual(expect.arrayContaining(["'Biểu đồ'!$A$5:$A$7", "'Biểu đồ'!$B$5:$B$7", "'Biểu đồ'!$C$5:$C$7"]));
  }, TIMEOUT);
});
