// Worker thread: generates and writes unit templates with the same code as the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { parsePeriod, type Period } from '../period/period';
import { findUnit } from '../roster/roster';
import { currentDefinition } from '../template/registry';
import { loadCatalog, loadRoster } from './seeds';
import { writeUnitTemplate } from './template-file';
import { WORKER_READY } from './worker-pool';

export interface TemplateWorkerData {
  period: string;
  outDir: string;
  generatedAt: string;
  rosterPath?: string;
  integrityKey?: string;
}

if (parentPort) {
  const data = workerData as TemplateWorkerData;
  const catalog = loadCatalog();
  const roster = loadRoster(data.rosterPath ? { rosterPath: data.rosterPath } : {});
  const period = parsePeriod(data.period) as Period;
  const definition = currentDefinition();
  const generatedAt = new Date(data.generatedAt);
  const port = parentPort;
  port.on('message', async ({ id, unit: code }: { id: number; unit: string }) => {
    try {
      const unit = findUnit(roster, code);
      if (!unit) throw new Error(`unknown unit ${code}`);
      const file = await writeUnitTemplate({ definition, catalog, unit, period, generatedAt, ...(data.integrityKey ? { integrityKey: data.integrityKey } : {}) }, data.outDir);
      port.postMessage({ id, file });
    } catch (error) {
      port.postMessage({ id, error: (error as Error).stack ?? String(error) });
    }
  });
  port.postMessage(WORKER_READY);
}
