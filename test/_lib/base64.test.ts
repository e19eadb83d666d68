import { base64, fromBase64 } from '../../lib/_lib/base64';

describe('base64', () => {
  it('encodes bytes of any size and padding as Node does, with neither Buffer nor btoa', () => {
    for (const length of [0, 1, 2, 3, 300_000]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 7 + 3) % 256);
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('breaks lines with CRLF at the given length (MIME bodies)', () => {
    const bytes = new Uint8Array(100).fill(65);
    const lines = base64(bytes, 76).split('\r\n');
    expect(lines.map((l) => l.length)).toEqual([76, 60]);
    expect(lines.join('')).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('decodes what Node encodes, whatever the padding, line breaks ignored', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 300_000]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 11 + 5) % 256);
      expect(fromBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
    }
    expect(fromBase64(base64(new Uint8Array(100).fill(200), 76))).toEqual(new Uint8Array(100).fill(200));
  });

  it('refuses text that is not base64: a foreign character, a wrong length', () => {
    for (const text of ['{"period":', 'QUJD*', 'QUJDR', 'QQ=Q', 'Ký tự']) expect(() => fromBase64(text)).toThrow('not base64');
  });
});
