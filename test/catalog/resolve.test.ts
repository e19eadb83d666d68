import { createUnitResolver } from '../../lib/catalog/resolve';
import { loadRoster } from '../../lib/node/seeds';

const { resolve, readLeadingNames } = createUnitResolver(loadRoster());

describe('createUnitResolver', () => {
  it.each([
    ['Công an tỉnh', ['CAT'], [], []],
    ['Sở Khoa học và Công nghệ; Công an tỉnh', ['SKHCN', 'CAT'], [], []],
    ['Sở Khoa và Công nghệ', ['SKHCN'], [], []],
    ['Khoa học và công nghệ; các sở, ban, ngành, UBND cấp xã', ['SKHCN'], ['departments', 'communes'], []],
    ['Sở Tư pháp, Sở Khoa học và công nghệ; Y tế; các sở, ban, ngành liên quan; UBND xã, phường', ['STP', 'SKHCN', 'SYT'], ['related', 'communes'], []],
    ['Ngân hàng Nhà nước chi nhánh khu vực 7', ['NHNN'], [], []],
    ['Ngân hàng Nhà nước Việt Nam Chi nhánh KV 7', ['NHNN'], [], []],
    ['Sở Nội vụ thực hiện kiểm tra; Thanh tra tỉnh, Công an tỉnh thực hiện thanh tra', ['SNV', 'TTRA', 'CAT'], [], []],
    ['Công an tỉnh hoặc Văn phòng UBND tỉnh theo dõi, tổng hợp kết quả địa phương', ['CAT', 'VPUBND'], [], []],
    ['Bộ Y tế; Bộ Công an', [], [], ['Bộ Y tế', 'Bộ Công an']],
    ['Bộ Nông nghiệp và Môi trường; UBND cấp xã', [], ['communes'], ['Bộ Nông nghiệp và Môi trường']],
    ['Các sở, ngành, địa phương theo lĩnh vực được phân công', [], ['byField'], []],
    ['Sở Văn hoá, Thể thao và Du lịch', ['SVHTTDL'], [], []],
  ])('resolves %p', (text, units, groups, external) => {
    const { assignment, unresolved } = resolve(text);
    expect(unresolved).toEqual([]);
    expect(assignment.units).toEqual(units);
    expect(assignment.groups).toEqual(groups);
    expect(assignment.external).toEqual(external);
  });

  it('returns what it cannot resolve instead of guessing', () => {
    const { assignment, unresolved } = resolve('Công an tỉnh, Sở Du hành Vũ trụ');
    expect(assignment.units).toEqual(['CAT']);
    expect(unresolved).toEqual(['Sở Du hành Vũ trụ']);
  });
});

describe('readLeadingNames', () => {
  it.each([
    ['Công an tỉnh tổng hợp tình hình, kết quả', 'Công an tỉnh', ['CAT'], [], []],
    ['Công an tỉnh và các đơn vị liên quan bám sát chỉ đạo của Tòa án nhân dân tối cao', 'Công an tỉnh và các đơn vị liên quan', ['CAT'], ['related'], []],
    ['các cơ quan, đơn vị liên quan tổng hợp, tham mưu', 'các cơ quan, đơn vị liên quan', [], ['related'], []],
    [
      'các cơ quan Trung ương đóng trên địa bàn (Thuế, Hải quan, Kho bạc Nhà nước) đảm bảo kết nối',
      'các cơ quan Trung ương đóng trên địa bàn (Thuế, Hải quan, Kho bạc Nhà nước)',
      ['THUE'],
      [],
      ['Hải quan', 'Kho bạc Nhà nước'],
    ],
  ])('reads the names %p starts with', (text, consumed, units, groups, external) => {
    const read = readLeadingNames(text);
    expect(read.consumed).toBe(consumed);
    expect([read.assignment.units, read.assignment.groups, read.assignment.external]).toEqual([units, groups, external]);
  });

  it.each([
    ['a verb', 'tham mưu khen thưởng kịp thời tập thể'],
    ['the end of the clause', '; gửi Công an tỉnh'],
    ['an unknown body', 'Sở Du hành Vũ trụ triển khai'],
  ])('reads nothing before %s', (_name, text) => {
    expect(readLeadingNames(text)).toEqual({ assignment: { text: '', units: [], groups: [], external: [] }, consumed: '' });
  });

  it('stops at the end of its clause and at a trailing connector', () => {
    expect(readLeadingNames('Công an tỉnh; Sở Y tế').assignment.units).toEqual(['CAT']);
    expect(readLeadingNames('Công an tỉnh và triển khai').consumed).toBe('Công an tỉnh');
  });
});
