import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ImapFlow } from 'imapflow';
import { toVietnamIso } from '../_lib/calendar';
import { readReceivedMessage, type CollectContext } from '../mail/collect';
import type { ManifestMessage } from '../mail/manifest';
import { senderStem, timeStamp, uniqueFileName } from '../mail/names';
import type { ImapSettings } from '../mail/settings';
import type { CollectStore } from './collect-store';
import { nativeSha256 } from './hash';

export interface CollectImapOptions {
  settings: ImapSettings;
  password: string;
  ca?: Buffer;
  /** Messages the server received on this day or later (IMAP SEARCH SINCE, the server's date). */
  since: Date;
  /** Off by default: collect reads, it never marks, moves or deletes. */
  markSeen: boolean;
  store: CollectStore;
  context: Omit<CollectContext, 'taken' | 'sha256'>;
  onMessage?: (message: ManifestMessage, fresh: boolean) => void;
  /** When the mailbox was re-created (UIDVALIDITY changed since the last run). */
  onMailboxReset?: (previous: string, current: string) => void;
}

export interface CollectImapResult {
  uidValidity: string;
  found: number;
  saved: number;
  /** Already in the folder under another UID (same Message-ID and bytes), after a mailbox reset. */
  alreadyHad: number;
}

/** An IMAP failure in words a secretariat can act on. */
export function describeImapError(error: unknown): string {
  const e = error as { authenticationFailed?: boolean; code?: string; responseText?: string; message?: string };
  const detail = e.responseText ?? e.message ?? String(error);
  if (e.authenticationFailed) return `máy chủ từ chối đăng nhập (sai tên đăng nhập hoặc mật khẩu): ${detail}`;
  if (/certificate|self[- ]signed|CERT_|unable to verify/i.test(`${detail} ${e.code ?? ''}`)) return `không xác minh được chứng chỉ TLS của máy chủ (cần caFile của đơn vị cấp chứng chỉ, hoặc sửa serverName): ${detail}`;
  if (['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNRESET'].includes(e.code ?? '')) return `không kết nối được máy chủ thư (${e.code}): ${detail}`;
  return detail;
}

/**
 * Downloads the new messages of the mailbox folder into the collect folder with imapflow: read-only
 * (EXAMINE) unless `markSeen`, one message in memory at a time, an oversized one streamed to disk.
 */
