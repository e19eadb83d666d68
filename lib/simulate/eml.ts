import { parseOffsetIso } from '../_lib/calendar';
import { base64 } from '../_lib/base64';

export interface EmlAddress {
  /** Display name, any script: `Văn thư Sở Y tế`. */
  name?: string;
  address: string;
}

export interface EmlAttachment {
  filename: string;
  bytes: Uint8Array;
  /** Defaults from the file name's extension (`.xlsx`, `.pdf`, …), else application/octet-stream. */
  contentType?: string;
}

export interface BuildEmlOptions {
  from: string | EmlAddress;
  to: string | EmlAddress | ReadonlyArray<string | EmlAddress>;
  subject: string;
  /** ISO 8601 with offset, `2026-12-08T09:15:00+07:00`: written as the Date header in the sender's zone. */
  date: string;
  text: string;
  attachments: readonly EmlAttachment[];
}

const CRLF = '\r\n';
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  zip: 'application/zip',
};
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const encoder = new TextEncoder();
const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * An RFC 5322 §3.3 date, from the wall time and offset as written (no zone conversion).
 * @example formatEmailDate('2026-12-08T09:15:00+07:00') === 'Tue, 08 Dec 2026 09:15:00 +0700'
 */
export function formatEmailDate(iso: string): string {
  const t = parseOffsetIso(iso);
  const weekday = WEEKDAYS[new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay()] as string;
  const sign = t.offsetMinutes < 0 ? '-' : '+';
  const offset = Math.abs(t.offsetMinutes);
  return `${weekday}, ${pad2(t.day)} ${MONTHS[t.month - 1] as string} ${t.year} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)} ${sign}${pad2(Math.floor(offset / 60))}${pad2(offset % 60)}`;
}

const isPrintableAscii = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);

/** RFC 2047 B encoded-words of at most 75 characters, split between characters, never inside one. */
function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk: number[] = [];
  const flush = () => {
    if (chunk.length > 0) words.push(`=?UTF-8?B?${base64(Uint8Array.from(chunk))}?=`);
    chunk = [];
  };
  for (const char of text.normalize('NFC')) {
    const bytes = encoder.encode(char);
    // 36 bytes → 48 base64 characters → 60 with the =?UTF-8?B? … ?= wrapper: fits after any header name.
    if (chunk.length + bytes.length > 36) flush();
    chunk.push(...bytes);
  }
  flush();
  return words;
}

/** A header line of space-separated tokens, folded before a token that would pass 78 characters. */
function foldHeader(name: string, tokens: readonly string[]): string {
  const lines = [`${name}:`];
  for (const token of tokens) {
    const last = lines.length - 1;
    const line = lines[last] as string;
    if (line.length + 1 + token.length > 78 && line.trim() !== `${name}:`) lines.push(` ${token}`);
    else lines[last] = `${line} ${token}`;
  }
  return lines.join(CRLF);
}

/** Unstructured text (Subject): its words when plain ASCII, else encoded-words. */
function textTokens(text: string): string[] {
  return isPrintableAscii(text) ? text.split(' ').filter(Boolean) : encodedWords(text);
}

function addressTokens(value: string | EmlAddress): string[] {
  const { name, address } = typeof value === 'string' ? { name: undefined, address: value } : value;
  if (!name) return [address];
  const display = isPrintableAscii(name) ? [`"${name.replace(/(["\\])/g, '\\$1')}"`] : encodedWords(name);
  return [...display, `<${address}>`];
}

function addressListTokens(list: ReadonlyArray<string | EmlAddress>): string[] {
  return list.flatMap((value, i) => {
    const tokens = addressTokens(value);
    if (i < list.length - 1) tokens[tokens.length - 1] += ',';
    return tokens;
  });
}

/** RFC 2231 parameter, `filename*0*=UTF-8''B%C3%A1o…`, split into continuations; plain quoted when ASCII. */
function parameter(name: string, value: string): string[] {
  if (isPrintableAscii(value) && value.length <= 60 && !/["\\]/.test(value)) return [`${name}="${value}"`];
  const percent = (char: string): string =>
    [...encoder.encode(char)].map((b) => (/[A-Za-z0-9!#$&+\-.^_`|~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  // Segments end between characters, so a decoder that decodes each continuation on its own still gets whole letters.
  const segments: string[] = [''];
  for (const char of value.normalize('NFC')) {
    const encoded = percent(char);
    if ((segments[segments.length - 1] as string).length + encoded.length > 54) segments.push('');
    segments[segments.length - 1] += encoded;
  }
  if (segments.length === 1) return [`${name}*=UTF-8''${segments[0] as string}`];
  return segments.map((segment, i) => `${name}*${i}*=${i === 0 ? "UTF-8''" : ''}${segment}`);
}

function withParameters(value: string, parameters: string[]): string {
  return [value, ...parameters].join(`;${CRLF} `);
}

/** FNV-1a, for stable Message-ID and boundary: the same message twice is the same bytes. */
function hashHex(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) hash = Math.imul(hash ^ byte, 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function contentTypeOf(attachment: EmlAttachment): string {
  if (attachment.contentType) return attachment.contentType;
  const extension = /\.([A-Za-z0-9]+)$/.exec(attachment.filename)?.[1]?.toLowerCase() ?? '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/**
 * A saved e-mail (`.eml`, RFC 5322 with a MIME multipart/mixed body): UTF-8 headers as encoded-words,
 * Vietnamese file names per RFC 2231, base64 bodies in 76-character lines, CRLF throughout.
 * @example buildEml({ from: 'vanthu@syt.thanhhoa.gov.vn', to: 'da06@congan.thanhhoa.gov.vn', subject: 'Báo cáo tháng 11', date: '2026-12-08T09:15:00+07:00', text: 'Kính gửi …', attachments: [{ filename: 'Báo cáo.xlsx', bytes }] })
 */
export function buildEml(options: BuildEmlOptions): Uint8Array {
  const to = Array.isArray(options.to) ? options.to : [options.to as string | EmlAddress];
  const fromAddress = typeof options.from === 'string' ? options.from : options.from.address;
  const domain = fromAddress.split('@')[1] ?? 'localhost';
  const fingerprint = hashHex([options.date, fromAddress, options.subject, ...options.attachments.map((a) => `${a.filename}:${a.bytes.length}`)].join('\n'));
  const boundary = `----=_da06_${fingerprint}_${hashHex(options.text)}`;
  const lines: string[] = [
    foldHeader('From', addressTokens(options.from)),
    foldHeader('To', addressListTokens(to)),
    foldHeader('Subject', textTokens(options.subject)),
    `Date: ${formatEmailDate(options.date)}`,
    `Message-ID: <${fingerprint}.${hashHex(options.date)}@${domain}>`,
    'MIME-Version: 1.0',
    `Content-Type: ${withParameters('multipart/mixed', [`boundary="${boundary}"`])}`,
    '',
    'This is a multi-part message in MIME format.',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64(encoder.encode(options.text.replace(/\r?\n/g, CRLF)), 76),
  ];
  for (const attachment of options.attachments) {
    lines.push(
      `--${boundary}`,
      `Content-Type: ${withParameters(contentTypeOf(attachment), parameter('name', attachment.filename))}`,
      `Content-Disposition: ${withParameters('attachment', parameter('filename', attachment.filename))}`,
      'Content-Transfer-Encoding: base64',
      '',
      base64(attachment.bytes, 76),
    );
  }
  lines.push(`--${boundary}--`, '');
  return encoder.encode(lines.join(CRLF));
}
