// Base64 without Buffer or btoa: the same code in Node and the browser, on bytes of any size.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of bytes, in lines of at most `lineLength` characters (a multiple of 4) joined by CRLF; one line when 0. */
export function base64(bytes: Uint8Array, lineLength = 0): string {
  const out: string[] = [];
  const chars = (n: number) => ALPHABET[n & 63] as string;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out.push(chars(n >> 18) + chars(n >> 12) + chars(n >> 6) + chars(n));
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] as number) << 16;
    out.push(`${chars(n >> 18)}${chars(n >> 12)}==`);
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out.push(`${chars(n >> 18)}${chars(n >> 12)}${chars(n >> 6)}=`);
  }
  if (lineLength <= 0) return out.join('');
  const perLine = lineLength / 4;
  const lines: string[] = [];
  for (let q = 0; q < out.length; q += perLine) lines.push(out.slice(q, q + perLine).join(''));
  return lines.join('\r\n');
}

const VALUES = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) VALUES[ALPHABET.charCodeAt(i)] = i;

/** The bytes of base64 text (whitespace ignored); throws on any other character or a wrong length. */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  const body = clean.replace(/={1,2}$/, '');
  if (clean.length % 4 !== 0 || body.length % 4 === 1) throw new Error('not base64');
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (let i = 0; i < body.length; i += 1) {
    const code = body.charCodeAt(i);
    const digit = code < 128 ? (VALUES[code] as number) : -1;
    if (digit < 0) throw new Error('not base64');
    value = ((value << 6) | digit) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at] = (value >> bits) & 0xff;
      at += 1;
    }
  }
  return out;
}
