import type { CellModel } from '../../lib/model/sheet';
import { cellText, legacyEncodingOf, matchOption, parseNumberText, readNumber, readText, seenValue, serialToIso } from '../../lib/validate/values';

const cell = (value: CellModel['value'], extra: Partial<CellModel> = {}): CellModel => ({ address: 'J9', row: 9, col: 10, value, ...extra });

describe('parseNumberText', () => {
  it.each([
    ['85', 85],
    ['85,5', 85.5],
    [' 85 ', 85],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['85.5', 85.5],
    ['-3', -3],
    ['1,234.5', 1234.5],
  ])('reads %p as %p', (text, value) => {
    expect(parseNumberText(text)).toEqual({ value });
  });

  it.each([
    ['85%', 85],
    ['85 %', 85],
    ['85,5 %', 85.5],
    ['85,5\u00a0%', 85.5],
    ['0,5%', 0.5],
  ])('reads %p as %p and says a percent sign was typed', (text, value) => {
    expect(parseNumberText(text)).toEqual({ value, percent: true });
  });

  it('reads a lone "1.234" the Vietnamese way and flags it as ambiguous', () => {
    expect(parseNumberText('1.234')).toEqual({ value: 1234, ambiguous: { raw: '1.234', read: 1234, other: 1.234 } });
  });

  it.each(['', 'năm mươi', '85,5,5', '12a', '1.2.3', '%', '85%%'])('gives up on %p', (text) => {
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

describe('readNumber reads a number as the user sees it', () => {
  it('reads a percent-formatted cell as the percent shown: 0.5 under 0% is 50', () => {
    expect(readNumber(cell(0.5, { isPercent: true }))).toEqual({ kind: 'value', value: 50, percent: 'format' });
    expect(readNumber(cell(0.855, { isPercent: true }))).toEqual({ kind: 'value', value: 85.5, percent: 'format' });
    expect(readNumber(cell(0.57, { isPercent: true }))).toEqual({ kind: 'value', value: 57, percent: 'format' });
    expect(readNumber(cell(1.5, { isPercent: true }))).toEqual({ kind: 'value', value: 150, percent: 'format' });
  });

  it('reads a plain number as stored, and text with a % sign as the number before it', () => {
    expect(readNumber(cell(0.5))).toEqual({ kind: 'value', value: 0.5 });
    expect(readNumber(cell('85,5 %'))).toEqual({ kind: 'value', value: 85.5, percent: 'sign' });
    expect(readNumber(cell('85%', { isPercent: true }))).toEqual({ kind: 'value', value: 85, percent: 'sign' }); // a format does not apply to text
    expect(readNumber(cell('1.234%'))).toEqual({ kind: 'value', value: 1234, percent: 'sign', ambiguous: { raw: '1.234%', read: 1234, other: 1.234 } });
  });
});

describe('cellText and seenValue keep what the unit typed', () => {
  it('keeps line breaks (as LF) in text', () => {
    expect(cellText(cell('Dòng 1\r\nDòng 2\rDòng 3'))).toBe('Dòng 1\nDòng 2\nDòng 3');
    expect(readText(cell('  Khó khăn:\n- thiếu người '))).toEqual({ text: 'Khó khăn:\n- thiếu người' });
    expect(readText(cell('Khã kh¨n:\nthiÕu ng­êi', { font: '.VnTime' })).text).toBe('Khó khăn:\nthiếu người');
  });

  it('shows a percent-formatted number as its percent', () => {
    expect(cellText(cell(0.5, { isPercent: true }))).toBe('50%');
    expect(cellText(cell(0.855))).toBe('0.855');
    expect(seenValue(cell(0.855, { isPercent: true }))).toBe(85.5);
    expect(seenValue(cell(7))).toBe(7);
  });

  it('gives a row a unit added its values as seen: text with LF, booleans and errors as text', () => {
    expect([seenValue(cell('a\r\nb')), seenValue(cell(true)), seenValue(cell({ error: '#N/A' })), seenValue(cell(null))]).toEqual(['a\nb', 'true', '#N/A', null]);
  });
});
