import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { consolidateInputs } from '../lib/app/consolidate';
import { parseReceipts } from '../lib/app/intake';
import type { Catalog } from '../lib/catalog/schema';
import { nativeDeflateChunk } from '../lib/node/deflate';
import { nativeSha256 } from '../lib/node/hash';
import { listFiles, readInputs } from '../lib/node/intake';
import { parsePeriod, type Period } from '../lib/period/period';
import { openZip } from '../lib/read/zip';
import type { Roster } from '../lib/roster/roster';
import { renderMessage } from '../lib/node/mime';
import { simulateMonth } from '../lib/simulate/month';
import { streamSummaryXlsx } from '../lib/summary/xlsx';
import { currentDefinition } from '../lib/template/registry';
import { median, timeIt } from './_lib/measure';

const PERIOD = parsePeriod('2026-11') as Period;
const CLI = join(__dirname, '..', 'dist', 'lib', 'cli', 'main.js');

export interface Inbox {
  dir: string;
  receipts: string;
  files: number;
  bytes: number;
}

/** Writes `months` simulated months (178 returns each) into one inbox folder. */
export async function buildInbox(catalog: Catalog, roster: Roster, months: number): Promise<Inbox> {
  const dir = mkdtempSync(join(tmpdir(), 'da06-bench-'));
  const inbox = join(dir, 'hop-thu');
  mkdirSync(inbox);
  const receipts: string[] = ['tệp,thời điểm nhận'];
  let files = 0;
  let bytes = 0;
  for (let m = 0; m < months; m += 1) {
    const month = await simulateMonth({ definition: currentDefinition(), catalog, roster, period: PERIOD, seed: 1000 + m, renderMessage });
    for (const file of month.files) {
      const name = `${m}-${file.name}`;
      writeFileSync(join(inbox, name), file.bytes);
      files += 1;
      bytes += file.bytes.length;
    }
    for (const r of month.receipts) receipts.push(`${m}-${r.file},${r.receivedAt}`);
  }
  const receiptsPath = join(dir, 'so-tiep-nhan.csv');
  writeFileSync(receiptsPath, receipts.join('\n'));
  return { dir: inbox, receipts: receiptsPath, files, bytes };
}

/** `da06 consolidate` end to end, as a user runs it (built CLI, worker threads), with its peak RSS. */
function runCli(inbox: Inbox, out: string): { ms: number; peakRssMiB: number } {
  const start = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', 'da06-max-rss-kib:%M', process.execPath, CLI, 'consolidate', inbox.dir, '--period', PERIOD.id, '--out', out, '--receipts', inbox.receipts], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`consolidate failed: ${result.stderr}`);
  const kib = Number(/da06-max-rss-kib:(\d+)/.exec(result.stderr)?.[1] ?? 0);
  return { ms, peakRssMiB: Math.round(kib / 1024) };
}

const FLOOR_PARTS = /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/sharedStrings\.xml|xl\/styles\.xml|xl\/worksheets\/sheet[1-3,5]\.xml|\[Content_Types\]\.xml)$/;

/**
 * The floor as a program of its own, run like the CLI: a fresh Node process that loads only the zip
 * reader and saxes, then reads, unzips and parses the same parts. Cold JIT and process start on both
 * sides, so the ratio compares like with like; the in-process floor below runs in a warmed-up process.
 */
function floorProcess(dir: string): number {
  const code = `
    const { readdirSync, readFileSync } = require('node:fs');
    const { join } = require('node:path');
    const { SaxesParser } = require(${JSON.stringify(require.resolve('saxes'))});
    const { openZip } = require(${JSON.stringify(join(__dirname, '..', 'dist', 'lib', 'read', 'zip.js'))});
    const parts = ${FLOOR_PARTS.toString()};
    for (const file of readdirSync(${JSON.stringify(dir)}).filter((f) => f.endsWith('.xlsx'))) {
      let zip;
      try { zip = openZip(new Uint8Array(readFileSync(join(${JSON.stringify(dir)}, file)))); } catch { continue; }
      for (const name of zip.names) {
        if (!parts.test(name)) continue;
        try { new SaxesParser({ xmlns: false, position: false }).write(zip.readText(name)).close(); } catch { /* the broken file */ }
      }
    }`;
  const start = performance.now();
  const result = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`floor process failed: ${result.stderr}`);
  return ms;
}

