import { seenValue } from '../validate/values';
import type { AssessedFile } from './assess';
import { sourcedValues } from './_lib/values';
import type { DataRecord, DataUse } from './types';

/**
 * Every value read from every readable file, with its provenance (file, SHA-256, cell) and whether it
 * counts: kept, superseded, or in a rejected file. Rows a unit added are kept too. Nothing is lost.
 */
export function collectDataRecords(files: readonly AssessedFile[], kept: ReadonlyMap<string, AssessedFile>, superseded: ReadonlySet<AssessedFile>): DataRecord[] {
  const data: DataRecord[] = [];
  for (const file of files) {
    if (!file.values || !file.unit) continue;
    const use: DataUse = kept.get(file.unit) === file ? 'consolidated' : superseded.has(file) ? 'superseded' : 'rejected';
    for (const { sheetKey, field, v } of sourcedValues(file.values)) {
      if (v.value === null || v.value === '') continue;
      data.push({ use, unit: file.unit, sheet: v.sheet, key: sheetKey, field, value: v.value, file: file.name, sha256: file.sha256, cell: v.address });
    }
    for (const extra of file.values.extraRows) {
      for (const cell of extra.cells) {
        data.push({ use, unit: file.unit, sheet: extra.sheet, key: `+dòng ${extra.row}`, field: cell.address.replace(/\d+$/, ''), value: seenValue(cell), file: file.name, sha256: file.sha256, cell: cell.address });
      }
    }
  }
  return data;
}
