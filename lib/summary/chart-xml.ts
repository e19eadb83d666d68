// The chart sheet as OOXML parts: the worksheet (cells from the layout), its drawing, one DrawingML
// chart part per chart, their relationships and content types. No library writes xlsx charts.
// Elements follow the order of the ECMA-376 schemas (dml-chart.xsd, dml-spreadsheetDrawing.xsd, sml.xsd):
// Excel refuses a part whose children are out of order, where LibreOffice would read it anyway.
import { columnLetters } from '../model/sheet';
import { a1, type CellPosition, type CellRange, type ChartCellKind, type ChartPlacement, type ChartSheetLayout } from './chart-layout';
import type { SummaryCell } from './model';
import { escapeAttr, escapeText } from '../_lib/xml';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_PKG_R = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_DRAWING = `${NS_R}/drawing`;
const REL_CHART = `${NS_R}/chart`;
const REL_WORKSHEET = `${NS_R}/worksheet`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

const FONT = 'Times New Roman';
const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E', '636363', '997300'];
const NUMBER_FORMATS = { integer: '#,##0', decimal: '#,##0.0' } as const;

/** Text for an XML text node or attribute value. */
const escapeXml = escapeAttr;

/** Text for a `c:v` (an ST_Xstring): `_xHHHH_` is escaped as Excel does, so a typed `_x0041_` stays as typed. */
const escapeXstring = escapeText;

/**
 * An absolute reference to cells of a sheet, as chart formulas hold them: the sheet name always quoted,
 * with `'` doubled, so no sheet name can end the quote.
 * @example sheetReference('Biểu đồ', { top: 5, left: 1, bottom: 7, right: 1 }); // "'Biểu đồ'!$A$5:$A$7"
 */
export function sheetReference(sheet: string, cells: CellRange | CellPosition): string {
  const abs = (row: number, col: number) => `$${columnLetters(col)}$${row}`;
  const range = 'row' in cells ? abs(cells.row, cells.col) : `${abs(cells.top, cells.left)}:${abs(cells.bottom, cells.right)}`;
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}

function runProperties(tag: 'a:defRPr' | 'a:rPr', points: number, bold: boolean): string {
  const lang = tag === 'a:rPr' ? ' lang="vi-VN"' : '';
  return `<${tag}${lang} sz="${points * 100}" b="${bold ? 1 : 0}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:latin typeface="${FONT}"/><a:cs typeface="${FONT}"/></${tag}>`;
}

/** `c:txPr`: the font of an axis, legend or data labels (Times New Roman, as every da06 document). */
function textProperties(points: number, bold = false): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProperties('a:defRPr', points, bold)}</a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
}

function solidFill(rgb: string): string {
  return `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
}

function lineProperties(width: number, rgb: string): string {
  return `<a:ln w="${width}">${solidFill(rgb)}</a:ln>`;
}

const NO_LINE = '<a:ln><a:noFill/></a:ln>';

function strRef(sheet: string, cells: CellRange | CellPosition, values: readonly string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXstring(v)}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${escapeXml(sheetReference(sheet, cells))}</c:f><c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache></c:strRef>`;
}

