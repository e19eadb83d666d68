import { cellAddress, columnLetters, parseAddress } from '../../lib/model/sheet';

describe('cell addresses', () => {
  it.each([
    ['A1', { row: 1, col: 1 }],
    ['h12', { row: 12, col: 8 }],
    ['$AB$12', { row: 12, col: 28 }],
    ['XFD1048576', { row: 1048576, col: 16384 }],
    ['Z9999999', { row: 9999999, col: 26 }],
  ])('reads %s', (address, expected) => {
    expect(parseAddress(address)).toEqual(expected);
  });

  it.each(['', '1', 'A', 'ABCD1', 'A12345678', 'A1:B2', 'Á1', 'A-1', '$$A1', 'A1 ', '@1', '[1'])('refuses %p', (address) => {
    expect(parseAddress(address)).toBeNull();
  });

  it('round-trips every column Excel has', () => {
    for (let col = 1; col <= 16384; col += 1) expect(parseAddress(cellAddress(7, col))).toEqual({ row: 7, col });
    expect(columnLetters(703)).toBe('AAA');
  });
});
