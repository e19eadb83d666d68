import { loadCatalog, loadRoster } from '../../../lib/node/seeds';
import { parsePeriod, type Period } from '../../../lib/period/period';
import { findUnit } from '../../../lib/roster/roster';
import type { Unit } from '../../../lib/roster/schema';
import { currentDefinition } from '../../../lib/template/registry';

export const catalog = loadCatalog();
export const roster = loadRoster();
export const definition = currentDefinition();
export const period = parsePeriod('2026-11') as Period;
/** 26/11/2026 08:00 Vietnam time. */
export const generatedAt = new Date(Date.UTC(2026, 10 /* Nov */, 26, 1, 0, 0));

export function unit(code: string): Unit {
  const found = findUnit(roster, code);
  if (!found) throw new Error(`no unit ${code}`);
  return found;
}

/** The first commune of the roster (Phường Hàm Rồng) and one further down the list. */
export const COMMUNES = [roster.units.find((u) => u.kind === 'commune') as Unit, roster.units.filter((u) => u.kind === 'commune')[100] as Unit];
