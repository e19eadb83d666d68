// One received message, taken apart as a careful clerk would: every spreadsheet saved under a safe
// name, whatever it was wrapped in (a forward, a .zip, Outlook's winmail.dat, an S/MIME signature),
// everything else listed with its reason. Pure: bytes in, files and a manifest entry out.
import PostalMime from 'postal-mime';
import { sha256Hex } from '../catalog/hash';
import { toVietnamIso } from '../_lib/calendar';
import type { IssueCode } from '../issues/catalog';
import { makeIssue, renderMessage, type IssueParams } from '../issues/issue';
import { ContainerError, openZip } from '../read/zip';
import { readTnef, TnefError } from './_lib/tnef';
import type { ManifestAttachment, ManifestIssue, ManifestMessage, ManifestReceiptSource } from './manifest';
import { addressKey, messageIdsIn } from './message';
import { safeFileName, senderStem, timeStamp, uniqueFileName } from './names';

export interface CollectLimits {
  /** An attachment larger than this is listed, not saved. */
  attachmentBytes: number;
  /** A message larger than this is kept as evidence only, not opened. */
  messageBytes: number;
  /** Messages in messages, archives in archives: deeper is not opened. */
  depth: number;
}

export const DEFAULT_COLLECT_LIMITS: CollectLimits = { attachmentBytes: 20 * 1024 * 1024, messageBytes: 50 * 1024 * 1024, depth: 3 };

export interface ReceivedMessageMeta {
  key: string;
  folder?: string;
  uidValidity?: string;
  uid?: number;
  sourceFile?: string;
  /** Milliseconds since the epoch; absent when the server gave no time. */
  receivedMs?: number;
  receivedAtSource: ManifestReceiptSource;
  size: number;
}

export interface CollectContext {
  limits: CollectLimits;
  /** Names already in the collect folder, lower-cased; names chosen here are added. */
  taken: Set<string>;
  /** Message-IDs of what was sent this period, to the unit it went to (the send log). */
  sentMessageIds: ReadonlyMap<string, string>;
  /** Contact addresses (lower-case) to their unit. */
  unitByAddress: ReadonlyMap<string, string>;
  sha256?: (bytes: Uint8Array) => string;
}

export interface ReadMessageResult {
  message: ManifestMessage;
  /** Files to write in the collect folder, by the names in the manifest. */
  files: Array<{ name: string; bytes: Uint8Array }>;
}

const SPREADSHEET_NAME = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods)$/i;
const SPREADSHEET_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel.sheet.macroenabled.12',
  'application/vnd.ms-excel',
  'application/vnd.ms-excel.sheet.binary.macroenabled.12',
  'application/vnd.oasis.opendocument.spreadsheet',
]);
const ZIP_TYPES = new Set(['application/zip', 'application/x-zip-compressed', 'application/x-zip']);
const TNEF_TYPES = new Set(['application/ms-tnef', 'application/vnd.ms-tnef']);
const SIGNATURE_TYPES = new Set(['application/pkcs7-signature', 'application/x-pkcs7-signature']);
const ENVELOPED_TYPES = new Set(['application/pkcs7-mime', 'application/x-pkcs7-mime']);

const issue = (code: IssueCode, params: IssueParams = {}): ManifestIssue => {
  const made = makeIssue(code, {}, params);
  return { code, severity: made.severity, message: renderMessage(made) };
};

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

/** `.xlsx` … by name, or by type when the sender's program dropped the extension. */
const isSpreadsheet = (name: string, type: string) => SPREADSHEET_NAME.test(name) || SPREADSHEET_TYPES.has(type);

type Part = { name: string; type: string; bytes: Uint8Array };

const toBytes = (content: ArrayBuffer | Uint8Array | string): Uint8Array => (typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content as ArrayBuffer));

/**
 * Takes one raw message apart. The raw bytes are always kept (as `message.eml`); an unreadable or
 * oversized message is recorded with its reason, never dropped.
 * @example const { message, files } = await readReceivedMessage(raw, meta, context);
 */
