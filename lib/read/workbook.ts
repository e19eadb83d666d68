import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { cellAddress, parseAddress, type CellModel, type CellValue, type SheetModel, type SheetState } from '../model/sheet';
import { builtinNumberFormatKind, classifyNumberFormat, type NumberFormatKind } from './number-format';
import { ContainerError, openZip, type ZipArchive, type ZipCodec, type ZipLimits } from './zip';

/** Past this many non-empty cells a sheet is not a filled template: stop before it costs memory. */
export const DEFAULT_MAX_CELLS = 100_000;

export interface SheetInfo {
  name: string;
  state: SheetState;
  part: string;
}

/** A workbook opened lazily: sheets are parsed only when asked for, the identity sheet first. */
export interface OpenedWorkbook {
  sheets: readonly SheetInfo[];
  date1904: boolean;
  hasMacros: boolean;
  externalLinks: string[];
  readSheet(name: string): SheetModel;
}

export interface OpenWorkbookOptions {
  limits?: ZipLimits;
  maxCells?: number;
  /** Native inflate and CRC (Node's zlib); the pure-JS path otherwise. */
  codec?: ZipCodec;
}

/** A sheet past the cell limit: a reason, not a crash. */
export class SheetLimitError extends Error {
  constructor(
    readonly sheet: string,
    readonly limit: number,
  ) {
    super(`sheet ${sheet} has more than ${limit} cells`);
  }
}

const CT_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const CT_MACRO = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';
const CT_TEMPLATE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml';
const CT_MACRO_TEMPLATE = 'application/vnd.ms-excel.template.macroEnabled.main+xml';
const CT_BINARY = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main';
const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

