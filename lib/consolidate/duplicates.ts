import type { AssessedFile } from './assess';
import { sameValue, sourcedValues } from './_lib/values';
import type { CellChange, DuplicateRecord } from './types';
import type { ReportValues, SourcedValue } from '../validate/check';

export interface ResolvedDuplicates {
  /** The one file of each unit that counts: its latest accepted return. */
  kept: Map<string, AssessedFile>;
  superseded: Set<AssessedFile>;
  duplicates: DuplicateRecord[];
}

/** Later receipt wins; an unknown time counts as earliest; input order breaks ties (later wins). */
function receiptOrder(a: { file: AssessedFile; index: number }, b: { file: AssessedFile; index: number }): number {
  const ta = a.file.receivedAt ? Date.parse(a.file.receivedAt) : Number.NEGATIVE_INFINITY;
  const tb = b.file.receivedAt ? Date.parse(b.file.receivedAt) : Number.NEGATIVE_INFINITY;
  return ta === tb ? a.index - b.index : ta < tb ? -1 : 1;
}

/** Cells whose values differ between two returns of a unit (the derived assessment excepted). */
export function diffValues(before: ReportValues, after: ReportValues): CellChange[] {
  const old = new Map<string, SourcedValue>();
  for (const { sheetKey, field, v } of sourcedValues(before)) old.set(`${sheetKey}|${field}`, v);
  const changes: CellChange[] = [];
  for (const { sheetKey, field, v } of sourcedValues(after)) {
    const was = old.get(`${sheetKey}|${field}`);
    if (field === 'assessment') continue; // derived: its change is the result's change
    if (!was || !sameValue(was.value, v.value)) changes.push({ sheet: v.sheet, cell: v.address, key: sheetKey, field, before: was?.value ?? null, after: v.value });
  }
  return changes;
}

/**
 * Keeps the latest accepted return of each unit; older ones are superseded, and the cells that
 * changed between the last superseded one and the kept one are listed. Rejected files never count.
 */
export function resolveDuplicates(files: readonly AssessedFile[]): ResolvedDuplicates {
  const byUnit = new Map<string, Array<{ file: AssessedFile; index: number }>>();
  files.forEach((file, index) => {
    if (file.blocked || !file.unit) return;
    byUnit.set(file.unit, [...(byUnit.get(file.unit) ?? []), { file, index }]);
  });
  const kept = new Map<string, AssessedFile>();
  const superseded = new Set<AssessedFile>();
  const duplicates: DuplicateRecord[] = [];
  for (const [unit, entries] of byUnit) {
    const ordered = [...entries].sort(receiptOrder).map((e) => e.file);
    const latest = ordered[ordered.length - 1] as AssessedFile;
    kept.set(unit, latest);
    if (ordered.length === 1) continue;
    const older = ordered.slice(0, -1);
    older.forEach((f) => superseded.add(f));
    const previous = older[older.length - 1] as AssessedFile;
    duplicates.push({ unit, kept: latest.name, superseded: older.map((f) => f.name), changes: previous.values && latest.values ? diffValues(previous.values, latest.values) : [] });
  }
  return { kept, superseded, duplicates };
}
