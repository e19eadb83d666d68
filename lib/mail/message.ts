// A message as plain data: what to send, not how MIME writes it. lib/node/mime.ts renders it with
// nodemailer's MailComposer; postal-mime parses what comes back. Nothing here touches the machine.

export interface MailAddress {
  /** Display name, any script: `Văn thư Sở Y tế`. */
  name?: string;
  address: string;
}

export interface MailAttachment {
  filename: string;
  content: Uint8Array;
  /** Defaults from the file name's extension (`.xlsx`, `.pdf`, …), else application/octet-stream. */
  contentType?: string;
}

/** A whole message carried inside another (`message/rfc822`), as a forward "as attachment" does. */
export interface ForwardedMessage {
  filename: string;
  message: MailMessage;
}

export interface MailMessage {
  from: MailAddress;
  to: MailAddress[];
  cc?: MailAddress[];
  replyTo?: MailAddress;
  subject: string;
  /** ISO 8601 with offset, `2026-12-08T09:15:00+07:00`: written as the Date header in that zone. */
  date: string;
  /** With angle brackets: `<da06.2026-11.SYT.1a2b3c@congan.thanhhoa.gov.vn>`. */
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  text: string;
  attachments: Array<MailAttachment | ForwardedMessage>;
  /** Extra header fields, e.g. `X-Unsent: 1` so Outlook opens a saved draft ready to send. */
  headers?: Record<string, string>;
}

export const isForwarded = (part: MailAttachment | ForwardedMessage): part is ForwardedMessage => 'message' in part;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * An RFC 5322 §3.3 date, from the wall time and offset as written (no zone conversion).
 * @example formatEmailDate('2026-12-08T09:15:00+07:00') === 'Tue, 08 Dec 2026 09:15:00 +0700'
 */
export function formatEmailDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`Not an ISO 8601 time with offset: ${iso}`);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [number, number, number, number, number, number];
  const zone = match[7] as string;
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] as string;
  const abs = Math.abs(offset);
  return `${weekday}, ${pad2(day)} ${MONTHS[month - 1] as string} ${year} ${pad2(hour)}:${pad2(minute)}:${pad2(second)} ${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}${pad2(abs % 60)}`;
}

/** The domain of an address, for Message-IDs: `congan.thanhhoa.gov.vn`. */
export function addressDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0 && at < address.length - 1 ? address.slice(at + 1).toLowerCase() : 'localhost';
}

/**
 * A Message-ID that says what it is and stays unique: purpose, period and unit, then a nonce the caller
 * draws (random in use, fixed in tests).
 * @example makeMessageId({ purpose: 'gui', period: '2026-11', unit: 'SYT', nonce: '1a2b3c', domain: 'congan.thanhhoa.gov.vn' }) === '<da06.gui.2026-11.SYT.1a2b3c@congan.thanhhoa.gov.vn>'
 */
export function makeMessageId(parts: { purpose: string; period: string; unit: string; nonce: string; domain: string }): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9.-]/g, '');
  return `<da06.${clean(parts.purpose)}.${clean(parts.period)}.${clean(parts.unit)}.${clean(parts.nonce)}@${clean(parts.domain) || 'localhost'}>`;
}

/** Message-IDs in a header value (`In-Reply-To`, `References`), brackets kept, in order. */
export function messageIdsIn(value: string | undefined): string[] {
  return value ? [...value.matchAll(/<[^<>\s]+>/g)].map((m) => m[0]) : [];
}

const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * Whether a text is one plain e-mail address (the forms people type: no display name, no comments),
 * with a dotted domain, no doubled or edge dots in the local part, at most 254 characters.
 * @example isEmailAddress('vanthu@syt.thanhhoa.gov.vn') === true; isEmailAddress('vanthu@syt') === false
 */
export function isEmailAddress(text: string): boolean {
  if (text.length > 254 || !ADDRESS.test(text)) return false;
  const local = text.slice(0, text.lastIndexOf('@'));
  return local.length <= 64 && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
}

/** An address as people compare them: the domain is case-insensitive, and so, in practice, is the mailbox. */
export function addressKey(address: string): string {
  return address.trim().toLowerCase();
}

/** Turns a message into RFC 5322 bytes: lib/node/mime.ts in Node; injected so pure code can ask for it. */
export type RenderMessage = (message: MailMessage) => Promise<Uint8Array>;
