// Calendar days and Vietnam wall time (UTC+7 all year, no daylight saving), on explicit parts only:
// no Date.now, no parsing of date strings, no dependence on the machine's zone. The one place for them.

export const VIETNAM_OFFSET = '+07:00';
const VIETNAM_OFFSET_MINUTES = 7 * 60;

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Zero-pads a non-negative integer to `width` digits. */
export function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD` of a calendar date. */
export function isoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Calendar parts of `YYYY-MM-DD`; a malformed date is a programmer error here. */
export function dateParts(iso: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The date `days` later (or earlier), as `YYYY-MM-DD`. */
export function addDays(iso: string, days: number): string {
  const { year, month, day } = dateParts(iso);
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** 0 = Sunday … 6 = Saturday, of a calendar date (no zone involved). */
export function dayOfWeek(iso: string): number {
  const { year, month, day } = dateParts(iso);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** `2026-12-08T09:15:00+07:00`. */
export function vietnamIso(time: WallTime): string {
  return `${isoDate(time.year, time.month, time.day)}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${VIETNAM_OFFSET}`;
}

/** The instant of a Vietnam wall time. */
export function vietnamInstant(time: WallTime): Date {
  return new Date(Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second) - VIETNAM_OFFSET_MINUTES * 60_000);
}

/** Vietnam wall time of an instant. */
export function vietnamWallTime(instant: Date): WallTime {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MINUTES * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** An ISO 8601 time with an explicit offset, split into its wall-clock parts and offset in minutes. */
export function parseOffsetIso(iso: string): WallTime & { offsetMinutes: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`Not an ISO 8601 time with offset: ${iso}`);
  const zone = match[7] as string;
  const offsetMinutes =
    zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return {
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
    hour: Number(match[4]),
    minute: Number(match[5]),
    second: Number(match[6] ?? 0),
    offsetMinutes,
  };
}

/** Whole days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  const a = dateParts(from);
  const b = dateParts(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** The last day of a month as `YYYY-MM-DD`. */
export function endOfMonth(year: number, month: number): string {
  return isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** A moment (ms since the epoch) as Vietnam local time with its offset: `2026-12-08T09:15:00+07:00`. */
export function toVietnamIso(ms: number): string {
  return `${new Date(ms + VIETNAM_OFFSET_MINUTES * 60_000).toISOString().slice(0, 19)}${VIETNAM_OFFSET}`;
}

/** The calendar day in Vietnam of an ISO moment (`…Z`, `…+07:00`, any offset), or null. */
export function vietnamDate(iso: string): string | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + VIETNAM_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** The calendar day in Vietnam of an instant, whatever the machine's zone. */
export function vietnamDay(instant: Date): string {
  return toVietnamIso(instant.getTime()).slice(0, 10);
}

/** Parses a receipt time as a secretariat types it: ISO, `dd/mm/yyyy hh:mm`, or a date alone (Vietnam time). */
export function parseReceiptTime(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? null : toVietnamIso(ms);
  }
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t) ?? null;
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  const parts = local
    ? { y: local[1], m: local[2], d: local[3], hh: local[4], mm: local[5], ss: local[6] }
    : vn
      ? { y: vn[3], m: vn[2], d: vn[1], hh: vn[4], mm: vn[5], ss: vn[6] }
      : null;
  if (!parts) return null;
  const [y, m, d, hh, mm, ss] = [parts.y, parts.m, parts.d, parts.hh ?? '0', parts.mm ?? '0', parts.ss ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (hh > 23 || mm > 59 || ss > 59) return null;
  const instant = vietnamInstant({ year: y, month: m, day: d, hour: hh, minute: mm, second: ss });
  const check = vietnamWallTime(instant);
  if (check.year !== y || check.month !== m || check.day !== d) return null;
  return toVietnamIso(instant.getTime());
}
