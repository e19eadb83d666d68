import { VietnameseConversion } from 'vietnamese-conversion';
import type { CellModel } from '../model/sheet';
import { parseDayMonthYear } from '../period/format';
import { percentOf } from '../read/number-format';
import { cleanMultilineText, foldKey } from '../text/fold';

/** What a cell holds once read leniently: a typed value, nothing, or something that is not of its type. */
export type Lenient<T> = { kind: 'empty' } | { kind: 'value'; value: T } | { kind: 'invalid'; raw: string };

export interface AmbiguousNumber {
  raw: string;
  read: number;
  other: number;
}

/** How a number was marked as a percent: by the cell's number format (0.5 shown as 50%) or a typed `%`. */
export type PercentMark = 'format' | 'sign';

/** Text of a cell as the user typed it: NFC, trimmed, line breaks kept; numbers and booleans as shown (`50%`). */
export function cellText(cell: CellModel | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return cleanMultilineText(v);
  if (typeof v === 'number') return cell?.isPercent ? `${percentOf(v)}%` : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.error;
}

/**
 * Reads a number typed as text the way a Vietnamese user means it: `85,5`, `85%`, ` 85 `, `1.234,5`.
 * A lone `1.234` could be 1234 (Vietnamese) or 1.234 (English): read as 1234 and flagged.
 * @example parseNumberText('85,5') // { value: 85.5 }
 */
export function parseNumberText(raw: string): { value: number; ambiguous?: AmbiguousNumber; percent?: true } | null {
  const spaced = raw.replace(/[\s\u00a0]+/g, '');
  const text = spaced.replace(/%$/, '');
  const parsed = parseDigits(raw, text);
  return parsed && text !== spaced ? { ...parsed, percent: true } : parsed;
}

function parseDigits(raw: string, text: string): { value: number; ambiguous?: AmbiguousNumber } | null {
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

/**
 * A number as the user sees it. A cell formatted as a percent holds the fraction (`50%` typed in Excel
 * or LibreOffice is stored as 0.5): it is read as the percent shown, 50, like the text `50%`; `percent`
 * says which of the two marked it, so a rule can ask about the scale where % is not the field's unit.
 * @example readNumber({ address: 'J9', row: 9, col: 10, value: 0.855, isPercent: true }) // { kind: 'value', value: 85.5, percent: 'format' }
 */
export function readNumber(cell: CellModel | undefined): Lenient<number> & { ambiguous?: AmbiguousNumber; percent?: PercentMark } {
  const v = cell?.value;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { kind: 'invalid', raw: String(v) };
    return cell?.isPercent ? { kind: 'value', value: percentOf(v), percent: 'format' } : { kind: 'value', value: v };
  }
  const text = cellText(cell);
  if (text === '') return { kind: 'empty' };
  const parsed = parseNumberText(text);
  if (!parsed) return { kind: 'invalid', raw: text };
  return {
    kind: 'value',
    value: parsed.value,
    ...(parsed.ambiguous ? { ambiguous: parsed.ambiguous } : {}),
    ...(parsed.percent ? { percent: 'sign' as const } : {}),
  };
}

/**
 * A cell's value as the unit saw it, for what is kept without a field type (rows a unit added):
 * a percent-formatted number is the percent shown (0.5 → 50), text keeps its line breaks as LF.
 */
export function seenValue(cell: CellModel): string | number | null {
  const v = cell.value;
  if (v === null) return null;
  if (typeof v === 'number') return cell.isPercent ? percentOf(v) : v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v.replace(/\r\n?/g, '\n');
  return v.error;
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
  if (encoding === 'TCVN3') return { text: cleanMultilineText(new VietnameseConversion(text, 'tcvn3').toCharset('unicode')), legacy: { encoding, converted: true } };
  return { text, legacy: { encoding, converted: false } };
}
