import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consolidateInputs } from '../lib/app/consolidate';
import type { Catalog } from '../lib/catalog/schema';
import type { Consolidation } from '../lib/consolidate/types';
import { buildHistory } from '../lib/history/build';
import { nativeDeflateChunk } from '../lib/node/deflate';
import { nativeSha256 } from '../lib/node/hash';
import { readArchive } from '../lib/node/history';
import { createPeriod, describePeriod, parsePeriod, type Period } from '../lib/period/period';
import type { Roster } from '../lib/roster/roster';
import { simulateMonth } from '../lib/simulate/month';
import { buildSummaryModel } from '../lib/summary/build';
import { trendCharts, trendSheet } from '../lib/summary/trends';
import { writeSummaryXlsx } from '../lib/summary/xlsx';
import { currentDefinition } from '../lib/template/registry';
import { median, timeIt } from './_lib/measure';
import { renderMessage } from '../lib/node/mime';

const PERIOD = parsePeriod('2027-12') as Period;
const CLI = join(__dirname, '..', 'dist', 'lib', 'cli', 'main.js');

export interface HistoryBench {
  /** Summaries in the archive (every month January–November, one of them consolidated twice). */
  summaries: number;
  archiveBytes: number;
  /** `da06 consolidate` of the province's December, without and with `--history` (medians). */
  withoutMs: number;
  withMs: number;
  addedMs: number;
  /** In this process: reading the archive, building the history, laying out the Xu hướng sheet and charts (medians). */
  readMs: number;
  buildMs: number;
  sheetMs: number;
}

/** A month's consolidation as another month's: the same realistic size (187 units, 20,000 data records), relabelled. */
function asMonth(c: Consolidation, period: Period, generatedAt: Date): Consolidation {
  const info = describePeriod(period);
  return { ...c, period: period.id, periodLabel: info.label, cutoffStart: info.cutoffStart, cutoffEnd: info.cutoffEnd, dueDate: info.dueDate, generatedAt: generatedAt.toISOString() };
}

function runCli(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [CLI, 'consolidate', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`consolidate failed: ${result.stderr}`);
  return ms;
}

/**
 * `--history` over twelve months: the province's December 2027 consolidated from a simulated inbox, with and
 * without an archive of twelve realistic summaries (January–November, June twice), run alternately as a user
 * runs it (built CLI); then the history's own steps timed in this process.
 */
export async function benchHistory(catalog: Catalog, roster: Roster, runs: number): Promise<HistoryBench> {
  const dir = mkdtempSync(join(tmpdir(), 'da06-bench-history-'));
  try {
    const inbox = join(dir, 'hop-thu');
    const archive = join(dir, 'luu-tru');
    mkdirSync(inbox);
    mkdirSync(archive);
    const month = await simulateMonth({ definition: currentDefinition(), catalog, roster, period: PERIOD, seed: 2027, renderMessage });
    for (const file of month.files) writeFileSync(join(inbox, file.name), file.bytes);
    const receipts = join(dir, 'so-tiep-nhan.csv');
    writeFileSync(receipts, `tệp,thời điểm nhận\n${month.receipts.map((r) => `${r.file},${r.receivedAt}`).join('\n')}\n`);
    const { consolidation } = await consolidateInputs(month.files.map((f) => ({ name: f.name, bytes: f.bytes })), { catalog, roster, period: PERIOD, now: new Date(Date.UTC(2028, 0, 11, 2)), sha256: nativeSha256 });
    let archiveBytes = 0;
    const store = async (name: string, c: Consolidation) => {
      const bytes = await writeSummaryXlsx(buildSummaryModel(c), { generatedAt: new Date(c.generatedAt), deflate: nativeDeflateChunk });
      archiveBytes += bytes.length;
      writeFileSync(join(archive, name), bytes);
    };
    for (let m = 1; m <= 11; m += 1) {
      const period = createPeriod(2027, m);
      await store(`tong-hop-${period.id}.xlsx`, asMonth(consolidation, period, new Date(Date.UTC(2027, m, 11, 2))));
    }
    await store('tong-hop-2027-06 (tong hop lai).xlsx', asMonth(consolidation, createPeriod(2027, 6), new Date(Date.UTC(2027, 7, 20, 2))));

    const base = [inbox, '--period', PERIOD.id, '--receipts', receipts];
    const without: number[] = [];
    const withHistory: number[] = [];
    runCli([...base, '--out', join(dir, 'a.xlsx')]); // warm-up: disk cache, code cache
    for (let i = 0; i < runs; i += 1) {
      without.push(runCli([...base, '--out', join(dir, 'a.xlsx')]));
      withHistory.push(runCli([...base, '--out', join(dir, 'b.xlsx'), '--history', archive]));
    }

    const reads: number[] = [];
    const builds: number[] = [];
    const sheets: number[] = [];
    for (let i = 0; i < Math.max(3, runs); i += 1) {
      let read = readArchive(archive);
      reads.push(await timeIt(async () => (read = readArchive(archive))));
      let history = buildHistory(consolidation, read.facts, catalog);
      builds.push(await timeIt(async () => (history = buildHistory(consolidation, read.facts, catalog))));
      sheets.push(await timeIt(async () => [trendSheet(history), trendCharts(history)]));
    }
    const withoutMs = median(without);
    const withMs = median(withHistory);
    return {
      summaries: 12,
      archiveBytes,
      withoutMs: Math.round(withoutMs),
      withMs: Math.round(withMs),
      addedMs: Math.round(withMs - withoutMs),
      readMs: Math.round(median(reads)),
      buildMs: +median(builds).toFixed(1),
      sheetMs: +median(sheets).toFixed(1),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
