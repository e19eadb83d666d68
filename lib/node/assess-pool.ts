import { assessFile, type AssessedFile, type AssessOptions } from '../consolidate/assess';
import type { IntakeItem } from '../consolidate/types';
import type { AssessWorkerData } from './assess-worker';
import { nativeSha256 } from './hash';
import { compiledWorker, defaultThreads, runOnWorkers } from './worker-pool';

export interface AssessPoolOptions extends AssessOptions {
  /** Worker threads besides the calling thread (which assesses too); 0 = the calling thread alone. Defaults to one per other core. */
  threads?: number;
  rosterPath?: string;
  /** False keeps the calling thread to hand out work (every file then goes to a worker). */
  callingThread?: boolean;
  /** How many items are coming, when known: small jobs stay on the calling thread. */
  expected?: number;
  onResult?: (file: AssessedFile, done: number) => void;
}

/**
 * Assesses intake items on all cores, the calling thread included, reading each only when someone is
 * free (memory stays flat however many files arrive); results come back in input order, so the merge
 * is deterministic.
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
  const here = { sha256: nativeSha256, ...options };
  if (threads === 0 || !script) {
    let index = 0;
    for await (const item of items) record(assessFile(item, here), index++);
    return results;
  }
  const data: AssessWorkerData = { period: options.period.id, ...(options.rosterPath ? { rosterPath: options.rosterPath } : {}), ...(options.integrityKey ? { integrityKey: options.integrityKey } : {}) };
  await runOnWorkers<IntakeItem, { result: AssessedFile }>({
    script,
    workerData: data,
    threads,
    jobs: items,
    encode: (item, id) => {
      // The bytes move to the worker instead of being copied.
      const bytes = item.bytes.byteOffset === 0 && item.bytes.byteLength === item.bytes.buffer.byteLength ? item.bytes : item.bytes.slice();
      return { message: { id, item: { ...item, bytes } }, transfer: [bytes.buffer as ArrayBuffer] };
    },
    onReply: (reply, id) => record(reply.result, id),
    ...(options.callingThread === false ? {} : { local: (item: IntakeItem) => ({ result: assessFile(item, here) }) }),
  });
  return results;
}
