import { legacyEncodingOf, matchOption, parseNumberText, readText, serialToIso } from '../../lib/validate/values';

describe('parseNumberText', () => {
  it.each([
    ['85', 85],
    ['85,5', 85.5],
    ['85%', 85],
    ['85 %', 85],
    [' 85 ', 85],
    ['85,5\u00a0%', 85.5],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['85.5', 85.5],
    ['-3', -3],
    ['1,234.5', 1234.5],
  ])('reads %p as %p', (text, value) => {
    expect(parseNumberText(text)).toEqual({ value });
  });

  it('reads a lone "1.234" the Vietnamese way and flags it as ambiguous', () => {
    expect(parseNumberText('1.234')).toEqual({ value: 1234, ambiguous: { raw: '1.234', read: 1234, other: 1.234 } });
  });

  it.each(['', 'năm mươi', '85,5,5', '12a', '1.2.3'])('gives up on %p', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });
});

describe('serialToIso', () => {
  it('respects the 1900 and 1904 date systems', () => {
    expect(serialToIso(46359, false)).toBe('2026-12-03');
    expect(serialToIso(44897, true)).toBe('2026-12-03');
    expect(serialToIso(0, false)).toBeNull();
  });
});

describe('matchOption', () => {
  const options = ['Chưa triển khai', 'Đang triển khai', 'Đã hoàn thành', 'Hoàn thành quá hạn'];
  it.each([
    ['đã hoàn thành', 'Đã hoàn thành'],
    ['  ĐANG   TRIỂN KHAI ', 'Đang triển khai'],
    ['Đã hoàn thành'.normalize('NFD'), 'Đã hoàn thành'],
    ['Hoàn thành quá hạn', 'Hoàn thành quá hạn'],
  ])('accepts %p as %p', (typed, option) => {
    expect(matchOption(typed, options)).toBe(option);
  });

  it('accepts the other tone placement (hoá / hóa)', () => {
    expect(matchOption('Thanh Hoá', ['Thanh Hóa'])).toBe('Thanh Hóa');
  });

  it('does not guess a different word', () => {
    expect(matchOption('Da hoan thanh', options)).toBeNull();
  });
});

describe('legacy Vietnamese fonts', () => {
  it('recognises TCVN3 and VNI fonts by name', () => {
    expect(['.VnTime', '.VnArialH', 'VNI-Times', 'Times New Roman', undefined].map(legacyEncodingOf)).toEqual(['TCVN3', 'TCVN3', 'VNI', null, null]);
  });

  it('converts TCVN3 text to Unicode and keeps VNI text as typed', () => {
    expect(readText({ address: 'A1', row: 1, col: 1, value: 'Thanh Hãa', font: '.VnTime' })).toEqual({ text: 'Thanh Hóa', legacy: { encoding: 'TCVN3', converted: true } });
    expect(readText({ address: 'A1', row: 1, col: 1, value: 'Sôû Y teá', font: 'VNI-Times' })).toEqual({ text: 'Sôû Y teá', legacy: { encoding: 'VNI', converted: false } });
  });
});
