/// <reference types="office-js" />
// Every batch of the add-in starts here. Excel refuses a batch while the user is typing in a cell:
// builds that honour `delayForCellEdit` hold it until the user leaves the cell, others fail it.

/** The documented code for a batch refused in cell edit mode (Excel's error-code reference). */
export function isCellEditError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'InvalidOperationInCellEditMode';
}

/** Cell edit mode, or the bare InvalidOperation the delayForCellEdit how-to says such a batch gets. */
export function mayBeCellEdit(error: unknown): boolean {
  return isCellEditError(error) || (error as { code?: unknown } | null)?.code === 'InvalidOperation';
}

/** Excel.run, held by Excel until the user leaves the cell being edited (on builds that honour it). */
export function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run({ delayForCellEdit: true }, batch);
}

export interface RunRetryingOptions {
  /** Tries in all (default 4). */
  attempts?: number;
  /** Pause before the second try; it grows with each try (default 1000 ms). */
  waitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * runExcel, tried again after a pause when a build that ignores delayForCellEdit refuses the batch
 * for cell editing. The batch must be safe to repeat: a refused batch runs none of its commands.
 */
export async function runExcelRetrying<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunRetryingOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 4;
  const waitMs = options.waitMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runExcel(batch);
    } catch (error) {
      if (!isCellEditError(error) || attempt >= attempts) throw error;
      await sleep(waitMs * attempt);
    }
  }
}
