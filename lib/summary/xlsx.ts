// The summary's .xlsx writer: SpreadsheetML written directly and zipped as it goes (fflate).
// Measured: exceljs took 1.5 s and a style object per cell for a month's 20,000 data rows, more than
// reading every return; this writer streams, so a national month's half-million rows stay flat in memory.
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { concatBytes } from '../_lib/bytes';
import { escapeAttr, escapeText } from '../_lib/xml';
import { columnLetters } from '../model/sheet';
import { chartSheetLayout, type ChartCellKind } from './chart-layout';
import { chartSheetPackage } from './chart-xml';
import type { SummaryCell, SummaryModel, SummarySheet, Tone } from './model';

import { SUMMARY_STAMP_SHEET } from './facts';
import { bodyLook, bodyRowLayout, headerRowHeight, cellFormatOf, cellValueOf, CHART_CELL_LOOKS, chartCellFormat, NUMBER_FORMATS, SUMMARY_COLOURS, SUMMARY_FONT, SUMMARY_FONT_SIZE, SUMMARY_HEADER_ROW, SUMMARY_LOOKS, SUMMARY_PAGE, SUMMARY_ROW_HEIGHT, type CellFormat, type CellLook } from './style';

/**
 * Raw-deflates one chunk of a part on its own; `final` ends the stream. Chunks are independent, so
 * their outputs concatenate into one valid deflate stream (the last must end it). Node passes its
 * native zlib here (a month's summary wrote in 83 ms instead of 140 ms, measured); browsers use fflate.
 */
export type DeflateChunk = (data: Uint8Array, final: boolean) => Uint8Array;

export interface WriteSummaryOptions {
  generatedAt: Date;
  deflate?: DeflateChunk;
}

