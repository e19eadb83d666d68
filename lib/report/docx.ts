// Draws a composed báo cáo as a .docx in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I), with the
// docx library: real paragraphs, styles and tables only (no text boxes, nothing positioned), so the
// secretariat edits it like any Word document. Returns bytes, not a Node Buffer: it runs in the task pane too.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { boldTextWidthMm } from './_lib/metrics';
import type { Appendix, Block, CellAlign, Inline, ReportDocument, ReportTable } from './compose';

/** Twips (1/20 pt) per millimetre. */
const MM = 1440 / 25.4;
const twips = (mm: number): number => Math.round(mm * MM);

/** A4 and the decree's margins: top and bottom 20 mm (20–25), left 30 mm (30–35), right 15 mm (15–20). */
const PAGE = Object.freeze({ widthMm: 210, heightMm: 297, topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15, headerMm: 10 });
const TEXT_WIDTH_MM = PAGE.widthMm - PAGE.leftMm - PAGE.rightMm;
const LANDSCAPE_TEXT_WIDTH_MM = PAGE.heightMm - PAGE.leftMm - PAGE.rightMm;

const FONT = 'Times New Roman';
/** Sizes in points the decree gives each element (Phụ lục I, Nghị định 30/2020/NĐ-CP). */
const SIZE = { agency: 12, motto: 13, number: 13, recipientsLabel: 12, recipients: 11, table: 11 } as const;

/** The header's two columns: the national name is 88.3 mm wide at 12 pt bold, the agency takes the rest (74 mm). */
const HEADER_RIGHT_MM = 91;
const HEADER_LEFT_MM = TEXT_WIDTH_MM - HEADER_RIGHT_MM;
const CELL_SIDE_MM = 0.5;

const STYLE_IDS = {
  body: 'da06Body',
  note: 'da06Note',
  // Normal is the table text: the appendices' left-aligned cells then need no style of their own.
  table: 'Normal',
  tableCenter: 'da06TableCenter',
  tableRight: 'da06TableRight',
  tableHeader: 'da06TableHeader',
  tableSection: 'da06TableSection',
} as const;

const half = (pt: number): number => pt * 2;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
const SINGLE = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } as const;

/** Runs of one inline; `\n` becomes a line break inside the paragraph (unit text keeps its lines). */
function runs(inline: Inline, size?: number): TextRun[] {
  // An empty cell needs no run (hundreds of them in the appendix tables).
  if (inline.text === '') return [];
  const lines = inline.text.split(/\r\n|\r|\n/);
  return lines.map((text, i) => new TextRun({ text, ...(i > 0 ? { break: 1 } : {}), ...(inline.bold ? { bold: true } : {}), ...(inline.italic ? { italics: true } : {}), ...(size ? { size: half(size) } : {}) }));
}

function centered(text: string, options: { size: number; bold?: boolean; italic?: boolean; before?: number }): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...SINGLE, before: options.before ?? 0 },
    // An empty line (room for the signature) is as tall as the text around it.
    ...(text === '' ? { run: { size: half(options.size) } } : {}),
    children: runs({ text, ...(options.bold ? { bold: true } : {}), ...(options.italic ? { italic: true } : {}) }, options.size),
  });
}

/**
 * A short solid rule under a centred line, as the decree draws it: an empty paragraph one point high
 * whose bottom border is as wide as the space its indents leave.
 */
function rule(ruleMm: number, columnMm: number): Paragraph {
  const side = Math.max(0, (columnMm - ruleMm) / 2);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: twips(side), right: twips(side) },
    // A little air above, so the rule clears the descenders of the line it underlines.
    spacing: { before: 50, after: 0, line: 20, lineRule: LineRuleType.EXACT },
    border: { bottom: { ...LINE, space: 1 } },
    run: { size: 2 },
    children: [],
  });
}

function cell(children: Paragraph[], widthMm: number, options: { borders?: boolean; align?: 'top' | 'center'; span?: number } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: twips(widthMm), type: WidthType.DXA },
    ...(options.span ? { columnSpan: options.span } : {}),
    verticalAlign: options.align === 'center' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    margins: { left: twips(CELL_SIDE_MM), right: twips(CELL_SIDE_MM), top: 0, bottom: 0 },
    ...(options.borders ? {} : { borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER } }),
  });
}

