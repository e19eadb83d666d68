import { parseSettings } from '../../lib/mail/settings';

const minimal = { mail: { from: { name: 'Tổ công tác Đề án 06 tỉnh', address: 'da06@congan.thanhhoa.gov.vn' }, contact: 'Phòng PC06, ĐT 0237 3 852 000' } };

describe('parseSettings', () => {
  it('fills the defaults: limits, log folder, SMTP rate and retries', () => {
    const parsed = parseSettings({ mail: { ...minimal.mail, smtp: { host: 'mail.thanhhoa.gov.vn', port: 587, security: 'starttls', user: 'da06' } } });
    expect(parsed).toEqual({
      ok: true,
      settings: {
        ...minimal.mail,
        smtp: { host: 'mail.thanhhoa.gov.vn', port: 587, security: 'starttls', user: 'da06', messagesPerMinute: 30, retries: 3, retryDelaySeconds: 5 },
        limits: { attachmentMiB: 20, messageMiB: 50 },
        logDir: 'nhat-ky-thu',
      },
    });
  });

  it('names each problem by its place, in Vietnamese, never as a JSON path', () => {
    const parsed = parseSettings({ mail: { from: { name: 'A', address: 'da06' }, contact: 'x', smtp: { host: 'h', port: '587', security: 'ssl', pool: true }, imap: { host: 'h', port: 993, security: 'tls' } } });
    expect(parsed).toEqual({
      ok: false,
      problems: [
        'mail › from › address: không phải địa chỉ thư điện tử hợp lệ',
        'mail › smtp › port: cần số',
        'mail › smtp › security: phải là một trong "tls", "starttls", "none"',
        'mail › smtp: mục không có trong mẫu cấu hình: pool',
        'mail › imap › user: thiếu, cần chuỗi chữ',
      ],
    });
  });

  it('refuses any password in the file: it belongs in the environment', () => {
    expect(parseSettings({ mail: { ...minimal.mail, imap: { host: 'h', port: 993, security: 'tls', user: 'u', pass: 'x' } } })).toEqual({
      ok: false,
      problems: ['mail › imap › pass: không ghi mật khẩu vào tệp cấu hình; đặt trong biến môi trường DA06_SMTP_PASSWORD hoặc DA06_IMAP_PASSWORD'],
    });
  });
});
