import { readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import type { SummaryFacts } from '../summary/facts';
import { readArchiveEntry } from '../app/history';
import { listFiles } from './intake';
import { nativeZipCodec } from './zip-codec';

export interface ArchiveSummary {
  /** The file's path relative to the folder, as the user knows it there. */
  file: string;
  facts: SummaryFacts;
}

export interface ReadArchiveResult {
  /** Every da06 summary found, in path order. */
  summaries: ArchiveSummary[];
  /** The same facts, for buildHistory. */
  facts: SummaryFacts[];
  /** Each summary's file, by its facts (buildHistory's `sources`). */
  sources: Map<SummaryFacts, string>;
  /** `.xlsx` files that are not da06 summaries, with the reason in Vietnamese: noted, not an error. */
  skipped: Array<{ file: string; reason: string }>;
}

/** The folder does not exist or cannot be read. */
export class ArchiveNotFoundError extends Error {
  constructor(readonly dir: string) {
    super(`No archive folder ${dir}`);
  }
}

/**
 * Reads the secretariat's archive of past summaries: every `.xlsx` under `dir` (sub-folders too),
 * recognised as a da06 summary by its content, whatever it is called. Files are only read.
 * @example const archive = readArchive('luu-tru/'); buildHistory(c, archive.facts, catalog, { sources: archive.sources });
 */
export function readArchive(dir: string, options: { exclude?: readonly string[] } = {}): ReadArchiveResult {
  const root = resolve(dir);
  const listed = listFiles([root]);
  if (listed.missing.length > 0) throw new ArchiveNotFoundError(dir);
  const excluded = new Set((options.exclude ?? []).map((p) => resolve(p)));
  const result: ReadArchiveResult = { summaries: [], facts: [], sources: new Map(), skipped: [] };
  for (const path of listed.files) {
    const file = relative(root, path) || path;
    const name = basename(path);
    if (!/\.xlsx$/i.test(name) || excluded.has(path)) continue;
    let bytes: Uint8Array | null;
    try {
      bytes = name.startsWith('~$') ? null : new Uint8Array(readFileSync(path));
    } catch {
      bytes = null;
    }
    const read = readArchiveEntry(name, bytes, { codec: nativeZipCodec });
    if (!read.ok) {
      result.skipped.push({ file, reason: read.reason });
      continue;
    }
    result.summaries.push({ file, facts: read.facts });
    result.facts.push(read.facts);
    result.sources.set(read.facts, file);
  }
  return result;
}
