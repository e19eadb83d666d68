/// <reference types="office-js" />
// The da06 summary already in the open workbook (a summary reopened, or written by Tổng hợp): its
// hidden stamp sheet read through Office.js, in requests under Excel on the web's 5 MB response cap,
// then handed to lib's reader, which finds it by content and parses the facts as `da06 report` does.
import type { SheetState } from '../../../lib/model/sheet';
import { SUMMARY_MARKER } from '../../../lib/summary/facts';
import { readSummarySource } from '../../../lib/summary/read';
import type { ReadStamp } from '../../../lib/summary/facts';
import { LoadedWorkbook, loadBlocks, loadExtents, VALUE_PROPERTIES } from './read';

/**
 * Stamp rows asked for in one request. A facts chunk is at most 30,000 characters (Excel holds 32,767
 * in a cell): 30 rows of Vietnamese text come to about 3 MB at the worst 3 bytes a character; a
 * request Excel still refuses (text full of escapes) is split in two and asked again.
 */
export const STAMP_ROWS_PER_READ = 30;

const VISIBILITY: Record<string, SheetState> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/** As lib reads a summary file; `found` tells a workbook with no stamp sheet from one whose stamp cannot be used. */
export type OpenSummary = (ReadStamp & { ok: true }) | { ok: false; found: boolean; reason: string };

export interface ReadOpenSummaryOptions {
  /** Stamp rows per request (default STAMP_ROWS_PER_READ). */
  rowsPerRead?: number;
}

/**
 * The facts of the da06 summary in the open workbook, or lib's Vietnamese reason why there are none.
 * Reads the sheet list, cell A1 of each hidden sheet (one request), then columns A:B of the sheets
 * marked `da06-tong-hop` in row bands; visible sheets are never read.
 */
export async function readOpenSummary(context: Excel.RequestContext, options: ReadOpenSummaryOptions = {}): Promise<OpenSummary> {
  const rowsPerRead = Math.max(1, options.rowsPerRead ?? STAMP_ROWS_PER_READ);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await context.sync();
  const infos = worksheets.items.map((ws) => ({ name: ws.name, state: VISIBILITY[ws.visibility] ?? 'visible' }));
  const workbook = new LoadedWorkbook(infos);
  const hidden = infos.filter((s) => s.state !== 'visible').map((s) => s.name);
  const firsts = hidden.map((name) => {
    const range = worksheets.getItem(name).getRange('A1');
    range.load('values');
    return { name, range };
  });
  if (firsts.length > 0) await context.sync();
  const marked: string[] = [];
  for (const { name, range } of firsts) {
    const value = range.values[0]?.[0];
    if (typeof value === 'string' && value.normalize('NFC') === SUMMARY_MARKER) marked.push(name);
    // Every hidden sheet lib may look at is there for it; only a marked one is then read whole.
    else workbook.store(name, null, [{ address: 'A1', values: range.values, formulas: [], numberFormat: [], valueTypes: [] }]);
  }
  const extents = await loadExtents(context, marked);
  const blocks = marked.flatMap((sheet) => {
    const extent = extents.get(sheet);
    return extent ? [{ sheet, bounds: { sheet: '', startRow: 1, startCol: 1, endRow: extent.endRow, endCol: 2 } }] : [];
  });
  const parts = await loadBlocks(context, blocks, rowsPerRead * 2, VALUE_PROPERTIES);
  for (const sheet of marked) workbook.store(sheet, extents.get(sheet) ?? null, parts.filter((p) => p.sheet === sheet).map((p) => p.data));
  const read = readSummarySource(workbook);
  return read.ok ? read : { ok: false, found: marked.length > 0, reason: read.reason };
}
