import { copyFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { headerTimes, readReceivedMessage, type CollectContext } from '../mail/collect';
import type { ManifestMessage } from '../mail/manifest';
import type { CollectStore } from './collect-store';
import { nativeSha256, sha256File } from './hash';

export interface CollectFolderOptions {
  /** A maildir (with cur/ and new/), or a folder of saved `.eml` messages. */
  path: string;
  store: CollectStore;
  context: Omit<CollectContext, 'taken' | 'sha256'>;
  onMessage?: (message: ManifestMessage) => void;
}

/** The message files of a maildir (cur/, new/) or of an .eml folder (searched recursively), in a stable order. */
export function messageFiles(path: string): { files: string[]; maildir: boolean } {
  const maildir = existsSync(join(path, 'cur')) && existsSync(join(path, 'new'));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile() && (maildir || /\.eml$/i.test(name))) files.push(full);
    }
  };
  if (maildir) for (const sub of ['cur', 'new']) walk(join(path, sub));
  else walk(path);
  return { files, maildir };
}

/**
 * Takes in every message file not yet in the store. The receipt time is the maildir file's time (the
 * server's delivery time, as IMAP's INTERNALDATE), else the topmost Received header, else the Date header.
 */
export async function collectFromFolder(options: CollectFolderOptions): Promise<{ found: number; saved: number }> {
  const { files, maildir } = messageFiles(options.path);
  const context: CollectContext = { ...options.context, taken: options.store.taken, sha256: nativeSha256 };
  let saved = 0;
  for (const file of files) {
    const stat = statSync(file);
    const large = stat.size > context.limits.messageBytes;
    const sha256 = large ? await sha256File(file) : undefined;
    const raw = large ? new Uint8Array(0) : new Uint8Array(readFileSync(file));
    const key = `tep:${sha256 ?? nativeSha256(raw)}`;
    if (options.store.has(key)) continue;
    const times = large ? {} : headerTimes(raw);
    const receivedMs = maildir ? stat.mtimeMs : (times.received ?? times.date);
    const source = maildir || times.received !== undefined ? 'mailServer' : 'email';
    const read = await readReceivedMessage(raw, { key, sourceFile: relative(options.path, file), ...(receivedMs !== undefined ? { receivedMs } : {}), receivedAtSource: source, size: stat.size }, context);
    if (large) {
      copyFileSync(file, join(options.store.dir, read.message.eml));
      await options.store.record({ ...read.message, sha256: sha256 as string });
    } else await options.store.save(raw, read);
    saved += 1;
    options.onMessage?.(read.message);
  }
  return { found: files.length, saved };
}
