import { VietnameseConversion } from 'vietnamese-conversion';
import type { CellModel } from '../model/sheet';
import { parseDayMonthYear } from '../period/format';
import { cleanText, foldKey } from '../text/fold';

/** What a cell holds once read leniently: a typed value, nothing, or something that is not of its type. */
export type Lenient<T> = { kind: 'empty' } | { kind: 'value'; value: T } | { kind: 'invalid'; raw: string };

export interface AmbiguousNumber {
  raw: string;
  read: number;
  other: number;
}

/** Text of a cell as the user typed it: NFC, trimmed; numbers and booleans as written. */
export function cellText(cell: CellModel | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.error;
}

/**
 * Reads a number typed as text the way a Vietnamese user means it: `85,5`, `85%`, ` 85 `, `1.234,5`.
 * A lone `1.234` could be 1234 (Vietnamese) or 1.234 (English): read as 1234 and flagged.
 * @example parseNumberText('85,5') // { value: 85.5 }
 */
export function parseNumberText(raw: string): { value: number; ambiguous?: AmbiguousNumber } | null {
  const text = raw.replace(/[\s\u00a0]+/g, '').replace(/%$/, '');
  if (text === '') return null;
  const sign = /^[+-]/.test(text) ? text[0] : '';
  const body = sign ? text.slice(1) : text;
  const n = (digits: string) => Number(`${sign}${digits}`);
  if (/^\d+$/.test(body)) return { value: n(body) };
  if (/^\d+,\d+$/.test(body)) return { value: n(body.replace(',', '.')) };
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(body)) return { value: n(body.replace(/\./g, '').replace(',', '.')) };
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(body)) return { value: n(body.replace(/\./g, '')) };
  if (/^\d{1,3}\.\d{3}$/.test(body)) {
    const read = n(body.replace('.', ''));
    return { value: read, ambiguous: { raw, read, other: n(body) } };
  }
  if (/^\d+\.\d+$/.test(body)) return { value: n(body) };
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(body)) return { value: n(body.replace(/,/g, '')) };
  return null;
}

export function readNumber(cell: CellModel | undefined): Lenient<number> & { ambiguous?: AmbiguousNumber } {
  const v = cell?.value;
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'value', value: v } : { kind: 'invalid', raw: String(v) };
  const text = cellText(cell);
  if (text === '') return { kind: 'empty' };
  const parsed = parseNumberText(text);
  if (!parsed) return { kind: 'invalid', raw: text };
  return parsed.ambiguous ? { kind: 'value', value: parsed.value, ambiguous: parsed.ambiguous } : { kind: 'value', value: parsed.value };
}

/** Excel serial day → `YYYY-MM-DD`, honouring the workbook's 1904 date system. */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + Math.floor(serial) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

export function readDate(cell: CellModel | undefined, date1904: boolean): Lenient<string> {
  const v = cell?.value;
  if (typeof v === 'number') {
    const iso = serialToIso(v, date1904);
    return iso ? { kind: 'value', value: iso } : { kind: 'invalid', raw: String(v) };
  }
  const text = cellText(cell);
  if (text === '') return { kind: 'empty' };
  const iso = parseDayMonthYear(text) ?? (/^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null);
  return iso ? { kind: 'value', value: iso } : { kind: 'invalid', raw: text };
}

/** The list entry a typed value means, forgiving case, spacing and tone placement; null if none. */
export function matchOption(text: string, options: readonly string[]): string | null {
  let keys = optionKeys.get(options);
  if (!keys) optionKeys.set(options, (keys = new Map(options.map((o) => [foldKey(o), o]))));
  return keys.get(foldKey(text)) ?? null;
}

// Lists come from the form definition and never change: fold their entries once.
const optionKeys = new WeakMap<readonly string[], Map<string, string>>();

export type LegacyEncoding = 'TCVN3' | 'VNI';

/** Legacy 8-bit Vietnamese fonts, recognised by name: `.VnTime`, `.VnArialH`, `VNI-Times`. */
export function legacyEncodingOf(font: string | undefined): LegacyEncoding | null {
  if (!font) return null;
  if (/^\.vn/i.test(font)) return 'TCVN3';
  if (/^vni[- ]/i.test(font)) return 'VNI';
  return null;
}

/**
 * Text of a cell in Unicode. TCVN3 text is converted (vietnamese-conversion does it correctly);
 * VNI text is kept as typed, since no well-kept converter gets ơ/ư with tone marks right.
 */
export function readText(cell: CellModel | undefined): { text: string; legacy?: { encoding: LegacyEncoding; converted: boolean } } {
  const text = cellText(cell);
  const encoding = legacyEncodingOf(cell?.font);
  if (!encoding || text === '' || typeof cell?.value !== 'string') return { text };
  if (encoding === 'TCVN3') return { text: cleanText(new VietnameseConversion(text, 'tcvn3').toCharset('unicode')), legacy: { encoding, converted: true } };
  return { text, legacy: { encoding, converted: false } };
}
