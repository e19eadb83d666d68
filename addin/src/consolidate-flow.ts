// "Tổng hợp" in the pane: the files the secretariat picked, through lib's one consolidation step
// (lib/app/consolidate.ts), exactly as `da06 consolidate` runs it on disk.
import { consolidateInputs, type ConsolidatedInputs } from '../../lib/app/consolidate';
import type { RawInput } from '../../lib/app/intake';
import type { Period } from '../../lib/period/period';
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
  /** The secretariat's key for the templates' integrity tokens; the public default when absent. */
  integrityKey?: string;
  onProgress?: (done: number, total: number, label: string) => void;
  signal?: AbortSignal;
}

/** Lets the pane repaint its progress bar and notice "Hủy" between files. */
function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Picked files as raw inputs, each read when its turn comes. */
async function* pickedInputs(files: readonly PickedFile[]): AsyncGenerator<RawInput> {
  for (const file of files) yield { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), modifiedAt: file.lastModified };
}

/** Reads, validates and merges the picked files, then lays out the summary; cancellable between files. */
export async function consolidateFiles(files: readonly PickedFile[], options: ConsolidateFilesOptions): Promise<ConsolidatedInputs> {
  const { catalog, roster } = bundledContext();
  let opened = 0;
  const counted = async function* (): AsyncGenerator<RawInput> {
    for await (const input of pickedInputs(files)) {
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
    ...(options.signal ? { signal: options.signal } : {}),
    pause: yieldToUi,
    // "tệp 8/120" counts the files picked; a saved e-mail's attachments share its number.
    onProgress: (_done, name) => options.onProgress?.(opened, files.length + 1, `Đã đọc và kiểm tra tệp ${opened}/${files.length}: ${name}`),
  });
}
