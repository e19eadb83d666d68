// Names shared by the writer (generate) and the reader: the contract of a returned workbook.

export type SheetId = 'cover' | 'indicators' | 'tasks';

/** Keys of the identity sheet (column A), in the order they are written. */
export const IDENTITY_KEYS = {
  marker: 'da06',
  templateId: 'templateId',
  templateVersion: 'templateVersion',
  catalogHash: 'catalogHash',
  unitCode: 'unitCode',
  unitName: 'unitName',
  unitKind: 'unitKind',
  period: 'period',
  generatedAt: 'generatedAt',
  sheetCover: 'sheet.cover',
  sheetIndicators: 'sheet.indicators',
  sheetTasks: 'sheet.tasks',
  rowCount: 'rowCount',
  /** Keyed token binding unit, period and template (lib/catalog/integrity.ts). */
  integrity: 'integrity',
  /** Starts the list of row keys: one row per key, its sheet id in column B. */
  rowsHeader: 'rows',
} as const;

/** Column A of every visible sheet holds the row key; it is hidden and locked. */
export const KEY_COLUMN = 1;

/** On the cover, a field's input cell is in this column of the field's row. */
export const COVER_INPUT_COLUMN = 4;

/** Layout keys of the data sheets' header rows. */
export const HEADER_KEY = '#header';

/** Defined name of a dropdown list on the lists sheet. */
export function listName(listId: string): string {
  return `DS_${listId}`;
}

/** Key of a group heading row: `#PL1.II`, `#PL3.IV`. Keys starting with `#` are layout, not data. */
export function rowKeyOfGroup(appendix: 'I' | 'II' | 'III', group: string): string {
  return `#PL${appendix === 'I' ? 1 : appendix === 'II' ? 2 : 3}.${group}`;
}

export function isLayoutKey(key: string): boolean {
  return key.startsWith('#');
}