function numRef(sheet: string, cells: CellRange, values: ReadonlyArray<number | undefined>, count: number, formatCode: string): string {
  // An empty or non-numeric cell has no point in the cache: the chart shows a gap there, as Excel does.
  const points = Array.from({ length: count }, (_, i) => values[i])
    .map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numRef><c:f>${escapeXml(sheetReference(sheet, cells))}</c:f><c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode><c:ptCount val="${count}"/>${points}</c:numCache></c:numRef>`;
}

/** Data labels: a pie's percentages at their best place, or each value at `position` (`outEnd` past a bar's end, `t` above a point). */
function dataLabels(position: 'bestFit' | 'outEnd' | 't', formatCode: string): string {
  const pie = position === 'bestFit';
  const flags = `<c:showLegendKey val="0"/><c:showVal val="${pie ? 0 : 1}"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="${pie ? 1 : 0}"/><c:showBubbleSize val="0"/>`;
  return `<c:dLbls><c:numFmt formatCode="${escapeXml(pie ? '0%' : formatCode)}" sourceLinked="0"/><c:spPr><a:noFill/>${NO_LINE}</c:spPr>${textProperties(10, pie)}<c:dLblPos val="${position}"/>${flags}${pie ? '<c:showLeaderLines val="1"/>' : ''}</c:dLbls>`;
}

function title(text: string): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>${runProperties('a:defRPr', 12, true)}</a:pPr><a:r>${runProperties('a:rPr', 12, true)}<a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

/** `c:ser` children shared by bar, line and pie series: idx, order, tx (EG_SerShared, without spPr). */
function seriesHead(placement: ChartPlacement, sheet: string, s: number): string {
  const name = placement.spec.series[s]?.name ?? '';
  return `<c:idx val="${s}"/><c:order val="${s}"/><c:tx>${strRef(sheet, (placement.series[s] as ChartPlacement['series'][number]).name, [name])}</c:tx>`;
}

function seriesData(placement: ChartPlacement, sheet: string, s: number): string {
  const { spec } = placement;
  const cat = `<c:cat>${strRef(sheet, placement.categories, spec.categories)}</c:cat>`;
  const val = `<c:val>${numRef(sheet, (placement.series[s] as ChartPlacement['series'][number]).values, spec.series[s]?.values ?? [], spec.categories.length, NUMBER_FORMATS[placement.format])}</c:val>`;
  return cat + val;
}

/** The category and value axes of a bar, column or line chart (horizontal: bars listed from the top, values along the bottom). */
function axesXml(placement: ChartPlacement, axes: [number, number], horizontal: boolean): string {
  const nonNegative = placement.spec.series.every((s) => s.values.every((v) => !(v < 0)));
  const catAx =
    `<c:catAx><c:axId val="${axes[0]}"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr>${lineProperties(9525, '808080')}</c:spPr>${textProperties(10)}` +
    `<c:crossAx val="${axes[1]}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${axes[1]}"/><c:scaling><c:orientation val="minMax"/>${placement.spec.valueMax !== undefined ? `<c:max val="${placement.spec.valueMax}"/>` : ''}${nonNegative ? '<c:min val="0"/>' : ''}</c:scaling><c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/>` +
    `<c:majorGridlines><c:spPr>${lineProperties(6350, 'D9D9D9')}</c:spPr></c:majorGridlines><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr>${NO_LINE}</c:spPr>${textProperties(10)}<c:crossAx val="${axes[0]}"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  return catAx + valAx;
}

function barPlot(placement: ChartPlacement, sheet: string, axes: [number, number]): string {
  const horizontal = placement.spec.type === 'bar';
  const format = NUMBER_FORMATS[placement.format];
  const series = placement.spec.series
    .map((_, s) => `<c:ser>${seriesHead(placement, sheet, s)}<c:spPr>${solidFill(PALETTE[s % PALETTE.length] as string)}</c:spPr><c:invertIfNegative val="0"/>${dataLabels('outEnd', format)}${seriesData(placement, sheet, s)}</c:ser>`)
    .join('');
  return `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/><c:axId val="${axes[0]}"/><c:axId val="${axes[1]}"/></c:barChart>${axesXml(placement, axes, horizontal)}`;
}

