import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** A compiled worker next to this file; absent when running from TypeScript sources (tsx, jest). */
export function compiledWorker(name: string): string | null {
  const path = join(__dirname, `${name}.js`);
  return existsSync(path) ? path : null;
}

/**
 * Below this many jobs the calling thread does them alone: a worker loads its modules and warms its
 * own JIT before it helps. The crossover was measured on 2 vCPUs (`npm run bench`; figures in the README).
 */
export const MIN_JOBS_FOR_WORKERS = 500;

/**
 * Worker threads for a job, besides the calling thread, which works too: DA06_THREADS when set
 * (0 = none), else one per other core for jobs big enough.
 */
export function defaultThreads(jobs?: number): number {
  const forced = process.env.DA06_THREADS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(64, Number(forced));
  if (jobs !== undefined && jobs < MIN_JOBS_FOR_WORKERS) return 0;
  return Math.min(7, availableParallelism() - 1);
}

/** A worker script posts this once its modules are loaded; only then is it given jobs. */
export const WORKER_READY = 'da06-worker-ready';

type Reply<R> = { id: number; error?: string } & Partial<R>;

export interface RunOnWorkersOptions<J, R> {
  script: string;
  workerData: unknown;
  threads: number;
  jobs: AsyncIterable<J> | Iterable<J>;
  encode: (job: J, id: number) => { message: unknown; transfer?: ArrayBuffer[] };
  onReply: (reply: R, id: number) => void;
  /**
   * Does a job on the calling thread when no worker has room, so every core works (the calling
   * thread is one of them) and the first jobs do not wait for workers to start.
   */
  local?: (job: J, id: number) => R | Promise<R>;
}

/** Jobs queued per worker: the next is already there when it finishes, even while the calling thread is busy. */
const DEPTH = 2;

/**
 * Runs jobs on worker threads (and on the calling thread, given `local`), and reports each reply
 * with its job's id, so the caller can keep input order. Jobs are pulled only when someone has room,
 * so inputs are produced (read from disk) just in time and memory stays flat.
 */
export async function runOnWorkers<J, R>(options: RunOnWorkersOptions<J, R>): Promise<void> {
  const { script, workerData, threads, jobs, encode, onReply, local } = options;
  const workers = Array.from({ length: threads }, () => ({ worker: new Worker(script, { workerData }), ready: false, load: 0 }));
  const waiting: Array<() => void> = [];
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let failure: Error | undefined;
  const wake = () => {
    while (waiting.length) waiting.shift()?.();
  };
  for (const slot of workers) {
    slot.worker.on('message', (reply: Reply<R> | typeof WORKER_READY) => {
      if (reply === WORKER_READY) {
        slot.ready = true;
        wake();
        return;
      }
      const entry = pending.get(reply.id);
      pending.delete(reply.id);
      slot.load -= 1;
      wake();
      if (!entry) return;
      if (reply.error !== undefined) entry.reject(new Error(reply.error));
      else {
        onReply(reply as R, reply.id);
        entry.resolve();
      }
    });
    slot.worker.on('error', (error) => {
      failure = error;
      for (const entry of pending.values()) entry.reject(error);
      pending.clear();
      wake();
    });
  }
  const roomy = () => workers.filter((w) => w.ready && w.load < DEPTH).sort((a, b) => a.load - b.load)[0];
  const inFlight: Array<Promise<void>> = [];
  try {
    let id = 0;
    for await (const job of jobs) {
      if (failure) throw failure;
      const jobId = id++;
      let slot = roomy();
      if (!slot && local) {
        onReply(await local(job, jobId), jobId);
        // Let workers' replies in: they free room for the next job.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      while (!(slot = roomy()) && !failure) await new Promise<void>((resolve) => waiting.push(resolve));
      if (failure || !slot) throw failure ?? new Error('no worker');
      const { message, transfer } = encode(job, jobId);
      const target = slot;
      target.load += 1;
      const done = new Promise<void>((resolve, reject) => {
        pending.set(jobId, { resolve, reject });
        target.worker.postMessage(message, transfer ?? []);
      });
      done.catch(() => undefined); // reported by Promise.all below, not as an unhandled rejection
      inFlight.push(done);
    }
    await Promise.all(inFlight);
  } finally {
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}