/** A zip entry compressed chunk by chunk with a given deflate; fflate still sums the CRC and size. */
class ChunkDeflate extends ZipPassThrough {
  constructor(
    filename: string,
    private readonly deflate: DeflateChunk,
  ) {
    super(filename);
    this.compression = 8;
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    // fflate types its handler for ArrayBuffer-backed arrays; a deflate output always is one.
    this.ondata(null, this.deflate(chunk, final) as Uint8Array<ArrayBuffer>, final);
  }
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// Style table (cellXfs): 0 default, 1 title, 2 subtitle, 3 header, then body cells by wrap, tone and
// format; every look and format comes from lib/summary/style.ts, as the add-in's do.
const FORMATS: readonly CellFormat[] = ['text', 'general', 'integer', 'decimal', 'percent', 'date', 'datetime'];
const TONE_ORDER: readonly Tone[] = ['bad', 'warn', 'good'];
const TONES: ReadonlyArray<Tone | null> = [null, ...TONE_ORDER];
const NUM_FMT_ID: Record<CellFormat, number> = { general: 0, text: 49, integer: 3, decimal: 164, percent: 165, date: 166, datetime: 167 };
const CUSTOM_FORMATS: readonly CellFormat[] = ['decimal', 'percent', 'date', 'datetime'];
const FORMAT_INDEX = Object.fromEntries(FORMATS.map((f, i) => [f, i])) as Record<CellFormat, number>;

/** Body cells come in two blocks of tone × format: wrapping (the default) and one-line (compact sheets). */
function bodyStyle(format: CellFormat, tone: Tone | null, wrap = true): number {
  return 4 + (wrap ? 0 : TONES.length * FORMATS.length) + TONES.indexOf(tone) * FORMATS.length + FORMAT_INDEX[format];
}

/** The stamp sheet's texts: plain, formatted as text as the add-in writes them (its "2026-11" is no date). */
const STAMP_TEXT_STYLE = 4 + 2 * TONES.length * FORMATS.length;
/** Tổng quan's section headings (SUMMARY_LOOKS.heading). */
const HEADING_STYLE = STAMP_TEXT_STYLE + 1;

const STYLES_XML = (() => {
  // Font 0 is the workbook default; explicit styles name their own font (some readers skip font 0).
  const fonts = [`<font><sz val="${SUMMARY_FONT_SIZE.body}"/><name val="${SUMMARY_FONT}"/></font>`];
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  const indexOf = (list: string[], item: string, from: number) => {
    const found = list.indexOf(item, from);
    return found >= 0 ? found : list.push(item) - 1;
  };
  const xf = (look: CellLook, format: CellFormat) => {
    const font = `<font>${look.bold ? '<b/>' : ''}${look.italic ? '<i/>' : ''}<sz val="${look.size}"/>${look.colour ? `<color rgb="FF${look.colour}"/>` : ''}<name val="${SUMMARY_FONT}"/></font>`;
    const fontId = indexOf(fonts, font, 1);
    const fillId = look.fill ? indexOf(fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF${look.fill}"/><bgColor indexed="64"/></patternFill></fill>`, 2) : 0;
    const alignment = `<alignment${look.horizontal ? ` horizontal="${look.horizontal}"` : ''} vertical="${look.vertical}"${look.wrap ? ' wrapText="1"' : ''}/>`;
    return `<xf numFmtId="${NUM_FMT_ID[format]}" fontId="${fontId}" fillId="${fillId}" borderId="${look.border ? 1 : 0}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">${alignment}</xf>`;
  };
  const thin = '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>';
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', xf(SUMMARY_LOOKS.title, 'text'), xf(SUMMARY_LOOKS.subtitle, 'text'), xf(SUMMARY_LOOKS.header, 'text')];
  for (const wrap of [true, false]) for (const tone of TONES) for (const format of FORMATS) xfs.push(xf(bodyLook(tone, wrap), format));
  xfs.push('<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'); // STAMP_TEXT_STYLE
  xfs.push(xf(SUMMARY_LOOKS.heading, 'text')); // HEADING_STYLE
  const numFmts = CUSTOM_FORMATS.map((f) => `<numFmt numFmtId="${NUM_FMT_ID[f]}" formatCode="${NUMBER_FORMATS[f]}"/>`);
  return `${XML_HEAD}<styleSheet xmlns="${NS}"><numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts><fonts count="${fonts.length}">${fonts.join('')}</fonts><fills count="${fills.length}">${fills.join('')}</fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>${thin}</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>`;
})();

/** The style of a chart-sheet cell: its kind's look (lib/summary/style.ts), which is one of the frame's or a body look. */
function chartStyle(kind: ChartCellKind | null): number {
  if (kind === null) return 0;
  const look = CHART_CELL_LOOKS[kind];
  if (look === SUMMARY_LOOKS.title) return 1;
  if (look === SUMMARY_LOOKS.header) return 3;
  return bodyStyle(chartCellFormat(kind), null, look.wrap);
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The shared-string table: a month's data repeats the same file names, checksums and labels on
 * thousands of rows, so each text is written once (the file shrinks and Excel opens it faster).
 */
class SharedStrings {
  private readonly indexes = new Map<string, number>();
  readonly texts: string[] = [];
  references = 0;

  indexOf(text: string): number {
    this.references += 1;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.texts.length;
      this.indexes.set(text, index);
      this.texts.push(text);
    }
    return index;
  }
}

function textElement(text: string): string {
  const clean = escapeText(text);
  return /^\s|\s$|\n/.test(clean) ? `<t xml:space="preserve">${clean}</t>` : `<t>${clean}</t>`;
}

function sharedString(ref: string, style: number, text: string, strings: SharedStrings): string {
  return `<c r="${ref}" s="${style}" t="s"><v>${strings.indexOf(text)}</v></c>`;
}

function cell(ref: string, style: number, value: SummaryCell, strings: SharedStrings): string {
  if (value === null || value === '') return `<c r="${ref}" s="${style}"/>`;
  // Text is always written as text: a unit's `=…` never becomes a formula.
  if (typeof value === 'string' || !Number.isFinite(value)) return sharedString(ref, style, String(value), strings);
  return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
}

function writeSharedStrings(strings: SharedStrings, push: (text: string) => void): void {
  let buffer = `${XML_HEAD}<sst xmlns="${NS}" count="${strings.references}" uniqueCount="${strings.texts.length}">`;
  for (const text of strings.texts) {
    buffer += `<si>${textElement(text)}</si>`;
    if (buffer.length > 65_536) {
      push(buffer);
      buffer = '';
    }
  }
  push(`${buffer}</sst>`);
}

/** Streams one sheet's XML in chunks of about 64 KiB. */
function writeSheet(sheet: SummarySheet, index: number, strings: SharedStrings, push: (text: string) => void): void {
  const lastCol = columnLetters(Math.max(1, sheet.columns.length));
  const lastRow = SUMMARY_HEADER_ROW + sheet.rows.length;
  let buffer = '';
  const emit = (text: string) => {
    buffer += text;
    if (buffer.length > 65_536) {
      push(buffer);
      buffer = '';
    }
  };
  emit(`${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:${lastCol}${lastRow}"/>`);
  emit(`<sheetViews><sheetView workbookViewId="0"${index === 0 ? ' tabSelected="1"' : ''}><pane ySplit="${SUMMARY_HEADER_ROW}" topLeftCell="A${SUMMARY_HEADER_ROW + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${SUMMARY_HEADER_ROW + 1}" sqref="A${SUMMARY_HEADER_ROW + 1}"/></sheetView></sheetViews>`);
  emit(`<sheetFormatPr defaultRowHeight="${SUMMARY_ROW_HEIGHT.line}"/><cols>`);
  sheet.columns.forEach((c, i) => emit(`<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`));
  emit('</cols><sheetData>');
  // The other cells of a merged range carry the range's style, as Excel writes them.
  const mergedRest = (row: number, style: number) => sheet.columns.slice(1).map((_, i) => `<c r="${columnLetters(i + 2)}${row}" s="${style}"/>`).join('');
  emit(`<row r="1" ht="${SUMMARY_ROW_HEIGHT.title}" customHeight="1">${sharedString('A1', 1, sheet.title, strings)}${mergedRest(1, 1)}</row>`);
  if (sheet.subtitle) emit(`<row r="2" ht="${SUMMARY_ROW_HEIGHT.subtitle}" customHeight="1">${sharedString('A2', 2, sheet.subtitle, strings)}${mergedRest(2, 2)}</row>`);
  emit(`<row r="${SUMMARY_HEADER_ROW}" ht="${headerRowHeight(sheet.columns)}" customHeight="1">${sheet.columns.map((c, i) => sharedString(`${columnLetters(i + 1)}${SUMMARY_HEADER_ROW}`, 3, c.header, strings)).join('')}</row>`);
  // Marks are few: indexed by row, so the common row costs no lookups.
  const marksByRow = new Map<number, Map<number, Tone>>();
  for (const m of sheet.marks) marksByRow.set(m.row, (marksByRow.get(m.row) ?? new Map<number, Tone>()).set(m.col, m.tone));
  const letters = sheet.columns.map((_, i) => columnLetters(i + 1));
  const formatOf = cellFormatOf(sheet);
  const headings = new Set(sheet.headings ?? []);
  sheet.rows.forEach((values, r) => {
    const rowNumber = SUMMARY_HEADER_ROW + 1 + r;
    const marks = marksByRow.get(r);
    const { wrap, height } = bodyRowLayout(sheet, values, r);
    let xml = height !== undefined ? `<row r="${rowNumber}" ht="${height}" customHeight="1">` : `<row r="${rowNumber}">`;
    for (let c = 0; c < sheet.columns.length; c += 1) {
      const value = cellValueOf(values[c] ?? null);
      const style = headings.has(r) ? HEADING_STYLE : bodyStyle(formatOf(r, c, value), marks?.get(c) ?? null, wrap);
      xml += cell(`${letters[c]}${rowNumber}`, style, value, strings);
    }
    emit(`${xml}</row>`);
  });
  emit('</sheetData>');
  if (sheet.rows.length > 0) emit(`<autoFilter ref="A${SUMMARY_HEADER_ROW}:${lastCol}${lastRow}"/>`);
  const merges = [`A1:${lastCol}1`, ...(sheet.subtitle ? [`A2:${lastCol}2`] : []), ...(sheet.merges ?? []).map((m) => `${letters[m.col]}${SUMMARY_HEADER_ROW + 1 + m.row}:${letters[m.col + m.cols - 1]}${SUMMARY_HEADER_ROW + 1 + m.row}`)];
  emit(`<mergeCells count="${merges.length}">${merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>`);
  const bars = [
    ...(sheet.dataBars ?? []).map((c) => `${letters[c]}${SUMMARY_HEADER_ROW + 1}:${letters[c]}${lastRow}`),
    ...(sheet.formats ?? []).filter((f) => f.format === 'percent').map((f) => `${letters[f.col]}${SUMMARY_HEADER_ROW + 1 + f.row}`),
  ];
  bars.forEach((ref, i) => {
    emit(`<conditionalFormatting sqref="${ref}"><cfRule type="dataBar" priority="${i + 1}"><dataBar><cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="FF${SUMMARY_COLOURS.dataBar}"/></dataBar></cfRule></conditionalFormatting>`);
  });
  const m = SUMMARY_PAGE.margins;
  emit(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
  emit(`<pageSetup paperSize="9" orientation="${sheet.print.orientation}" fitToWidth="1" fitToHeight="0"/>`);
  emit(`<headerFooter><oddFooter>${escapeText(`&C&"${SUMMARY_FONT},Regular"&${SUMMARY_FONT_SIZE.footer}${SUMMARY_PAGE.footer}`)}</oddFooter></headerFooter></worksheet>`);
  push(buffer);
}

/** A stamp cell: text inline, so reading the facts back needs no shared-string table (the month's 20,000 data rows are in it). */
function stampCell(ref: string, value: SummaryCell): string {
  if (value === null || value === '') return `<c r="${ref}"/>`;
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"><v>${value}</v></c>`;
  return `<c r="${ref}" s="${STAMP_TEXT_STYLE}" t="inlineStr"><is>${textElement(String(value))}</is></c>`;
}

function stampSheet(model: SummaryModel): string {
  const body = model.stamp.map(([k, v], r) => `<row r="${r + 1}">${stampCell(`A${r + 1}`, k)}${stampCell(`B${r + 1}`, v)}</row>`).join('');
  return `${XML_HEAD}<worksheet xmlns="${NS}"><sheetData>${body}</sheetData></worksheet>`;
}

/**
 * Streams the province summary as `.xlsx` chunks (for a file, or an upload), without holding the
 * whole workbook in memory. Rates get data bars, statuses their colours; every text is text.
 */
export function streamSummaryXlsx(model: SummaryModel, options: WriteSummaryOptions, onChunk: (chunk: Uint8Array) => void): void {
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else onChunk(data);
  });
  const add = (path: string, write: (push: (text: string) => void) => void) => {
    // Level 1: the sheets are large, repetitive XML; faster deflate costs little size.
    const entry = options.deflate ? new ChunkDeflate(path, options.deflate) : new ZipDeflate(path, { level: 1 });
    zip.add(entry);
    write((text) => entry.push(strToU8(text)));
    entry.push(new Uint8Array(0), true);
  };
  const sheets = model.sheets;
  const names = [...sheets.map((s) => s.name), SUMMARY_STAMP_SHEET];
  // The native charts' sheet goes second, after Tổng quan, as the add-in places it; its part is numbered last.
  const charts = model.charts.length > 0 ? chartSheetPackage(chartSheetLayout(model), `xl/worksheets/sheet${names.length + 1}.xml`) : null;
  const chartEntries = charts?.workbookEntries(`rId${names.length + 3}`, names.length + 1);
  const tabOf = (i: number) => (charts && i > 0 ? i + 1 : i);
  add('[Content_Types].xml', (push) =>
    push(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        (charts?.contentTypes ?? '') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    ),
  );
  add('_rels/.rels', (push) =>
    push(`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`),
  );
  const created = options.generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  add('docProps/core.xml', (push) =>
    push(`${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeText(model.title)}</dc:title><dc:creator>da06</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`),
  );
  const definedNames = sheets.flatMap((s, i) => {
    const last = columnLetters(Math.max(1, s.columns.length));
    const names = [`<definedName name="_xlnm.Print_Titles" localSheetId="${tabOf(i)}">${escapeText(quoteSheet(s.name))}!$${SUMMARY_HEADER_ROW}:$${SUMMARY_HEADER_ROW}</definedName>`];
    // A paper sheet prints whole; a screen sheet its title and header only (its subtitle says how to print rows).
    const lastPrinted = s.print.use === 'screen' ? SUMMARY_HEADER_ROW : SUMMARY_HEADER_ROW + s.rows.length;
    names.unshift(`<definedName name="_xlnm.Print_Area" localSheetId="${tabOf(i)}">${escapeText(quoteSheet(s.name))}!$A$1:$${last}$${lastPrinted}</definedName>`);
    if (s.rows.length > 0) names.unshift(`<definedName name="_xlnm._FilterDatabase" localSheetId="${tabOf(i)}" hidden="1">${escapeText(quoteSheet(s.name))}!$A$${SUMMARY_HEADER_ROW}:$${last}$${SUMMARY_HEADER_ROW + s.rows.length}</definedName>`);
    return names;
  });
  if (charts) definedNames.push(charts.definedNames(1));
  add('xl/workbook.xml', (push) =>
    push(
      `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${NS_R}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        names.map((name, i) => `${i === 1 && chartEntries ? chartEntries.sheet : ''}<sheet name="${escapeAttr(name)}" sheetId="${i + 1}"${i === sheets.length ? ' state="veryHidden"' : ''} r:id="rId${i + 1}"/>`).join('') +
        `</sheets><definedNames>${definedNames.join('')}</definedNames><calcPr calcId="191029"/></workbook>`,
    ),
  );
  add('xl/_rels/workbook.xml.rels', (push) =>
    push(
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${names.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>${chartEntries?.relationship ?? ''}</Relationships>`,
    ),
  );
  add('xl/styles.xml', (push) => push(STYLES_XML));
  // The table is complete only once every sheet is written: it goes last (part order is free in a zip).
  const strings = new SharedStrings();
  sheets.forEach((sheet, i) => add(`xl/worksheets/sheet${i + 1}.xml`, (push) => writeSheet(sheet, i, strings, push)));
  add(`xl/worksheets/sheet${names.length}.xml`, (push) => push(stampSheet(model)));
  if (charts) {
    add(charts.sheetPath, (push) => push(charts.sheetXml((ref, kind, value) => cell(ref, chartStyle(kind), value, strings))));
    for (const part of charts.parts) add(part.path, (push) => push(part.xml));
  }
  add('xl/sharedStrings.xml', (push) => writeSharedStrings(strings, push));
  zip.end();
  if (failure) throw failure;
}

/** The whole summary as `.xlsx` bytes (the add-in, tests). */
export async function writeSummaryXlsx(model: SummaryModel, options: WriteSummaryOptions): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  streamSummaryXlsx(model, options, (chunk) => chunks.push(chunk));
  return concatBytes(chunks);
}
