import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Catalog } from '../lib/catalog/schema';
import { parsePeriod, type Period } from '../lib/period/period';
import type { Roster } from '../lib/roster/roster';
import { buildWorkbook, generateWorkbook } from '../lib/template/generate';
import { currentDefinition } from '../lib/template/registry';
import { median, timeIt } from './_lib/measure';

export interface TemplatesBench {
  files: number;
  /** Generating in one thread, in-process. */
  ms: number;
  perFileMs: number;
  floorMs: number;
  ratio: number;
  /** `da06 templates` end to end (built CLI, every core, files written). */
  cliMs: number;
  cliRatio: number;
}

const CLI = join(__dirname, '..', 'dist', 'lib', 'cli', 'main.js');

function runCli(): number {
  const dir = mkdtempSync(join(tmpdir(), 'da06-bench-templates-'));
  try {
    const start = performance.now();
    const result = spawnSync(process.execPath, [CLI, 'templates', '--period', '2026-11', '--out', dir], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`templates failed: ${result.stderr}`);
    return performance.now() - start;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same cell values with nothing else: no styles, validations, protection or print setup. */
function bareCopy(source: ExcelJS.Workbook): ExcelJS.Workbook {
  const bare = new ExcelJS.Workbook();
  for (const ws of source.worksheets) {
    const copy = bare.addWorksheet(ws.name);
    ws.eachRow((row, r) => row.eachCell((cell, c) => {
      copy.getCell(r, c).value = cell.value;
    }));
  }
  return bare;
}

/** Generating every unit's workbook for a period, against a bare exceljs write of the same cells. */
export async function benchTemplates(catalog: Catalog, roster: Roster, runs: number): Promise<TemplatesBench> {
  const definition = currentDefinition();
  const period = parsePeriod('2026-11') as Period;
  const generatedAt = new Date(Date.UTC(2026, 10, 26));
  const bare = roster.units.map((unit) => bareCopy(buildWorkbook({ definition, catalog, unit, period, generatedAt })));
  const full: number[] = [];
  const floor: number[] = [];
  const cli: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    cli.push(runCli());
    full.push(await timeIt(async () => {
      for (const unit of roster.units) await generateWorkbook({ definition, catalog, unit, period, generatedAt });
    }));
    floor.push(await timeIt(async () => {
      for (const wb of bare) await wb.xlsx.writeBuffer();
    }));
  }
  const ms = median(full);
  const floorMs = median(floor);
  const cliMs = median(cli);
  return {
    files: roster.units.length,
    ms: Math.round(ms),
    perFileMs: +(ms / roster.units.length).toFixed(2),
    floorMs: Math.round(floorMs),
    ratio: +(ms / floorMs).toFixed(2),
    cliMs: Math.round(cliMs),
    cliRatio: +(cliMs / floorMs).toFixed(2),
  };
}
