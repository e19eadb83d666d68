/// <reference types="office-js" />
import type { SummaryModel } from '../../../lib/summary/model';
import { writeSummaryXlsx } from '../../../lib/summary/xlsx';

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Opens the summary as a new workbook (ExcelApi 1.8): the same file `da06 consolidate` writes, charts
 * included (as DrawingML parts of the file: the add-in cannot reach into a workbook it did not open in).
 */
export async function openSummaryWorkbook(model: SummaryModel, generatedAt: Date): Promise<void> {
  const bytes = await writeSummaryXlsx(model, { generatedAt });
  await Excel.createWorkbook(toBase64(bytes));
}
