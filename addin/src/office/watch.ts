/// <reference types="office-js" />
// Re-checks what the user edits. Excel's event details are unreliable (undefined for paste and
// multi-cell edits, no event for picks from a validation list), so only the address is trusted.
import type { SheetEdit } from './read';

export interface WatchEditsOptions {
  /** Quiet time after the last change before the re-check runs. */
  debounceMs?: number;
  /** True while the add-in itself writes (hosts before ExcelApi 1.14 do not say who changed what). */
  isOwnWrite?: () => boolean;
  /** Timers, replaceable in tests. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface EditWatch {
  /** Unregisters the handlers (their own request, as Office.js requires). */
  stop(): Promise<void>;
}

const STRUCTURAL = new Set(['RowInserted', 'RowDeleted', 'ColumnInserted', 'ColumnDeleted', 'CellInserted', 'CellDeleted']);

/** The edit an onChanged event stands for, or null for changes da06 made itself. */
export function editFromEvent(sheet: string, event: Pick<Excel.WorksheetChangedEventArgs, 'address' | 'changeType'> & { triggerSource?: string }): SheetEdit | null {
  if (event.triggerSource === 'ThisLocalAddin') return null;
  return { sheet, address: event.address, structural: STRUCTURAL.has(event.changeType) };
}

/**
 * Calls `onEdits` with the edits gathered once the user pauses. One registration pass for all
 * sheets; the handlers outlive this call, until `stop()`.
 */
export async function watchEdits(
  context: Excel.RequestContext,
  sheets: readonly string[],
  onEdits: (edits: SheetEdit[]) => void,
  options: WatchEditsOptions = {},
): Promise<EditWatch> {
  const debounceMs = options.debounceMs ?? 700;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let pending: SheetEdit[] = [];
  let timer: unknown;
  const flush = () => {
    timer = undefined;
    const edits = pending;
    pending = [];
    if (edits.length > 0) onEdits(edits);
  };
  const registrations = sheets.map((sheet) =>
    context.workbook.worksheets.getItem(sheet).onChanged.add(async (event) => {
      if (options.isOwnWrite?.()) return;
      const edit = editFromEvent(sheet, event);
      if (!edit) return;
      pending.push(edit);
      if (timer !== undefined) clearTimer(timer);
      timer = setTimer(flush, debounceMs);
    }),
  );
  await context.sync();
  return {
    async stop() {
      if (timer !== undefined) clearTimer(timer);
      pending = [];
      const first = registrations[0];
      if (!first) return;
      await Excel.run(first.context, async (context) => {
        for (const registration of registrations) registration.remove();
        await context.sync();
      });
    },
  };
}
