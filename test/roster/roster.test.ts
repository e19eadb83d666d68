import { buildRoster, findUnit, findUnitByName, unitsOfKind } from '../../lib/roster/roster';
import { loadRoster } from '../../lib/node/seeds';

const roster = loadRoster();

describe('the built-in roster', () => {
  it('holds the provincial bodies and the 166 communes and wards of Thanh Hóa', () => {
    expect(unitsOfKind(roster, 'commune')).toHaveLength(166);
    expect(unitsOfKind(roster, 'commune').filter((u) => u.name.startsWith('Phường'))).toHaveLength(19);
    expect(unitsOfKind(roster, 'department').length).toBeGreaterThanOrEqual(18);
  });

  it('gives communes their official 5-digit code as a string', () => {
    const communes = unitsOfKind(roster, 'commune');
    expect(communes.every((u) => /^\d{5}$/.test(u.code))).toBe(true);
    expect(findUnit(roster, '14758')?.name).toBe('Phường Hàm Rồng');
  });

  it('finds units by name whatever the tone placement, case or spacing', () => {
    expect(findUnitByName(roster, 'Xã Cẩm Thuỷ')?.code).toBe('15127');
    expect(findUnitByName(roster, 'xã  cẩm thủy')?.code).toBe('15127');
    expect(findUnitByName(roster, 'UBND Xã Định Hoà')?.code).toBe('15448');
    expect(findUnitByName(roster, 'Sở Khoa và Công nghệ')?.code).toBe('SKHCN');
    expect(findUnitByName(roster, 'Sở Kế hoạch và Đầu tư')?.code).toBe('STC');
  });
});

describe('buildRoster', () => {
  const communes = {
    meta: {},
    units: [
      { code: '14758', name: 'Phường Hàm Rồng', short_name: 'Hàm Rồng', type: 'phường', name_alt_tone: null },
      { code: '15127', name: 'Xã Cẩm Thủy', short_name: 'Cẩm Thủy', type: 'xã', name_alt_tone: 'Xã Cẩm Thuỷ' },
    ],
  };
  const file = {
    departments: [{ code: 'CAT', name: 'Công an tỉnh', shortName: 'Công an tỉnh', namedInPlan: true, aliases: [] }],
    communes: { '15127': { email: 'vanphong@camthuy.example', aliases: ['Cẩm Thủy cũ'] } },
    inactive: ['14758'],
    external: [],
  };

  it('applies contacts and aliases the secretariat adds, and leaves out inactive units', () => {
    const built = buildRoster(file, communes);
    expect(built.units.map((u) => u.code)).toEqual(['CAT', '15127']);
    expect(built.inactive.map((u) => u.code)).toEqual(['14758']);
    expect(findUnit(built, '15127')?.email).toBe('vanphong@camthuy.example');
    expect(findUnitByName(built, 'Cẩm Thuỷ cũ')?.code).toBe('15127');
  });

  it('refuses a roster with a duplicated code', () => {
    const dup = { ...file, departments: [...file.departments, { ...file.departments[0]!, code: '15127' }] };
    expect(() => buildRoster(dup, communes)).toThrow(/trùng.*15127/);
  });

  it('refuses an inactive code that is not in the roster', () => {
    expect(() => buildRoster({ ...file, inactive: ['99999'] }, communes)).toThrow(/99999/);
  });
});
