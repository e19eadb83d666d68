import { concatBytes } from '../../lib/_lib/bytes';

describe('concatBytes', () => {
  it('joins chunks in order, and hands back a single chunk as it is', () => {
    const one = new Uint8Array([1, 2]);
    expect(concatBytes([one])).toBe(one);
    expect([...concatBytes([one, new Uint8Array(0), new Uint8Array([3])])]).toEqual([1, 2, 3]);
    expect(concatBytes([]).length).toBe(0);
  });
});
