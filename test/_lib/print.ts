// What a workbook looks like on paper, measured on the PDF LibreOffice prints (house style: look at what
// a user sees). Shared by the template and summary tests; proven on known samples in print.test.ts.
//
// Font sizes are read from the PDF's page content streams: the size a text-showing operator draws at is
// its `Tf` size times the vertical scale of the text matrix and the CTM (LibreOffice writes the print scale
// into `Tf` itself). That is exact, unlike word heights from `pdftotext -bbox`, which depend on each font's
// ascent and descent; those heights serve as an independent cross-check in print.test.ts.
// The reader handles what LibreOffice writes (classic xref, FlateDecode streams, no object streams) and
// throws on anything else, so a check can never pass on a PDF it did not understand.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { constants, inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { convertFiles } from './libreoffice';

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

export interface RenderOptions {
  /** Where the .xlsx copies and the PDFs are written (kept for a person to look at). */
  outDir: string;
  /** File name without extension. */
  name: string;
}

/**
 * Prints a whole workbook to PDF with LibreOffice, as File › Print would: visible sheets in order.
 * @example const pdf = await renderXlsxToPdf(bytes, { outDir: 'test-output/x', name: 'SYT' });
 */
export async function renderXlsxToPdf(bytes: Uint8Array, options: RenderOptions): Promise<string> {
  mkdirSync(options.outDir, { recursive: true });
  const path = join(resolve(options.outDir), `${options.name}.xlsx`);
  writeFileSync(path, bytes);
  const [pdf] = await convertFiles([path], { to: 'pdf', outDir: options.outDir });
  return pdf as string;
}

const unescapeXml = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Names of the visible sheets, in workbook order. */
export function visibleSheets(bytes: Uint8Array): string[] {
  const workbook = strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' })['xl/workbook.xml'] as Uint8Array);
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => !/\bstate="(?:hidden|veryHidden)"/.test(tag))
    .map((tag) => unescapeXml(/\bname="([^"]*)"/.exec(tag)?.[1] ?? ''));
}

/** The workbook with every visible sheet but `keep` hidden, and `keep` active: it prints that sheet only. */
function onlySheet(bytes: Uint8Array, keep: string): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['xl/workbook.xml'] as Uint8Array);
  let index = -1;
  let position = 0;
  const sheets = xml.replace(/<sheet\b[^>]*?\/?>/g, (tag) => {
    const name = unescapeXml(/\bname="([^"]*)"/.exec(tag)?.[1] ?? '');
    if (name === keep) index = position;
    position += 1;
    if (name === keep || /\bstate="(?:hidden|veryHidden)"/.test(tag)) return tag;
    return tag.replace(/\sstate="visible"/, '').replace(/^<sheet\b/, '<sheet state="hidden"');
  });
  if (index < 0) throw new Error(`no sheet "${keep}" in the workbook`);
  // The active tab must be the one visible sheet, or LibreOffice shows (and prints from) a hidden one.
  const view = `<workbookView activeTab="${index}" firstSheet="${index}"`;
  const active = /<workbookView\b/.test(sheets)
    ? sheets.replace(/<workbookView\b[^>]*?\/?>/, (tag) => tag.replace(/\s(?:activeTab|firstSheet)="\d+"/g, '').replace(/^<workbookView\b/, view))
    : sheets.replace(/<sheets>/, `<bookViews>${view}/></bookViews><sheets>`);
  // LibreOffice prints the print areas of hidden sheets too (seen in 7.4): keep only the kept sheet's.
  const areas = active.replace(/<definedName\b[^>]*\bname="_xlnm\.Print_Area"[^>]*>[^<]*<\/definedName>/g, (tag) => (new RegExp(`\\blocalSheetId="${index}"`).test(tag) ? tag : ''));
  files['xl/workbook.xml'] = strToU8(areas);
  return zipSync(files, { level: 1 });
}

/**
 * Prints each visible sheet to a PDF of its own (the others hidden in a copy), in one LibreOffice run:
 * the page count of a sheet is the page count of its PDF.
 * @example const pdfs = await renderSheetsToPdf(bytes, { outDir, name: 'SYT' }); pdfPages(pdfs.get('Biểu 02 - Nhiệm vụ')!)
 */
