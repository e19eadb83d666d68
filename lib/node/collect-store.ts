import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { toVietnamIso } from '../_lib/calendar';
import type { ReadMessageResult } from '../mail/collect';
import { formatManifest, MANIFEST_CSV, MANIFEST_FILE, MANIFEST_JOURNAL, MANIFEST_VERSION, manifestCsv, parseManifest, type Manifest, type ManifestMessage } from '../mail/manifest';
import { writeFileAtomic } from './files';


/** The collect folder: its manifest, the names already used, and what is known, for a run to add to. */
export interface CollectStore {
  dir: string;
  manifest: Manifest;
  /** File names in the folder, lower-cased. */
  taken: Set<string>;
  has(key: string): boolean;
  /** A message already saved under another key (the mailbox was re-created): same Message-ID and bytes. */
  hasSame(messageId: string | undefined, sha256: string): boolean;
  /**
   * Writes the message's files, then the raw message, then its manifest line, in the background (creating files
   * is slow on some disks: several are written at once while the next message is read). Waits when many are pending.
   */
  save(raw: Uint8Array, result: ReadMessageResult): Promise<void>;
  /** The raw message streamed elsewhere (too large to hold): only its manifest line. */
  record(message: ManifestMessage): Promise<void>;
  /** Waits for every pending write, then writes the manifest (JSON and CSV) whole and clears the journal. */
  flush(): Promise<void>;
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
  const journalPath = join(dir, MANIFEST_JOURNAL);
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
  let journal: Promise<void> = Promise.resolve();
  const pending = new Set<Promise<void>>();
  let failure: unknown;
  const track = (work: Promise<void>): Promise<void> => {
    const done = work.catch((error: unknown) => void (failure ??= error)).finally(() => pending.delete(done));
    pending.add(done);
    // At most this many messages in flight: memory stays bounded whatever the mailbox holds.
    return pending.size >= 16 ? Promise.race(pending) : Promise.resolve();
  };
  const add = (message: ManifestMessage): Promise<void> => {
    manifest.messages.push(message);
    keys.add(message.key);
    same.add(`${message.messageId ?? ''}|${message.sha256}`);
    return Promise.resolve();
  };
  let handle: FileHandle | undefined;
  const journalLine = (message: ManifestMessage) => {
    journal = journal.then(async () => {
      handle ??= await open(journalPath, 'a');
      await handle.appendFile(`${JSON.stringify(message)}\n`, 'utf8');
    });
    return journal;
  };
  const writeAtomic = async (name: string, bytes: Uint8Array) => {
    const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temp, bytes);
      await rename(temp, join(dir, name));
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
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
      void add(result.message);
      return track((async () => {
        await Promise.all(result.files.map((file) => writeAtomic(file.name, file.bytes)));
        await writeAtomic(result.message.eml, raw);
        await journalLine(result.message);
      })());
    },
    record(message) {
      void add(message);
      return track(journalLine(message));
    },
    async flush() {
      await Promise.all(pending);
      await journal;
      await handle?.close();
      handle = undefined;
      if (failure) throw failure;
      manifest = { ...manifest, source: { ...manifest.source, ...source }, updatedAt: toVietnamIso(now().getTime()) };
      writeFileAtomic(manifestPath, formatManifest(manifest));
      writeFileAtomic(join(dir, MANIFEST_CSV), manifestCsv(manifest));
      rmSync(journalPath, { force: true });
    },
  };
}
