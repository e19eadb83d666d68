import { assessFile, type AssessedFile, type AssessOptions } from '../consolidate/assess';
import { mergeAssessed, type ConsolidateOptions } from '../consolidate/merge';
import type { Consolidation, IntakeItem, IntakeNote } from '../consolidate/types';
import { buildHistory } from '../history/build';
import type { History } from '../history/types';
import { buildSummaryModel } from '../summary/build';
import type { SummaryFacts } from '../summary/facts';
import type { SummaryModel } from '../summary/model';
import { withTrends } from '../summary/trends';
import { intakeInputs, type IntakeOptions, type RawInput } from './intake';

/** Reads and validates intake items, reporting each result; the CLI passes its worker pool here. */
export type AssessItems = (items: AsyncIterable<IntakeItem>, options: AssessOptions, onResult: (file: AssessedFile) => void) => Promise<AssessedFile[]>;

export interface ConsolidateInputsOptions extends AssessOptions, IntakeOptions {
  now: Date;
  /** Last month's province values by indicator key (`readPreviousSummary`). */
  previous?: ConsolidateOptions['previous'];
  /** Default: one file after another on this thread ({@link assessInOrder}). */
  assess?: AssessItems;
  /** After each file is read and checked: how many so far, and its name. */
  onProgress?: (done: number, name: string) => void;
  /** Checked between files; an aborted run throws {@link ConsolidationCancelledError}. */
  signal?: AbortSignal;
  /** Awaited between files, e.g. to let a task pane repaint. */
  pause?: () => Promise<void>;
  /**
   * Earlier months' summaries (lib/node/history.ts `readArchive`): the summary gains the Xu hướng sheet and the trend
   * charts. A function is called once the month is merged, so a year of facts is not held in memory while returns are read.
   */
  history?: HistoryInput | (() => HistoryInput);
}

/** The archive's summaries, and the file each was read from. */
export interface HistoryInput {
  facts: readonly SummaryFacts[];
  sources?: ReadonlyMap<SummaryFacts, string>;
}

export interface ConsolidatedInputs {
  consolidation: Consolidation;
  /** The summary's sheets and charts, for any writer (the streamed .xlsx, Office.js). */
  model: SummaryModel;
  /** The history of months, when earlier summaries were given. */
  history?: History;
}

/** The user cancelled between files: nothing was merged or written. */
export class ConsolidationCancelledError extends Error {
  constructor() {
    super('Consolidation cancelled');
  }
}

/** Sequential assessment, with a pause and a cancellation check between files. */
export function assessInOrder(signal?: AbortSignal, pause?: () => Promise<void>): AssessItems {
  return async (items, options, onResult) => {
    const assessed: AssessedFile[] = [];
    for await (const item of items) {
      if (pause) await pause();
      if (signal?.aborted) throw new ConsolidationCancelledError();
      const file = assessFile(item, options);
      assessed.push(file);
      onResult(file);
    }
    return assessed;
  };
}

/**
 * The whole consolidation step, the same for every shell: raw inputs (files, picked files, saved
 * e-mails) through intake, the one rule set and the merge, to the summary model. The shells only
 * gather the inputs and write the model out.
 * @example const { consolidation, model } = await consolidateInputs(files, { catalog, roster, period, now: new Date() });
 */
export async function consolidateInputs(inputs: Iterable<RawInput> | AsyncIterable<RawInput>, options: ConsolidateInputsOptions): Promise<ConsolidatedInputs> {
  const notes: IntakeNote[] = [];
  const assess = options.assess ?? assessInOrder(options.signal, options.pause);
  let done = 0;
  const assessed = await assess(intakeInputs(inputs, notes, options), options, (file) => {
    done += 1;
    options.onProgress?.(done, file.name);
  });
  if (options.pause) await options.pause();
  if (options.signal?.aborted) throw new ConsolidationCancelledError();
  const consolidation = mergeAssessed(assessed, { ...options, notes });
  const model = buildSummaryModel(consolidation);
  if (!options.history) return { consolidation, model };
  const { facts, sources } = typeof options.history === 'function' ? options.history() : options.history;
  const history = buildHistory(consolidation, facts, options.catalog, { ...(options.rules ? { rules: options.rules } : {}), ...(sources ? { sources } : {}) });
  return { consolidation, model: withTrends(model, history), history };
}