export async function renderSheetsToPdf(bytes: Uint8Array, options: RenderOptions & { sheets?: readonly string[] }): Promise<Map<string, string>> {
  mkdirSync(options.outDir, { recursive: true });
  const sheets = options.sheets ?? visibleSheets(bytes);
  const paths = sheets.map((sheet, i) => {
    const path = join(resolve(options.outDir), `${options.name}-${i + 1}.xlsx`);
    writeFileSync(path, onlySheet(bytes, sheet));
    return path;
  });
  const pdfs = await convertFiles(paths, { to: 'pdf', outDir: options.outDir });
  return new Map(sheets.map((sheet, i) => [sheet, pdfs[i] as string]));
}

/** Number of pages (pdfinfo). */
export function pdfPages(pdf: string): number {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))?.[1]);
  if (!Number.isInteger(pages)) throw new Error(`pdfinfo gave no page count for ${pdf}`);
  return pages;
}

/** Size of every page in millimetres, rounded to 0.1 mm (pdfinfo, points / 72 × 25.4). */
export function pageSizeMm(pdf: string): Array<{ width: number; height: number }> {
  const pages = pdfPages(pdf);
  const mm = (pt: string) => Math.round((Number(pt) / 72) * 254) / 10;
  return [...run('pdfinfo', ['-f', '1', '-l', String(pages), pdf]).matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: mm(m[1] as string), height: mm(m[2] as string) }));
}

/**
 * Text of the document or of one page (1-based), NFC: laid out as on the page, or `raw` in the order it
 * is drawn (LibreOffice draws cell by cell, so a cell's wrapped lines stay together).
 */
export function pdfText(pdf: string, page?: number, mode: 'layout' | 'raw' = 'layout'): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', ['-enc', 'UTF-8', `-${mode}`, ...range, pdf, '-']).normalize('NFC');
}

/** Text with all white space removed: LibreOffice draws glyphs a font lacks from another font, and pdftotext then splits words. */
export function squashed(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, '');
}

/** A word as pdftotext lays it out: box in points from the top-left corner of the page. */
export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box (pdftotext -bbox), for cross-checks and for saying which text is too small. */
export function pdfWords(pdf: string, page?: number): PdfWord[] {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const html = run('pdftotext', ['-enc', 'UTF-8', '-bbox', ...range, pdf, '-']);
  const words: PdfWord[] = [];
  let current = (page ?? 1) - 1;
  for (const line of html.split('\n')) {
    if (/<page\b/.test(line)) current += 1;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page: current, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: unescapeXml(m[5] as string).normalize('NFC') });
  }
  return words;
}

// --- PDF content streams ---------------------------------------------------------------------------

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function readObjects(bytes: Buffer): Map<number, PdfObject> {
  const text = bytes.toString('latin1');
  if (/\/Type\s*\/ObjStm\b/.test(text)) throw new Error('PDF uses object streams: not supported by this reader');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+)\s+\d+\s+obj\b/g;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const start = header.lastIndex;
    const endobj = text.indexOf('endobj', start);
    const streamAt = text.indexOf('stream', start);
    if (streamAt >= 0 && (streamAt < endobj || endobj < 0)) {
      const dict = text.slice(start, streamAt);
      let dataStart = streamAt + 'stream'.length;
      if (text[dataStart] === '\r') dataStart += 1;
      if (text[dataStart] === '\n') dataStart += 1;
      const end = text.indexOf('endstream', dataStart);
      if (end < 0) throw new Error(`PDF object ${m[1]}: stream without endstream`);
      let raw = bytes.subarray(dataStart, end);
      if (/\/Filter\s*\/FlateDecode\b/.test(dict)) raw = inflateSync(raw, { finishFlush: constants.Z_SYNC_FLUSH }) // tolerates the EOL before endstream;
      else if (/\/Filter\b/.test(dict)) throw new Error(`PDF object ${m[1]}: filter not supported (${/\/Filter\s*(\S+)/.exec(dict)?.[1]})`);
      objects.set(Number(m[1]), { dict, stream: raw });
      header.lastIndex = end + 'endstream'.length;
    } else {
      objects.set(Number(m[1]), { dict: text.slice(start, endobj < 0 ? undefined : endobj) });
      if (endobj >= 0) header.lastIndex = endobj;
    }
  }
  return objects;
}

