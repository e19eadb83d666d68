// One module per function: the package index loads all 250 of them at start-up.
import { format } from 'date-fns/format';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Zero-pads a positive integer to `width` digits. */
export function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD` from calendar parts, without building a Date. */
export function isoFromParts(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The local-midnight Date of a calendar day, or null when the day does not exist (`2026-02-31`). */
export function dateFromParts(year: number, month: number, day: number): Date | null {
  const date = new Date(2000, 0 /* Jan */, 1);
  // setFullYear, not the constructor: new Date(26, …) would mean 1926.
  date.setFullYear(year, month - 1, day);
  const ok = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return ok ? date : null;
}

/** The local-midnight Date of a `YYYY-MM-DD` string, or null when it is malformed or not a real day. */
export function dateFromIso(iso: string): Date | null {
  if (!ISO_DATE.test(iso)) return null;
  // Straight from the digits: date-fns's general parser showed up in profiles (a call per cell and file).
  return dateFromParts(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** Like {@link dateFromIso}, for values our own code produced: a bad one is a programmer error. */
export function requireIsoDate(iso: string): Date {
  const date = dateFromIso(iso);
  if (date === null) throw new RangeError(`Expected a calendar date YYYY-MM-DD, got ${JSON.stringify(iso)}`);
  return date;
}

/** Local Date back to `YYYY-MM-DD`: local getters on both sides keep it zone-safe. */
export function isoFromDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** The last day of a month as `YYYY-MM-DD`. */
export function endOfMonthIso(year: number, month: number): string {
  const first = dateFromParts(year, month, 1);
  if (first === null) throw new RangeError(`Not a month: ${year}-${month}`);
  return isoFromParts(year, month, getDaysInMonth(first));
}
