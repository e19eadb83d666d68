// Worker thread: reads and validates returned workbooks with the same code as the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { nativeZipCodec } from './zip-codec';
import { assessFile } from '../consolidate/assess';
import type { IntakeItem } from '../consolidate/types';
import { parsePeriod, type Period } from '../period/period';
import { nativeSha256 } from './hash';
import { loadCatalog, loadRoster } from './seeds';
import { WORKER_READY } from './worker-pool';

export interface AssessWorkerData {
  period: string;
  rosterPath?: string;
  integrityKey?: string;
}

export interface AssessRequest {
  id: number;
  item: IntakeItem;
}

if (parentPort) {
  const data = workerData as AssessWorkerData;
  const options = {
    catalog: loadCatalog(),
    roster: loadRoster(data.rosterPath ? { rosterPath: data.rosterPath } : {}),
    period: parsePeriod(data.period) as Period,
    sha256: nativeSha256,
    codec: nativeZipCodec,
    ...(data.integrityKey ? { integrityKey: data.integrityKey } : {}),
  };
  const port = parentPort;
  port.on('message', ({ id, item }: AssessRequest) => {
    try {
      port.postMessage({ id, result: assessFile(item, options) });
    } catch (error) {
      port.postMessage({ id, error: (error as Error).stack ?? String(error) });
    }
  });
  port.postMessage(WORKER_READY);
}