const refs = (s: string): number[] => [...s.matchAll(/(\d+)\s+\d+\s+R/g)].map((m) => Number(m[1]));

/** The `<< … >>` that follows `key` in a dictionary's text (nested dictionaries included), or the object a reference there names. */
function subDictionary(dict: string, key: string, objects: Map<number, PdfObject>): string | undefined {
  const at = dict.search(new RegExp(`/${key}(?![A-Za-z])`));
  if (at < 0) return undefined;
  const rest = dict.slice(at + key.length + 1);
  const ref = /^\s*(\d+)\s+\d+\s+R/.exec(rest);
  if (ref) return objects.get(Number(ref[1]))?.dict;
  const open = rest.indexOf('<<');
  if (open < 0) return undefined;
  let depth = 0;
  for (let i = open; i < rest.length - 1; i += 1) {
    if (rest.startsWith('<<', i)) [depth, i] = [depth + 1, i + 1];
    else if (rest.startsWith('>>', i)) {
      depth -= 1;
      i += 1;
      if (depth === 0) return rest.slice(open + 2, i - 1);
    }
  }
  return undefined;
}

interface PdfPage {
  object: PdfObject;
  /** The page's resources, or those it inherits from the page tree. */
  resources: string;
}

/** Page objects in document order, walking the page tree from the catalog. */
function pageObjects(objects: Map<number, PdfObject>): PdfPage[] {
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.dict));
  const root = catalog && /\/Pages\s+(\d+)\s+\d+\s+R/.exec(catalog.dict)?.[1];
  if (!root) throw new Error('PDF has no page tree');
  const pages: PdfPage[] = [];
  const walk = (id: number, inherited: string) => {
    const node = objects.get(id);
    if (!node) throw new Error(`PDF page tree refers to missing object ${id}`);
    const resources = subDictionary(node.dict, 'Resources', objects) ?? inherited;
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.dict);
    if (kids) for (const kid of refs(kids[1] as string)) walk(kid, resources);
    else pages.push({ object: node, resources });
  };
  walk(Number(root), '');
  return pages;
}

