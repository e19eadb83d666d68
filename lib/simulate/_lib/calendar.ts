// Wall-clock arithmetic in Vietnam time (UTC+7, no daylight saving), on explicit parts only:
// no Date.now, no parsing of date strings, no dependence on the machine's zone.

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

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

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
