// Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact, on any machine.
const OFFSET_MS = 7 * 3_600_000;

/** A moment as Vietnam local time with its offset: `2026-12-08T09:15:00+07:00`. */
export function toVietnamIso(ms: number): string {
  return `${new Date(ms + OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** The calendar day in Vietnam of an ISO moment (`…Z`, `…+07:00`, any offset), or null. */
export function vietnamDate(iso: string): string | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
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
  const ms = Date.UTC(y, m - 1, d, hh, mm, ss) - OFFSET_MS;
  const check = new Date(ms + OFFSET_MS);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d || hh > 23 || mm > 59 || ss > 59) return null;
  return toVietnamIso(ms);
}