function contentOf(page: PdfObject, objects: Map<number, PdfObject>): string {
  const spec = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(page.dict)?.[1] ?? '';
  return refs(spec).map((id) => objects.get(id)?.stream?.toString('latin1') ?? '').join('\n');
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

type Token = { kind: 'number'; value: number } | { kind: 'name'; value: string } | { kind: 'string'; empty: boolean } | { kind: 'array'; items: Token[] } | { kind: 'op'; value: string };

/** Splits a content stream into operands and operators (strings are only known empty or not: sizes need no glyphs). */
function tokenize(content: string): Token[] {
  const out: Token[] = [];
  const stack: Token[][] = [out];
  const push = (t: Token) => (stack[stack.length - 1] as Token[]).push(t);
  let i = 0;
  while (i < content.length) {
    const c = content[i] as string;
    if (/\s/.test(c)) i += 1;
    else if (c === '%') while (i < content.length && content[i] !== '\n' && content[i] !== '\r') i += 1;
    else if (c === '(') {
      let depth = 1;
      let j = i + 1;
      for (; j < content.length && depth > 0; j += 1) {
        if (content[j] === '\\') j += 1;
        else if (content[j] === '(') depth += 1;
        else if (content[j] === ')') depth -= 1;
      }
      push({ kind: 'string', empty: j - i <= 2 });
      i = j;
    } else if (content.startsWith('<<', i) || content.startsWith('>>', i)) i += 2;
    else if (c === '<') {
      const j = content.indexOf('>', i);
      push({ kind: 'string', empty: content.slice(i + 1, j).trim() === '' });
      i = j + 1;
    } else if (c === '[') {
      stack.push([]);
      i += 1;
    } else if (c === ']') {
      const items = stack.pop() as Token[];
      push({ kind: 'array', items });
      i += 1;
    } else if (c === '/') {
      const m = /^\/[^\s/<>[\]()%{}]*/.exec(content.slice(i, i + 128)) as RegExpExecArray;
      push({ kind: 'name', value: m[0].slice(1) });
      i += m[0].length;
    } else {
      const m = /^[^\s/<>[\]()%{}]+/.exec(content.slice(i, i + 64));
      if (!m) throw new Error(`PDF content: unexpected "${c}"`);
      const word = m[0];
      i += word.length;
      if (/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(word)) push({ kind: 'number', value: Number(word) });
      else if (word === 'ID') {
        // Inline image data runs to EI: skip it rather than read binary as operators.
        const end = content.slice(i).search(/\sEI(?=\s|$)/);
        i = end < 0 ? content.length : i + end + 3;
      } else push({ kind: 'op', value: word });
    }
  }
  return out;
}

/** One text-showing operation: the size its glyphs are drawn at and where it starts (PDF user space, origin bottom left). */
export interface TextRun {
  page: number;
  size: number;
  font: string;
  x: number;
  y: number;
  /** The baseline lies outside the clipping rectangle in force: the program cut this line off (a cell too short for its text). */
  clipped: boolean;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];

interface ContentContext {
  page: number;
  objects: Map<number, PdfObject>;
  resources: string;
  /** Where a form XObject is drawn from: the CTM and clip in force at its `Do`. */
  ctm?: Matrix;
  clip?: Box | null;
  depth?: number;
}

function runsOfContent(content: string, context: ContentContext): TextRun[] {
  const { page, objects } = context;
  const runs: TextRun[] = [];
  const saved: Array<{ ctm: Matrix; clip: Box | null }> = [];
  let ctm: Matrix = context.ctm ?? IDENTITY;
  // Clipping as LibreOffice uses it: a rectangle (`re`), `W`/`W*`, then `n`; other paths count by their bounding box.
  let clip: Box | null = context.clip ?? null;
  let path: Box | null = null;
  let clipping = false;
  const extend = (x: number, y: number) => {
    const [px, py] = apply(ctm, x, y);
    path = path ? { x0: Math.min(path.x0, px), y0: Math.min(path.y0, py), x1: Math.max(path.x1, px), y1: Math.max(path.y1, py) } : { x0: px, y0: py, x1: px, y1: py };
  };
  const endPath = () => {
    if (clipping && path) clip = clip ? { x0: Math.max(clip.x0, path.x0), y0: Math.max(clip.y0, path.y0), x1: Math.min(clip.x1, path.x1), y1: Math.min(clip.y1, path.y1) } : path;
    clipping = false;
    path = null;
  };
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let font = '';
  let size = 0;
  let leading = 0;
  let operands: Token[] = [];
  const num = (k: number) => {
    const t = operands[operands.length - k];
    return t?.kind === 'number' ? t.value : 0;
  };
  const moveLine = (tx: number, ty: number) => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };
  const show = (visible: boolean) => {
    if (!visible) return;
    const m = multiply(tm, ctm);
    const drawn = size * Math.hypot(m[2], m[3]);
    const box = clip as Box | null;
    const clipped = box !== null && (m[5] < box.y0 - 0.5 || m[5] - drawn * 0.25 > box.y1 || m[4] > box.x1 + 0.5);
    runs.push({ page, font, size: Math.round(drawn * 1000) / 1000, x: m[4], y: m[5], clipped });
  };
  for (const token of tokenize(content)) {
    if (token.kind !== 'op') {
      operands.push(token);
      continue;
    }
    const nonEmpty = (t: Token | undefined) => t?.kind === 'string' && !t.empty;
    switch (token.value) {
      case 'q':
        saved.push({ ctm, clip });
        break;
      case 'Q': {
        const state = saved.pop();
        ctm = state?.ctm ?? IDENTITY;
        clip = state?.clip ?? null;
        break;
      }
      case 're':
        extend(num(4), num(3));
        extend(num(4) + num(2), num(3) + num(1));
        break;
      case 'm':
      case 'l':
        extend(num(2), num(1));
        break;
      case 'c':
        extend(num(2), num(1));
        break;
      case 'v':
      case 'y':
        extend(num(2), num(1));
        break;
      case 'W':
      case 'W*':
        clipping = true;
        break;
      case 'n':
      case 'S':
      case 's':
      case 'f':
      case 'F':
      case 'f*':
      case 'B':
      case 'B*':
      case 'b':
      case 'b*':
        endPath();
        break;
      case 'cm':
        ctm = multiply([num(6), num(5), num(4), num(3), num(2), num(1)], ctm);
        break;
      case 'BT':
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case 'Tf': {
        const name = operands[operands.length - 2];
        font = name?.kind === 'name' ? name.value : '';
        size = num(1);
        break;
      }
      case 'Tm':
        tlm = [num(6), num(5), num(4), num(3), num(2), num(1)];
        tm = tlm;
        break;
      case 'Td':
        moveLine(num(2), num(1));
        break;
      case 'TD':
        leading = -num(1);
        moveLine(num(2), num(1));
        break;
      case 'TL':
        leading = num(1);
        break;
      case 'T*':
        moveLine(0, -leading);
        break;
      case 'Tj':
        show(nonEmpty(operands[operands.length - 1]));
        break;
      case "'":
      case '"':
        moveLine(0, -leading);
        show(nonEmpty(operands[operands.length - 1]));
        break;
      case 'TJ': {
        const array = operands[operands.length - 1];
        show(array?.kind === 'array' && array.items.some(nonEmpty));
        break;
      }
      case 'Do': {
        // Images carry no text; a form XObject (a drawing, a chart) is a content stream of its own.
        const name = operands[operands.length - 1];
        const xobjects = subDictionary(context.resources, 'XObject', objects) ?? '';
        const ref = name?.kind === 'name' ? new RegExp(`/${name.value.replace(/[^A-Za-z0-9]/g, '\\$&')}\\s+(\\d+)\\s+\\d+\\s+R`).exec(xobjects)?.[1] : undefined;
        const xobject = ref === undefined ? undefined : objects.get(Number(ref));
        if (!xobject) throw new Error(`PDF page ${page} draws an XObject its resources do not name`);
        if (/\/Subtype\s*\/Image\b/.test(xobject.dict)) break;
        if (!/\/Subtype\s*\/Form\b/.test(xobject.dict) || (context.depth ?? 0) > 8) throw new Error(`PDF page ${page}: XObject ${ref} is not an image or a form`);
        const matrix = /\/Matrix\s*\[([^\]]*)\]/.exec(xobject.dict)?.[1]?.trim().split(/\s+/).map(Number);
        const own = matrix && matrix.length === 6 ? (matrix as Matrix) : IDENTITY;
        const resources = subDictionary(xobject.dict, 'Resources', objects) ?? context.resources;
        runs.push(...runsOfContent(xobject.stream?.toString('latin1') ?? '', { page, objects, resources, ctm: multiply(own, ctm), clip, depth: (context.depth ?? 0) + 1 }));
        break;
      }
      default:
        break;
    }
    operands = [];
  }
  return runs;
}

