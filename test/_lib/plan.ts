// The built-in plan as most tests use it: catalog, roster, the current form, November 2026.
import { loadCatalog, loadRoster } from '../../lib/node/seeds';
import { parsePeriod, type Period } from '../../lib/period/period';
import { findUnit } from '../../lib/roster/roster';
import type { Unit } from '../../lib/roster/schema';
import { currentDefinition } from '../../lib/template/registry';

export const catalog = loadCatalog();
export const roster = loadRoster();
export const definition = currentDefinition();
export const period = parsePeriod('2026-11') as Period;
export const generatedAt = new Date(Date.UTC(2026, 10 /* Nov */, 26, 1, 2, 3));

/** A roster unit by code; a missing one is a broken test, said by name. */
export function unit(code: string): Unit {
  const found = findUnit(roster, code);
  if (!found) throw new Error(`no unit ${code} in the roster`);
  return found;
}
