// How the history names months in Vietnamese text: the risk reasons, the Xu hướng sheet, the shells' notes.

/**
 * A month in a sentence.
 * @example monthText('2026-11') === 'tháng 11/2026'
 */
export function monthText(period: string): string {
  return `tháng ${Number(period.slice(5, 7))}/${period.slice(0, 4)}`;
}

/**
 * Several months in a sentence, the year once when they share it.
 * @example monthList(['2026-07', '2026-08']) === 'tháng 7, 8/2026'; monthList(['2026-12', '2027-01']) === 'tháng 12/2026, tháng 1/2027'
 */
export function monthList(periods: readonly string[]): string {
  if (periods.length === 0) return '';
  const year = periods[0]?.slice(0, 4) ?? '';
  if (periods.every((p) => p.startsWith(year))) return `tháng ${periods.map((p) => Number(p.slice(5, 7))).join(', ')}/${year}`;
  return periods.map(monthText).join(', ');
}
