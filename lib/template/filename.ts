import { slugify } from '../text/fold';
import type { Period } from '../period/period';
import type { Unit } from '../roster/schema';

/**
 * ASCII-safe, self-explaining file name: period, unit code, unit name.
 * @example templateFileName(period, unit) // '2026-11_SYT_so-y-te.xlsx'
 */
export function templateFileName(period: Period, unit: Pick<Unit, 'code' | 'name'>): string {
  return `${period.id}_${unit.code}_${slugify(unit.name, 40)}.xlsx`;
}
