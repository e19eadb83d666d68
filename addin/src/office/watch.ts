/// <reference types="office-js" />
// Re-checks what the user edits. Excel's event details are unreliable (undefined for paste and
// multi-cell edits, no event for picks from a validation list), so only the address is trusted.
import type { SheetEdit } from './read';

export interface WatchEditsOptions {
  /** Quiet time after the last change before the re-check runs. */
  debounceMs?: number;
  /** Pause before edits handed back with `retry` are tried again. */
  retryMs?: number;
  /**
   * True while changes may be the add-in's own (hosts before ExcelApi 1.14 do not say who changed
   * what). Changes seen then are held, never dropped, and handed over once it turns false: the
   * re-read finds whether the user changed anything.
   */
  isOwnWrite?: () => boolean;
  /** Timers, replaceable in tests. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface EditWatch {
  readonly sheets: readonly string[];
  /** Hands edits back to be re-checked later (the re-check could not run: the user was typing in a cell). */
  retry(edits: readonly SheetEdit[]): void;
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
 * Calls `onEdits` with the edits gathered once the user pauses (and the add-in is not writing).
 * One registration pass for all sheets; the handlers outlive this call, until `stop()`.
 */
export async function watchEdits(
  context: Excel.RequestContext,
  sheets: readonly string[],
  onEdits: (edits: SheetEdit[]) => void,
  options: WatchEditsOptions = {},
): Promise<EditWatch> {
  const debounceMs = options.debounceMs ?? 700;
  const retryMs = options.retryMs ?? 1500;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const pending = new Map<string, SheetEdit>();
  let timer: unknown;
  const schedule = (ms: number) => {
    if (timer !== undefined) clearTimer(timer);
    timer = setTimer(flush, ms);
  };
  const add = (edits: readonly SheetEdit[]) => {
    for (const edit of edits) pending.set(`${edit.sheet}\u0000${edit.address}\u0000${edit.structural}`, edit);
  };
  function flush(): void {
    timer = undefined;
    if (pending.size === 0) return;
    if (options.isOwnWrite?.()) {
      schedule(debounceMs); // the add-in is still writing: ask again after it
      return;
    }
    const edits = [...pending.values()];
    pending.clear();
    onEdits(edits);
  }
  const registrations = sheets.map((sheet) =>
    context.workbook.worksheets.getItem(sheet).onChanged.add(async (event) => {
      const edit = editFromEvent(sheet, event);
      if (!edit) return;
      add([edit]);
      schedule(debounceMs);
    }),
  );
  await context.sync();
  return {
    sheets: [...sheets],
    retry(edits) {
      add(edits);
      if (timer === undefined) schedule(retryMs);
    },
    async stop() {
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      pending.clear();
      const first = registrations[0];
      if (!first) return;
      await Excel.run(first.context, async (context) => {
        for (const registration of registrations) registration.remove();
        await context.sync();
      });
    },
  };
}
