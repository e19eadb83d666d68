// The demo's earlier months: the same plan simulated and consolidated for the months before, their
// summaries kept in an archive folder as the secretariat keeps them, so the month's summary has its Xu
// hướng sheet and the report its trends. Two units fail every month, so the demo shows repeat offenders.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { consolidateInputs } from '../../app/consolidate';
import type { Receipt } from '../../app/intake';
import { PLAN_FIRST_PERIOD } from '../../history/build';
import { renderMessage } from '../../node/mime';
import { nativeSha256 } from '../../node/hash';
import { nativeZipCodec } from '../../node/zip-codec';
import { comparePeriods, describePeriod, parsePeriod, previousPeriod, type Period } from '../../period/period';
import type { Roster } from '../../roster/roster';
import { createRandom } from '../../simulate/random';
import type { SimulatePlant } from '../../simulate/month';
import { writeSummaryXlsx } from '../../summary/xlsx';
import { currentDefinition } from '../../template/registry';
import type { CliContext } from '../command';

/** Months of the year before `period` the demo fills: from the plan's first month (or January) on, as a secretariat's archive would hold them. */
export function demoEarlierMonths(period: Period): Period[] {
  const first = parsePeriod(PLAN_FIRST_PERIOD) as Period;
  const months: Period[] = [];
  for (let at = previousPeriod(period); at.year === period.year && comparePeriods(at, first) >= 0; at = previousPeriod(at)) months.unshift(at);
  return months;
}

/** One commune late and one department silent every month: the same two units whatever the month, chosen by the seed. */
export function demoPlant(roster: Roster, seed: number): SimulatePlant & { late: string[]; missing: string[] } {
  const random = createRandom(seed).fork('demo-history');
  const communes = roster.units.filter((u) => u.kind === 'commune');
  const departments = roster.units.filter((u) => u.kind === 'department');
  return { late: [random.pick(communes).code], missing: [random.pick(departments).code] };
}

/**
 * When the demo's secretariat consolidates a month: 08:00 Vietnam time six days after the due date, once the
 * simulator's latest late return (at most six days after the last on-time day) is in; the reminders go the same morning.
 */
export function demoConsolidatedAt(period: Period): Date {
  return new Date(Date.parse(`${describePeriod(period).dueDate}T08:00:00+07:00`) + 6 * 86_400_000);
}

/**
 * Simulates and consolidates the months before `period` into `dir`, one `tong-hop-YYYY-MM.xlsx` each.
 * @returns the months written, oldest first.
 */
export async function writeDemoArchive(options: { dir: string; period: Period; seed: number; plant: SimulatePlant }, ctx: CliContext): Promise<string[]> {
  mkdirSync(options.dir, { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- exceljs loads only when needed; import() is ESM-only under node16
  const { simulateMonth } = require('../../simulate/month') as typeof import('../../simulate/month');
  const catalog = ctx.loadCatalog();
  const roster = ctx.loadRoster();
  const written: string[] = [];
  for (const [i, period] of demoEarlierMonths(options.period).entries()) {
    const month = await simulateMonth({ definition: currentDefinition(), catalog, roster, period, seed: options.seed + 101 * (i + 1), plant: options.plant, renderMessage });
    const receipts = new Map<string, Receipt>(month.receipts.map((r) => [r.file, { at: r.receivedAt, source: 'receipts' }]));
    const now = demoConsolidatedAt(period);
    const { model } = await consolidateInputs(
      month.files.map((f) => ({ name: f.name, bytes: f.bytes })),
      { catalog, roster, period, now, sha256: nativeSha256, codec: nativeZipCodec, receipts, ...(ctx.integrityKey ? { integrityKey: ctx.integrityKey } : {}) },
    );
    writeFileSync(join(options.dir, `tong-hop-${period.id}.xlsx`), await writeSummaryXlsx(model, { generatedAt: now }));
    written.push(period.id);
  }
  return written;
}
