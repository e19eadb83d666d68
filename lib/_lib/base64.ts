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
