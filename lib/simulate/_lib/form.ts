// Typing answers into a template built by buildWorkbook, cell by cell, as a user would in Excel.

import type ExcelJS from 'exceljs';
import { assessmentOf } from '../../template/assessment';
import type { IndicatorRow, UnitRows } from '../../template/assign';
import { COVER_INPUT_COLUMN, KEY_COLUMN } from '../../template/layout';
import type { ColumnSpec, FormDefinition } from '../../template/schema';
import { stampZipTimes } from './zip-time';
import type { Answers, FieldValues, InputValue } from './answers';

interface DataSheet {
  ws: ExcelJS.Worksheet;
  rowOf: Map<string, number>;
  /** Column id → 1-based column: position in the definition + 2 (column A holds the keys). */
  columnOf: Map<string, number>;
}

export interface ReturnForm {
  workbook: ExcelJS.Workbook;
  /** Types the given answers; only the fields present are touched. */
  write(answers: Partial<Answers>): void;
  /** Serialises the workbook as the unit saved it: `savedAt` and `savedBy` in its properties, zip times fixed. */
  save(savedAt: Date, savedBy: string): Promise<Uint8Array>;
}

function worksheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`The template has no sheet "${name}"`);
  return ws;
}

function keyedRows(ws: ExcelJS.Worksheet): Map<string, number> {
  const rows = new Map<string, number>();
  ws.getColumn(KEY_COLUMN).eachCell((cell, row) => {
    if (typeof cell.value === 'string') rows.set(cell.value, row);
  });
  return rows;
}

function dataSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly ColumnSpec[]): DataSheet {
  const ws = worksheet(workbook, name);
  return { ws, rowOf: keyedRows(ws), columnOf: new Map(columns.map((c, i) => [c.id, i + 2])) };
}

function cellAt(sheet: DataSheet, key: string, field: string): ExcelJS.Cell {
  const row = sheet.rowOf.get(key);
  const col = sheet.columnOf.get(field);
  if (row === undefined || col === undefined) throw new Error(`No cell for ${key}.${field} on ${sheet.ws.name}`);
  return sheet.ws.getCell(row, col);
}

/** What Excel caches in the assessment cell once the result is typed (a text result is not a number to its formula). */
function assessmentCache(item: IndicatorRow, value: InputValue): string {
  return assessmentOf(item, typeof value === 'number' || typeof value === 'string' ? value : null);
}

export function openForm(workbook: ExcelJS.Workbook, definition: FormDefinition, rows: UnitRows): ReturnForm {
  const cover = worksheet(workbook, definition.cover.sheetName);
  const coverRows = keyedRows(cover);
  // A unit that monitors no indicator has no Biểu 01 (from version 2), and no answers for one.
  const indicators = workbook.getWorksheet(definition.indicators.sheetName) ? dataSheet(workbook, definition.indicators.sheetName, definition.indicators.columns) : undefined;
  const tasks = dataSheet(workbook, definition.tasks.sheetName, definition.tasks.columns);
  const items = new Map(rows.indicators.map((item) => [item.indicator.key, item]));
  const assessmentId = definition.indicators.columns.find((c) => c.source === 'assessment')?.id;

  const writeRows = (sheet: DataSheet, answers: Record<string, FieldValues>): void => {
    for (const [key, fields] of Object.entries(answers)) {
      for (const [field, value] of Object.entries(fields)) cellAt(sheet, key, field).value = value;
    }
  };

  return {
    workbook,
    write(answers) {
      for (const [id, value] of Object.entries(answers.cover ?? {})) {
        const row = coverRows.get(id);
        if (row === undefined) throw new Error(`No cover field ${id}`);
        cover.getCell(row, COVER_INPUT_COLUMN).value = value;
      }
      if (indicators) writeRows(indicators, answers.indicators ?? {});
      else if (Object.keys(answers.indicators ?? {}).length > 0) throw new Error(`The template has no sheet "${definition.indicators.sheetName}"`);
      writeRows(tasks, answers.tasks ?? {});
      if (!assessmentId || !indicators) return;
      for (const [key, fields] of Object.entries(answers.indicators ?? {})) {
        const item = items.get(key);
        if (!item || !('result' in fields)) continue;
        const cell = cellAt(indicators, key, assessmentId);
        cell.value = { formula: cell.formula, result: assessmentCache(item, fields.result ?? null) };
      }
    },
    async save(savedAt, savedBy) {
      workbook.modified = savedAt;
      workbook.lastModifiedBy = savedBy;
      const buffer = await workbook.xlsx.writeBuffer();
      return stampZipTimes(new Uint8Array(buffer as ArrayBuffer));
    },
  };
}
