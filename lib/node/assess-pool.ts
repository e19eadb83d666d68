import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { assessFile, type AssessedFile, type AssessOptions } from '../consolidate/merge';
import type { IntakeItem } from '../consolidate/types';
import type { AssessWorkerData } from './assess-worker';

export interface AssessPoolOptions extends AssessOptions {
  /** Worker threads; 0 assesses on the calling thread. Defaults to the machine's cores (at most 8). */
  threads?: number;
  rosterPath?: string;
  onResult?: (file: AssessedFile, done: number) => void;
}

/** The compiled worker; when running from TypeScript sources (tsx, jest) there is none, and work stays in-process. */
function workerScript(): string | null {
  const path = join(__dirname, 'assess-worker.js');
  return existsSync(path) ? path : null;
}

/**
 * Assesses intake items on all cores, reading each only when a worker is free (memory stays flat
 * however many files arrive), and returns results in input order, so the merge is deterministic.
 */
export async function assessAll(items: AsyncIterable<IntakeItem> | Iterable<IntakeItem>, options: AssessPoolOptions): Promise<AssessedFile[]> {
  const script = workerScript();
  const threads = script ? (options.threads ?? Math.min(8, availableParallelism())) : 0;
  const results: AssessedFile[] = [];
  let done = 0;
  const record = (index: number, file: AssessedFile) => {
    results[index] = file;
    done += 1;
    options.onResult?.(file, done);
  };
  if (threads === 0) {
    let index = 0;
    for await (const item of items) record(index++, assessFile(item, options));
    return results;
  }

  const data: AssessWorkerData = { period: options.period.id, ...(options.rosterPath ? { rosterPath: options.rosterPath } : {}), ...(options.integrityKey ? { integrityKey: options.integrityKey } : {}) };
  const workers = Array.from({ length: threads }, () => new Worker(script as string, { workerData: data }));
  const idle: Worker[] = [...workers];
  const waiting: Array<() => void> = [];
  const pending = new Map<number, (reply: { result?: AssessedFile; error?: string }) => void>();
  let failure: Error | undefined;
  for (const worker of workers) {
    worker.on('message', (reply: { id: number; result?: AssessedFile; error?: string }) => {
      pending.get(reply.id)?.(reply);
      pending.delete(reply.id);
      idle.push(worker);
      waiting.shift()?.();
    });
    worker.on('error', (error) => {
      failure = error;
      for (const resolve of pending.values()) resolve({ error: error.stack ?? String(error) });
      pending.clear();
      while (waiting.length) waiting.shift()?.();
    });
  }
  const inFlight: Array<Promise<void>> = [];
  try {
    let index = 0;
    for await (const item of items) {
      while (idle.length === 0 && !failure) await new Promise<void>((resolve) => waiting.push(resolve));
      if (failure) throw failure;
      const worker = idle.pop() as Worker;
      const id = index++;
      inFlight.push(
        new Promise<void>((resolve, reject) => {
          pending.set(id, (reply) => {
            if (reply.result) {
              record(id, reply.result);
              resolve();
            } else reject(new Error(reply.error));
          });
          // The bytes move to the worker instead of being copied.
          const bytes = item.bytes.byteOffset === 0 && item.bytes.byteLength === item.bytes.buffer.byteLength ? item.bytes : item.bytes.slice();
          worker.postMessage({ id, item: { ...item, bytes } }, [bytes.buffer as ArrayBuffer]);
        }),
      );
    }
    await Promise.all(inFlight);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
