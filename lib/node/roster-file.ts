import { readFileSync } from 'node:fs';
import { formatRosterFile } from '../roster/contacts';
import { rosterFileSchema, type RosterFile } from '../roster/schema';
import { writeFileAtomic } from './files';
import { seedPath } from './seeds';

/** The roster file the secretariat edits: DA06_ROSTER's, else seeds/roster.json. */
export function rosterFilePath(rosterPath?: string): string {
  return rosterPath ?? seedPath('roster');
}

/** The roster file as written (key order kept, so a rewrite changes only what changed), checked by its schema. */
export function readRosterFile(path: string): RosterFile {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  rosterFileSchema.parse(raw);
  return raw as RosterFile;
}

/** Writes the roster file whole or not at all, one line per unit. */
export function writeRosterFile(path: string, file: RosterFile): void {
  rosterFileSchema.parse(file);
  writeFileAtomic(path, formatRosterFile(file));
}