/** Local name of a tag: some writers prefix SpreadsheetML (`x:row`). */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** SAX over one part. A DOCTYPE is refused outright: entities are never resolved, external or not. */
function parseXml(text: string, part: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('doctype', () => {
    throw new ContainerError('file/unsafe-xml', part);
  });
  parser.on('error', (error) => {
    throw error instanceof ContainerError ? error : new ContainerError('file/corrupt', `${part}: XML lỗi`);
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (node: SaxesTagPlain) => open(local(node.name), node.attributes as Record<string, string>));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (node) => close(local(node.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof ContainerError || error instanceof SheetLimitError) throw error;
    throw new ContainerError('file/corrupt', `${part}: XML lỗi`);
  }
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function readRels(zip: ZipArchive, part: string): Array<{ id: string; type: string; target: string; external: boolean }> {
  const path = relsPath(part);
  if (!zip.has(path)) return [];
  const rels: Array<{ id: string; type: string; target: string; external: boolean }> = [];
  parseXml(zip.readText(path), path, {
    open(name, a) {
      if (name === 'Relationship') {
        const external = a.TargetMode === 'External';
        rels.push({ id: a.Id ?? '', type: a.Type ?? '', target: external ? (a.Target ?? '') : resolveTarget(part, a.Target ?? ''), external });
      }
    },
  });
  return rels;
}

function contentTypes(zip: ZipArchive): Map<string, string> {
  const types = new Map<string, string>();
  parseXml(zip.readText('[Content_Types].xml'), '[Content_Types].xml', {
    open(name, a) {
      if (name === 'Override' && a.PartName && a.ContentType) types.set(a.PartName.replace(/^\//, ''), a.ContentType);
    },
  });
  return types;
}

interface Styles {
  fonts: string[];
  xfs: Array<{ fontId: number; numFmtId: number }>;
  /** Format codes the workbook declares (they override a built-in id of the same number). */
  formatCodes: Map<number, string>;
}

function formatKind(styles: Styles, numFmtId: number, value: number): NumberFormatKind {
  const code = styles.formatCodes.get(numFmtId);
  return code === undefined ? builtinNumberFormatKind(numFmtId) : classifyNumberFormat(code, value);
}

function readStyles(zip: ZipArchive, part: string | undefined): Styles {
  const styles: Styles = { fonts: [], xfs: [], formatCodes: new Map() };
  if (!part || !zip.has(part)) return styles;
  let section = '';
  let inFont = false;
  parseXml(zip.readText(part), part, {
    open(name, a) {
      if (name === 'fonts' || name === 'cellXfs' || name === 'numFmts' || name === 'cellStyleXfs' || name === 'dxfs') section = name;
      else if (section === 'numFmts' && name === 'numFmt') styles.formatCodes.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (section === 'fonts' && name === 'font') {
        inFont = true;
        styles.fonts.push('');
      } else if (section === 'fonts' && inFont && name === 'name') styles.fonts[styles.fonts.length - 1] = a.val ?? '';
      else if (section === 'cellXfs' && name === 'xf') styles.xfs.push({ fontId: Number(a.fontId ?? 0), numFmtId: Number(a.numFmtId ?? 0) });
    },
    close(name) {
      if (name === 'font') inFont = false;
      if (name === section) section = '';
    },
  });
  return styles;
}

/**
 * Cell text as the unit typed it: Excel and LibreOffice write characters XML cannot carry as `_xHHHH_`
 * (a carriage return of a pasted line break is `_x000D_`) and a typed `_x` as `_x005F_x` (ECMA-376 22.9.2.19).
 */
function decodeEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function readSharedStrings(zip: ZipArchive, part: string | undefined): string[] {
  const strings: string[] = [];
  if (!part || !zip.has(part)) return strings;
  let current: string[] | null = null;
  let inText = false;
  let inPhonetic = false;
  parseXml(zip.readText(part), part, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = true;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si' && current) {
        strings.push(decodeEscapes(current.join('')).normalize('NFC'));
        current = null;
      }
    },
  });
  return strings;
}

/**
 * Opens `.xlsx` bytes as a lazy workbook. Container problems and refused formats come out as
 * ContainerError with an issue code; nothing in the file is executed or resolved.
 */
export function openWorkbook(bytes: Uint8Array, options: OpenWorkbookOptions = {}): OpenedWorkbook {
  const zip = openZip(bytes, options.limits, options.codec);
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  if (zip.has('mimetype') && zip.readText('mimetype').includes('opendocument')) throw new ContainerError('file/ods', 'OpenDocument');
  if (!zip.has('[Content_Types].xml')) {
    throw new ContainerError(zip.has('content.xml') ? 'file/ods' : 'file/not-workbook', 'thiếu [Content_Types].xml');
  }
  const types = contentTypes(zip);
  const rootRels = readRels(zip, '');
  const workbookPart = rootRels.find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? 'xl/workbook.xml';
  const mainType = types.get(workbookPart);
  if (mainType === CT_BINARY || workbookPart.endsWith('.bin')) throw new ContainerError('file/xlsb', workbookPart);
  if (!zip.has(workbookPart) || (mainType && ![CT_MAIN, CT_MACRO, CT_TEMPLATE, CT_MACRO_TEMPLATE].includes(mainType))) {
    const kind = zip.has('word/document.xml') ? 'tệp Word' : zip.has('ppt/presentation.xml') ? 'tệp PowerPoint' : 'không có sổ tính';
    throw new ContainerError('file/not-workbook', kind);
  }
  const hasMacros = mainType === CT_MACRO || mainType === CT_MACRO_TEMPLATE || zip.names.some((n) => /vbaProject\.bin$/i.test(n));

  const rels = readRels(zip, workbookPart);
  const relTarget = (id: string) => rels.find((r) => r.id === id)?.target;
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  parseXml(zip.readText(workbookPart), workbookPart, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name === 'sheet') {
        const part = relTarget(a['r:id'] ?? a.id ?? '');
        const state: SheetState = a.state === 'hidden' ? 'hidden' : a.state === 'veryHidden' ? 'veryHidden' : 'visible';
        if (part) sheets.push({ name: (a.name ?? '').normalize('NFC'), state, part });
      }
    },
  });
  const externalLinks = rels
    .filter((r) => /\/externalLink$/.test(r.type))
    .flatMap((r) => readRels(zip, r.target).filter((l) => l.external).map((l) => l.target));
  if (externalLinks.length === 0 && rels.some((r) => /\/externalLink$/.test(r.type))) externalLinks.push('(liên kết ngoài)');

  let styles: Styles | undefined;
  let strings: string[] | undefined;
  const stylesPart = rels.find((r) => /\/styles$/.test(r.type))?.target;
  const stringsPart = rels.find((r) => /\/sharedStrings$/.test(r.type))?.target;

  return {
    sheets,
    date1904,
    hasMacros,
    externalLinks,
    readSheet(name) {
      const info = sheets.find((s) => s.name === name);
      if (!info) throw new Error(`No sheet ${name}`);
      styles ??= readStyles(zip, stylesPart);
      if (!zip.has(info.part)) throw new ContainerError('file/corrupt', `thiếu phần ${info.part}`);
      // The shared strings are read at the first cell that needs them: a sheet of inline strings (a summary's stamp) never pays for them.
      return readSheetXml(zip.readText(info.part), info, styles, () => (strings ??= readSharedStrings(zip, stringsPart)), maxCells);
    },
  };
}

