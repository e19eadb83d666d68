/// <reference types="office-js" />
// Colours the cells in error and puts each cell's own fill back afterwards. The originals are kept
// in the workbook, so "Xóa đánh dấu" on the ribbon (another page, another runtime) can restore them.
import type { Issue } from '../../../lib/issues/issue';
import { markKey, marksFromXml, marksToXml, MARKS_NAMESPACE, type Mark } from './_lib/marks';
import { describeError } from './errors';
import { mayBeCellEdit } from './run';

export const HIGHLIGHT_FILLS = { error: '#FF9B9B', warning: '#FFD966' } as const;

/** Excel reports "no fill" as white: restoring white clears the fill instead (the same look, gridlines kept). */
const NO_FILL = '#FFFFFF';

export interface SheetRefusal {
  sheet: string;
  /** `protected`: the sheet is protected without "Format cells"; `failed`: Excel refused the change. */
  reason: 'protected' | 'failed';
  detail?: string;
}

/** A cell to colour: an issue's cell, or a cell it involves (the status beside a conflicting progress). */
export type HighlightTarget = Pick<Issue, 'sheet' | 'cell' | 'severity'> & Partial<Issue>;

export interface HighlightResult {
  highlighted: number;
  /** Fills actually written (new colours and restored cells): 0 when a re-check found nothing new. */
  written: number;
  refused: SheetRefusal[];
  /** Nothing was coloured because the user had cleared the colours since (see HighlightIssuesOptions). */
  skipped?: boolean;
}

export interface HighlightIssuesOptions {
  /** Colour only if colours are on now: a re-check after edits must not undo "Xóa đánh dấu" on the ribbon. */
  onlyIfMarked?: boolean;
}

export interface ClearResult {
  restored: number;
  refused: SheetRefusal[];
}

interface SheetAccess {
  sheets: Map<string, Excel.Worksheet>;
  /** Sheets where da06 may not change fills. */
  locked: Set<string>;
  parts: Excel.CustomXmlPartScopedCollection;
}

/** One pass: every sheet with its protection, and the parts holding the record. */
async function loadAccess(context: Excel.RequestContext): Promise<SheetAccess> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected,items/protection/options');
  const parts = context.workbook.customXmlParts.getByNamespace(MARKS_NAMESPACE);
  parts.load('items/id');
  await context.sync();
  const sheets = new Map(worksheets.items.map((ws) => [ws.name, ws]));
  const locked = new Set(worksheets.items.filter((ws) => ws.protection.protected && ws.protection.options.allowFormatCells === false).map((ws) => ws.name));
  return { sheets, locked, parts };
}

function restore(range: Excel.Range, fill: string): void {
  if (fill.toUpperCase() === NO_FILL) range.format.fill.clear();
  else range.format.fill.color = fill;
}

/**
 * Replaces the record (queued, no sync): the old parts go, one new part holds what is still coloured.
 * While colouring is on the part stays even when empty: its presence is what "on" means.
 */
function queueRecord(context: Excel.RequestContext, parts: Excel.CustomXmlPartScopedCollection, marks: readonly Mark[], on: boolean): void {
  for (const part of parts.items) part.delete();
  if (on || marks.length > 0) context.workbook.customXmlParts.add(marksToXml(marks));
}

/** The same cells with the same originals, in any order. */
function sameRecord(a: ReadonlyMap<string, Mark>, b: ReadonlyMap<string, Mark>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, mark] of a) if (b.get(key)?.fill !== mark.fill) return false;
  return true;
}

function refusalsOf(locked: Set<string>, sheets: Iterable<string>): SheetRefusal[] {
  return [...new Set(sheets)].filter((s) => locked.has(s)).map((sheet) => ({ sheet, reason: 'protected' as const }));
}

/**
 * Colours the cells the issues point at (errors win over warnings) and restores cells coloured by an
 * earlier check that are now fine. Only what changes is written, fills and record alike: a re-check
 * that finds the same problems writes nothing (no change events, and Excel keeps its Undo list).
 * Three passes; the record is queued before the fills, so a refused fill never leaves a colour
 * nobody can clear.
 */
