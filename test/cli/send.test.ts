import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { makeIssue, renderMessage } from '../../lib/issues/issue';
import { parseSendLog } from '../../lib/mail/send-log';
import { seedPath } from '../../lib/node/seeds';
import { readXlsx } from '../../lib/read/xlsx';
import { passwordEnv, startMailServers, writeSettings, type MailServers } from '../_lib/mail-server';
import { da06With } from './_lib/run';

jest.setTimeout(120_000);

let servers: MailServers;
let dir: string;
let rosterPath: string;
let config: string;
const ADDRESSES: Record<string, { email: string; cc?: string[]; focalPerson?: string }> = {
  SYT: { email: 'vanthu@syt.thanhhoa.gov.vn', cc: ['giamdoc@syt.thanhhoa.gov.vn'], focalPerson: 'Nguyễn Văn An' },
  STC: { email: 'vanthu@stc.thanhhoa.gov.vn' },
  STP: { email: 'vanthu@stp.thanhhoa.gov.vn' },
};

beforeAll(async () => {
  servers = await startMailServers();
});
afterAll(async () => servers?.stop());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'da06-send-'));
  rosterPath = join(dir, 'roster.json');
  const roster = JSON.parse(readFileSync(seedPath('roster'), 'utf8')) as { departments: Array<Record<string, unknown>> };
  for (const d of roster.departments) Object.assign(d, ADDRESSES[d.code as string] ?? {});
  writeFileSync(rosterPath, JSON.stringify(roster));
  config = join(dir, 'da06.config.json');
  writeSettings(servers, config);
  servers.outbound.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The issue codes a command printed, `[mail/no-address]` …, in order. */
const codesIn = (text: string) => [...text.matchAll(/\[([a-z]+\/[a-z0-9-]+)\]/g)].map((m) => m[1]);
const now = () => new Date(Date.UTC(2026, 10 /* Nov */, 25, 1, 0, 0));
const send = (env: Record<string, string>, ...args: string[]) => da06With({ rosterPath, env, now }, 'send', '--period', '2026-11', '--config', config, ...args);

