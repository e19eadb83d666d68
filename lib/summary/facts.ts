// The summary carries its own facts: the month's consolidation (all but the long Dữ liệu records) as
// JSON, deflated, in the hidden stamp sheet, so history, reminders and the report read exactly what was
// summed up, by the file's content, whatever the sheets show or the file is called.
import { deflateSync, inflateSync } from 'fflate';
import type { Consolidation } from '../consolidate/types';
import { base64, fromBase64 } from '../_lib/base64';
import { DEFAULT_ZIP_LIMITS, type ZipCodec } from '../read/zip';
import type { SummaryCell } from './model';

/** The hidden sheet that marks a workbook as a da06 summary. */
export const SUMMARY_STAMP_SHEET = '_da06_tonghop';
/** Column A, row 1 of the stamp sheet. */
export const SUMMARY_MARKER = 'da06-tong-hop';
/**
 * Bumped when the stamp changes incompatibly. 2: the JSON itself in the chunks; 3: the JSON's UTF-8,
 * raw-deflated, in base64 (a province month: 2.4 M characters → 0.27 M; `npm run bench` read a 12-month
 * archive in 0.45 s instead of 1.13 s, and the pane reads the stamp in fewer requests). Both are read.
 */
export const SUMMARY_FACTS_FORMAT = 3;
/** The plain-JSON stamp of the summaries written before SUMMARY_FACTS_FORMAT 3. */
export const PLAIN_FACTS_FORMAT = 2;

export type SummaryFacts = Omit<Consolidation, 'data'>;

/** Excel holds at most 32,767 characters in a cell; the JSON is split well below that. */
const CHUNK = 30_000;

/** Splits text into chunks without cutting a surrogate pair in two (a lone half would be dropped on write). */
function chunks(text: string): string[] {
  const out: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + CHUNK);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

/**
 * The rows of the stamp sheet (key in column A, value in B), the same for the file the CLI writes and
 * the sheets the add-in writes into an open workbook.
 */
export function stampRows(c: Consolidation): Array<[string, SummaryCell]> {
  const { data: _data, ...facts } = c;
  return [
    [SUMMARY_MARKER, SUMMARY_FACTS_FORMAT],
    ['period', c.period],
    ['generatedAt', c.generatedAt],
    ['catalogHash', c.catalogHash],
    ...deflatedFacts(JSON.stringify(facts)),
  ];
}

/** The JSON's UTF-8 length first (the reader inflates into exactly that), then its deflated base64 in chunks. */
function deflatedFacts(json: string): Array<[string, SummaryCell]> {
  const utf8 = new TextEncoder().encode(json);
  return [['facts.bytes', utf8.length], ...chunks(base64(deflateSync(utf8))).map((text, i): [string, SummaryCell] => [`facts.${i + 1}`, text])];
}

/** The JSON back from format 3: inflated into its stated length, never more than a zip entry may hold. */
function inflatedFacts(rows: ReadonlyMap<string, unknown>, text: string, codec?: ZipCodec): string {
  const size = rows.get('facts.bytes');
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > DEFAULT_ZIP_LIMITS.entryBytes) throw new Error('size');
  const deflated = fromBase64(text);
  const utf8 = codec ? codec.inflateRaw(deflated, size) : inflateSync(deflated, { out: new Uint8Array(size) });
  if (utf8.length !== size) throw new Error('size');
  return new TextDecoder('utf-8', { fatal: true }).decode(utf8);
}

export type ReadStamp = { ok: true; facts: SummaryFacts } | { ok: false; reason: string };

/**
 * The facts back from the stamp rows as read (by key, not by position); a reason when they cannot be.
 * `codec`: the shell's native inflate (Node's zlib), else fflate's.
 */
export function factsFromStamp(rows: ReadonlyMap<string, unknown>, codec?: ZipCodec): ReadStamp {
  const format = rows.get(SUMMARY_MARKER);
  if (format === undefined) return { ok: false, reason: 'tệp không phải báo cáo tổng hợp do da06 tạo' };
  if (format !== SUMMARY_FACTS_FORMAT && format !== PLAIN_FACTS_FORMAT) return { ok: false, reason: 'báo cáo tổng hợp được tạo bằng phiên bản da06 cũ; hãy tổng hợp lại kỳ đó bằng phiên bản hiện hành' };
  let text = '';
  for (let i = 1; rows.has(`facts.${i}`); i += 1) text += String(rows.get(`facts.${i}`));
  try {
    const json = format === PLAIN_FACTS_FORMAT ? text : inflatedFacts(rows, text, codec);
    const facts = JSON.parse(json) as SummaryFacts;
    if (typeof facts.period !== 'string' || !Array.isArray(facts.indicators)) throw new Error('shape');
    return { ok: true, facts };
  } catch {
    return { ok: false, reason: 'dữ liệu ẩn của báo cáo tổng hợp bị thiếu hoặc bị sửa; hãy tổng hợp lại kỳ đó' };
  }
}
