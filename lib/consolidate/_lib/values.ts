import { foldKey } from '../../text/fold';
import type { FieldValue, ReportValues, SourcedValue } from '../../validate/check';

/** Every value a file holds, with the key of its row (or cover field) and its field id. */
export function* sourcedValues(values: ReportValues): Generator<{ sheetKey: string; field: string; v: SourcedValue }> {
  for (const [field, v] of Object.entries(values.cover)) yield { sheetKey: field, field, v };
  for (const [key, fields] of Object.entries(values.indicators)) for (const [field, v] of Object.entries(fields)) yield { sheetKey: key, field, v };
  for (const [key, fields] of Object.entries(values.tasks)) for (const [field, v] of Object.entries(fields)) yield { sheetKey: key, field, v };
}

/** Numbers within rounding, texts after Vietnamese-aware folding (case, spacing, tone placement). */
export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  if (typeof a === 'string' && typeof b === 'string') return foldKey(a) === foldKey(b);
  return a === b;
}