describe('da06 send --outbox', () => {
  it('drafts one .eml per unit, ready to send (X-Unsent), with a send list, and drafts nothing twice', async () => {
    const outbox = join(dir, 'thu-di');
    const first = await send({}, '--unit', 'SYT', '--unit', 'STC', '--unit', 'SNV', '--outbox', outbox);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Đã soạn 2 thư; 1 đơn vị chưa có địa chỉ.');
    expect(first.stdout).toContain('Đơn vị SNV (Sở Nội vụ) chưa có địa chỉ thư điện tử đầu mối: không gửi được.');
    expect(codesIn(first.stdout)).toEqual(['mail/no-address']);
    expect(readdirSync(outbox).sort()).toEqual(['2026-11_STC_so-tai-chinh.eml', '2026-11_SYT_so-y-te.eml', 'danh-sach-gui.csv']);
    const raw = readFileSync(join(outbox, '2026-11_SYT_so-y-te.eml'));
    expect(raw.toString('latin1')).toMatch(/^X-Unsent: 1\r\n/m);
    const email = await PostalMime.parse(raw);
    expect(email.subject).toBe('[Đề án 06] Báo cáo tháng 11/2026 - Sở Y tế - hạn trước 10/12/2026');
    expect(email.to).toEqual([{ name: 'Nguyễn Văn An', address: 'vanthu@syt.thanhhoa.gov.vn' }]);
    expect(email.cc).toEqual([{ name: '', address: 'giamdoc@syt.thanhhoa.gov.vn' }]);
    expect(email.from).toEqual({ name: 'Tổ công tác Đề án 06 tỉnh', address: servers.mailbox });
    expect(email.text).toMatchSnapshot();
    const attachment = email.attachments[0];
    expect(attachment?.filename).toBe('2026-11_SYT_so-y-te.xlsx');
    const report = readXlsx(new Uint8Array(attachment?.content as ArrayBuffer));
    expect(report.submission?.identity.unitCode).toBe('SYT');
    const list = readFileSync(join(outbox, 'danh-sach-gui.csv'), 'utf8');
    expect(list.startsWith('\uFEFFMã đơn vị,')).toBe(true);
    expect(list).toContain('SNV,Sở Nội vụ,,,Biểu mẫu,,,,Chưa có địa chỉ thư');

    const again = await send({}, '--unit', 'SYT', '--unit', 'STC', '--outbox', outbox);
    expect(again.stdout).toContain('Đã soạn 0 thư; 2 đã gửi từ trước');
    const forced = await send({}, '--unit', 'SYT', '--outbox', outbox, '--resend');
    expect(forced.stdout).toContain('Đã soạn 1 thư.');
  });

  it('takes the templates from a folder when given, and says which one is missing', async () => {
    const templates = join(dir, 'bieu-mau');
    expect((await da06With({ rosterPath, now }, 'templates', '--period', '2026-11', '--out', templates, '--unit', 'SYT')).code).toBe(0);
    const result = await send({}, '--unit', 'SYT', '--unit', 'STC', '--outbox', join(dir, 'o'), '--templates', templates);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Đã soạn 1 thư; 1 không thành công.');
    expect(result.stdout).toContain('Không tìm thấy biểu mẫu của đơn vị STC (2026-11_STC_so-tai-chinh.xlsx)');
    const log = parseSendLog(readFileSync(join(dir, 'nhat-ky-thu', 'gui-2026-11.jsonl'), 'utf8')).entries;
    expect(log.map((e) => [e.unit, e.outcome])).toEqual([['SYT', 'drafted'], ['STC', 'failed']]);
    expect(log.find((e) => e.unit === 'STC')?.detail).toBe(renderMessage(makeIssue('mail/template-missing', {}, { unit: 'STC', file: '2026-11_STC_so-tai-chinh.xlsx', dir: templates })));
    expect(codesIn(result.stdout)).toEqual(['mail/send-failed']);
  });
});