/** The floor: read each file, unzip and parse the XML of the parts we read, with the same libraries, nothing else. */
function floor(paths: readonly string[]): void {
  for (const path of paths) {
    let zip;
    try {
      zip = openZip(new Uint8Array(readFileSync(path)));
    } catch {
      continue;
    }
    for (const name of zip.names) {
      if (!FLOOR_PARTS.test(name)) continue;
      try {
        const parser = new SaxesParser({ xmlns: false, position: false });
        parser.write(zip.readText(name)).close();
      } catch {
        // the broken file of the month
      }
    }
  }
}

async function exceljsLoad(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    try {
      await new ExcelJS.Workbook().xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    } catch {
      // the broken file of the month
    }
  }
}

export interface ConsolidateBench {
  files: number;
  ms: number;
  perFileMs: number;
  /** The floor as its own fresh process (like for like with the CLI). */
  floorMs: number;
  ratio: number;
  /** The floor in this long-running, warmed-up process. */
  warmFloorMs: number;
  warmRatio: number;
  exceljsMs: number;
  exceljsRatio: number;
  peakRssMiB: number;
}

export async function benchConsolidateInbox(inbox: Inbox, runs: number, withExceljs: boolean): Promise<ConsolidateBench> {
  const paths = readdirSync(inbox.dir).filter((f) => f.endsWith('.xlsx')).map((f) => join(inbox.dir, f));
  const out = join(inbox.dir, '..', 'tong-hop.xlsx');
  const cli: Array<{ ms: number; peakRssMiB: number }> = [];
  const floors: number[] = [];
  const warmFloors: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    cli.push(runCli(inbox, out));
    floors.push(floorProcess(inbox.dir));
    warmFloors.push(await timeIt(async () => floor(paths)));
    if (withExceljs) loads.push(await timeIt(() => exceljsLoad(paths)));
  }
  const ms = median(cli.map((c) => c.ms));
  const floorMs = median(floors);
  const warmFloorMs = median(warmFloors);
  const exceljsMs = withExceljs ? median(loads) : 0;
  return {
    files: inbox.files,
    ms: Math.round(ms),
    perFileMs: +(ms / inbox.files).toFixed(2),
    floorMs: Math.round(floorMs),
    ratio: +(ms / floorMs).toFixed(2),
    warmFloorMs: Math.round(warmFloorMs),
    warmRatio: +(ms / warmFloorMs).toFixed(2),
    exceljsMs: Math.round(exceljsMs),
    exceljsRatio: withExceljs ? +(exceljsMs / warmFloorMs).toFixed(2) : 0,
    peakRssMiB: Math.max(...cli.map((c) => c.peakRssMiB)),
  };
}

export function removeInbox(inbox: Inbox): void {
  rmSync(join(inbox.dir, '..'), { recursive: true, force: true });
}

export interface SummaryWriteBench {
  ms: number;
  withoutChartsMs: number;
  bytes: number;
  withoutChartsBytes: number;
}

/**
 * Writing the summary alone, as the CLI does (native deflate, chunks streamed out), with and without its
 * chart sheet: what the native charts cost. The model is built once; each write is timed in this process.
 */
export async function benchSummaryWrite(inbox: Inbox, catalog: Catalog, roster: Roster, runs: number): Promise<SummaryWriteBench> {
  const { receipts } = parseReceipts(readFileSync(inbox.receipts, 'utf8'));
  const { model } = await consolidateInputs(readInputs(listFiles([inbox.dir]).files), { catalog, roster, period: PERIOD, now: new Date(Date.UTC(2026, 11 /* Dec */, 11, 2)), sha256: nativeSha256, receipts });
  const write = (charts: boolean) => {
    let bytes = 0;
    streamSummaryXlsx(charts ? model : { ...model, charts: [] }, { generatedAt: new Date(), deflate: nativeDeflateChunk }, (chunk) => (bytes += chunk.length));
    return bytes;
  };
  const times: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < 3; i += 1) write(i % 2 === 0); // warm-up: JIT and the deflate stream
  // Alternated, many times: the difference is a few parts of a few KiB, far below this machine's noise in one run.
  for (let i = 0; i < Math.max(21, runs * 7); i += 1) {
    times.push(await timeIt(async () => write(true)));
    without.push(await timeIt(async () => write(false)));
  }
  return { ms: +median(times).toFixed(1), withoutChartsMs: +median(without).toFixed(1), bytes: write(true), withoutChartsBytes: write(false) };
}
