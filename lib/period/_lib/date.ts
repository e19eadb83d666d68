// Local-midnight Dates for date-fns (formatting, deadline parsing); plain calendar arithmetic lives in lib/_lib/calendar.ts.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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
