/// <reference types="office-js" />

/** ExcelApi versions the add-in uses beyond its 1.7 floor, and what each brings. */
export const EXCEL_API = {
  /** Office 2019: the manifest's floor (used range 1.4, fills 1.1, onChanged 1.7). */
  floor: '1.7',
  /** Excel.createWorkbook(base64): open the summary as a new workbook. */
  createWorkbook: '1.8',
  /** autoFilter on the summary sheets. */
  autoFilter: '1.9',
  /** WorksheetChangedEventArgs.triggerSource tells the add-in's own edits apart. */
  triggerSource: '1.14',
  /**
   * Undo grouping (Excel.run mergeUndoGroup), the first set whose documentation speaks of Undo for
   * add-in changes; before it, a change by the add-in may clear the user's Undo list.
   */
  undoGroup: '1.20',
} as const;

export type ApiSupport = (version: string) => boolean;

/** What the running Excel supports, asked of Office itself; false outside Office. */
export const officeApiSupport: ApiSupport = (version) => {
  try {
    return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', version) === true;
  } catch {
    return false;
  }
};
