// "Tổng hợp" in the pane: the files the secretariat picked, through lib's one consolidation step
// (lib/app/consolidate.ts), exactly as `da06 consolidate` runs it on disk: the same receipt sources
// (receipts log, e-mail Date, report date in the form), the same previous month's summary and the
// same history of months (earlier summaries picked, as `--history` reads a folder).
import { consolidateInputs, type ConsolidatedInputs, type HistoryInput } from '../../lib/app/consolidate';
import { readArchiveEntry } from '../../lib/app/history';
import { readReceipts, type RawInput, type ReadReceipts, type Receipt } from '../../lib/app/intake';
import type { Period } from '../../lib/period/period';
import type { SummaryFacts } from '../../lib/summary/facts';
import { readPreviousSummary, type PreviousSummary } from '../../lib/summary/previous';
import type { FieldValue } from '../../lib/validate/check';
import { bundledContext } from './check/context';

/**
 * What the pane needs of a picked file (a DOM File fits). Its `lastModified` is not used: for a file
 * saved from mail or downloaded it is when it was saved, not when it was received.
 */
export interface PickedFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ConsolidateFilesOptions {
  period: Period;
  now: Date;
  /** The secretariat's key for the templates' integrity tokens; the public default when absent. */
  integrityKey?: string;
  /** The receipts log the user picked ({@link readPickedReceipts}), as `--receipts`. */
  receipts?: ReadonlyMap<string, Receipt>;
  /** Last month's province values ({@link readPickedPrevious}), as `--previous`. */
  previous?: ReadonlyMap<string, FieldValue>;
  /** Earlier months' summaries ({@link readPickedHistory}), as `--history`: adds the Xu hướng sheet and the trend charts. */
  history?: HistoryInput;
  onProgress?: (done: number, total: number, label: string) => void;
  signal?: AbortSignal;
}

/** Lets the pane repaint its progress bar and notice "Hủy" between files. */
function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Picked files as raw inputs, each read when its turn comes. */
async function* pickedInputs(files: readonly PickedFile[]): AsyncGenerator<RawInput> {
  for (const file of files) yield { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** In name order, as `da06 consolidate` lists a folder: where two returns of a unit tie on time, the same one wins. */
function inListingOrder(files: readonly PickedFile[]): PickedFile[] {
  return [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A receipts log picked in the pane, read by lib as `--receipts` is. */
export async function readPickedReceipts(file: PickedFile): Promise<ReadReceipts> {
  return readReceipts(new Uint8Array(await file.arrayBuffer()));
}

/** Last month's summary picked in the pane, read and checked by lib as `--previous` is. */
export async function readPickedPrevious(file: PickedFile, period: Period): Promise<PreviousSummary> {
  return readPreviousSummary(new Uint8Array(await file.arrayBuffer()), period);
}

/** Earlier months' summaries picked in the pane: what `readArchive` gives the CLI for a folder. */
export interface PickedHistory {
  /** Every da06 summary picked, in name order. */
  facts: SummaryFacts[];
  /** Each summary's file name, by its facts (buildHistory's `sources`). */
  sources: Map<SummaryFacts, string>;
  /** Picked files that are no da06 summary, with the reason in Vietnamese: noted, not an error. */
  skipped: Array<{ file: string; reason: string }>;
}

/** Earlier months' summaries picked in the pane, each recognised by its content as `da06 consolidate --history` does. */
export async function readPickedHistory(files: readonly PickedFile[]): Promise<PickedHistory> {
  const result: PickedHistory = { facts: [], sources: new Map(), skipped: [] };
  for (const file of inListingOrder(files)) {
    let bytes: Uint8Array | null;
    try {
      bytes = file.name.startsWith('~$') ? null : new Uint8Array(await file.arrayBuffer());
    } catch {
      bytes = null;
    }
    const read = readArchiveEntry(file.name, bytes);
    if (!read.ok) {
      result.skipped.push({ file: file.name, reason: read.reason });
      continue;
    }
    result.facts.push(read.facts);
    result.sources.set(read.facts, file.name);
  }
  return result;
}

/** Reads, validates and merges the picked files, then lays out the summary; cancellable between files. */
export async function consolidateFiles(files: readonly PickedFile[], options: ConsolidateFilesOptions): Promise<ConsolidatedInputs> {
  const { catalog, roster } = bundledContext();
  let opened = 0;
  const counted = async function* (): AsyncGenerator<RawInput> {
    for await (const input of pickedInputs(inListingOrder(files))) {
      opened += 1;
      yield input;
    }
  };
  return consolidateInputs(counted(), {
    catalog,
    roster,
    period: options.period,
    now: options.now,
    ...(options.integrityKey ? { integrityKey: options.integrityKey } : {}),
    ...(options.receipts ? { receipts: options.receipts } : {}),
    ...(options.previous ? { previous: options.previous } : {}),
    ...(options.history ? { history: options.history } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    pause: yieldToUi,
    // "tệp 8/120" counts the files picked; a saved e-mail's attachments share its number.
    onProgress: (_done, name) => options.onProgress?.(opened, files.length + 1, `Đã đọc và kiểm tra tệp ${opened}/${files.length}: ${name}`),
  });
}