export async function readReceivedMessage(raw: Uint8Array, meta: ReceivedMessageMeta, context: CollectContext): Promise<ReadMessageResult> {
  const hash = context.sha256 ?? sha256Hex;
  const receivedAt = meta.receivedMs !== undefined ? toVietnamIso(meta.receivedMs) : undefined;
  const message: ManifestMessage = {
    key: meta.key,
    ...(meta.folder ? { folder: meta.folder } : {}),
    ...(meta.uidValidity ? { uidValidity: meta.uidValidity } : {}),
    ...(meta.uid !== undefined ? { uid: meta.uid } : {}),
    ...(meta.sourceFile ? { sourceFile: meta.sourceFile } : {}),
    to: [],
    ...(receivedAt ? { receivedAt } : {}),
    receivedAtSource: receivedAt ? meta.receivedAtSource : 'unknown',
    size: meta.size,
    sha256: hash(raw),
    eml: '',
    attachments: [],
    issues: [],
  };
  const files: ReadMessageResult['files'] = [];
  const emlName = (from: string | undefined) => uniqueFileName(`${timeStamp(receivedAt ?? '')}_${senderStem(from)}_thu${meta.uid !== undefined ? `-${meta.uid}` : ''}.eml`, context.taken);

  if (meta.size > context.limits.messageBytes) {
    message.issues.push(issue('mail/message-too-large', { size: megabytes(meta.size), limit: megabytes(context.limits.messageBytes) }));
    message.eml = emlName(undefined);
    return { message, files };
  }
  let parsed: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    parsed = await PostalMime.parse(raw, { forceRfc822Attachments: true });
  } catch (error) {
    message.issues.push(issue('mail/unreadable', { detail: (error as Error).message }));
    message.eml = emlName(undefined);
    return { message, files };
  }
  const from = parsed.from?.address ?? parsed.from?.group?.[0]?.address;
  message.eml = emlName(from);
  Object.assign(message, {
    ...(parsed.messageId ? { messageId: parsed.messageId } : {}),
    ...(parsed.inReplyTo ? { inReplyTo: parsed.inReplyTo } : {}),
    ...(parsed.references ? { references: messageIdsIn(parsed.references) } : {}),
    ...(from ? { from } : {}),
    ...(parsed.from?.name ? { fromName: parsed.from.name } : {}),
    to: (parsed.to ?? []).flatMap((a) => (a.address ? [a.address] : (a.group ?? []).map((g) => g.address))),
    ...(parsed.subject ? { subject: parsed.subject } : {}),
    ...(parsed.date && !Number.isNaN(Date.parse(parsed.date)) ? { date: toVietnamIso(Date.parse(parsed.date)) } : {}),
  });
  for (const id of [...messageIdsIn(parsed.inReplyTo), ...messageIdsIn(parsed.references).reverse()]) {
    const unit = context.sentMessageIds.get(id);
    if (unit) {
      message.repliesTo = { unit, messageId: id };
      break;
    }
  }
  const senderUnit = from ? context.unitByAddress.get(addressKey(from)) : undefined;
  if (senderUnit) message.senderUnit = senderUnit;

  const stem = `${timeStamp(receivedAt ?? '')}_${senderStem(from)}_`;
  const savedByHash = new Map<string, string>();
  let spreadsheets = 0;

  const save = (part: Part, within: string[], extra: ManifestIssue[]): void => {
    const sha256 = hash(part.bytes);
    const entry: ManifestAttachment = { name: part.name, within, type: part.type, size: part.bytes.length, sha256, issues: [...extra] };
    message.attachments.push(entry);
    spreadsheets += 1;
    if (part.bytes.length > context.limits.attachmentBytes) {
      entry.issues.push(issue('mail/attachment-too-large', { name: part.name, size: megabytes(part.bytes.length), limit: megabytes(context.limits.attachmentBytes) }));
      return;
    }
    const earlier = savedByHash.get(sha256);
    if (earlier) {
      entry.issues.push(issue('mail/duplicate-attachment', { name: part.name, saved: earlier }));
      return;
    }
    const safe = safeFileName(part.name);
    const name = uniqueFileName(`${stem}${safe.name}`, context.taken);
    if (safe.changes.length) entry.issues.push(issue('mail/unsafe-name', { name: part.name, detail: safe.changes.join(', '), saved: name }));
    entry.savedAs = name;
    savedByHash.set(sha256, name);
    files.push({ name, bytes: part.bytes });
  };

  const list = (part: Part, within: string[], reasons: ManifestIssue[]): void => {
    message.attachments.push({ name: part.name, within, type: part.type, size: part.bytes.length, sha256: hash(part.bytes), issues: reasons });
  };

  const walk = async (part: Part, within: string[], carried: ManifestIssue[], depth: number): Promise<void> => {
    const lower = part.name.toLowerCase();
    const opens = part.type === 'message/rfc822' || lower.endsWith('.eml') || ZIP_TYPES.has(part.type) || lower.endsWith('.zip') || TNEF_TYPES.has(part.type) || lower === 'winmail.dat';
    if (opens && depth >= context.limits.depth) {
      list(part, within, [...carried, issue('mail/too-deep', { name: part.name, limit: context.limits.depth })]);
      return;
    }
    if (part.type === 'message/rfc822' || lower.endsWith('.eml')) {
      let inner: Awaited<ReturnType<typeof PostalMime.parse>>;
      try {
        inner = await PostalMime.parse(part.bytes, { forceRfc822Attachments: true });
      } catch (error) {
        list(part, within, [...carried, issue('mail/unreadable', { detail: `${part.name}: ${(error as Error).message}` })]);
        return;
      }
      list(part, within, carried);
      // A forward as attachment carries the unit's own message: its threading and sender are evidence too.
      if (!message.repliesTo) {
        for (const id of [...messageIdsIn(inner.inReplyTo), ...messageIdsIn(inner.references).reverse()]) {
          const unit = context.sentMessageIds.get(id);
          if (unit) {
            message.repliesTo = { unit, messageId: id };
            break;
          }
        }
      }
      const innerSender = inner.from?.address ? context.unitByAddress.get(addressKey(inner.from.address)) : undefined;
      if (!message.senderUnit && innerSender) message.senderUnit = innerSender;
      const label = inner.subject ? `${part.name} (${inner.subject})` : part.name;
      const innerFrom = inner.from?.address ?? from ?? '';
      for (const a of inner.attachments) {
        const child: Part = { name: (a.filename ?? '(không tên)').normalize('NFC'), type: a.mimeType.toLowerCase(), bytes: toBytes(a.content) };
        await walk(child, [...within, label], [...carried, issue('mail/forwarded', { name: child.name, detail: inner.subject ?? part.name, from: innerFrom })], depth + 1);
      }
      return;
    }
    if (TNEF_TYPES.has(part.type) || lower === 'winmail.dat') {
      let inside;
      try {
        inside = readTnef(part.bytes, { maxBytes: context.limits.messageBytes });
      } catch (error) {
        if (!(error instanceof TnefError)) throw error;
        list(part, within, [...carried, issue('mail/tnef-unreadable', { detail: error.message })]);
        return;
      }
      list(part, within, carried);
      for (const file of inside) await walk({ name: file.name, type: '', bytes: file.data }, [...within, part.name], [...carried, issue('mail/tnef', { name: file.name })], depth + 1);
      return;
    }
    if (ZIP_TYPES.has(part.type) || lower.endsWith('.zip')) {
      try {
        const zip = openZip(part.bytes, { entryBytes: context.limits.attachmentBytes, totalBytes: context.limits.messageBytes, entries: 1000 });
        const entries = zip.names.filter((n) => !n.endsWith('/') && !n.startsWith('__MACOSX/'));
        const read = entries.map((n) => ({ name: n, bytes: zip.read(n) }));
        list(part, within, carried);
        for (const entry of read) await walk({ name: entry.name.normalize('NFC'), type: '', bytes: entry.bytes }, [...within, part.name], [...carried, issue('mail/zipped', { name: entry.name, archive: part.name })], depth + 1);
      } catch (error) {
        if (!(error instanceof ContainerError)) throw error;
        const detail = error.code === 'file/encrypted' ? 'tệp nén có mật khẩu' : error.code === 'file/too-large' ? `tệp bung ra vượt giới hạn ${megabytes(context.limits.attachmentBytes)}` : error.detail;
        list(part, within, [...carried, issue('mail/zip-unreadable', { name: part.name, detail })]);
      }
      return;
    }
    if (SIGNATURE_TYPES.has(part.type) || lower === 'smime.p7s') {
      message.issues.push(issue('mail/smime-signed', { name: part.name }));
      list(part, within, carried);
      return;
    }
    if (ENVELOPED_TYPES.has(part.type) || lower.endsWith('.p7m')) {
      message.issues.push(issue('mail/smime-encrypted', { name: part.name }));
      list(part, within, carried);
      return;
    }
    if (isSpreadsheet(part.name, part.type)) {
      save(part, within, carried);
      return;
    }
    list(part, within, [...carried, issue('mail/not-spreadsheet', { name: part.name, type: part.type || 'không rõ loại' })]);
  };

  for (const a of parsed.attachments) {
    await walk({ name: (a.filename ?? '(không tên)').normalize('NFC'), type: a.mimeType.toLowerCase(), bytes: toBytes(a.content) }, [], [], 0);
  }
  const unreadableContainer = message.attachments.some((a) => a.issues.some((i) => i.code === 'mail/zip-unreadable' || i.code === 'mail/tnef-unreadable' || i.code === 'mail/too-deep'));
  if (spreadsheets === 0 && !unreadableContainer && !message.issues.some((i) => i.code === 'mail/smime-encrypted')) message.issues.push(issue('mail/no-report'));
  return { message, files };
}

