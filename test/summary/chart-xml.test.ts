import type ExcelJS from 'exceljs';
import { CHART_SHEET_NAME } from '../../lib/summary/chart-layout';
import { sheetReference } from '../../lib/summary/chart-xml';
import { writeSummaryXlsx } from '../../lib/summary/xlsx';
import { loadWorkbook, xmlParts } from '../template/_lib/read';
import { CHARTS, chartModel, HOSTILE_CHART, LINE_CHART } from './_lib/chart-model';
import { schemaOrderProblems } from './_lib/ooxml-order';
import { child, findAll, parseXml, type XmlNode } from './_lib/xml-tree';

const generatedAt = new Date('2026-12-11T03:00:00Z');
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

async function written(model = chartModel()): Promise<{ bytes: Uint8Array; parts: Record<string, string>; trees: Record<string, XmlNode> }> {
  const bytes = await writeSummaryXlsx(model, { generatedAt });
  const parts = xmlParts(bytes);
  const trees = Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, parseXml(xml)]));
  return { bytes, parts, trees };
}

/** `xl/worksheets/_rels/sheet9.xml.rels` + `../drawings/drawing1.xml` → `xl/drawings/drawing1.xml`. */
function resolveTarget(relsPath: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const source = relsPath.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
  const segments = source.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '..') segments.pop();
    else if (part !== '.') segments.push(part);
  }
  return segments.join('/');
}

function relationshipsOf(trees: Record<string, XmlNode>, part: string): Map<string, { type: string; target: string }> {
  const relsPath = part.replace(/([^/]+)$/, '_rels/$1.rels');
  const rels = trees[relsPath];
  return new Map((rels?.children ?? []).map((r) => [r.attributes.Id as string, { type: r.attributes.Type as string, target: resolveTarget(relsPath, r.attributes.Target as string) }]));
}

/** `'Biểu đồ'!$B$5:$B$7` → the values of those cells, read back by exceljs. */
function cellsOf(workbook: ExcelJS.Workbook, formula: string): unknown[] {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(formula);
  if (!m) throw new Error(`not an absolute reference: ${formula}`);
  const sheet = workbook.getWorksheet((m[1] as string).replace(/''/g, "'"));
  if (!sheet) throw new Error(`no sheet in ${formula}`);
  const from = sheet.getCell(`${m[2]}${m[3]}`);
  const to = sheet.getCell(`${m[4] ?? m[2]}${m[5] ?? m[3]}`);
  const values: unknown[] = [];
  for (let r = Number(from.row); r <= Number(to.row); r += 1) for (let c = Number(from.col); c <= Number(to.col); c += 1) values.push(sheet.getCell(r, c).value);
  return values;
}

const cache = (ref: XmlNode) => findAll(ref, 'c:pt').map((pt) => child(pt, 'c:v')?.text ?? '');

