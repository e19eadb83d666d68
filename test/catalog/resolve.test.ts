import { createUnitResolver } from '../../lib/catalog/resolve';
import { loadRoster } from '../../lib/node/seeds';

const { resolve } = createUnitResolver(loadRoster());

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