const CANONICAL_ADDRESS = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

function readSheetXml(xml: string, info: SheetInfo, styles: Styles, strings: () => string[], maxCells: number): SheetModel {
  const sheet: SheetModel = { name: info.name, state: info.state, rows: new Map() };
  let count = 0;
  let rowNumber = 0;
  let nextCol = 1;
  let cell: { row: number; col: number; type: string; style: number; address: string } | null = null;
  let capture: 'v' | 'f' | 't' | null = null;
  let value = '';
  let formula: string | undefined;
  let inline = '';
  let inPhonetic = false;

  parseXml(xml, info.part, {
    open(name, a) {
      switch (name) {
        case 'row':
          rowNumber = a.r ? Number(a.r) : rowNumber + 1;
          nextCol = 1;
          break;
        case 'c': {
          const position = a.r ? parseAddress(a.r) : null;
          const row = position?.row ?? rowNumber;
          const col = position?.col ?? nextCol;
          nextCol = col + 1;
          // Writers almost always give the canonical address (`H12`); `$h$12` or none is rebuilt.
          const address = position && CANONICAL_ADDRESS.test(a.r as string) ? (a.r as string) : cellAddress(row, col);
          cell = { row, col, type: a.t ?? 'n', style: Number(a.s ?? 0), address };
          value = '';
          formula = undefined;
          inline = '';
          break;
        }
        case 'v':
          capture = 'v';
          break;
        case 'f':
          capture = 'f';
          formula = '';
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          if (!inPhonetic) capture = 't';
          break;
      }
    },
    text(text) {
      if (capture === 'v') value += text;
      else if (capture === 'f') formula += text;
      else if (capture === 't') inline += text;
    },
    close(name) {
      if (name === 'v' || name === 'f' || name === 't') capture = null;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'c' && cell) {
        const parsed = cellValue(cell.type, value, inline, strings);
        if (parsed !== null || formula !== undefined) {
          count += 1;
          if (count > maxCells) throw new SheetLimitError(info.name, maxCells);
          const xf = styles.xfs[cell.style];
          const model: CellModel = { address: cell.address, row: cell.row, col: cell.col, value: parsed };
          if (formula !== undefined) model.formula = formula;
          const font = xf ? styles.fonts[xf.fontId] : undefined;
          if (font) model.font = font;
          if (xf && xf.numFmtId !== 0 && typeof parsed === 'number') {
            const kind = formatKind(styles, xf.numFmtId, parsed);
            if (kind === 'date') model.isDate = true;
            else if (kind === 'percent') model.isPercent = true;
          }
          let row = sheet.rows.get(cell.row);
          if (!row) sheet.rows.set(cell.row, (row = new Map()));
          row.set(cell.col, model);
        }
        cell = null;
      }
    },
  });
  return sheet;
}

function cellValue(type: string, raw: string, inline: string, strings: () => string[]): CellValue {
  switch (type) {
    case 's': {
      const s = strings()[Number(raw)];
      return s === undefined ? null : s;
    }
    case 'inlineStr':
      return decodeEscapes(inline).normalize('NFC');
    case 'str':
      return decodeEscapes(raw).normalize('NFC');
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      return { error: raw };
    case 'd':
      return raw === '' ? null : raw;
    default: {
      if (raw === '') return null;
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
  }
}
