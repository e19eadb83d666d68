// Real returned workbooks for the add-in's tests: templates da06 generates, filled by lib's simulator
// as a unit would, with chosen mistakes, then opened in the fake Excel.
import { loadCatalog, loadRoster } from '../../../lib/node/seeds';
import { parsePeriod, type Period } from '../../../lib/period/period';
import { findUnit } from '../../../lib/roster/roster';
import { fillReturn } from '../../../lib/simulate/fill';
import type { Mistake } from '../../../lib/simulate/mistake';
import { createRandom } from '../../../lib/simulate/random';
import { currentDefinition } from '../../../lib/template/registry';
import { FakeExcel, type FakeExcelOptions } from '../fake-office/office';
import { seedFromXlsx } from '../fake-office/seed';

export const catalog = loadCatalog();
export const roster = loadRoster();
export const definition = currentDefinition();
export const period = parsePeriod('2026-11') as Period;
/** 26/11/2026 08:00 Vietnam time. */
export const generatedAt = new Date(Date.UTC(2026, 10 /* Nov */, 26, 1, 0, 0));

export const SHEETS = { cover: 'Thông tin chung', indicators: 'Biểu 01 - Chỉ tiêu', tasks: 'Biểu 02 - Nhiệm vụ' } as const;

export interface ReturnOptions {
  seed?: number;
  mistakes?: Mistake[];
  reportDate?: string;
  period?: Period;
  /** The secretariat's DA06_SECRET the template was made with. */
  integrityKey?: string;
}

export function filledReturn(code: string, options: ReturnOptions = {}): Promise<Uint8Array> {
  const unit = findUnit(roster, code);
  if (!unit) throw new Error(`no unit ${code}`);
  return fillReturn({
    definition,
    catalog,
    unit,
    period: options.period ?? period,
    generatedAt,
    random: createRandom(options.seed ?? 1),
    reportDate: options.reportDate ?? '2026-12-04',
    mistakes: options.mistakes ?? [],
    ...(options.integrityKey ? { integrityKey: options.integrityKey } : {}),
  });
}

/** The workbook as Excel would show it, with the fake's globals installed on globalThis. */
export async function openInFakeExcel(bytes: Uint8Array, options: FakeExcelOptions = {}): Promise<FakeExcel> {
  const fake = new FakeExcel(await seedFromXlsx(bytes), options);
  fake.install();
  return fake;
}
