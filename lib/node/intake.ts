import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { extractEml } from '../consolidate/eml';
import { MANIFEST_CSV, MANIFEST_FILE, MANIFEST_JOURNAL, manifestIntake, parseManifest, type ManifestIntake } from '../mail/manifest';
import type { IntakeItem, IntakeNote } from '../consolidate/types';
import { parseReceiptTime, toVietnamIso } from '../consolidate/_lib/time';
import { nativeSha256 } from './hash';

/** Every file under the given paths, folders searched recursively, in a stable order. */
export function listFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (path: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(join(path, name));
    } else if (stat.isFile()) files.push(path);
  };
  for (const path of paths) {
    try {
      walk(resolve(path));
    } catch {
      missing.push(path);
    }
  }
  return { files: [...new Set(files)], missing };
}

/**
 * Reads a receipts log: one line per file, `file name,received date-time` (comma, semicolon or tab;
 * a header line is skipped). Times as ISO or `dd/mm/yyyy hh:mm`, Vietnam time when no offset is given.
 */
export function parseReceipts(text: string): { receipts: Map<string, string>; problems: string[] } {
  const receipts = new Map<string, string>();
  const problems: string[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (!line.trim()) return;
      const [file, time] = line.split(/[,;\t]/).map((s) => s.trim().replace(/^"|"$/g, ''));
      if (!file || !time) return void problems.push(`dòng ${index + 1}: cần "tên tệp, thời điểm nhận"`);
      const parsed = parseReceiptTime(time);
      if (parsed) receipts.set(basename(file), parsed);
      else if (index > 0) problems.push(`dòng ${index + 1}: thời điểm "${time}" không hợp lệ`);
    });
  return { receipts, problems };
}

/**
 * Turns files on disk into intake items, one at a time (a month of a whole country never sits in
 * memory at once): `.eml` messages give their `.xlsx` attachments; everything else is handed over
 * as a workbook candidate (the reader says why an `.xls` or a PDF is refused). Files are only read.
 */
export async function* iterateInputs(files: readonly string[], receipts: ReadonlyMap<string, string>, notes: IntakeNote[]): AsyncGenerator<IntakeItem> {
  // A folder written by `da06 collect` has a manifest: its receipt times are the mail server's.
  const manifests = new Map<string, ManifestIntake | null>();
  const manifestOf = (dir: string): ManifestIntake | null => {
    if (!manifests.has(dir)) {
      const path = join(dir, MANIFEST_FILE);
      const parsed = existsSync(path) ? parseManifest(readFileSync(path, 'utf8')) : null;
      if (parsed && !parsed.ok) notes.push({ name: path, sha256: nativeSha256(readFileSync(path)), size: statSync(path).size, note: `Không dùng được sổ nhận thư: ${parsed.reason}.` });
      manifests.set(dir, parsed?.ok ? manifestIntake(parsed.manifest) : null);
    }
    return manifests.get(dir) ?? null;
  };
  for (const file of files) {
    const name = basename(file);
    const bytes = new Uint8Array(readFileSync(file));
    const manifest = manifestOf(dirname(file));
    if (manifest && (name === MANIFEST_FILE || name === MANIFEST_CSV || name === MANIFEST_JOURNAL)) {
      notes.push({ name: file, sha256: nativeSha256(bytes), size: bytes.length, note: 'Sổ nhận thư của da06 collect (thời điểm máy chủ nhận từng thư), không phải báo cáo.' });
      continue;
    }
    const evidence = manifest?.evidence.get(name);
    if (evidence) {
      for (const note of evidence) notes.push({ ...note, name: note.name === name ? file : note.name });
      continue;
    }
    const received = manifest?.files.get(name);
    if (received?.receivedAt) {
      yield { name: file, bytes, receivedAt: received.receivedAt, receivedAtSource: received.receivedAtSource === 'mailServer' ? 'mailServer' : 'email', ...(received.from ? { receivedFrom: received.from } : {}), container: received.eml };
      continue;
    }
    if (name.startsWith('~$')) {
      notes.push({ name: file, sha256: nativeSha256(bytes), size: bytes.length, note: 'Tệp khóa tạm của Excel (~$…), không phải báo cáo.' });
      continue;
    }
    if (/\.eml$/i.test(name)) {
      const extracted = await extractEml(file, bytes);
      notes.push(...extracted.notes);
      yield* extracted.items;
      continue;
    }
    const logged = receipts.get(name);
    yield logged
      ? { name: file, bytes, receivedAt: logged, receivedAtSource: 'receipts' }
      : { name: file, bytes, receivedAt: toVietnamIso(statSync(file).mtimeMs), receivedAtSource: 'fileTime' };
  }
}