describe('da06 send --smtp (real SMTP server, STARTTLS with the test CA)', () => {
  it('sends each unit its template with To and Cc, retries a temporary refusal, reports a permanent one, and a re-run sends only what failed', async () => {
    servers.failRecipient('vanthu@stc.thanhhoa.gov.vn', 451, 1);
    servers.failRecipient('vanthu@stp.thanhhoa.gov.vn', 550, 3);
    const first = await send(passwordEnv(servers), '--smtp', '--unit', 'SYT', '--unit', 'STC', '--unit', 'STP');
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(`Gửi biểu mẫu kỳ 2026-11 qua 127.0.0.1:${servers.smtp.port} (STARTTLS), người gửi ${servers.mailbox}:`);
    expect(first.stdout).toContain('Đã gửi 2 thư; 1 không thành công.');
    expect(first.stdout).toMatch(/Gửi thư cho STP - Sở Tư pháp \(vanthu@stp\.thanhhoa\.gov\.vn\) không thành công sau 1 lần thử: máy chủ trả lời 550/);
    expect(servers.outbound.map((m) => m.to)).toEqual([['vanthu@syt.thanhhoa.gov.vn', 'giamdoc@syt.thanhhoa.gov.vn'], ['vanthu@stc.thanhhoa.gov.vn']]);
    const log = parseSendLog(readFileSync(join(dir, 'nhat-ky-thu', 'gui-2026-11.jsonl'), 'utf8')).entries;
    expect(log.map((e) => [e.unit, e.outcome, e.attempts])).toEqual([['SYT', 'sent', 1], ['STC', 'sent', 2], ['STP', 'failed', 1]]);
    const sent = await PostalMime.parse(servers.outbound[0]?.raw as Buffer);
    expect(sent.messageId).toBe(log[0]?.messageId);
    expect(sent.headers.some((h) => h.key === 'x-unsent')).toBe(false);
    // Nothing of the password reaches a file or the output.
    expect(readFileSync(join(dir, 'nhat-ky-thu', 'gui-2026-11.jsonl'), 'utf8')).not.toContain(servers.smtp.password);
    expect(first.stdout + first.stderr).not.toContain(servers.smtp.password);

    servers.failRecipient('vanthu@stp.thanhhoa.gov.vn', 550, 0);
    const second = await send(passwordEnv(servers), '--smtp', '--unit', 'SYT', '--unit', 'STC', '--unit', 'STP');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Đã gửi 1 thư; 2 đã gửi từ trước (bỏ qua; dùng --resend để gửi lại).');
    expect(servers.outbound.map((m) => m.to[0])).toEqual(['vanthu@syt.thanhhoa.gov.vn', 'vanthu@stc.thanhhoa.gov.vn', 'vanthu@stp.thanhhoa.gov.vn']);
  });

  it('counts a message as sent only when the focal address took it: a refused cc is a warning, a refused focal address a failure', async () => {
    servers.failRecipient('giamdoc@syt.thanhhoa.gov.vn', 550, 1);
    const ccRefused = await send(passwordEnv(servers), '--smtp', '--unit', 'SYT');
    expect(ccRefused.code).toBe(0);
    expect(ccRefused.stdout).toContain('Cảnh báo: máy chủ từ chối địa chỉ giamdoc@syt.thanhhoa.gov.vn của SYT (các địa chỉ khác đã nhận).');
    servers.failRecipient('vanthu@syt.thanhhoa.gov.vn', 550, 1);
    const focalRefused = await send(passwordEnv(servers), '--smtp', '--unit', 'SYT', '--resend');
    expect(focalRefused.code).toBe(1);
    expect(focalRefused.stdout).toContain('máy chủ từ chối địa chỉ đầu mối vanthu@syt.thanhhoa.gov.vn');
    expect(servers.outbound.map((m) => m.to)).toEqual([['vanthu@syt.thanhhoa.gov.vn'], ['giamdoc@syt.thanhhoa.gov.vn']]);
  });

  it('refuses to start without the password in the environment, with a wrong password, or with an unknown CA', async () => {
    const none = await send({}, '--smtp', '--unit', 'SYT');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Chưa có mật khẩu SMTP: đặt biến môi trường DA06_SMTP_PASSWORD');
    const wrong = await send({ DA06_SMTP_PASSWORD: 'sai' }, '--smtp', '--unit', 'SYT');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('máy chủ từ chối đăng nhập');
    expect(wrong.stderr).toContain('Chưa gửi thư nào.');
    const untrusted = join(dir, 'khong-ca.json');
    writeSettings(servers, untrusted);
    const settings = JSON.parse(readFileSync(untrusted, 'utf8'));
    delete settings.mail.smtp.caFile;
    writeFileSync(untrusted, JSON.stringify(settings));
    const tls = await da06With({ rosterPath, env: passwordEnv(servers), now }, 'send', '--period', '2026-11', '--config', untrusted, '--smtp', '--unit', 'SYT');
    expect(tls.code).toBe(2);
    expect(tls.stderr).toContain('không xác minh được chứng chỉ TLS của máy chủ');
    expect(servers.outbound).toEqual([]);
  });

  it('refuses a password written in the settings file', async () => {
    const settings = JSON.parse(readFileSync(config, 'utf8'));
    settings.mail.smtp.password = 'không được ghi ở đây';
    writeFileSync(config, JSON.stringify(settings));
    const result = await send(passwordEnv(servers), '--smtp', '--unit', 'SYT');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('mail › smtp › password: không ghi mật khẩu vào tệp cấu hình; đặt trong biến môi trường DA06_SMTP_PASSWORD');
  });
});
