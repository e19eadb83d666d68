import { cleanText, foldKey } from '../text/fold';
import {
  communeListSchema,
  rosterFileSchema,
  type CommuneList,
  type RosterFile,
  type Unit,
  type UnitKind,
} from './schema';

export interface Roster {
  /** Active reporting units: provincial bodies first (file order), then communes by official code. */
  units: Unit[];
  /** Units in the roster file that no longer report. */
  inactive: Unit[];
  external: RosterFile['external'];
}

/**
 * Builds the roster from the secretariat's file and the official commune list (both plain data).
 * Throws on malformed data: the roster is configuration, not user input.
 * @example buildRoster(rosterJson, communesJson).units.length // 21 departments + 166 communes
 */
export function buildRoster(rosterData: unknown, communeData: unknown): Roster {
  const file: RosterFile = rosterFileSchema.parse(rosterData);
  const communes: CommuneList = communeListSchema.parse(communeData);
  const departments: Unit[] = file.departments.map((d) => ({
    code: d.code,
    name: d.name,
    shortName: d.shortName,
    kind: 'department',
    aliases: d.aliases,
    ...(d.email ? { email: d.email } : {}),
    ...(d.focalPerson ? { focalPerson: d.focalPerson } : {}),
    ...(d.cc?.length ? { cc: d.cc } : {}),
  }));
  const communeUnits: Unit[] = communes.units.map((c) => {
    const extra = file.communes[c.code] ?? {};
    const aliases = [c.name_alt_tone, `UBND ${c.name}`, c.short_name, ...(extra.aliases ?? [])].filter(
      (a): a is string => Boolean(a),
    );
    return {
      code: c.code,
      name: c.name,
      shortName: c.short_name,
      kind: 'commune',
      aliases,
      ...(extra.email ? { email: extra.email } : {}),
      ...(extra.focalPerson ? { focalPerson: extra.focalPerson } : {}),
      ...(extra.cc?.length ? { cc: extra.cc } : {}),
    };
  });
  const all = [...departments, ...communeUnits];
  const seen = new Set<string>();
  for (const unit of all) {
    if (seen.has(unit.code)) throw new Error(`Mã đơn vị bị trùng trong danh sách: ${unit.code}`);
    seen.add(unit.code);
  }
  for (const code of file.inactive) {
    if (!seen.has(code)) throw new Error(`Mã đơn vị ngừng báo cáo không có trong danh sách: ${code}`);
  }
  const inactive = new Set(file.inactive);
  return {
    units: all.filter((u) => !inactive.has(u.code)),
    inactive: all.filter((u) => inactive.has(u.code)),
    external: file.external,
  };
}

export function unitsOfKind(roster: Roster, kind: UnitKind): Unit[] {
  return roster.units.filter((u) => u.kind === kind);
}

export function findUnit(roster: Roster, code: string): Unit | undefined {
  return roster.units.find((u) => u.code === code);
}

/** Looks a unit up by any of its names, Vietnamese-aware (case, spacing, tone placement). */
export function findUnitByName(roster: Roster, name: string): Unit | undefined {
  const key = foldKey(cleanText(name));
  return roster.units.find((u) => [u.name, u.shortName, ...u.aliases].some((n) => foldKey(n) === key));
}

/** Units that cannot be mailed: every mail command lists them, none is skipped silently. */
export function unitsWithoutAddress(units: readonly Unit[]): Unit[] {
  return units.filter((u) => !u.email);
}
