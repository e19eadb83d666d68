// "Tổng hợp" in the pane: the files the secretariat picked, through lib's intake, merge and summary
// model, as `da06 consolidate` does on disk (lib/cli/commands/consolidate.ts, lib/node/intake.ts).
import { sha256Hex } from '../../lib/catalog/hash';
import { extractEml } from '../../lib/consolidate/eml';
import { assessFile, mergeAssessed, type AssessedFile } from '../../lib/consolidate/merge';
import type { Consolidation, IntakeItem, IntakeNote } from '../../lib/consolidate/types';
import { toVietnamIso } from '../../lib/consolidate/_lib/time';
import type { Period } from '../../lib/period/period';
import { buildSummaryModel } from '../../lib/summary/build';
import type { SummaryModel } from '../../lib/summary/model';
import { bundledContext } from './check/context';

/** What the pane needs of a picked file (a DOM File fits). */
export interface PickedFile {
  name: string;
  lastModified: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ConsolidateFilesOptions {
  period: Period;
  now: Date;
  /** The secretariat's key for the templates' integrity tokens (DA06_SECRET); the public default when absent. */
  integrityKey?: string;
  onProgress?: (done: number, total: number, label: string) => void;
  signal?: AbortSignal;
}

export interface ConsolidatedFiles {
  consolidation: Consolidation;
  model: SummaryModel;
}

export class ConsolidationCancelledError extends Error {
  constructor() {
    super('Consolidation cancelled');
  }
}

/** Lets the pane repaint its progress bar and notice "Hủy" between files. */
function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Files to intake items: attachments of saved e-mails, workbooks with their file time as receipt time. */
export async function intakeFiles(files: readonly PickedFile[]): Promise<{ items: IntakeItem[]; notes: IntakeNote[] }> {
  const items: IntakeItem[] = [];
  const notes: IntakeNote[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (file.name.startsWith('~$')) {
      notes.push({ name: file.name, sha256: sha256Hex(bytes), size: bytes.length, note: 'Tệp khóa tạm của Excel (~$…), không phải báo cáo.' });
    } else if (/\.eml$/i.test(file.name)) {
      const extracted = await extractEml(file.name, bytes);
      items.push(...extracted.items);
      notes.push(...extracted.notes);
    } else {
      // Anything else is offered to the reader, which says why an .xls or a PDF is refused.
      items.push({ name: file.name, bytes, receivedAt: toVietnamIso(file.lastModified), receivedAtSource: 'fileTime' });
    }
  }
  return { items, notes };
}

/** Reads, validates and merges the picked files, then lays out the summary; cancellable between files. */
export async function consolidateFiles(files: readonly PickedFile[], options: ConsolidateFilesOptions): Promise<ConsolidatedFiles> {
  const { catalog, roster } = bundledContext();
  const { items, notes } = await intakeFiles(files);
  const total = items.length + 1;
  const assessed: AssessedFile[] = [];
  for (const [i, item] of items.entries()) {
    await yieldToUi();
    if (options.signal?.aborted) throw new ConsolidationCancelledError();
    options.onProgress?.(i, total, `Đọc và kiểm tra tệp ${i + 1}/${items.length}: ${item.name}`);
    assessed.push(assessFile(item, { catalog, roster, period: options.period, ...(options.integrityKey ? { integrityKey: options.integrityKey } : {}) }));
  }
  await yieldToUi();
  if (options.signal?.aborted) throw new ConsolidationCancelledError();
  options.onProgress?.(items.length, total, 'Tổng hợp số liệu');
  const consolidation = mergeAssessed(assessed, { catalog, roster, period: options.period, now: options.now, notes });
  return { consolidation, model: buildSummaryModel(consolidation) };
}