describe('the chart sheet\'s OOXML parts', () => {
  it('are well-formed and reference each other: workbook, sheet, drawing, charts, content types', async () => {
    const { parts, trees } = await written();
    const types = trees['[Content_Types].xml'] as XmlNode;
    const overrides = new Map(types.children.filter((t) => t.name === 'Override').map((t) => [(t.attributes.PartName as string).slice(1), t.attributes.ContentType as string]));
    const names = Object.keys(parts);
    for (const name of overrides.keys()) expect(names).toContain(name);
    expect(names.filter((p) => !p.endsWith('.rels') && p !== '[Content_Types].xml' && !overrides.has(p))).toEqual([]);
    for (const relsPath of Object.keys(parts).filter((p) => p.endsWith('.rels'))) {
      for (const r of (trees[relsPath] as XmlNode).children) expect(names).toContain(resolveTarget(relsPath, r.attributes.Target as string));
    }

    const workbook = trees['xl/workbook.xml'] as XmlNode;
    const sheets = findAll(workbook, 'sheet');
    expect(sheets.map((s) => s.attributes.name)).toEqual(['Tổng quan', CHART_SHEET_NAME, 'Khó khăn, kiến nghị', '_da06_tonghop']);
    expect(new Set(sheets.map((s) => s.attributes.sheetId)).size).toBe(sheets.length);
    const sheetPart = relationshipsOf(trees, 'xl/workbook.xml').get(sheets[1]?.attributes['r:id'] as string)?.target as string;
    const drawingId = child(trees[sheetPart], 'drawing')?.attributes['r:id'] as string;
    const drawing = relationshipsOf(trees, sheetPart).get(drawingId);
    expect(drawing?.type).toMatch(/\/drawing$/);
    expect(overrides.get(drawing?.target as string)).toBe(CT_DRAWING);
    const chartRels = relationshipsOf(trees, drawing?.target as string);
    const chartParts = findAll(trees[drawing?.target as string] as XmlNode, 'c:chart').map((c) => chartRels.get(c.attributes['r:id'] as string)?.target);
    expect(chartParts).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml']);
    for (const part of chartParts) expect(overrides.get(part as string)).toBe(CT_CHART);

    // Names local to a sheet count sheets in tab order: the chart sheet, second, shifts the ones after it.
    for (const name of findAll(workbook, 'definedName')) {
      const sheet = sheets[Number(name.attributes.localSheetId)]?.attributes.name as string;
      expect(name.text.startsWith(`'${sheet.replace(/'/g, "''")}'!`)).toBe(true);
    }
    expect(findAll(workbook, 'definedName').filter((n) => n.attributes.localSheetId === '1').map((n) => [n.attributes.name, n.text])).toEqual([
      ['_xlnm.Print_Area', "'Biểu đồ'!$A$1:$J$61"],
      ['_xlnm.Print_Titles', "'Biểu đồ'!$1:$1"],
    ]);
  });

  it('gives every series the chart sheet\'s cells, and caches exactly what those cells hold', async () => {
    const { bytes, trees } = await written();
    const workbook = await loadWorkbook(bytes);
    for (const [i, spec] of CHARTS.entries()) {
      const chart = trees[`xl/charts/chart${i + 1}.xml`] as XmlNode;
      const series = findAll(chart, 'c:ser');
      expect(series).toHaveLength(spec.series.length);
      series.forEach((ser, s) => {
        const name = findAll(child(ser, 'c:tx') as XmlNode, 'c:strRef')[0] as XmlNode;
        const cat = findAll(child(ser, 'c:cat') as XmlNode, 'c:strRef')[0] as XmlNode;
        const val = findAll(child(ser, 'c:val') as XmlNode, 'c:numRef')[0] as XmlNode;
        expect(cache(name)).toEqual([spec.series[s]?.name]);
        expect(cellsOf(workbook, child(name, 'c:f')?.text as string)).toEqual([spec.series[s]?.name]);
        expect(cache(cat)).toEqual(spec.categories);
        expect(cellsOf(workbook, child(cat, 'c:f')?.text as string)).toEqual(spec.categories);
        expect(cache(val).map(Number)).toEqual(spec.series[s]?.values);
        expect(cellsOf(workbook, child(val, 'c:f')?.text as string)).toEqual(spec.series[s]?.values);
        expect(child(child(val, 'c:numCache'), 'c:ptCount')?.attributes.val).toBe(String(spec.categories.length));
      });
    }
  });

  it('draws what the add-in draws: clustered columns, bars listed from the top, a pie with percentages', async () => {
    const { trees } = await written();
    const [columns, bars, pie] = [1, 2, 3].map((n) => trees[`xl/charts/chart${n}.xml`] as XmlNode);
    const val = (node: XmlNode, path: string[]) => path.reduce<XmlNode | undefined>((n, name) => (n ? findAll(n, name)[0] : undefined), node)?.attributes.val;
    expect([val(columns as XmlNode, ['c:barDir']), val(columns as XmlNode, ['c:grouping']), val(bars as XmlNode, ['c:barDir'])]).toEqual(['col', 'clustered', 'bar']);
    // Horizontal bars: categories top down as in the table, the value axis along the bottom.
    expect([val(bars as XmlNode, ['c:catAx', 'c:orientation']), val(bars as XmlNode, ['c:valAx', 'c:axPos']), val(bars as XmlNode, ['c:valAx', 'c:crosses'])]).toEqual(['maxMin', 'b', 'max']);
    expect([val(pie as XmlNode, ['c:pieChart', 'c:varyColors']), val(pie as XmlNode, ['c:dLbls', 'c:showPercent']), val(pie as XmlNode, ['c:dLbls', 'c:showVal'])]).toEqual(['1', '1', '0']);
    expect([val(columns as XmlNode, ['c:valAx', 'c:max']), val(columns as XmlNode, ['c:valAx', 'c:min']), val(bars as XmlNode, ['c:valAx', 'c:max'])]).toEqual(['100', '0', undefined]);
    expect(findAll(pie as XmlNode, 'c:dPt')).toHaveLength(CHARTS[2]?.categories.length as number);
    for (const chart of [columns, bars]) expect(findAll(chart as XmlNode, 'c:dLbls').map((d) => val(d, ['c:showVal']))).toEqual(findAll(chart as XmlNode, 'c:ser').map(() => '1'));
    // A legend where there is more than one thing to tell apart, at the bottom, as chart.legend in the add-in.
    expect([columns, bars, pie].map((c) => val(c as XmlNode, ['c:legend', 'c:legendPos']) ?? null)).toEqual(['b', null, 'b']);
    [columns, bars, pie].forEach((chart, i) => {
      const title = findAll(child(child(chart, 'c:chart'), 'c:title') as XmlNode, 'a:t').map((t) => t.text).join('');
      expect(title).toBe(CHARTS[i]?.title);
      expect(val(chart as XmlNode, ['c:roundedCorners'])).toBe('0');
      const fonts = [...findAll(chart as XmlNode, 'a:latin'), ...findAll(chart as XmlNode, 'a:cs')].map((f) => f.attributes.typeface);
      expect(new Set(fonts)).toEqual(new Set(['Times New Roman']));
      const sizes = [...findAll(chart as XmlNode, 'a:defRPr'), ...findAll(chart as XmlNode, 'a:rPr')].map((r) => Number(r.attributes.sz));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1000); // 10 pt on the page, printed at 100 %
    });
  });

  it('draws a line as the add-in does: round markers, values above the points, the rate axis to 100', async () => {
    const { bytes, trees } = await written(chartModel([LINE_CHART]));
    const chart = trees['xl/charts/chart1.xml'] as XmlNode;
    const val = (node: XmlNode, path: string[]) => path.reduce<XmlNode | undefined>((n, name) => (n ? findAll(n, name)[0] : undefined), node)?.attributes.val;
    expect(findAll(chart, 'c:barChart')).toEqual([]);
    const series = findAll(chart, 'c:ser');
    expect(series.map((s) => [val(s, ['c:marker', 'c:symbol']), val(s, ['c:dLbls', 'c:dLblPos']), val(s, ['c:dLbls', 'c:showVal']), val(s, ['c:smooth'])])).toEqual([
      ['circle', 't', '1', '0'],
      ['circle', 't', '1', '0'],
    ]);
    // Each series its own colour, on its line and its markers.
    expect(series.map((s) => findAll(s, 'a:srgbClr').map((c) => c.attributes.val))).toEqual([Array(3).fill('4472C4'), Array(3).fill('ED7D31')].map((colours) => [...colours, '000000']));
    expect([val(chart, ['c:lineChart', 'c:grouping']), val(chart, ['c:valAx', 'c:max']), val(chart, ['c:valAx', 'c:min']), val(chart, ['c:valAx', 'c:crossBetween']), val(chart, ['c:legend', 'c:legendPos'])]).toEqual(['standard', '100', '0', 'between', 'b']);
    const workbook = await loadWorkbook(bytes);
    series.forEach((ser, s) => {
      const values = findAll(child(ser, 'c:val') as XmlNode, 'c:numRef')[0] as XmlNode;
      expect(cache(values).map(Number)).toEqual(LINE_CHART.series[s]?.values);
      expect(cellsOf(workbook, child(values, 'c:f')?.text as string)).toEqual(LINE_CHART.series[s]?.values);
    });
  });

  it('puts every element in the order the ECMA-376 schemas require (Excel refuses any other)', async () => {
    const { trees } = await written(chartModel([...CHARTS, HOSTILE_CHART, LINE_CHART]));
    const checked = Object.keys(trees).filter((p) => /^xl\/(charts\/chart|drawings\/drawing|worksheets\/sheet)\d+\.xml$/.test(p));
    expect(checked.filter((p) => p.includes('chart'))).toHaveLength(5);
    for (const part of checked) expect([part, schemaOrderProblems(trees[part] as XmlNode)]).toEqual([part, []]);
  });

  it('escapes every text, and a formula-looking category stays text', async () => {
    const { bytes, parts, trees } = await written(chartModel([HOSTILE_CHART]));
    const chart = trees['xl/charts/chart1.xml'] as XmlNode;
    expect(findAll(child(child(chart, 'c:chart'), 'c:title') as XmlNode, 'a:t')[0]?.text).toBe(HOSTILE_CHART.title);
    // In a c:v, Excel reads `_x0041_` as "A": the cache escapes it as Excel does, so it reads back as typed.
    expect(cache(findAll(findAll(chart, 'c:cat')[0] as XmlNode, 'c:strRef')[0] as XmlNode)).toEqual(['=SUM(A1:A9)', '_x005F_x0041_ giữ nguyên', 'A & B <c>']);
    const frame = findAll(trees['xl/drawings/drawing1.xml'] as XmlNode, 'xdr:cNvPr')[0];
    expect([frame?.attributes.name, frame?.attributes.descr]).toEqual([HOSTILE_CHART.id, HOSTILE_CHART.title]);
    const sheet = (await loadWorkbook(bytes)).getWorksheet(CHART_SHEET_NAME) as ExcelJS.Worksheet;
    expect([sheet.getCell('A5').value, sheet.getCell('A6').value, sheet.getCell('B4').value]).toEqual(['=SUM(A1:A9)', '_x0041_ giữ nguyên', '=1+1']);
    expect(Object.entries(parts).filter(([path, xml]) => path.startsWith('xl/worksheets/') && xml.includes('<f>'))).toEqual([]);
  });

  it('quotes the sheet name in every reference, doubling a quote inside it', () => {
    expect(sheetReference("Sở 'A'", { row: 2, col: 2 })).toBe("'Sở ''A'''!$B$2");
    expect(sheetReference(CHART_SHEET_NAME, { top: 5, left: 1, bottom: 7, right: 3 })).toBe("'Biểu đồ'!$A$5:$C$7");
  });

  it('leaves a summary without charts as it was: no chart sheet, no drawing', async () => {
    const { parts, trees } = await written(chartModel([]));
    expect(Object.keys(parts).filter((p) => /drawing|chart/.test(p))).toEqual([]);
    expect(findAll(trees['xl/workbook.xml'] as XmlNode, 'sheet').map((s) => s.attributes.name)).toEqual(['Tổng quan', 'Khó khăn, kiến nghị', '_da06_tonghop']);
    // Each sheet's print area, filter and print titles, on its own tab.
    expect(findAll(trees['xl/workbook.xml'] as XmlNode, 'definedName').map((n) => [n.attributes.localSheetId, n.attributes.name])).toEqual([
      ['0', '_xlnm._FilterDatabase'], ['0', '_xlnm.Print_Area'], ['0', '_xlnm.Print_Titles'],
      ['1', '_xlnm._FilterDatabase'], ['1', '_xlnm.Print_Area'], ['1', '_xlnm.Print_Titles'],
    ]);
  });

  it('reads back in exceljs, which drops the charts but keeps every sheet and cell', async () => {
    const { bytes } = await written();
    const workbook = await loadWorkbook(bytes);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tổng quan', CHART_SHEET_NAME, 'Khó khăn, kiến nghị', '_da06_tonghop']);
    const sheet = workbook.getWorksheet(CHART_SHEET_NAME) as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe('BIỂU ĐỒ - BÁO CÁO TỔNG HỢP THÁNG 11 NĂM 2026');
    expect([sheet.getCell('A3').value, sheet.getCell('B4').value, sheet.getCell('A5').value, sheet.getCell('C7').value]).toEqual([CHARTS[0]?.title, 'Tỷ lệ báo cáo', 'Sở, ban, ngành', 85.6]);
    expect(sheet.getCell('A3').font?.bold).toBe(true);
    expect(sheet.getCell('B25').numFmt).toBe('#,##0');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, scale: 100 });
    expect(workbook.getWorksheet('Khó khăn, kiến nghị')?.getCell('B5').value).toBe('=HYPERLINK("http://x","bấm")');
  });
});
