import type { Unit } from '../../roster/schema';
import { slugify } from '../../text/fold';

/**
 * The unit's mail domain under thanhhoa.gov.vn: the code for a provincial body (`syt.thanhhoa.gov.vn`),
 * the short name for a commune (`hamrong.thanhhoa.gov.vn`).
 */
export function unitMailDomain(unit: Pick<Unit, 'code' | 'kind' | 'shortName'>): string {
  const label = unit.kind === 'department' ? unit.code.toLowerCase() : slugify(unit.shortName, 30).replace(/-/g, '');
  return `${label || unit.code.toLowerCase()}.thanhhoa.gov.vn`;
}

/** The address a unit's clerk sends from: the roster's, else the conventional `vanthu@` box. */
export function unitSenderAddress(unit: Pick<Unit, 'code' | 'kind' | 'shortName' | 'email'>): string {
  return unit.email ?? `vanthu@${unitMailDomain(unit)}`;
}

/** The issuer part of a document symbol: `123/SYT-VP`, `45/KH-UBND`. */
export function issuerSymbol(unit: Pick<Unit, 'code' | 'kind'>): string {
  return unit.kind === 'department' ? unit.code : 'UBND';
}

/** How the unit names itself in a sentence: `Sở Y tế`, `UBND xã Xuân Lập`. */
export function unitSelfName(unit: Pick<Unit, 'kind' | 'name'>): string {
  return unit.kind === 'commune' ? `UBND ${unit.name.charAt(0).toLocaleLowerCase('vi')}${unit.name.slice(1)}` : unit.name;
}
