import PostalMime from 'postal-mime';
import { formatEmailDate, type MailMessage } from '../../lib/mail/message';
import { renderMessage } from '../../lib/node/mime';

const workbook = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256);
const message: MailMessage = {
  from: { name: 'Văn thư Sở Y tế', address: 'vanthu@syt.thanhhoa.gov.vn' },
  to: [{ name: 'Tổ công tác Đề án 06 tỉnh', address: 'da06@congan.thanhhoa.gov.vn' }],
  cc: [{ address: 'giamdoc@syt.thanhhoa.gov.vn' }],
  subject: 'Báo cáo kết quả thực hiện Đề án 06 tháng 11/2026 - Sở Y tế (bản chính thức, đề nghị tổng hợp)',
  date: '2026-12-08T09:15:00+07:00',
  messageId: '<bao-cao.2026-11.SYT@syt.thanhhoa.gov.vn>',
  inReplyTo: '<da06.gui.2026-11.SYT.abc@congan.thanhhoa.gov.vn>',
  references: ['<da06.gui.2026-11.SYT.abc@congan.thanhhoa.gov.vn>'],
  text: 'Kính gửi: Công an tỉnh.\n\nSở Y tế gửi báo cáo tháng 11/2026 (tệp đính kèm).\n\nTrân trọng./.',
  attachments: [
    { filename: 'Báo cáo Đề án 06 tháng 11.2026 - Trung tâm Phục vụ hành chính công tỉnh.xlsx', content: workbook },
    { filename: 'phu-luc.pdf', content: new Uint8Array([37, 80, 68, 70]) },
    { filename: 'trống.txt', content: new Uint8Array(0), contentType: 'text/plain' },
  ],
};
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('renderMessage (nodemailer MailComposer)', () => {
  it('round-trips through postal-mime: addresses, subject, date, threading headers, text and every attachment byte for byte', async () => {
    const email = await PostalMime.parse(await renderMessage(message));
    expect(email.from).toEqual({ name: 'Văn thư Sở Y tế', address: 'vanthu@syt.thanhhoa.gov.vn' });
    expect(email.to).toEqual([{ name: 'Tổ công tác Đề án 06 tỉnh', address: 'da06@congan.thanhhoa.gov.vn' }]);
    expect(email.cc).toEqual([{ name: '', address: 'giamdoc@syt.thanhhoa.gov.vn' }]);
    expect(email.subject).toBe(message.subject);
    expect(email.date).toBe('2026-12-08T02:15:00.000Z');
    expect([email.messageId, email.inReplyTo, email.references]).toEqual([message.messageId, message.inReplyTo, message.inReplyTo]);
    expect(email.text?.replace(/\r\n/g, '\n').trim()).toBe(message.text);
    expect(email.attachments.map((a) => [a.filename, a.mimeType])).toEqual([
      ['Báo cáo Đề án 06 tháng 11.2026 - Trung tâm Phục vụ hành chính công tỉnh.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['phu-luc.pdf', 'application/pdf'],
      ['trống.txt', 'text/plain'],
    ]);
    email.attachments.forEach((attachment, i) => {
      expect(new Uint8Array(attachment.content as ArrayBuffer)).toEqual((message.attachments[i] as { content: Uint8Array }).content);
    });
  });

  it('writes 7-bit text with CRLF line endings only and base64 lines of 76', async () => {
    const bytes = await renderMessage(message);
    const raw = text(bytes);
    expect(raw).not.toMatch(/[^\r]\n/);
    expect([...bytes].every((byte) => byte < 0x80)).toBe(true);
    const base64Lines = raw.split('\r\n').filter((l) => /^[A-Za-z0-9+/]+=*$/.test(l) && l.length > 20);
    expect(base64Lines.length).toBeGreaterThan(50);
    expect(Math.max(...base64Lines.map((l) => l.length))).toBe(76);
  });

  it('dates the message in the sender\u2019s zone, as RFC 5322 writes it', async () => {
    expect(text(await renderMessage(message))).toContain('\r\nDate: Tue, 08 Dec 2026 09:15:00 +0700\r\n');
    expect(formatEmailDate('2026-12-08T09:15:00Z')).toBe('Tue, 08 Dec 2026 09:15:00 +0000');
    expect(formatEmailDate('2027-01-01T00:00:05-05:30')).toBe('Fri, 01 Jan 2027 00:00:05 -0530');
    expect(() => formatEmailDate('08/12/2026')).toThrow(RangeError);
  });

  it('encodes the Vietnamese subject as encoded-words and the file name per RFC 2231', async () => {
    const raw = text(await renderMessage(message));
    expect(raw).toMatch(/\r\nSubject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=\r\n =\?UTF-8\?B\?/);
    expect(raw).toContain("filename*0*=utf-8''B%C3%A1o%20c%C3%A1o");
    expect(raw).toContain('filename=phu-luc.pdf');
  });

  it('carries a forwarded message whole, as message/rfc822, and extra headers such as X-Unsent', async () => {
    const outer: MailMessage = { ...message, messageId: '<fwd@congan.thanhhoa.gov.vn>', headers: { 'X-Unsent': '1' }, attachments: [{ filename: 'Thư chuyển tiếp.eml', message }] };
    const bytes = await renderMessage(outer);
    expect(text(bytes)).toMatch(/^X-Unsent: 1\r\n/m);
    const email = await PostalMime.parse(bytes, { forceRfc822Attachments: true });
    expect(email.attachments.map((a) => [a.filename, a.mimeType])).toEqual([['Thư chuyển tiếp.eml', 'message/rfc822']]);
    const inner = await PostalMime.parse(email.attachments[0]?.content as ArrayBuffer);
    expect(inner.messageId).toBe(message.messageId);
    expect(new Uint8Array(inner.attachments[0]?.content as ArrayBuffer)).toEqual(workbook);
  });

  it('is deterministic: the same message gives the same bytes, the boundary comes from the Message-ID', async () => {
    expect(await renderMessage(message)).toEqual(await renderMessage(message));
  });
});
