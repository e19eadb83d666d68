import ExcelJS from 'exceljs';
import type { Catalog } from '../lib/catalog/schema';
import { parsePeriod, type Period } from '../lib/period/period';
import type { Roster } from '../lib/roster/roster';
import { buildWorkbook } from '../lib/template/generate';
import { currentDefinition } from '../lib/template/registry';
import { median, timeIt } from './_lib/measure';

export interface TemplatesBench {
  files: number;
  ms: number;
  perFileMs: number;
  floorMs: number;
  ratio: number;
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
  for (let i = 0; i < runs; i += 1) {
    full.push(await timeIt(async () => {
      for (const unit of roster.units) await buildWorkbook({ definition, catalog, unit, period, generatedAt }).xlsx.writeBuffer();
    }));
    floor.push(await timeIt(async () => {
      for (const wb of bare) await wb.xlsx.writeBuffer();
    }));
  }
  const ms = median(full);
  const floorMs = median(floor);
  return { files: roster.units.length, ms: Math.round(ms), perFileMs: +(ms / roster.units.length).toFixed(2), floorMs: Math.round(floorMs), ratio: +(ms / floorMs).toFixed(2) };
}