export async function collectFromImap(options: CollectImapOptions): Promise<CollectImapResult> {
  const { settings, store } = options;
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    ...(settings.security === 'starttls' ? { doSTARTTLS: true } : {}),
    ...(settings.serverName ? { servername: settings.serverName } : {}),
    auth: { user: settings.user, pass: options.password },
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(options.ca ? { ca: options.ca } : {}), ...(settings.serverName ? { servername: settings.serverName } : {}) },
    logger: false,
    disableAutoIdle: true,
  });
  // A dropped connection is reported through the command that was running; the event must not crash the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const mailbox = await client.mailboxOpen(settings.folder, { readOnly: !options.markSeen });
    const uidValidity = String(mailbox.uidValidity);
    const previous = store.manifest.source.kind === 'imap' ? store.manifest.source.uidValidity : undefined;
    if (previous && previous !== uidValidity) options.onMailboxReset?.(previous, uidValidity);
    const keyOf = (uid: number) => `imap:${settings.folder}:${uidValidity}:${uid}`;
    const found = (await client.search({ since: options.since }, { uid: true })) || [];
    const fresh = found.filter((uid) => !store.has(keyOf(uid))).sort((a, b) => a - b);
    const result: CollectImapResult = { uidValidity, found: found.length, saved: 0, alreadyHad: 0 };
    if (fresh.length === 0) return result;

    const wanted = new Set(fresh);
    const meta = new Map<number, { size: number; internalMs?: number; from?: string }>();
    for await (const m of client.fetch(fresh.join(','), { uid: true, size: true, internalDate: true }, { uid: true })) {
      // Another client (the secretariat's Outlook) changing a flag meanwhile shows up as a FETCH without UID: not ours.
      if (!m.uid || !wanted.has(m.uid)) continue;
      const internal = m.internalDate instanceof Date ? m.internalDate.getTime() : typeof m.internalDate === 'string' ? Date.parse(m.internalDate) : Number.NaN;
      meta.set(m.uid, { size: m.size ?? 0, ...(Number.isNaN(internal) ? {} : { internalMs: internal }) });
    }
    const limit = options.context.limits.messageBytes;
    const small = fresh.filter((uid) => (meta.get(uid)?.size ?? 0) <= limit);
    const large = fresh.filter((uid) => (meta.get(uid)?.size ?? 0) > limit);
    const context: CollectContext = { ...options.context, taken: store.taken, sha256: nativeSha256 };
    const seen: number[] = [];

    if (small.length > 0) {
      for await (const m of client.fetch(small.join(','), { uid: true, source: true }, { uid: true })) {
        if (!m.uid || !m.source || !meta.has(m.uid) || store.has(keyOf(m.uid))) continue;
        const info = meta.get(m.uid) ?? { size: 0 };
        const raw = m.source ? new Uint8Array(m.source.buffer, m.source.byteOffset, m.source.byteLength) : new Uint8Array(0);
        const read = await readReceivedMessage(raw, { key: keyOf(m.uid), folder: settings.folder, uidValidity, uid: m.uid, ...(info.internalMs !== undefined ? { receivedMs: info.internalMs } : {}), receivedAtSource: 'mailServer', size: raw.length }, context);
        if (previous && previous !== uidValidity && store.hasSame(read.message.messageId, read.message.sha256)) {
          // Names were reserved while reading; the files are not written, so free them again.
          for (const name of [read.message.eml, ...read.files.map((f) => f.name)]) store.taken.delete(name.toLowerCase());
          result.alreadyHad += 1;
          continue;
        }
        await store.save(raw, read);
        result.saved += 1;
        seen.push(m.uid);
        options.onMessage?.(read.message, true);
      }
    }
    for (const uid of large) {
      const envelope = await client.fetchOne(String(uid), { envelope: true }, { uid: true });
      const sender = envelope ? envelope.envelope?.from?.[0]?.address : undefined;
      const info = { ...(meta.get(uid) ?? { size: 0 }), ...(sender ? { from: sender } : {}) };
      const receivedAt = info.internalMs !== undefined ? toVietnamIso(info.internalMs) : undefined;
      const probe = await readReceivedMessage(new Uint8Array(0), { key: keyOf(uid), folder: settings.folder, uidValidity, uid, ...(info.internalMs !== undefined ? { receivedMs: info.internalMs } : {}), receivedAtSource: 'mailServer', size: info.size }, { ...context, taken: new Set() });
      const eml = uniqueFileName(`${timeStamp(receivedAt ?? '')}_${senderStem(info.from)}_thu-${uid}.eml`, store.taken);
      const temp = join(store.dir, `.${eml}.tmp`);
      const { content } = await client.download(String(uid), undefined, { uid: true });
      if (!content) throw new Error(`máy chủ không trả nội dung thư UID ${uid}`);
      const hash = createHash('sha256');
      content.on('data', (chunk: Buffer) => hash.update(chunk));
      try {
        await pipeline(content, createWriteStream(temp));
        await rename(temp, join(store.dir, eml));
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
      const message: ManifestMessage = { ...probe.message, ...(info.from ? { from: info.from } : {}), eml, sha256: hash.digest('hex') };
      await store.record(message);
      result.saved += 1;
      seen.push(uid);
      options.onMessage?.(message, true);
    }
    if (options.markSeen && seen.length > 0) await client.messageFlagsAdd(seen.join(','), ['\\Seen'], { uid: true });
    return result;
  } finally {
    await client.logout().catch(() => client.close());
  }
}