/** The header block of a raw message, unfolded, at most 256 KiB read. */
function headerBlock(raw: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(raw.subarray(0, Math.min(raw.length, 256 * 1024)));
  const end = head.search(/\r?\n\r?\n/);
  return (end >= 0 ? head.slice(0, end) : head).replace(/\r?\n[ \t]+/g, ' ');
}

/**
 * When the receiving server stamped a saved message (its topmost `Received:` header, after the `;`),
 * and the sender's Date header, in milliseconds. For `.eml` files, where there is no INTERNALDATE.
 * @example headerTimes(raw) // { received: 1796713500000, date: 1796713440000 }
 */
export function headerTimes(raw: Uint8Array): { received?: number; date?: number } {
  const lines = headerBlock(raw).split(/\r?\n/);
  const received = lines.find((l) => /^received:/i.test(l));
  const date = lines.find((l) => /^date:/i.test(l));
  const at = received ? Date.parse(received.slice(received.lastIndexOf(';') + 1).trim().replace(/\s+\([^)]*\)\s*$/, '')) : Number.NaN;
  const sent = date ? Date.parse(date.slice(5).trim().replace(/\s+\([^)]*\)\s*$/, '')) : Number.NaN;
  return { ...(Number.isNaN(at) ? {} : { received: at }), ...(Number.isNaN(sent) ? {} : { date: sent }) };
}
