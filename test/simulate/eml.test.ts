import PostalMime from 'postal-mime';
import { buildEml, formatEmailDate } from '../../lib/simulate/eml';

const workbook = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256);
const message = {
  from: { name: 'Văn thư Sở Y tế', address: 'vanthu@syt.thanhhoa.gov.vn' },
  to: { name: 'Tổ công tác Đề án 06 tỉnh', address: 'da06@congan.thanhhoa.gov.vn' },
  subject: 'Báo cáo kết quả thực hiện Đề án 06 tháng 11/2026 - Sở Y tế (bản chính thức, đề nghị tổng hợp)',
  date: '2026-12-08T09:15:00+07:00',
  text: 'Kính gửi: Công an tỉnh.\n\nSở Y tế gửi báo cáo tháng 11/2026 (tệp đính kèm).\n\nTrân trọng./.',
  attachments: [
    { filename: 'Báo cáo Đề án 06 tháng 11.2026 - Trung tâm Phục vụ hành chính công tỉnh.xlsx', bytes: workbook },
    { filename: 'phu-luc.pdf', bytes: new Uint8Array([37, 80, 68, 70]) },
    { filename: 'trống.txt', bytes: new Uint8Array(0), contentType: 'text/plain' },
  ],
};
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('buildEml', () => {
  it('round-trips through postal-mime: sender, subject, date, text and every attachment byte for byte', async () => {
    const email = await PostalMime.parse(buildEml(message));
    expect(email.from).toEqual({ name: 'Văn thư Sở Y tế', address: 'vanthu@syt.thanhhoa.gov.vn' });
    expect(email.to).toEqual([{ name: 'Tổ công tác Đề án 06 tỉnh', address: 'da06@congan.thanhhoa.gov.vn' }]);
    expect(email.subject).toBe(message.subject);
    expect(email.date).toBe('2026-12-08T02:15:00.000Z');
    expect(email.text?.replace(/\r\n/g, '\n').trim()).toBe(message.text);
    expect(email.attachments.map((a) => [a.filename, a.mimeType])).toEqual([
      [message.attachments[0]?.filename, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['phu-luc.pdf', 'application/pdf'],
      ['trống.txt', 'text/plain'],
    ]);
    email.attachments.forEach((attachment, i) => {
      expect(new Uint8Array(attachment.content as ArrayBuffer)).toEqual(message.attachments[i]?.bytes);
    });
  });

  it('writes 7-bit text with CRLF line endings only, base64 in lines of 76, headers folded to 78 where they can be', () => {
    const raw = text(buildEml(message));
    expect(raw).not.toMatch(/[^\r]\n/);
    expect(raw.endsWith('\r\n')).toBe(true);
    expect([...buildEml(message)].every((byte) => byte < 0x80)).toBe(true);
    const lines = raw.split('\r\n');
    const base64Lines = lines.filter((l) => /^[A-Za-z0-9+/]+=*$/.test(l) && l.length > 20);
    expect(base64Lines.length).toBeGreaterThan(50);
    expect(Math.max(...base64Lines.map((l) => l.length))).toBe(76);
    // The xlsx media type is one unbreakable token of 80 characters with its header name, as in any mail client's output.
    const long = lines.filter((l) => l.length > 78);
    expect(long).toEqual(['Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;']);
  });

  it('dates the message in the sender\u2019s zone, as RFC 5322 writes it', () => {
    expect(text(buildEml(message))).toContain('\r\nDate: Tue, 08 Dec 2026 09:15:00 +0700\r\n');
    expect(formatEmailDate('2026-12-08T09:15:00Z')).toBe('Tue, 08 Dec 2026 09:15:00 +0000');
    expect(formatEmailDate('2027-01-01T00:00:05-05:30')).toBe('Fri, 01 Jan 2027 00:00:05 -0530');
    expect(() => formatEmailDate('08/12/2026')).toThrow(RangeError);
  });

  it('encodes the Vietnamese subject as encoded-words and the file name per RFC 2231', () => {
    const raw = text(buildEml(message));
    expect(raw).toMatch(/\r\nSubject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=\r\n =\?UTF-8\?B\?/);
    expect(raw).toContain("filename*0*=UTF-8''B%C3%A1o%20c%C3%A1o");
    expect(raw).toContain('filename="phu-luc.pdf"');
  });

  it('quotes a plain ASCII display name and lists several recipients', async () => {
    const email = await PostalMime.parse(buildEml({ ...message, from: { name: 'Phong "PC06"', address: 'pc06@congan.thanhhoa.gov.vn' }, to: ['a@thanhhoa.gov.vn', { name: 'Tổ công tác', address: 'b@thanhhoa.gov.vn' }] }));
    expect(email.from).toEqual({ name: 'Phong "PC06"', address: 'pc06@congan.thanhhoa.gov.vn' });
    expect(email.to?.map((a) => a.address)).toEqual(['a@thanhhoa.gov.vn', 'b@thanhhoa.gov.vn']);
  });

  it('is deterministic: the same message gives the same bytes', () => {
    expect(buildEml(message)).toEqual(buildEml(message));
  });
});
