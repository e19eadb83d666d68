import { assessFile, type AssessedFile, type AssessOptions } from '../consolidate/merge';
import type { IntakeItem } from '../consolidate/types';
import type { AssessWorkerData } from './assess-worker';
import { compiledWorker, defaultThreads, runOnWorkers } from './worker-pool';

export interface AssessPoolOptions extends AssessOptions {
  /** Worker threads; 0 assesses on the calling thread. Defaults to the machine's cores (at most 8). */
  threads?: number;
  rosterPath?: string;
  /** How many items are coming, when known: small jobs stay on the calling thread. */
  expected?: number;
  onResult?: (file: AssessedFile, done: number) => void;
}

/**
 * Assesses intake items on all cores, reading each only when a worker is free (memory stays flat
 * however many files arrive), and returns results in input order, so the merge is deterministic.
 */
export async function assessAll(items: AsyncIterable<IntakeItem> | Iterable<IntakeItem>, options: AssessPoolOptions): Promise<AssessedFile[]> {
  const script = compiledWorker('assess-worker');
  const threads = script ? (options.threads ?? defaultThreads(options.expected)) : 0;
  const results: AssessedFile[] = [];
  let done = 0;
  const record = (file: AssessedFile, index: number) => {
    results[index] = file;
    done += 1;
    options.onResult?.(file, done);
  };
  if (threads === 0 || !script) {
    let index = 0;
    for await (const item of items) record(assessFile(item, options), index++);
    return results;
  }
  const data: AssessWorkerData = { period: options.period.id, ...(options.rosterPath ? { rosterPath: options.rosterPath } : {}), ...(options.integrityKey ? { integrityKey: options.integrityKey } : {}) };
  await runOnWorkers<IntakeItem, { result: AssessedFile }>(
    script,
    data,
    threads,
    items,
    (item, id) => {
      // The bytes move to the worker instead of being copied.
      const bytes = item.bytes.byteOffset === 0 && item.bytes.byteLength === item.bytes.buffer.byteLength ? item.bytes : item.bytes.slice();
      return { message: { id, item: { ...item, bytes } }, transfer: [bytes.buffer as ArrayBuffer] };
    },
    (reply, id) => record(reply.result, id),
  );
  return results;
}