/**
 * Every text-showing operation of the document (or of one page, 1-based) with the size it is drawn at.
 * @example textRuns('Biểu 02.pdf', 1).map((r) => r.size)
 */
export function textRuns(pdf: string, page?: number): TextRun[] {
  const objects = readObjects(readFileSync(pdf));
  const pages = pageObjects(objects);
  const wanted = page === undefined ? pages.map((_, i) => i + 1) : [page];
  return wanted.flatMap((n) => {
    const found = pages[n - 1];
    if (!found) throw new Error(`${pdf} has no page ${n}`);
    return runsOfContent(contentOf(found.object, objects), { page: n, objects, resources: found.resources });
  });
}

/** Smallest size (pt) any text is drawn at, on the whole document or one page; Infinity when there is no text. */
export function minFontSize(pdf: string, page?: number): number {
  return textRuns(pdf, page).reduce((min, r) => Math.min(min, r.size), Infinity);
}

/** The word pdftotext found where each run starts ('?' when none), to say in a failing test which text is meant. */
function named(pdf: string, runs: readonly TextRun[]): Array<TextRun & { text: string }> {
  if (runs.length === 0) return [];
  const words = pdfWords(pdf);
  const heights = new Map(pageSizeMm(pdf).map((p, i) => [i + 1, (p.height / 25.4) * 72]));
  return runs.map((r) => {
    const top = (heights.get(r.page) ?? 0) - r.y; // baseline, measured from the top like pdftotext's boxes
    const word = words.find((w) => w.page === r.page && w.xMin - 1 <= r.x && r.x <= w.xMax && w.yMin - 1 <= top && top <= w.yMax + 1);
    return { ...r, text: word?.text ?? '?' };
  });
}