function layoutTable(rows: TableRow[], widthsMm: number[]): Table {
  return new Table({
    rows,
    width: { size: twips(widthsMm.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widthsMm.map(twips),
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}

/** Ô 1–4 of the decree: agency over the national name, number beside place and date; no borders. */
function headerTable(doc: ReportDocument): Table {
  const inner = HEADER_RIGHT_MM - 2 * CELL_SIDE_MM;
  const leftInner = HEADER_LEFT_MM - 2 * CELL_SIDE_MM;
  const office = doc.header.issuingOffice;
  // The office's rule: 1/3 to 1/2 of its line; 40 % of the longest line, never wider than the column.
  const officeLine = Math.min(leftInner, Math.max(...office.map((l) => boldTextWidthMm(l, SIZE.agency))));
  const left = [
    ...doc.header.issuingBody.map((l) => centered(l, { size: SIZE.agency })),
    ...office.map((l) => centered(l, { size: SIZE.agency, bold: true })),
    rule(officeLine * 0.4, leftInner),
  ];
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  const right = [
    centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: SIZE.agency, bold: true }),
    centered(motto, { size: SIZE.motto, bold: true }),
    // The motto's rule is as long as the motto.
    rule(boldTextWidthMm(motto, SIZE.motto), inner),
  ];
  const dateSize = doc.fontSize;
  return layoutTable(
    [
      new TableRow({ children: [cell(left, HEADER_LEFT_MM), cell(right, HEADER_RIGHT_MM)] }),
      new TableRow({
        children: [
          cell([centered(doc.header.number, { size: SIZE.number, before: 120 })], HEADER_LEFT_MM),
          cell([centered(doc.header.dateLine, { size: dateSize, italic: true, before: 120 })], HEADER_RIGHT_MM),
        ],
      }),
    ],
    [HEADER_LEFT_MM, HEADER_RIGHT_MM],
  );
}

function blockParagraph(block: Block): Paragraph {
  if (block.kind === 'heading') {
    return new Paragraph({ style: block.level === 1 ? 'Heading1' : 'Heading2', children: runs({ text: block.text }) });
  }
  return new Paragraph({ style: block.tone === 'note' ? STYLE_IDS.note : STYLE_IDS.body, ...(block.keepWithNext ? { keepNext: true } : {}), children: block.runs.flatMap((r) => runs(r)) });
}

/** Ô 7 and 9: Nơi nhận on the left, the signer on the right, in a borderless table. */
function signatureTable(doc: ReportDocument): Table {
  const leftMm = 70;
  const rightMm = TEXT_WIDTH_MM - leftMm;
  const recipients = [
    new Paragraph({ spacing: SINGLE, children: [new TextRun({ text: 'Nơi nhận:', bold: true, italics: true, size: half(SIZE.recipientsLabel) })] }),
    ...doc.recipients.map((r) => new Paragraph({ spacing: SINGLE, children: runs({ text: r }, SIZE.recipients) })),
  ];
  const signer = [
    ...doc.signer.lines.map((l) => centered(l, { size: doc.fontSize, bold: true })),
    // Room for the signature and the seal.
    ...[1, 2, 3, 4].map(() => centered('', { size: doc.fontSize })),
    centered(doc.signer.name, { size: doc.fontSize, bold: true, before: 240 }),
  ];
  return layoutTable([new TableRow({ cantSplit: true, children: [cell(recipients, leftMm), cell(signer, rightMm)] })], [leftMm, rightMm]);
}

function widthsOf(table: ReportTable, totalMm: number): number[] {
  const sum = table.columns.reduce((a, c) => a + c.width, 0);
  return table.columns.map((c) => (c.width / sum) * totalMm);
}

const CELL_STYLE: Record<CellAlign, string> = { left: STYLE_IDS.table, center: STYLE_IDS.tableCenter, right: STYLE_IDS.tableRight };

// Hundreds of rows: alignment lives in the paragraph styles and margins on the table, so each cell is
// a width, a styled paragraph and its runs (per-cell properties cost more time than all the text).
function dataTable(table: ReportTable, totalMm: number): Table {
  const widths = widthsOf(table, totalMm).map(twips);
  const styles = table.columns.map((c) => CELL_STYLE[c.align]);
  const gridCell = (text: string, i: number, style: string) =>
    // An empty cell's alignment shows nothing: it keeps Normal, the table text, like the left-aligned cells.
    new TableCell({ children: [new Paragraph(style === STYLE_IDS.table || text === '' ? { children: runs({ text }) } : { style, children: runs({ text }) })], width: { size: widths[i] as number, type: WidthType.DXA } });
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) => new TableCell({ children: [new Paragraph({ style: STYLE_IDS.tableHeader, children: runs({ text: c.header }) })], width: { size: widths[i] as number, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER })),
  });
  const full = { size: twips(totalMm), type: WidthType.DXA };
  const body = table.rows.map((row) =>
    'section' in row
      ? new TableRow({ cantSplit: true, children: [new TableCell({ columnSpan: table.columns.length, width: full, children: [new Paragraph({ style: STYLE_IDS.tableSection, children: runs({ text: row.section }) })] })] })
      : new TableRow({ cantSplit: true, children: row.cells.map((text, i) => gridCell(text, i, styles[i] as string)) }),
  );
  return new Table({
    rows: [head, ...body],
    width: full,
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    margins: { left: twips(1.2), right: twips(1.2), top: twips(0.5), bottom: twips(0.5) },
  });
}

