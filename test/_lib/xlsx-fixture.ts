// A tiny .xlsx writer for test fixtures: hand-written SpreadsheetML zipped with fflate, sharing no code with lib/
// (or exceljs) so that a bug in our own writer cannot hide a bug in our reader.
import { strToU8, zipSync } from 'fflate';

export type FixtureCell =
  | string
  | number
  | boolean
  | null
  | undefined
  | { shared: string }
  | { formula: string; value?: string | number | boolean }
  | { date: number }
  /** `numFmt`: a format code (written as a numFmt element), or the id of a built-in format (9 is `0%`). */
  | { value: string | number; font?: string; numFmt?: string | number }
  | { error: string };

export interface FixtureSheet {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  /** rows[0] is row `startRow`, rows[i][0] is column A; null/undefined cells are not written. */
  rows: FixtureCell[][];
  startRow?: number;
  /** Written as-is in `<dimension ref>`; computed from the cells when absent. */
  dimension?: string;
  protection?: { sheet: boolean; boolStyle?: '1' | 'true' };
  /** A bare file name goes under xl/worksheets/; a name with a slash is taken relative to xl/. */
  partName?: string;
}

export interface FixtureWorkbook {
  sheets: FixtureSheet[];
  date1904?: boolean;
  definedNames?: Array<{ name: string; ref: string; localSheetId?: number }>;
  macros?: boolean;
  externalLink?: boolean;
  /** Raw parts added last, so they replace generated ones of the same path (content types are not touched). */
  extraParts?: Record<string, string | Uint8Array>;
  contentTypeOverride?: string;
  /**
   * How a carriage return (or another character XML cannot carry) in cell text travels: as an XML
   * character reference (`&#13;`, as LibreOffice writes it; the default) or as Excel writes it (`_x000D_`).
   */
  escapes?: 'xml' | 'excel';
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const CT_MAIN = `${CT}.sheet.main+xml`;
const CT_MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const DATE_NUM_FMT = 14;
const FIRST_CUSTOM_NUM_FMT = 164;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export function cellAddress(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) throw new RangeError(`row ${row} is not in 1..${MAX_ROWS}`);
  if (!Number.isInteger(col) || col < 1 || col > MAX_COLS) throw new RangeError(`column ${col} is not in 1..${MAX_COLS}`);
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

// Characters XML 1.0 cannot carry at all; a fixture that needs them must be written raw through extraParts.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;

function checkXmlText(text: string): void {
  if (XML_INVALID.test(text)) throw new Error(`text ${JSON.stringify(text)} has a character XML 1.0 cannot carry`);
}

function escapeText(text: string): string {
  checkXmlText(text);
  // \r would be folded into \n by any XML parser, so it travels as a character reference.
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

function escapeAttr(text: string): string {
  // Attribute-value normalisation turns raw tabs and newlines into spaces, so they go as references too.
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

type Escapes = NonNullable<FixtureWorkbook['escapes']>;

/** Cell text as Excel stores it: a literal `_xHHHH_` is protected as `_x005F_xHHHH_`, then XML-escaped. */
function escapeCellText(text: string, escapes: Escapes): string {
  const protectedText = text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  if (escapes === 'xml') return escapeText(protectedText);
  // eslint-disable-next-line no-control-regex -- the control characters are what Excel escapes
  const hex = protectedText.replace(/[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/gu, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeText(hex);
}

function tElement(text: string, escapes: Escapes): string {
  const preserve = /^\s|\s$/u.test(text) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${escapeCellText(text, escapes)}</t>`;
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cell number ${value} is not finite`);
  return String(value);
}

class Styles {
  private readonly fonts = ['Calibri'];
  private readonly numFmts = new Map<string, number>();
  // Key "fontId:numFmtId"; xf 0 is the default and xf 1 the date format, always present.
  private readonly xfs = new Map<string, number>([
    ['0:0', 0],
    [`0:${DATE_NUM_FMT}`, 1],
  ]);

  dateXf(): number {
    return 1;
  }

  xfFor(font: string | undefined, numFmt: string | number | undefined): number {
    let fontId = 0;
    if (font !== undefined) {
      fontId = this.fonts.indexOf(font);
      if (fontId < 0) fontId = this.fonts.push(font) - 1;
    }
    let numFmtId = 0;
    if (typeof numFmt === 'number') numFmtId = numFmt;
    else if (numFmt !== undefined) {
      numFmtId = this.numFmts.get(numFmt) ?? FIRST_CUSTOM_NUM_FMT + this.numFmts.size;
      this.numFmts.set(numFmt, numFmtId);
    }
    const key = `${fontId}:${numFmtId}`;
    const existing = this.xfs.get(key);
    if (existing !== undefined) return existing;
    this.xfs.set(key, this.xfs.size);
    return this.xfs.size - 1;
  }

  toXml(): string {
    const numFmts =
      this.numFmts.size === 0
        ? ''
        : `<numFmts count="${this.numFmts.size}">${[...this.numFmts]
            .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`)
            .join('')}</numFmts>`;
    const fonts = this.fonts.map((name) => `<font><sz val="11"/><name val="${escapeAttr(name)}"/></font>`).join('');
    const xfs = [...this.xfs.keys()]
      .map((key) => {
        const [fontId, numFmtId] = key.split(':');
        const apply = `${numFmtId === '0' ? '' : ' applyNumberFormat="1"'}${fontId === '0' ? '' : ' applyFont="1"'}`;
        return `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${apply}/>`;
      })
      .join('');
    return (
      `${XML_DECL}<styleSheet xmlns="${NS_MAIN}">${numFmts}` +
      `<fonts count="${this.fonts.length}">${fonts}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.size}">${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;

  add(text: string): number {
    this.count += 1;
    const existing = this.index.get(text);
    if (existing !== undefined) return existing;
    this.index.set(text, this.index.size);
    return this.index.size - 1;
  }

  get used(): boolean {
    return this.count > 0;
  }

  toXml(escapes: Escapes): string {
    const items = [...this.index.keys()].map((text) => `<si>${tElement(text, escapes)}</si>`).join('');
    return `${XML_DECL}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.index.size}">${items}</sst>`;
  }
}

function cellXml(ref: string, cell: NonNullable<FixtureCell>, styles: Styles, shared: SharedStrings, escapes: Escapes): string {
  if (typeof cell === 'string') return `<c r="${ref}" t="inlineStr"><is>${tElement(cell, escapes)}</is></c>`;
  if (typeof cell === 'number') return `<c r="${ref}"><v>${numberText(cell)}</v></c>`;
  if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  if ('shared' in cell) return `<c r="${ref}" t="s"><v>${shared.add(cell.shared)}</v></c>`;
  if ('formula' in cell) {
    // The file format stores formulas without the leading '=' that the formula bar shows.
    const f = `<f>${escapeText(cell.formula.replace(/^=/, ''))}</f>`;
    const { value } = cell;
    if (value === undefined) return `<c r="${ref}">${f}</c>`;
    if (typeof value === 'string') return `<c r="${ref}" t="str">${f}<v>${escapeCellText(value, escapes)}</v></c>`;
    if (typeof value === 'boolean') return `<c r="${ref}" t="b">${f}<v>${value ? 1 : 0}</v></c>`;
    return `<c r="${ref}">${f}<v>${numberText(value)}</v></c>`;
  }
  if ('date' in cell) return `<c r="${ref}" s="${styles.dateXf()}"><v>${numberText(cell.date)}</v></c>`;
  if ('error' in cell) return `<c r="${ref}" t="e"><v>${escapeText(cell.error)}</v></c>`;
  const s = styles.xfFor(cell.font, cell.numFmt);
  if (typeof cell.value === 'string') return `<c r="${ref}" s="${s}" t="inlineStr"><is>${tElement(cell.value, escapes)}</is></c>`;
  return `<c r="${ref}" s="${s}"><v>${numberText(cell.value)}</v></c>`;
}

function sheetXml(sheet: FixtureSheet, styles: Styles, shared: SharedStrings, escapes: Escapes): string {
  const startRow = sheet.startRow ?? 1;
  const rowsXml: string[] = [];
  let minRow = Infinity;
  let maxRow = 0;
  let minCol = Infinity;
  let maxCol = 0;
  // Index loops rather than forEach/map: sparse arrays must behave like rows with holes.
  for (let i = 0; i < sheet.rows.length; i += 1) {
    const row = sheet.rows[i] ?? [];
    const rowNumber = startRow + i;
    const cells: string[] = [];
    for (let j = 0; j < row.length; j += 1) {
      const cell = row[j];
      if (cell === null || cell === undefined) continue;
      cells.push(cellXml(cellAddress(rowNumber, j + 1), cell, styles, shared, escapes));
      minCol = Math.min(minCol, j + 1);
      maxCol = Math.max(maxCol, j + 1);
    }
    if (cells.length === 0) continue;
    minRow = Math.min(minRow, rowNumber);
    maxRow = rowNumber;
    rowsXml.push(`<row r="${rowNumber}">${cells.join('')}</row>`);
  }
  const used =
    maxRow === 0 ? 'A1' : `${cellAddress(minRow, minCol)}${maxRow === minRow && maxCol === minCol ? '' : `:${cellAddress(maxRow, maxCol)}`}`;
  const dimension = `<dimension ref="${escapeAttr(sheet.dimension ?? used)}"/>`;
  let protection = '';
  if (sheet.protection !== undefined) {
    const on = sheet.protection.boolStyle === 'true' ? 'true' : '1';
    const off = sheet.protection.boolStyle === 'true' ? 'false' : '0';
    const flag = sheet.protection.sheet ? on : off;
    protection = `<sheetProtection sheet="${flag}" objects="${flag}" scenarios="${flag}"/>`;
  }
  return (
    `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">${dimension}` +
    `<sheetData>${rowsXml.join('')}</sheetData>${protection}</worksheet>`
  );
}

function relsXml(rels: Array<{ type: string; target: string; external?: boolean }>): string {
  const items = rels
    .map(
      (rel, i) =>
        `<Relationship Id="rId${i + 1}" Type="${rel.type}" Target="${escapeAttr(rel.target)}"${rel.external === true ? ' TargetMode="External"' : ''}/>`,
    )
    .join('');
  return `${XML_DECL}<Relationships xmlns="${NS_PKG_RELS}">${items}</Relationships>`;
}

export function buildXlsx(workbook: FixtureWorkbook): Uint8Array {
  const escapes: Escapes = workbook.escapes ?? 'xml';
  const styles = new Styles();
  const shared = new SharedStrings();
  const parts = new Map<string, string | Uint8Array>();
  const overrides: Array<[string, string]> = [];
  const workbookRels: Array<{ type: string; target: string }> = [];

  const sheetEntries = workbook.sheets.map((sheet, i) => {
    const partName = sheet.partName ?? `sheet${i + 1}.xml`;
    const target = partName.includes('/') ? partName : `worksheets/${partName}`;
    const path = `xl/${target}`;
    if (parts.has(path)) throw new Error(`two sheets share the part ${path}`);
    parts.set(path, sheetXml(sheet, styles, shared, escapes));
    overrides.push([`/${path}`, `${CT}.worksheet+xml`]);
    workbookRels.push({ type: `${REL}/worksheet`, target });
    const state = sheet.state === undefined || sheet.state === 'visible' ? '' : ` state="${sheet.state}"`;
    return `<sheet name="${escapeAttr(sheet.name)}" sheetId="${i + 1}"${state} r:id="rId${workbookRels.length}"/>`;
  });

  parts.set('xl/styles.xml', styles.toXml());
  overrides.push(['/xl/styles.xml', `${CT}.styles+xml`]);
  workbookRels.push({ type: `${REL}/styles`, target: 'styles.xml' });

  if (shared.used) {
    parts.set('xl/sharedStrings.xml', shared.toXml(escapes));
    overrides.push(['/xl/sharedStrings.xml', `${CT}.sharedStrings+xml`]);
    workbookRels.push({ type: `${REL}/sharedStrings`, target: 'sharedStrings.xml' });
  }

  let externalReferences = '';
  if (workbook.externalLink === true) {
    parts.set(
      'xl/externalLinks/externalLink1.xml',
      `${XML_DECL}<externalLink xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><externalBook r:id="rId1">` +
        '<sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"/></sheetDataSet>' +
        '</externalBook></externalLink>',
    );
    parts.set(
      'xl/externalLinks/_rels/externalLink1.xml.rels',
      relsXml([{ type: `${REL}/externalLinkPath`, target: 'other.xlsx', external: true }]),
    );
    overrides.push(['/xl/externalLinks/externalLink1.xml', `${CT}.externalLink+xml`]);
    workbookRels.push({ type: `${REL}/externalLink`, target: 'externalLinks/externalLink1.xml' });
    externalReferences = `<externalReferences><externalReference r:id="rId${workbookRels.length}"/></externalReferences>`;
  }

  if (workbook.macros === true) {
    // Not a real VBA project: readers only need to see that one is there.
    parts.set('xl/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    workbookRels.push({ type: 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', target: 'vbaProject.bin' });
  }

  const definedNames =
    workbook.definedNames === undefined || workbook.definedNames.length === 0
      ? ''
      : `<definedNames>${workbook.definedNames
          .map(
            (dn) =>
              `<definedName name="${escapeAttr(dn.name)}"${dn.localSheetId === undefined ? '' : ` localSheetId="${dn.localSheetId}"`}>${escapeText(dn.ref)}</definedName>`,
          )
          .join('')}</definedNames>`;
  parts.set(
    'xl/workbook.xml',
    `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
      `<workbookPr${workbook.date1904 === true ? ' date1904="1"' : ''}/>` +
      `<sheets>${sheetEntries.join('')}</sheets>${externalReferences}${definedNames}</workbook>`,
  );
  parts.set('xl/_rels/workbook.xml.rels', relsXml(workbookRels));
  parts.set('_rels/.rels', relsXml([{ type: `${REL}/officeDocument`, target: 'xl/workbook.xml' }]));

  const mainType = workbook.contentTypeOverride ?? (workbook.macros === true ? CT_MACRO_MAIN : CT_MAIN);
  const defaults =
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    (workbook.macros === true ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : '');
  const overrideXml = [['/xl/workbook.xml', mainType] as [string, string], ...overrides]
    .map(([part, type]) => `<Override PartName="${escapeAttr(part)}" ContentType="${escapeAttr(type)}"/>`)
    .join('');
  parts.set(
    '[Content_Types].xml',
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults}${overrideXml}</Types>`,
  );

  for (const [path, content] of Object.entries(workbook.extraParts ?? {})) parts.set(path, content);

  // [Content_Types].xml first, as Office writes it; some sniffers look there.
  const ordered = ['[Content_Types].xml', ...[...parts.keys()].filter((p) => p !== '[Content_Types].xml')];
  const files: Record<string, Uint8Array> = {};
  for (const path of ordered) {
    const content = parts.get(path);
    if (content === undefined) continue;
    files[path] = typeof content === 'string' ? strToU8(content) : content;
  }
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2026, 0 /* Jan */, 1)) });
}