/** The words drawn below `size` points. */
export function textBelow(pdf: string, size: number): Array<{ page: number; size: number; text: string }> {
  return named(pdf, textRuns(pdf).filter((r) => r.size < size)).map(({ page, size: drawn, text }) => ({ page, size: drawn, text }));
}

/** Lines of text the printing program cut off at their cell's edge (see {@link TextRun.clipped}). */
export function clippedText(pdf: string): Array<{ page: number; text: string }> {
  return named(pdf, textRuns(pdf).filter((r) => r.clipped)).map(({ page, text }) => ({ page, text }));
}

/** Renders one page to a PNG at `dpi` (pdftoppm) and returns its path. */
export function pagePng(pdf: string, page: number, out: string, dpi = 70): string {
  run('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', pdf, out.replace(/\.png$/, '')]);
  return out.endsWith('.png') ? out : `${out}.png`;
}

// --- Text that does not fit its cell -----------------------------------------------------------------

/** Advance widths of a TrueType font, read from its cmap and hmtx tables. */
interface FontMetrics {
  /** Width of a character in em; undefined when the font has no glyph for it. */
  advance(char: string): number | undefined;
}

function loadTrueType(path: string): FontMetrics {
  const data = readFileSync(path);
  const tables = new Map<string, number>();
  const count = data.readUInt16BE(4);
  for (let i = 0; i < count; i += 1) tables.set(data.toString('latin1', 12 + i * 16, 16 + i * 16), data.readUInt32BE(12 + i * 16 + 8));
  const at = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${path}: no ${tag} table`);
    return offset;
  };
  const unitsPerEm = data.readUInt16BE(at('head') + 18);
  const metrics = data.readUInt16BE(at('hhea') + 34);
  const hmtx = at('hmtx');
  const cmap = at('cmap');
  // Format 4 subtable of the Windows Unicode BMP encoding (3, 1): every font LibreOffice ships has one.
  let sub = -1;
  for (let i = 0; i < data.readUInt16BE(cmap + 2); i += 1) {
    const record = cmap + 4 + i * 8;
    if (data.readUInt16BE(record) === 3 && data.readUInt16BE(record + 2) === 1) sub = cmap + data.readUInt32BE(record + 4);
  }
  if (sub < 0 || data.readUInt16BE(sub) !== 4) throw new Error(`${path}: no Unicode BMP cmap`);
  const segments = data.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  const glyph = (code: number): number => {
    for (let s = 0; s < segments; s += 1) {
      if (code > data.readUInt16BE(ends + s * 2)) continue;
      const start = data.readUInt16BE(starts + s * 2);
      if (code < start) return 0;
      const delta = data.readInt16BE(deltas + s * 2);
      const range = data.readUInt16BE(ranges + s * 2);
      if (range === 0) return (code + delta) & 0xffff;
      const g = data.readUInt16BE(ranges + s * 2 + range + (code - start) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<string, number | undefined>();
  return {
    advance(char) {
      if (cache.has(char)) return cache.get(char);
      const g = glyph(char.codePointAt(0) ?? 0);
      const width = g === 0 ? undefined : data.readUInt16BE(hmtx + Math.min(g, metrics - 1) * 4) / unitsPerEm;
      cache.set(char, width);
      return width;
    },
  };
}

const FONT_DIRS = ['/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/truetype/liberation'];
const fonts = new Map<string, FontMetrics>();

/** Liberation Serif / Sans: metric-compatible with Times New Roman / Arial, the widths Excel lays text out with. */
function metricsFor(font: Partial<ExcelJS.Font> | undefined): FontMetrics {
  const family = /times|serif|roman/i.test(font?.name ?? '') ? 'Serif' : 'Sans';
  const style = font?.bold ? (font.italic ? 'BoldItalic' : 'Bold') : font?.italic ? 'Italic' : 'Regular';
  const file = `Liberation${family}-${style}.ttf`;
  let metrics = fonts.get(file);
  if (!metrics) {
    const errors: string[] = [];
    for (const dir of FONT_DIRS) {
      try {
        metrics = loadTrueType(join(dir, file));
        break;
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
    if (!metrics) throw new Error(`cannot read ${file} (install fonts-liberation2, listed in .ci/apt-packages): ${errors.join('; ')}`);
    fonts.set(file, metrics);
  }
  return metrics;
}

/** Width of a text in points: glyph advances; a letter the font lacks counts as its base letter (NFD). */
export function textWidthPt(text: string, font: Partial<ExcelJS.Font> | undefined): number {
  const metrics = metricsFor(font);
  const size = font?.size ?? 11;
  let em = 0;
  for (const char of text.normalize('NFC')) em += metrics.advance(char) ?? metrics.advance(char.normalize('NFD')[0] ?? char) ?? 0.5;
  return em * size;
}

/** Lines a wrapped text takes in a width (pt): words wrap at spaces, a word wider than the line breaks anywhere. */
export function wrappedLines(text: string, font: Partial<ExcelJS.Font> | undefined, widthPt: number): number {
  const space = textWidthPt(' ', font);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      let w = textWidthPt(word, font);
      const needed = used === 0 ? w : used + space + w;
      if (needed <= widthPt) {
        used = needed;
        continue;
      }
      if (used > 0) lines += 1;
      while (w > widthPt) {
        lines += 1;
        w -= widthPt;
      }
      used = w;
    }
  }
  return lines;
}

/**
 * Excel's layout of a column on screen and paper (the pessimistic client: LibreOffice draws columns wider
 * when Calibri, the workbooks' default font, is substituted): `width` characters of the default font's
 * 7-pixel digit, less the 2-pixel margins and the grid line, at 96 dpi.
 */
export function columnTextWidthPt(width: number): number {
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return Math.max(0, pixels - 5) * 0.75;
}

/** Height Excel gives one line of a font (TNR 12 → 15.75 pt, its default row height for that font). */
export function lineHeightPt(size: number): number {
  return size * 1.3125;
}

export interface Overflow {
  sheet: string;
  cell: string;
  text: string;
  lines: number;
  neededPt: number;
  heightPt: number;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (v && typeof v === 'object' && 'result' in v && typeof v.result === 'string') return v.result;
  return '';
}

/** The largest font of a cell's text (a rich text's runs may differ). */
function cellFont(cell: ExcelJS.Cell): Partial<ExcelJS.Font> {
  const v = cell.value;
  if (v && typeof v === 'object' && 'richText' in v) {
    return v.richText.reduce<Partial<ExcelJS.Font>>((big, run) => ({ ...cell.font, ...run.font, size: Math.max(big.size ?? 0, run.font?.size ?? cell.font?.size ?? 11) }), { ...cell.font });
  }
  return cell.font ?? {};
}

function printRange(ws: ExcelJS.Worksheet): { top: number; left: number; bottom: number; right: number } {
  const area = ws.pageSetup.printArea;
  const m = area ? /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(area.split('!').pop()?.replace(/'/g, '') ?? '') : null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  if (m) return { top: Number(m[2]), left: col(m[1] as string), bottom: Number(m[4]), right: col(m[3] as string) };
  return { top: 1, left: 1, bottom: ws.rowCount, right: ws.columnCount };
}

interface PrintedCell {
  cell: ExcelJS.Cell;
  text: string;
  /** Last row and column the cell covers (itself unless merged). */
  bottom: number;
  right: number;
  merged: boolean;
}

/** Cells with text inside the print area, on rows and columns that print; a merged range once, by its first cell. */
function printedCells(ws: ExcelJS.Worksheet): PrintedCell[] {
  const range = printRange(ws);
  const merges = new Map<string, { bottom: number; right: number }>();
  const covered = new Set<string>();
  for (const ref of (ws.model as unknown as { merges?: string[] }).merges ?? []) {
    const [from, to] = ref.split(':') as [string, string];
    const a = ws.getCell(from);
    const b = ws.getCell(to);
    merges.set(a.address, { bottom: Number(b.row), right: Number(b.col) });
    for (let r = Number(a.row); r <= Number(b.row); r += 1) for (let c = Number(a.col); c <= Number(b.col); c += 1) if (r !== Number(a.row) || c !== Number(a.col)) covered.add(`${r}:${c}`);
  }
  const out: PrintedCell[] = [];
  for (let r = range.top; r <= range.bottom; r += 1) {
    if (ws.getRow(r).hidden) continue;
    for (let c = range.left; c <= range.right; c += 1) {
      if (covered.has(`${r}:${c}`) || ws.getColumn(c).hidden) continue;
      const cell = ws.getCell(r, c);
      const text = cellText(cell).trim();
      if (!text) continue;
      const merge = merges.get(cell.address);
      out.push({ cell, text, bottom: merge?.bottom ?? r, right: merge?.right ?? c, merged: merge !== undefined });
    }
  }
  return out;
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/**
 * Cells of the printed sheets whose text does not fit: wrapped text needing more lines than the row
 * (or merged rows) is high, or unwrapped text wider than its cell with a neighbour that cuts it.
 * Text is measured with the fonts' real glyph widths in Excel's column widths; a row without a stored
 * height has the sheet's default height; hidden rows and columns are skipped.
 * @example expect(await overflowingCells(bytes)).toEqual([])
 */
export async function overflowingCells(bytes: Uint8Array, options: { sheets?: readonly string[] } = {}): Promise<Overflow[]> {
  const workbook = await loadWorkbook(bytes);
  const out: Overflow[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.state !== 'visible' || (options.sheets && !options.sheets.includes(ws.name))) continue;
    const defaultHeight = ws.properties.defaultRowHeight ?? 15;
    const widthOf = (c: number) => (ws.getColumn(c).hidden ? 0 : columnTextWidthPt(ws.getColumn(c).width ?? 8.43) + 3.75);
    const heightOf = (r: number) => (ws.getRow(r).hidden ? 0 : (ws.getRow(r).height ?? defaultHeight));
    const range = printRange(ws);
    for (const { cell, text, bottom, right, merged } of printedCells(ws)) {
      const r = Number(cell.row);
      const wrap = cell.alignment?.wrapText === true;
      // Neither Excel nor LibreOffice fits a row without a stored height to wrapped text when opening a
      // file (seen in LibreOffice 7.4): such a row keeps the default height. Both fit it to a larger font.
      const autoHeight = !merged && ws.getRow(r).height === undefined && !wrap;
      let width = -3.75; // one cell's margins and grid line, whatever it spans
      for (let k = Number(cell.col); k <= right; k += 1) width += widthOf(k);
      let height = 0;
      for (let k = r; k <= bottom; k += 1) height += heightOf(k);
      const font = cellFont(cell);
      const lines = wrap ? wrappedLines(text, font, width) : 1;
      const needed = lines * lineHeightPt(font.size ?? 11);
      const next = right + 1 <= range.right ? cellText(ws.getCell(r, right + 1)) : '';
      const cutAtRight = !wrap && next !== '' && textWidthPt(text, font) > width;
      if (cutAtRight || (!autoHeight && needed > height + 0.5)) {
        out.push({ sheet: ws.name, cell: cell.address, text: text.slice(0, 80), lines, neededPt: Math.round(needed * 10) / 10, heightPt: height });
      }
    }
  }
  return out;
}

/** Characters of a text, counted (white space left out; NFKC, so a ligature glyph counts as its letters). */
function characterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of text.normalize('NFKC').replace(/\s+/g, '')) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

/**
 * Text of the printed cells that the PDF lacks, sheet by sheet: LibreOffice stops drawing the lines a
 * cell has no room for, so a cut-off cell shows as characters missing from its sheet's PDF (which also
 * holds titles repeated on every page and the footer, so only a shortfall counts).
 * @example expect(await missingText(bytes, await renderSheetsToPdf(bytes, options))).toEqual([])
 */
export async function missingText(bytes: Uint8Array, pdfs: ReadonlyMap<string, string>): Promise<Array<{ sheet: string; missing: string }>> {
  const workbook = await loadWorkbook(bytes);
  const out: Array<{ sheet: string; missing: string }> = [];
  for (const [sheet, pdf] of pdfs) {
    const ws = workbook.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet "${sheet}" in the workbook`);
    const text = printedCells(ws).map((p) => p.text).join(' ');
    const printed = characterCounts(pdfText(pdf));
    let missing = '';
    for (const [char, count] of characterCounts(text)) missing += char.repeat(Math.max(0, count - (printed.get(char) ?? 0)));
    if (missing) out.push({ sheet, missing });
  }
  return out;
}

