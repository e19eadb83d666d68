import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOnWorkers, WORKER_READY } from '../../lib/node/worker-pool';

// A plain worker script, independent of ours: doubles numbers, says which thread did it.
const SCRIPT = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', ({ id, n }) => {
  if (n < 0) parentPort.postMessage({ id, error: 'negative ' + n });
  else parentPort.postMessage({ id, value: n * 2, where: 'worker' + threadId });
});
parentPort.postMessage(${JSON.stringify(WORKER_READY)});
`;

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // the calling thread doing real work, as it does on a return
  }
}

describe('runOnWorkers', () => {
  let dir: string;
  let script: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'da06-pool-'));
    script = join(dir, 'double.js');
    writeFileSync(script, SCRIPT);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  type Reply = { value: number; where: string };
  const run = async (jobs: number[], threads: number, local?: (n: number) => Reply) => {
    const replies: Array<Reply & { id: number }> = [];
    await runOnWorkers<number, Reply>({
      script,
      workerData: null,
      threads,
      jobs,
      encode: (n, id) => ({ message: { id, n } }),
      onReply: (reply, id) => replies.push({ id, value: reply.value, where: reply.where }),
      ...(local ? { local } : {}),
    });
    return replies;
  };

  it('shares the jobs between the workers and the calling thread, each answer under its job id', async () => {
    const jobs = Array.from({ length: 200 }, (_, i) => i);
    const replies = await run(jobs, 1, (n) => {
      busy(2);
      return { value: n * 2, where: 'here' };
    });
    expect(replies.map((r) => r.id).sort((a, b) => a - b)).toEqual(jobs);
    for (const r of replies) expect(r.value).toBe(r.id * 2);
    const where = new Set(replies.map((r) => r.where));
    expect(where.has('here')).toBe(true);
    expect([...where].some((w) => w.startsWith('worker'))).toBe(true);
  });

  it('without a calling-thread job, waits for the workers to start and gives them everything', async () => {
    const replies = await run([1, 2, 3, 4, 5], 2);
    expect(replies.map((r) => [r.id, r.value]).sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual([[0, 2], [1, 4], [2, 6], [3, 8], [4, 10]]);
    expect(replies.every((r) => r.where.startsWith('worker'))).toBe(true);
  });

  it('fails the run when a worker reports an error', async () => {
    await expect(run([1, -1, 2], 1)).rejects.toThrow('negative -1');
  });
});