export async function highlightIssues(context: Excel.RequestContext, issues: readonly HighlightTarget[], options: HighlightIssuesOptions = {}): Promise<HighlightResult> {
  const access = await loadAccess(context);
  if (options.onlyIfMarked && access.parts.items.length === 0) return { highlighted: 0, written: 0, refused: [], skipped: true };
  const xml = access.parts.items.map((part) => part.getXml());
  const targets = new Map<string, { sheet: string; cell: string; fill: string }>();
  for (const issue of issues) {
    if (!issue.sheet || !issue.cell || !access.sheets.has(issue.sheet)) continue;
    const key = markKey(issue.sheet, issue.cell);
    if (targets.get(key)?.fill === HIGHLIGHT_FILLS.error) continue;
    targets.set(key, { sheet: issue.sheet, cell: issue.cell, fill: HIGHLIGHT_FILLS[issue.severity] });
  }
  const allowed = [...targets.values()].filter((t) => !access.locked.has(t.sheet));
  // Fills are read for every target; a cell already recorded keeps its first original (never our colour).
  const fills = allowed.map((t) => {
    const fill = (access.sheets.get(t.sheet) as Excel.Worksheet).getRange(t.cell).format.fill;
    fill.load('color');
    return { target: t, fill };
  });
  await context.sync();

  const previous = new Map(xml.flatMap((x) => marksFromXml(x.value)).map((m) => [markKey(m.sheet, m.cell), m]));
  const record = new Map<string, Mark>();
  for (const { target, fill } of fills) {
    const key = markKey(target.sheet, target.cell);
    record.set(key, previous.get(key) ?? { sheet: target.sheet, cell: target.cell, fill: fill.color });
  }
  const obsolete = [...previous.entries()].filter(([key, m]) => !record.has(key) && access.sheets.has(m.sheet));
  for (const [key, mark] of obsolete) if (access.locked.has(mark.sheet)) record.set(key, mark); // kept until the sheet allows it
  const restores = obsolete.filter(([, mark]) => !access.locked.has(mark.sheet));
  const paints = fills.filter(({ target, fill }) => (fill.color ?? '').toUpperCase() !== target.fill);
  const recordChanged = access.parts.items.length !== 1 || !sameRecord(record, new Map([...previous].filter(([, m]) => access.sheets.has(m.sheet))));
  if (recordChanged) queueRecord(context, access.parts, [...record.values()], true);
  for (const [, mark] of restores) restore((access.sheets.get(mark.sheet) as Excel.Worksheet).getRange(mark.cell), mark.fill);
  for (const { target } of paints) (access.sheets.get(target.sheet) as Excel.Worksheet).getRange(target.cell).format.fill.color = target.fill;
  const refused = refusalsOf(access.locked, [...targets.values()].map((t) => t.sheet));
  if (!recordChanged && restores.length === 0 && paints.length === 0) return { highlighted: fills.length, written: 0, refused };
  try {
    await context.sync();
  } catch (error) {
    if (mayBeCellEdit(error)) throw error; // the user is typing in a cell: nothing ran, try again later
    return { highlighted: 0, written: 0, refused: [...new Set(allowed.map((t) => t.sheet))].map((sheet) => ({ sheet, reason: 'failed', detail: describeError(error) })) };
  }
  return { highlighted: fills.length, written: restores.length + paints.length, refused };
}

/** Puts every recorded cell's own fill back and forgets the record (cells on sheets that refuse stay recorded). */
export async function clearHighlights(context: Excel.RequestContext): Promise<ClearResult> {
  const access = await loadAccess(context);
  if (access.parts.items.length === 0) return { restored: 0, refused: [] };
  const xml = access.parts.items.map((part) => part.getXml());
  await context.sync();
  const marks = xml.flatMap((x) => marksFromXml(x.value)).filter((m) => access.sheets.has(m.sheet));
  const kept = marks.filter((m) => access.locked.has(m.sheet));
  const restored = marks.filter((m) => !access.locked.has(m.sheet));
  queueRecord(context, access.parts, kept, false);
  for (const mark of restored) restore((access.sheets.get(mark.sheet) as Excel.Worksheet).getRange(mark.cell), mark.fill);
  await context.sync();
  return { restored: restored.length, refused: refusalsOf(access.locked, kept.map((m) => m.sheet)) };
}
