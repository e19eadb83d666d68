import { asciiFold, cleanMultilineText, cleanText, foldKey, slugify } from '../../lib/text/fold';

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

describe('cleanMultilineText', () => {
  it.each([
    ['Alt+Enter in Excel (LF)', '1. Thiếu kinh phí\n2. Thiếu người', '1. Thiếu kinh phí\n2. Thiếu người'],
    ['pasted from Windows (CR LF)', '1. Thiếu kinh phí\r\n2. Thiếu người', '1. Thiếu kinh phí\n2. Thiếu người'],
    ['old Mac text (CR)', 'a\rb', 'a\nb'],
    ["Word's manual line break (VT) and the Unicode separators", 'a\u000bb\u2028c\u2029d', 'a\nb\nc\nd'],
    ['spaces around and inside each line', '  Dòng  một \n\t Dòng\u00a0hai  ', 'Dòng một\nDòng hai'],
    ['blank lines inside kept, at the ends dropped', '\r\n\nĐoạn 1\n\nĐoạn 2\n \n', 'Đoạn 1\n\nĐoạn 2'],
    ['NFD text', 'Thanh Ho\u0301a\nTi\u0309nh', 'Thanh Hóa\nTỉnh'],
    ['one line', '  Một  dòng ', 'Một dòng'],
  ])('keeps the breaks a unit typed: %s', (_how, typed, kept) => {
    expect(cleanMultilineText(typed)).toBe(kept);
  });

  it('is cleanText on each line', () => {
    const typed = ' a \u200b b\r\n  c\u00a0\u00a0d ';
    expect(cleanMultilineText(typed).split('\n')).toEqual(typed.split(/\r\n/).map(cleanText));
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