/** Lines with round markers, values above the points: one line per series, the months along the bottom. */
function linePlot(placement: ChartPlacement, sheet: string, axes: [number, number]): string {
  const format = NUMBER_FORMATS[placement.format];
  const series = placement.spec.series
    .map((_, s) => {
      const colour = PALETTE[s % PALETTE.length] as string;
      const marker = `<c:marker><c:symbol val="circle"/><c:size val="7"/><c:spPr>${solidFill(colour)}${lineProperties(9525, colour)}</c:spPr></c:marker>`;
      return `<c:ser>${seriesHead(placement, sheet, s)}<c:spPr>${lineProperties(28575, colour)}</c:spPr>${marker}${dataLabels('t', format)}${seriesData(placement, sheet, s)}<c:smooth val="0"/></c:ser>`;
    })
    .join('');
  return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="${axes[0]}"/><c:axId val="${axes[1]}"/></c:lineChart>${axesXml(placement, axes, false)}`;
}

function piePlot(placement: ChartPlacement, sheet: string): string {
  const slices = placement.spec.categories
    .map((_, i) => `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/><c:spPr>${solidFill(PALETTE[i % PALETTE.length] as string)}${lineProperties(12700, 'FFFFFF')}</c:spPr></c:dPt>`)
    .join('');
  const series = placement.spec.series.map((_, s) => `<c:ser>${seriesHead(placement, sheet, s)}${slices}${dataLabels('bestFit', '')}${seriesData(placement, sheet, s)}</c:ser>`).join('');
  return `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`;
}

/**
 * One chart part (`xl/charts/chartN.xml`): the chart's series read the chart sheet's cells, with their
 * values cached so that a reader that does not recalculate still draws them.
 */
export function chartXml(placement: ChartPlacement, sheet: string, index: number): string {
  const { spec } = placement;
  const pie = spec.type === 'pie';
  const axes: [number, number] = [100_000 + index * 10 + 1, 100_000 + index * 10 + 2];
  const legend = pie || spec.series.length > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProperties(10)}</c:legend>` : '';
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(spec.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${pie ? piePlot(placement, sheet) : spec.type === 'line' ? linePlot(placement, sheet, axes) : barPlot(placement, sheet, axes)}</c:plotArea>` +
    `${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solidFill('FFFFFF')}${lineProperties(9525, 'BFBFBF')}</c:spPr>${textProperties(10)}</c:chartSpace>`
  );
}

function marker(tag: 'xdr:from' | 'xdr:to', cell: CellPosition): string {
  return `<${tag}><xdr:col>${cell.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${cell.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></${tag}>`;
}

/** The sheet's drawing: each chart anchored to its cells, so it moves and sizes with them. */
export function drawingXml(layout: ChartSheetLayout): string {
  const anchors = layout.charts.map((placement, i) => {
    // DrawingML's `to` is the cell whose top left the shape reaches: one past the last covered cell.
    const to = { row: placement.anchor.to.row + 1, col: placement.anchor.to.col + 1 };
    const frame =
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(placement.spec.id)}" descr="${escapeXml(placement.spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
    return `<xdr:twoCellAnchor>${marker('xdr:from', placement.anchor.from)}${marker('xdr:to', to)}${frame}<xdr:clientData/></xdr:twoCellAnchor>`;
  });
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join('')}</xdr:wsDr>`;
}

function relationships(items: ReadonlyArray<{ id: string; type: string; target: string }>): string {
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_R}">${items.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join('')}</Relationships>`;
}

/** Writes one cell of the chart sheet in the caller's styles and shared strings (`null` kind: no style). */
export type ChartCellWriter = (ref: string, kind: ChartCellKind | null, value: SummaryCell) => string;

/** The chart sheet's worksheet part: cells, widths and heights from the layout, print setup, and its drawing. */
export function chartSheetXml(layout: ChartSheetLayout, cell: ChartCellWriter): string {
  const { print } = layout;
  const lastCol = columnLetters(layout.widths.length);
  let xml = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><dimension ref="A1:${lastCol}${layout.rows.length}"/>`;
  xml += '<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>';
  layout.widths.forEach((w, i) => (xml += `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
  xml += '</cols><sheetData>';
  layout.rows.forEach((values, r) => {
    const kinds = layout.kinds[r] ?? [];
    let cells = '';
    for (let c = 0; c < Math.max(values.length, kinds.length); c += 1) {
      const value = values[c] ?? null;
      const kind = kinds[c] ?? null;
      if (value !== null || kind !== null) cells += cell(a1({ row: r + 1, col: c + 1 }), kind, value);
    }
    xml += `<row r="${r + 1}" ht="${layout.heights[r]}" customHeight="1">${cells}</row>`;
  });
  xml += '</sheetData>';
  xml += `<mergeCells count="${layout.merges.length}">${layout.merges.map((m) => `<mergeCell ref="${a1({ row: m.top, col: m.left })}:${a1({ row: m.bottom, col: m.right })}"/>`).join('')}</mergeCells>`;
  const m = print.margins;
  xml += `<printOptions horizontalCentered="1"/><pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  xml += `<pageSetup paperSize="9" scale="${print.scale}" orientation="landscape"/>`;
  xml += '<headerFooter><oddFooter>&amp;C&amp;"Times New Roman,Regular"&amp;10Trang &amp;P/&amp;N</oddFooter></headerFooter>';
  if (print.breaksAfter.length > 0) {
    xml += `<rowBreaks count="${print.breaksAfter.length}" manualBreakCount="${print.breaksAfter.length}">${print.breaksAfter.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join('')}</rowBreaks>`;
  }
  return `${xml}<drawing r:id="rId1"/></worksheet>`;
}

export interface ChartSheetPackage {
  name: string;
  /** `[Content_Types].xml` overrides: the worksheet, its drawing and its charts. */
  contentTypes: string;
  /** The `<sheet>` of workbook.xml and its relationship in workbook.xml.rels. */
  workbookEntries(relationshipId: string, sheetId: number): { sheet: string; relationship: string };
  /** Print area and repeated title row, for workbook.xml's `<definedNames>`. */
  definedNames(localSheetId: number): string;
  sheetPath: string;
  sheetXml(cell: ChartCellWriter): string;
  /** Everything else: the sheet's relationships, the drawing and its relationships, one part per chart. */
  parts: Array<{ path: string; xml: string }>;
}

/**
 * The chart sheet as package parts, for a writer that adds the worksheet at `sheetPath`
 * (e.g. `xl/worksheets/sheet9.xml`) and lists it in the workbook.
 */
export function chartSheetPackage(layout: ChartSheetLayout, sheetPath: string): ChartSheetPackage {
  const sheetFile = sheetPath.slice(sheetPath.lastIndexOf('/') + 1);
  const sheetDir = sheetPath.slice(0, sheetPath.lastIndexOf('/'));
  const quoted = `'${layout.name.replace(/'/g, "''")}'`;
  const area = layout.print.area;
  const parts = [
    { path: `${sheetDir}/_rels/${sheetFile}.rels`, xml: relationships([{ id: 'rId1', type: REL_DRAWING, target: '../drawings/drawing1.xml' }]) },
    { path: 'xl/drawings/drawing1.xml', xml: drawingXml(layout) },
    { path: 'xl/drawings/_rels/drawing1.xml.rels', xml: relationships(layout.charts.map((_, i) => ({ id: `rId${i + 1}`, type: REL_CHART, target: `../charts/chart${i + 1}.xml` }))) },
    ...layout.charts.map((placement, i) => ({ path: `xl/charts/chart${i + 1}.xml`, xml: chartXml(placement, layout.name, i) })),
  ];
  const contentTypes =
    `<Override PartName="/${sheetPath}" ContentType="${CT_WORKSHEET}"/><Override PartName="/xl/drawings/drawing1.xml" ContentType="${CT_DRAWING}"/>` +
    layout.charts.map((_, i) => `<Override PartName="/xl/charts/chart${i + 1}.xml" ContentType="${CT_CHART}"/>`).join('');
  return {
    name: layout.name,
    contentTypes,
    workbookEntries: (relationshipId, sheetId) => ({
      sheet: `<sheet name="${escapeXml(layout.name)}" sheetId="${sheetId}" r:id="${relationshipId}"/>`,
      relationship: `<Relationship Id="${relationshipId}" Type="${REL_WORKSHEET}" Target="${escapeXml(sheetPath.replace(/^xl\//, ''))}"/>`,
    }),
    definedNames: (localSheetId) =>
      `<definedName name="_xlnm.Print_Area" localSheetId="${localSheetId}">${escapeXml(`${quoted}!$${columnLetters(area.left)}$${area.top}:$${columnLetters(area.right)}$${area.bottom}`)}</definedName>` +
      `<definedName name="_xlnm.Print_Titles" localSheetId="${localSheetId}">${escapeXml(`${quoted}!$${layout.print.titleRows.first}:$${layout.print.titleRows.last}`)}</definedName>`,
    sheetPath,
    sheetXml: (cell) => chartSheetXml(layout, cell),
    parts,
  };
}
