import { writeFileSync } from 'node:fs';
import { parsePlan, type ParsePlanResult } from '../catalog/parse';
import type { Roster } from '../roster/roster';
import { readPlanText, SEED_FILES, seedPath } from './seeds';

/** Parses the plan in seeds/ with the given roster: what seeds/catalog.json must contain. */
export function buildCatalogFromSeeds(roster: Roster): ParsePlanResult {
  const plan = readPlanText();
  return parsePlan(plan.text, roster, { file: SEED_FILES.plan, sha256: plan.sha256 });
}

/** The committed form of the catalog: stable, pretty JSON, so a plan change reads as a diff. */
export function serialiseCatalog(result: ParsePlanResult): string {
  return `${JSON.stringify(result.catalog, null, 2)}\n`;
}

export function writeCatalog(result: ParsePlanResult, path = seedPath('catalog')): string {
  writeFileSync(path, serialiseCatalog(result), 'utf8');
  return path;
}