function pageNumberHeader(size: number): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: half(size) })] })] });
}

function pageProperties(landscape: boolean): NonNullable<ISectionOptions['properties']>['page'] {
  return {
    // docx swaps width and height itself for a landscape section: give the portrait sheet.
    size: { width: twips(PAGE.widthMm), height: twips(PAGE.heightMm), orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { top: twips(PAGE.topMm), bottom: twips(PAGE.bottomMm), left: twips(PAGE.leftMm), right: twips(PAGE.rightMm), header: twips(PAGE.headerMm), footer: twips(PAGE.headerMm) },
  };
}

function appendixSection(appendix: Appendix, doc: ReportDocument): ISectionOptions {
  const width = appendix.landscape ? LANDSCAPE_TEXT_WIDTH_MM : TEXT_WIDTH_MM;
  const size = doc.fontSize;
  return {
    properties: { page: pageProperties(appendix.landscape) },
    headers: { default: pageNumberHeader(size) },
    children: [
      centered(appendix.label, { size, bold: true }),
      centered(appendix.title, { size, bold: true }),
      centered(appendix.caption, { size, italic: true }),
      rule(width / 6, width),
      new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }),
      typeof appendix.table === 'string' ? new Paragraph({ style: STYLE_IDS.body, children: runs({ text: appendix.table }) }) : dataTable(appendix.table, width),
    ],
  };
}

/**
 * The .docx bytes of a composed report.
 * @example const bytes = await renderReportDocx(composeReport(input, DEFAULT_REPORT_SETTINGS));
 */
export async function renderReportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const size = doc.fontSize;
  const indent = { firstLine: twips(12.7) };
  const bodySpacing = { before: 120, after: 0, line: 276, lineRule: LineRuleType.AUTO };
  const heading = (level: 1 | 2) => ({
    ...(level === 1 ? { name: 'Heading 1' } : { name: 'Heading 2' }),
    basedOn: 'Normal',
    next: STYLE_IDS.body,
    quickFormat: true,
    run: { font: FONT, size: half(size), bold: true, color: '000000' },
    paragraph: { alignment: AlignmentType.JUSTIFIED, indent, spacing: bodySpacing, keepNext: true, keepLines: true, outlineLevel: level - 1 },
  });
  const subjectWidth = Math.min(TEXT_WIDTH_MM, boldTextWidthMm(doc.subject, size));
  const document = new Document({
    title: doc.meta.title,
    subject: doc.meta.subject,
    creator: doc.meta.creator,
    styles: {
      default: {
        document: { run: { font: FONT, size: half(size), language: { value: 'vi-VN' } }, paragraph: { spacing: SINGLE } },
        heading1: heading(1),
        heading2: heading(2),
      },
      paragraphStyles: [
        { id: STYLE_IDS.table, name: 'Normal', run: { size: half(SIZE.table) }, paragraph: { spacing: SINGLE } },
        { id: STYLE_IDS.body, name: 'Nội dung báo cáo', basedOn: 'Normal', quickFormat: true, run: { size: half(size) }, paragraph: { alignment: AlignmentType.JUSTIFIED, indent, spacing: bodySpacing } },
        { id: STYLE_IDS.note, name: 'Ghi chú báo cáo', basedOn: STYLE_IDS.body, run: { italics: true } },
        { id: STYLE_IDS.tableCenter, name: 'Chữ trong bảng, giữa', basedOn: STYLE_IDS.table, paragraph: { alignment: AlignmentType.CENTER } },
        { id: STYLE_IDS.tableRight, name: 'Chữ trong bảng, phải', basedOn: STYLE_IDS.table, paragraph: { alignment: AlignmentType.RIGHT } },
        { id: STYLE_IDS.tableHeader, name: 'Tiêu đề bảng', basedOn: STYLE_IDS.table, run: { bold: true }, paragraph: { alignment: AlignmentType.CENTER } },
        { id: STYLE_IDS.tableSection, name: 'Nhóm trong bảng', basedOn: STYLE_IDS.table, run: { bold: true } },
      ],
    },
    sections: [
      {
        properties: { page: pageProperties(false), titlePage: true },
        // The decree numbers pages from the second, centred at the top.
        headers: { default: pageNumberHeader(size), first: new Header({ children: [] }) },
        children: [
          headerTable(doc),
          centered(doc.title, { size, bold: true, before: 360 }),
          centered(doc.subject, { size, bold: true }),
          rule(subjectWidth * 0.4, TEXT_WIDTH_MM),
          new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }),
          ...doc.body.map(blockParagraph),
          new Paragraph({ spacing: { before: 120, after: 0 }, keepNext: true, children: [] }),
          signatureTable(doc),
        ],
      },
      ...doc.appendices.map((a) => appendixSection(a, doc)),
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
