import { parseReceiptTime } from '../_lib/calendar';
import { sha256Hex } from '../catalog/hash';
import { extractEml } from '../consolidate/eml';
import type { IntakeItem, IntakeNote, ReceiptSource } from '../consolidate/types';

/**
 * One input as a shell has it: a file on disk, a file the user picked in the add-in. It carries no
 * file time: a file saved from a mail program or downloaded has the time it was saved, not received.
 */
export interface RawInput {
  /** The name the user knows it by (a path, or a picked file's name). */
  name: string;
  bytes: Uint8Array;
  /** What the shell already knows of its receipt (a mailbox manifest): beats every other source. */
  receipt?: Receipt;
  /** Not a return at all (a mailbox manifest, a saved e-mail whose attachments were saved apart): only noted. */
  noteOnly?: IntakeNote[];
}

/** When and how a file was received, as the secretariat logged it. */
export interface Receipt {
  /** ISO 8601 with offset. */
  at: string;
  source: Exclude<ReceiptSource, 'fileTime' | 'unknown' | 'reportDate'>;
  from?: string;
  /** The e-mail it was attached to. */
  container?: string;
}

export interface IntakeOptions {
  /** Receipts by file name (without folders): a workbook's, or a saved e-mail's for all its attachments. */
  receipts?: ReadonlyMap<string, Receipt>;
  sha256?: (bytes: Uint8Array) => string;
}

/** The file name without its folders, for `/` and `\` paths alike. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/**
 * Turns raw inputs into intake items, one at a time (a whole country's month never sits in memory
 * at once): `.eml` messages give their `.xlsx` attachments, Excel's `~$` lock files are noted and
 * skipped, everything else is offered to the reader (which says why an `.xls` or a PDF is refused).
 * What is not a workbook is pushed to `notes` for the intake log.
 *
 * Receipt time, the same in every shell: the mail server's (a `da06 collect` manifest), else the
 * receipts log when it names the file, else a saved e-mail's Date header, else (in assessFile) the
 * report date typed in the form, else unknown. A file's own time is never used: it is when it was saved.
 */
export async function* intakeInputs(inputs: Iterable<RawInput> | AsyncIterable<RawInput>, notes: IntakeNote[], options: IntakeOptions = {}): AsyncGenerator<IntakeItem> {
  const hash = options.sha256 ?? sha256Hex;
  for await (const input of inputs) {
    if (input.noteOnly) {
      notes.push(...input.noteOnly);
      continue;
    }
    const name = baseName(input.name);
    if (name.startsWith('~$')) {
      notes.push({ name: input.name, sha256: hash(input.bytes), size: input.bytes.length, note: 'Tệp khóa tạm của Excel (~$…), không phải báo cáo.' });
      continue;
    }
    // The mail server's time (a collect manifest) first, then the secretariat's own log.
    const receipt = input.receipt ?? options.receipts?.get(name);
    if (/\.eml$/i.test(name)) {
      const extracted = await extractEml(input.name, input.bytes);
      notes.push(...extracted.notes);
      // The secretariat's own log outranks the Date header, which the sender's mail program sets.
      for (const item of extracted.items) yield receipt ? { ...item, receivedAt: receipt.at, receivedAtSource: receipt.source } : item;
      continue;
    }
    if (receipt) yield { name: input.name, bytes: input.bytes, receivedAt: receipt.at, receivedAtSource: receipt.source, ...(receipt.from ? { receivedFrom: receipt.from } : {}), ...(receipt.container ? { container: receipt.container } : {}) };
    else yield { name: input.name, bytes: input.bytes, receivedAtSource: 'unknown' };
  }
}

/**
 * Reads a receipts log: one line per file, `file name,received date-time` (comma, semicolon or tab;
 * a header line is skipped). Times as ISO or `dd/mm/yyyy hh:mm`, Vietnam time when no offset is given.
 * @example parseReceipts('tệp,thời điểm\nsyt.xlsx,08/12/2026 09:15').receipts.get('syt.xlsx')
 */
export function parseReceipts(text: string): { receipts: Map<string, Receipt>; problems: string[] } {
  const receipts = new Map<string, Receipt>();
  const problems: string[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (!line.trim()) return;
      const [file, time] = line.split(/[,;\t]/).map((s) => s.trim().replace(/^"|"$/g, ''));
      if (!file || !time) return void problems.push(`dòng ${index + 1}: cần "tên tệp, thời điểm nhận"`);
      const at = parseReceiptTime(time);
      if (at) receipts.set(baseName(file), { at, source: 'receipts' });
      else if (index > 0) problems.push(`dòng ${index + 1}: thời điểm "${time}" không hợp lệ`);
    });
  return { receipts, problems };
}

export type ReadReceipts = { ok: true; receipts: Map<string, Receipt>; problems: string[] } | { ok: false; reason: string; problems: string[] };

/**
 * A receipts log as a shell has it (a file's bytes), for `da06 consolidate --receipts` and the
 * add-in's picker alike: UTF-8 text of {@link parseReceipts} lines. A file that gives no receipt at
 * all gets a reason instead (the user chose it, so it must count for something).
 * @example const read = readReceipts(bytes); if (read.ok) read.receipts.get('syt.xlsx')
 */
export function readReceipts(bytes: Uint8Array): ReadReceipts {
  const text = new TextDecoder('utf-8').decode(bytes);
  // Excel's plain "CSV" is saved in the Windows code page: Vietnamese names would never match.
  if (text.includes('\uFFFD')) return { ok: false, reason: 'tệp không phải văn bản UTF-8; trong Excel, lưu sổ bằng kiểu "CSV UTF-8"', problems: [] };
  const parsed = parseReceipts(text);
  if (parsed.receipts.size > 0) return { ok: true, ...parsed };
  const first = parsed.problems[0];
  return { ok: false, reason: first ? `không có dòng nào đọc được (${first})` : 'tệp không có dòng nào dạng "tên tệp, thời điểm nhận"', problems: parsed.problems };
}
