import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { formatEmailDate, isForwarded, type MailAddress, type MailMessage } from '../mail/message';

const address = (a: MailAddress): Mail.Address | string => (a.name ? { name: a.name.normalize('NFC'), address: a.address } : a.address);

/** MailComposer takes a fixed boundary base too; its typings lack the field. */
type ComposerOptions = Mail.Options & { baseBoundary?: string };

async function composerOptions(message: MailMessage, depth: number): Promise<ComposerOptions> {
  const attachments: Mail.Attachment[] = [];
  for (const part of message.attachments) {
    if (isForwarded(part)) {
      attachments.push({ filename: part.filename.normalize('NFC'), content: Buffer.from(await render(part.message, depth + 1)), contentType: 'message/rfc822', contentDisposition: 'attachment' });
    } else {
      const content = Buffer.from(part.content.buffer, part.content.byteOffset, part.content.byteLength);
      attachments.push({ filename: part.filename.normalize('NFC'), content, ...(part.contentType ? { contentType: part.contentType } : {}), contentTransferEncoding: 'base64' });
    }
  }
  return {
    from: address(message.from),
    to: message.to.map(address),
    ...(message.cc?.length ? { cc: message.cc.map(address) } : {}),
    ...(message.replyTo ? { replyTo: address(message.replyTo) } : {}),
    subject: message.subject.normalize('NFC'),
    // A string Date keeps the sender's zone (`+0700`); a Date object would be rewritten in UTC.
    date: formatEmailDate(message.date),
    messageId: message.messageId,
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
    ...(message.references?.length ? { references: message.references } : {}),
    ...(message.headers ? { headers: message.headers } : {}),
    text: message.text.normalize('NFC').replace(/\r?\n/g, '\r\n'),
    textEncoding: 'base64',
    attachments,
    // The same message is the same bytes: the boundary comes from its Message-ID (and depth, so a forwarded copy differs), not from chance.
    baseBoundary: createHash('sha256').update(`${depth}:${message.messageId}`).digest('hex').slice(0, 24),
    // Content only from the bytes given: never a path or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/**
 * A message as RFC 5322 bytes (`.eml`), built by nodemailer's MailComposer: UTF-8 headers as encoded-words,
 * Vietnamese file names per RFC 2231, base64 bodies, CRLF throughout, 7-bit clean.
 * @example const eml = await renderMessage({ from: { address: 'da06@congan.thanhhoa.gov.vn' }, to: [{ address: 'vanthu@syt.thanhhoa.gov.vn' }], subject: 'Báo cáo', date: '2026-12-01T08:00:00+07:00', messageId: '<x@congan.thanhhoa.gov.vn>', text: 'Kính gửi …', attachments: [] });
 */
export async function renderMessage(message: MailMessage): Promise<Uint8Array> {
  return render(message, 0);
}

async function render(message: MailMessage, depth: number): Promise<Uint8Array> {
  const built = await new MailComposer(await composerOptions(message, depth)).compile().build();
  return new Uint8Array(built.buffer, built.byteOffset, built.byteLength);
}
