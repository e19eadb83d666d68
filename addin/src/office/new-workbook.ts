/// <reference types="office-js" />
import { base64 } from '../../../lib/_lib/base64';
import type { SummaryModel } from '../../../lib/summary/model';
import { writeSummaryXlsx } from '../../../lib/summary/xlsx';

/**
 * Opens the summary as a new workbook (ExcelApi 1.8): the same file `da06 consolidate` writes, charts
 * included (as DrawingML parts of the file: the add-in cannot reach into a workbook it did not open in).
 */
export async function openSummaryWorkbook(model: SummaryModel, generatedAt: Date): Promise<void> {
  const bytes = await writeSummaryXlsx(model, { generatedAt });
  await Excel.createWorkbook(base64(bytes));
}
