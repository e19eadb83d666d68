import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { catalogSchema, type Catalog } from '../catalog/schema';
import { buildRoster, type Roster } from '../roster/roster';

/** The package root, whether running from lib/ (tsx, jest) or from dist/lib/ (the built CLI). */
export function packageRoot(): string {
  const here = resolve(__dirname, '..', '..');
  return here.endsWith('dist') ? resolve(here, '..') : here;
}

export const SEED_FILES = {
  plan: 'seeds/ke-hoach-210-KH-UBND-de-an-06-2026-2030.md',
  catalog: 'seeds/catalog.json',
  roster: 'seeds/roster.json',
  communes: 'seeds/thanh-hoa-communes-2025.json',
} as const;

export function seedPath(name: keyof typeof SEED_FILES): string {
  return join(packageRoot(), SEED_FILES[name]);
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

export interface LoadRosterOptions {
  /** A roster file other than seeds/roster.json (the secretariat's own copy). */
  rosterPath?: string;
}

export function loadRoster(options: LoadRosterOptions = {}): Roster {
  return buildRoster(readJson(options.rosterPath ?? seedPath('roster')), readJson(seedPath('communes')));
}

export function loadCatalog(path = seedPath('catalog')): Catalog {
  return catalogSchema.parse(readJson(path));
}

export function readPlanText(): { text: string; sha256: string; file: string } {
  const bytes = readFileSync(seedPath('plan'));
  return { text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex'), file: SEED_FILES.plan };
}
