// The catalog and the roster travel inside the bundle: the pane needs no server and no file access.
import catalogJson from '../../../seeds/catalog.json';
import rosterJson from '../../../seeds/roster.json';
import communesJson from '../../../seeds/thanh-hoa-communes-2025.json';
import { catalogSchema, type Catalog } from '../../../lib/catalog/schema';
import { buildRoster, type Roster } from '../../../lib/roster/roster';

let cached: { catalog: Catalog; roster: Roster } | undefined;

/** Parsed once, on first use (zod validates the seeds as the CLI does). */
export function bundledContext(): { catalog: Catalog; roster: Roster } {
  cached ??= { catalog: catalogSchema.parse(catalogJson), roster: buildRoster(rosterJson, communesJson) };
  return cached;
}
