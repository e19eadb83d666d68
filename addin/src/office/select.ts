/// <reference types="office-js" />

/** Shows a cell to the user: activates its sheet and selects it (just the sheet when no cell is known). */
export async function goToCell(context: Excel.RequestContext, sheet: string, cell?: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  if (cell) worksheet.getRange(cell).select();
  await context.sync();
}
