import { asciiFold, cleanText, foldKey, slugify } from '../../lib/text/fold';

describe('foldKey', () => {
  it.each([
    ['Thanh Hóa', 'Thanh Hoá'],
    ['Thủy', 'Thuỷ'],
    ['Sở  Y   tế', 'sở y tế'],
    ['SỞ Y TẾ', 'Sở Y tế'],
    ['Ho\u0301a', 'Hóa'], // NFD input
    ['Sở\u00a0Nội vụ', 'Sở Nội vụ'],
  ])('treats %p and %p as the same name', (a, b) => {
    expect(foldKey(a)).toBe(foldKey(b));
  });

  it.each([
    ['Hòa', 'Hóa'],
    ['Sơn', 'Son'],
    ['Đông', 'Dông'],
    ['Công', 'Cong'],
  ])('keeps %p and %p apart (tone and vowel quality matter)', (a, b) => {
    expect(foldKey(a)).not.toBe(foldKey(b));
  });
});

describe('cleanText', () => {
  it('normalises to NFC and collapses whitespace', () => {
    expect(cleanText('  Thanh Ho\u0301a \n tỉnh ')).toBe('Thanh Hóa tỉnh');
    expect(cleanText('  Thanh Ho\u0301a ').length).toBe('Thanh Hóa'.length);
  });
});

describe('slugify and asciiFold', () => {
  it('makes ASCII-safe file names from Vietnamese names', () => {
    expect(slugify('Sở Giáo dục và Đào tạo')).toBe('so-giao-duc-va-dao-tao');
    expect(slugify('Phường Hạc Thành')).toBe('phuong-hac-thanh');
    expect(asciiFold('Đề án 06')).toBe('De an 06');
  });

  it('cuts long names at a word boundary-safe length without a trailing dash', () => {
    const slug = slugify('Ban Quản lý Khu kinh tế Nghi Sơn và các khu công nghiệp', 20);
    expect(slug.length).toBeLessThanOrEqual(20);
    expect(slug.endsWith('-')).toBe(false);
  });
});
