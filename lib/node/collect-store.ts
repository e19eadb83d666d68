import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { toVietnamIso } from '../consolidate/_lib/time';
import type { ReadMessageResult } from '../mail/collect';
import { formatManifest, MANIFEST_CSV, MANIFEST_FILE, MANIFEST_VERSION, manifestCsv, parseManifest, type Manifest, type ManifestMessage } from '../mail/manifest';
import { writeFileAtomic } from './files';

/** Messages saved but not yet in the manifest (a run that stopped): replayed on the next run. */
const JOURNAL = '.so-nhan-thu.jsonl';

/** The collect folder: its manifest, the names already used, and what is known, for a run to add to. */
export interface CollectStore {
  dir: string;
  manifest: Manifest;
  /** File names in the folder, lower-cased. */
  taken: Set<string>;
  has(key: string): boolean;
  /** A message already saved under another key (the mailbox was re-created): same Message-ID and bytes. */
  hasSame(messageId: string | undefined, sha256: string): boolean;
  /** Writes the message's files, then the raw message, then its manifest line. */
  save(raw: Uint8Array, result: ReadMessageResult): void;
  /** The raw message streamed elsewhere (too large to hold): only its manifest line. */
  record(message: ManifestMessage): void;
  /** Writes the manifest (JSON and CSV) whole and clears the journal. */
  flush(): void;
}

export class CollectStoreError extends Error {}

export function openCollectStore(dir: string, period: string, source: Manifest['source'], now: () => Date): CollectStore {
  mkdirSync(dir, { recursive: true });
  const manifestPath = join(dir, MANIFEST_FILE);
  let manifest: Manifest = { version: MANIFEST_VERSION, period, source, updatedAt: toVietnamIso(now().getTime()), messages: [] };
  if (existsSync(manifestPath)) {
    const parsed = parseManifest(readFileSync(manifestPath, 'utf8'));
    if (!parsed.ok) throw new CollectStoreError(`${manifestPath}: ${parsed.reason}`);
    if (parsed.manifest.period !== period) throw new CollectStoreError(`Thư mục ${dir} đang là thư mục nhận thư của kỳ ${parsed.manifest.period}, không phải kỳ ${period}. Dùng thư mục khác cho mỗi kỳ.`);
    manifest = parsed.manifest;
  }
  const journalPath = join(dir, JOURNAL);
  const keys = new Set(manifest.messages.map((m) => m.key));
  if (existsSync(journalPath)) {
    for (const line of readFileSync(journalPath, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const message = JSON.parse(line) as ManifestMessage;
        if (!keys.has(message.key)) {
          manifest.messages.push(message);
          keys.add(message.key);
        }
      } catch {
        // the last line of a run killed while writing it: that message is fetched again
      }
    }
  }
  const same = new Set(manifest.messages.map((m) => `${m.messageId ?? ''}|${m.sha256}`));
  const taken = new Set(readdirSync(dir).map((n) => n.toLowerCase()));
  const add = (message: ManifestMessage) => {
    manifest.messages.push(message);
    keys.add(message.key);
    same.add(`${message.messageId ?? ''}|${message.sha256}`);
    appendFileSync(journalPath, `${JSON.stringify(message)}\n`, 'utf8');
  };
  return {
    dir,
    get manifest() {
      return manifest;
    },
    taken,
    has: (key) => keys.has(key),
    hasSame: (messageId, sha256) => same.has(`${messageId ?? ''}|${sha256}`),
    save(raw, result) {
      for (const file of result.files) writeFileAtomic(join(dir, file.name), file.bytes);
      writeFileAtomic(join(dir, result.message.eml), raw);
      add(result.message);
    },
    record: add,
    flush() {
      manifest = { ...manifest, source: { ...manifest.source, ...source }, updatedAt: toVietnamIso(now().getTime()) };
      writeFileAtomic(manifestPath, formatManifest(manifest));
      writeFileAtomic(join(dir, MANIFEST_CSV), manifestCsv(manifest));
      rmSync(journalPath, { force: true });
    },
  };
}
