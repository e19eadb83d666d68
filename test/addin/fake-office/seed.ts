// A fake workbook from real .xlsx bytes (Node only): what Excel would show after opening the file,
// so tests run the add-in over templates da06 generated and units filled.
import ExcelJS from 'exceljs';
import type { FakeProtection, SeedCell, SeedSheet, SeedWorkbook, Visibility } from './state';
import { defaultProtectionOptions } from './state';

const EPOCH_1900 = Date.UTC(1899, 11, 30);

function serial(date: Date): number {
  return (date.getTime() - EPOCH_1900) / 86_400_000;
}

function argb(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const value = color?.argb;
  return value && /^[0-9A-F]{8}$/i.test(value) ? `#${value.slice(2).toUpperCase()}` : undefined;
}

/** Text as Excel shows it: exceljs leaves the file's `_xHHHH_` escapes (`_x000D_` for a CR) undecoded. */
function excelText(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

function plain(value: ExcelJS.CellValue): { v?: string | number | boolean; error?: boolean } {
  if (value === null || value === undefined) return {};
  if (value instanceof Date) return { v: serial(value) };
  if (typeof value === 'number' || typeof value === 'boolean') return { v: value };
  if (typeof value === 'string') return { v: excelText(value) };
  if (typeof value === 'object' && 'error' in value) return { v: String(value.error), error: true };
  if (typeof value === 'object' && 'richText' in value) return { v: excelText(value.richText.map((r) => r.text).join('')) };
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string') return { v: excelText(value.text) };
  return {};
}

/** exceljs says true for what a protected sheet allows (Excel's XML says 0 for it). */
function protectionOf(ws: ExcelJS.Worksheet): FakeProtection | undefined {
  const p = (ws as unknown as { sheetProtection?: Record<string, boolean> }).sheetProtection;
  if (!p?.sheet) return undefined;
  const allow = (key: string) => p[key] === true;
  return {
    protected: true,
    options: {
      ...defaultProtectionOptions(),
      allowFormatCells: allow('formatCells'),
      allowFormatColumns: allow('formatColumns'),
      allowFormatRows: allow('formatRows'),
      allowInsertRows: allow('insertRows'),
      allowInsertColumns: allow('insertColumns'),
      allowDeleteRows: allow('deleteRows'),
      allowDeleteColumns: allow('deleteColumns'),
      allowSort: allow('sort'),
      allowAutoFilter: allow('autoFilter'),
    },
  };
}

export async function seedFromXlsx(bytes: Uint8Array): Promise<SeedWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheets: SeedSheet[] = workbook.worksheets.map((ws) => {
    const cells: Record<string, SeedCell> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const value = cell.value;
        const formula = typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value) ? cell.formula : undefined;
        const result = formula !== undefined ? plain((value as ExcelJS.CellFormulaValue).result ?? null) : plain(value);
        const seed: SeedCell = { ...result };
        if (formula) seed.f = `=${formula}`;
        const fill = cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? argb(cell.fill.fgColor) : undefined;
        if (fill) seed.fill = fill;
        if (cell.numFmt) seed.nf = cell.numFmt;
        if (cell.protection?.locked === false) seed.locked = false;
        if (cell.font?.name && (seed.v !== undefined || seed.locked === false)) seed.font = { name: cell.font.name, ...(cell.font.bold ? { bold: true } : {}) };
        if (seed.v !== undefined || seed.f !== undefined || seed.fill || seed.locked === false) cells[cell.address] = seed;
      }),
    );
    const visibility: Visibility = ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible';
    const protection = protectionOf(ws);
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    // Widths in points, as Office.js reports them (Excel: characters × 7 px + 5 px padding, 0.75 pt a pixel).
    const columnWidths: Record<number, number> = {};
    (ws.columns ?? []).forEach((column, i) => {
      if (column.hidden) columnWidths[i + 1] = 0;
      else if (column.width) columnWidths[i + 1] = Math.round((column.width * 7 + 5) * 0.75 * 100) / 100;
    });
    return { name: ws.name, visibility, cells, merges: [...merges], columnWidths, ...(protection ? { protection } : {}) };
  });
  const first = sheets.find((s) => s.visibility === 'Visible');
  return { sheets, ...(first ? { activeSheet: first.name } : {}) };
}
