import type { Task } from '../../lib/catalog/schema';
import { groupsOfUnit, rowsForUnit, type TaskRole } from '../../lib/template/assign';
import { catalog, definition, period, roster, unit } from '../_lib/plan';

const roleOf = (code: string, key: string): TaskRole | null =>
  rowsForUnit(catalog, unit(code), period, definition).tasks.find((row) => row.task.key === key)?.role ?? null;
const task = (key: string): Task => {
  const found = catalog.tasks.find((t) => t.key === key);
  if (!found) throw new Error(`no task ${key}`);
  return found;
};
const aCommune = roster.units.find((u) => u.kind === 'commune')!.code;

// Read off Phụ lục III of seeds/ke-hoach-210-KH-UBND-de-an-06-2026-2030.md: every body the "Cơ quan phối hợp"
// cell names while the "Cơ quan chủ trì" cell is a group phrase covering it ("Các sở, ban, ngành…", "UBND cấp xã").
const NAMED_COORDINATORS_UNDER_A_LEAD_GROUP: ReadonlyArray<[key: string, code: string]> = [
  ['PL3.I.1', 'STP'], // "Các sở, ngành, địa phương theo lĩnh vực quản lý nhà nước chủ trì rà soát" | "Sở Tư pháp"
  ['PL3.II.3', 'TTPVHCC'], // "Các sở, ban, ngành, đơn vị cấp tỉnh" | "Trung tâm Phục vụ hành chính công tỉnh"
  ['PL3.II.4', 'TTPVHCC'],
  ['PL3.II.5', 'TTPVHCC'], // "…; UBND cấp xã" | "Trung tâm Phục vụ hành chính công tỉnh"
  ['PL3.II.6', 'TTPVHCC'],
  ['PL3.III.1', 'SKHCN'], // "Các sở, ban, ngành, đơn vị cấp tỉnh; UBND cấp xã" | "Sở Khoa học và Công nghệ, Công an tỉnh"
  ['PL3.III.1', 'CAT'],
  ['PL3.IV.1', 'SNV'], // "Các sở, ban, ngành, UBND cấp xã" | "Sở Nội vụ, Sở Khoa và Công nghệ, Công an tỉnh"
  ['PL3.IV.1', 'SKHCN'],
  ['PL3.IV.1', 'CAT'],
  ['PL3.IV.2', 'SNV'], // "Các sở, ngành, UBND cấp xã" | "Sở Nội vụ, Sở Khoa và Công nghệ, Công an tỉnh"
  ['PL3.IV.2', 'SKHCN'],
  ['PL3.IV.2', 'CAT'],
  ['PL3.IV.3', 'STC'], // "Các sở, ban, ngành, UBND cấp xã" | "Sở Tài chính; Khoa học và công nghệ, Công an tỉnh"
  ['PL3.IV.3', 'SKHCN'],
  ['PL3.IV.3', 'CAT'],
  ['PL3.V.2', 'SKHCN'], // "Các sở, ban, ngành, địa phương theo lĩnh vực" | "Sở Khoa học và Công nghệ; Công an tỉnh"
  ['PL3.V.2', 'CAT'],
  ['PL3.VIII.3', 'CAT'], // "Các sở, ngành, UBND cấp xã" | "Công an tỉnh"
  ['PL3.X.5', 'CAT'], // "Các sở, ngành, UBND cấp xã" | "Công an tỉnh"
];

describe('rowsForUnit: the role of a unit on a task', () => {
  it.each(NAMED_COORDINATORS_UNDER_A_LEAD_GROUP)('%s: %s, named to coordinate, coordinates though a lead group phrase covers it', (key, code) => {
    expect(roleOf(code, key)).toBe('coordinator');
  });

  it('finds exactly those 20 cases in the catalog, no more', () => {
    const found = catalog.tasks.flatMap((t) =>
      t.coordinators.filter((code) => t.leadGroups.some((g) => groupsOfUnit(unit(code)).includes(g))).map((code) => [t.key, code]),
    );
    expect(found).toHaveLength(20);
    expect(found).toEqual(NAMED_COORDINATORS_UNDER_A_LEAD_GROUP);
  });

  it('keeps every other unit the lead group covers as lead', () => {
    expect(['SYT', 'CAT', aCommune].map((code) => roleOf(code, 'PL3.I.1'))).toEqual(['lead', 'lead', 'lead']);
    expect(['SYT', 'VPUBND', aCommune].map((code) => roleOf(code, 'PL3.II.3'))).toEqual(['lead', 'lead', null]);
    expect(['SYT', 'TTPVHCC', aCommune].map((code) => roleOf(code, 'PL3.X.5'))).toEqual(['lead', 'lead', 'lead']);
  });

  it('keeps a named lead as lead when a coordinator group phrase covers it', () => {
    // PL3.V.1: "Công an tỉnh" | "Khoa học và công nghệ; các sở, ban, ngành, UBND cấp xã".
    expect([roleOf('CAT', 'PL3.V.1'), roleOf('SKHCN', 'PL3.V.1'), roleOf('SYT', 'PL3.V.1'), roleOf(aCommune, 'PL3.V.1')]).toEqual(['lead', 'coordinator', 'coordinator', 'coordinator']);
    // PL3.III.3 names Sở Tài chính on both sides: it reports the task once, as lead.
    expect(roleOf('STC', 'PL3.III.3')).toBe('lead');
  });

  it.each([
    ['KH.V.6.1', 'CAT', 'lead'],
    ['KH.V.6.1', 'VPUBND', 'coordinator'], // "Văn phòng UBND tỉnh phối hợp với Công an tỉnh"
    ['KH.V.7.1', 'SKHCN', 'lead'],
    ['KH.V.7.1', 'CAT', 'coordinator'], // "Chủ trì, phối hợp Công an tỉnh"
    ['KH.V.8.2', 'STC', 'lead'],
    ['KH.V.8.2', 'THUE', 'coordinator'], // "(Thuế, Hải quan, Kho bạc Nhà nước)"
    ['KH.V.9.1', 'CAT', 'lead'],
    ['KH.V.9.1', 'TAND', 'coordinator'], // "Tòa án nhân dân tỉnh: Phối hợp với Công an tỉnh"
    ['KH.V.8.2', 'SYT', null],
  ] as const)('%s: %s is %s', (key, code, role) => {
    expect(roleOf(code, key)).toBe(role);
  });

  it('gives every provincial body and every commune the duty KH.V.4.2 to lead, due by 30/6/2026', () => {
    const rows = roster.units.map((u) => rowsForUnit(catalog, u, period, definition).tasks.find((row) => row.task.key === 'KH.V.4.2'));
    expect(rows.every((row) => row?.role === 'lead')).toBe(true);
    expect(rows).toHaveLength(roster.units.length);
    // November 2026: the plan was due in June.
    expect(rows[0]?.deadline).toEqual({ status: 'overdue', due: '2026-06-30' });
    expect(task('KH.V.4.2').leadGroups).toEqual(['departments', 'communes']);
  });
});
