// The collect folder's register of every message received (so-nhan-thu.json): the evidence behind
// each saved file, read back by `da06 consolidate` for the receipt times and by the next collect to
// add only what is new.
import type { IssueCode, Severity } from '../issues/catalog';

export const MANIFEST_FILE = 'so-nhan-thu.json';
export const MANIFEST_CSV = 'so-nhan-thu.csv';
/** Messages saved but not yet in the manifest (a run that stopped): replayed on the next run. */
export const MANIFEST_JOURNAL = '.so-nhan-thu.jsonl';
export const MANIFEST_VERSION = 1;

/** What became of one issue, as the manifest stores it: the code for tools, the sentence for people. */
export interface ManifestIssue {
  code: IssueCode;
  severity: Severity;
  message: string;
}

export interface ManifestAttachment {
  /** The name as the sender gave it (decoded, NFC). */
  name: string;
  /** Containers it was found in, outermost first: a forwarded message, a .zip, a winmail.dat. */
  within: string[];
  type: string;
  size: number;
  sha256: string;
  /** The file written in the collect folder, when saved. */
  savedAs?: string;
  issues: ManifestIssue[];
}

export type ManifestReceiptSource = 'mailServer' | 'email' | 'unknown';

export interface ManifestMessage {
  /** Stable identity across runs: `imap:<folder>:<uidvalidity>:<uid>`, or `tep:<sha256>` for a file. */
  key: string;
  folder?: string;
  uidValidity?: string;
  uid?: number;
  /** The file a message was read from (`--from-folder`). */
  sourceFile?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  from?: string;
  fromName?: string;
  to: string[];
  subject?: string;
  /** The sender's Date header, ISO. */
  date?: string;
  /** When the mail server received it (IMAP INTERNALDATE, Received header, maildir file time). */
  receivedAt?: string;
  receivedAtSource: ManifestReceiptSource;
  size: number;
  sha256: string;
  /** The raw message saved in the collect folder: the evidence. */
  eml: string;
  /** The unit whose template message this replies to (In-Reply-To/References): supporting evidence. */
  repliesTo?: { unit: string; messageId: string };
  /** The unit whose contact address sent it: supporting evidence. */
  senderUnit?: string;
  attachments: ManifestAttachment[];
  issues: ManifestIssue[];
}

export interface Manifest {
  version: number;
  period: string;
  /** IMAP account and folder, or the folder read. */
  source: { kind: 'imap'; host: string; user: string; folder: string; uidValidity?: string } | { kind: 'folder'; path: string };
  updatedAt: string;
  messages: ManifestMessage[];
}

/** Reads a manifest; null with a reason when the file is not one. */
export function parseManifest(text: string): { ok: true; manifest: Manifest } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `không đọc được JSON (${(error as Error).message})` };
  }
  const m = value as Partial<Manifest>;
  if (m === null || typeof m !== 'object' || m.version !== MANIFEST_VERSION || !Array.isArray(m.messages) || typeof m.period !== 'string') {
    return { ok: false, reason: 'không phải sổ nhận thư do da06 collect ghi' };
  }
  return { ok: true, manifest: m as Manifest };
}

export function formatManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 1)}\n`;
}

const cell = (value: string | number | undefined): string => {
  const text = value === undefined ? '' : String(value);
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The register as a sheet for people (UTF-8 with BOM for Excel): one line per message and per attachment. */
export function manifestCsv(manifest: Manifest): string {
  const rows = [['Thời điểm nhận (máy chủ)', 'Người gửi', 'Tiêu đề', 'Trả lời thư gửi đơn vị', 'Địa chỉ của đơn vị', 'Thư gốc đã lưu', 'Tệp đính kèm', 'Nằm trong', 'Kích thước (byte)', 'SHA-256', 'Tệp đã lưu', 'Ghi nhận']];
  for (const m of manifest.messages) {
    rows.push([m.receivedAt ?? '', m.from ?? '', m.subject ?? '', m.repliesTo?.unit ?? '', m.senderUnit ?? '', m.eml, '', '', String(m.size), m.sha256, '', m.issues.map((i) => i.message).join(' ')]);
    for (const a of m.attachments) rows.push(['', '', '', '', '', '', a.name, a.within.join(' › '), String(a.size), a.sha256, a.savedAs ?? '', a.issues.map((i) => i.message).join(' ')]);
  }
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** What `da06 consolidate` takes from a collect folder's manifest. */
export interface ManifestIntake {
  /** Saved attachment name → the server's receipt time, the sender, and the message it came in. */
  files: Map<string, { receivedAt?: string; receivedAtSource: ManifestReceiptSource; from?: string; eml: string }>;
  /** Raw message name → the intake-log notes for it (its attachments are read from the saved files, not again). */
  evidence: Map<string, Array<{ name: string; sha256: string; size: number; container?: string; note: string }>>;
}

/**
 * The receipt facts of a manifest for the intake: every saved file with the server time, every raw message as
 * evidence with a note, and every attachment that was not saved with its reason.
 * @example manifestIntake(manifest).files.get('2026-12-08_091500_vanthu@syt.thanhhoa.gov.vn_bao-cao.xlsx')?.receivedAt
 */
export function manifestIntake(manifest: Manifest): ManifestIntake {
  const files: ManifestIntake['files'] = new Map();
  const evidence: ManifestIntake['evidence'] = new Map();
  for (const m of manifest.messages) {
    const saved = m.attachments.filter((a) => a.savedAs);
    for (const a of saved) files.set(a.savedAs as string, { ...(m.receivedAt ? { receivedAt: m.receivedAt } : {}), receivedAtSource: m.receivedAtSource, ...(m.from ? { from: m.from } : {}), eml: m.eml });
    const when = m.receivedAt ? ` máy chủ nhận lúc ${m.receivedAt}` : '';
    const problems = m.issues.map((i) => i.message).join(' ');
    const notes = [{ name: m.eml, sha256: m.sha256, size: m.size, note: `Thư gốc${m.subject ? ` "${m.subject}"` : ''}${m.from ? ` từ ${m.from}` : ''}${when} (da06 collect đã lưu ${saved.length} tệp bảng tính đính kèm thành tệp riêng).${problems ? ` ${problems}` : ''}` }];
    for (const a of m.attachments.filter((x) => !x.savedAs && x.issues.length > 0)) {
      notes.push({ name: [m.eml, ...a.within, a.name].join(' › '), sha256: a.sha256, size: a.size, container: m.eml, note: a.issues.map((i) => i.message).join(' ') } as (typeof notes)[number]);
    }
    evidence.set(m.eml, notes);
  }
  return { files, evidence };
}
