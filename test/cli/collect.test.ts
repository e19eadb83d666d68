import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { makeIssue, renderMessage } from '../../lib/issues/issue';
import { parseManifest, type Manifest } from '../../lib/mail/manifest';
import type { MailMessage } from '../../lib/mail/message';
import { renderMessage as renderEml } from '../../lib/node/mime';
import { filledReturn } from '../addin/_lib/returns';
import { formatDayMonthYear } from '../../lib/period/format';
import { describePeriod } from '../../lib/period/period';
import { afterPeriod, passwordEnv, pastPeriod, startMailServers, writeSettings, type MailServers } from '../_lib/mail-server';
import { toVietnamIso } from '../../lib/_lib/calendar';
import { da06With } from './_lib/run';

jest.setTimeout(180_000);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'da06-collect-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const reply = (unit: string, address: string, date: string, attachment: { filename: string; content: Uint8Array }): MailMessage => ({
  from: { name: `Văn thư ${unit}`, address },
  to: [{ address: 'da06@congan.thanhhoa.gov.vn' }],
  subject: `Re: [Đề án 06] Báo cáo tháng 11/2026 - ${unit}`,
  date,
  messageId: `<tra-loi.${unit}@thanhhoa.gov.vn>`,
  text: 'Gửi báo cáo.',
  attachments: [attachment],
});
const manifestIn = (folder: string): Manifest => (parseManifest(readFileSync(join(folder, 'so-nhan-thu.json'), 'utf8')) as { ok: true; manifest: Manifest }).manifest;
const now = () => new Date(Date.UTC(2026, 11 /* Dec */, 20));
const run = (env: Record<string, string>, ...argv: string[]) => da06With({ env, now }, ...argv);

describe('da06 collect --from-folder, then consolidate', () => {
  it('takes a maildir with the delivery time of each file, and consolidate counts on time by it, not by the file', async () => {
    const maildir = join(dir, 'Maildir');
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(maildir, sub), { recursive: true });
    const cat = await filledReturn('CAT');
    const syt = await filledReturn('SYT');
    // CAT arrived on the 9th (on time), SYT on the 11th (late), whatever their Date headers say.
    const delivered: Array<[string, MailMessage, number]> = [
      ['cur/1796000001.M1.mx:2,S', reply('CAT', 'vanthu@cat.thanhhoa.gov.vn', '2026-12-01T08:00:00+07:00', { filename: 'cat.xlsx', content: cat }), Date.UTC(2026, 11, 9, 2)],
      ['new/1796000002.M2.mx', reply('SYT', 'vanthu@syt.thanhhoa.gov.vn', '2026-12-01T08:00:00+07:00', { filename: 'Báo cáo Sở Y tế.xlsx', content: syt }), Date.UTC(2026, 11, 11, 3)],
    ];
    for (const [name, message, at] of delivered) {
      writeFileSync(join(maildir, name), await renderEml(message));
      utimesSync(join(maildir, name), at / 1000, at / 1000);
    }
    const out = join(dir, 'hop-thu');
    const collected = await run({}, 'collect', '--period', '2026-11', '--out', out, '--from-folder', maildir);
    expect(collected.code).toBe(0);
    expect(collected.stdout).toContain('Thư mới: 2; tệp bảng tính đã lưu: 2.');
    const manifest = manifestIn(out);
    expect(manifest.messages.map((m) => [m.sourceFile, m.receivedAt, m.receivedAtSource])).toEqual([
      ['cur/1796000001.M1.mx:2,S', '2026-12-09T09:00:00+07:00', 'mailServer'],
      ['new/1796000002.M2.mx', '2026-12-11T10:00:00+07:00', 'mailServer'],
    ]);
    expect(readdirSync(out).sort()).toEqual([
      '2026-12-09_090000_vanthu@cat.thanhhoa.gov.vn_cat.xlsx',
      '2026-12-09_090000_vanthu@cat.thanhhoa.gov.vn_thu.eml',
      '2026-12-11_100000_vanthu@syt.thanhhoa.gov.vn_Báo cáo Sở Y tế.xlsx',
      '2026-12-11_100000_vanthu@syt.thanhhoa.gov.vn_thu.eml',
      'so-nhan-thu.csv',
      'so-nhan-thu.json',
    ]);
    expect(readFileSync(join(out, 'so-nhan-thu.csv'), 'utf8')).toMatch(/^\uFEFFThời điểm nhận \(máy chủ\),Người gửi,/);

    const summary = join(dir, 'tong-hop.xlsx');
    const consolidated = await run({}, 'consolidate', out, '--period', '2026-11', '--out', summary, '--json');
    expect(consolidated.code).toBe(0);
    const json = JSON.parse(consolidated.stdout) as { late: number; accepted: Array<{ unit: string; receivedAt: string; receivedAtSource: string; receivedFrom: string }> };
    expect(json.accepted.map((a) => [a.unit, a.receivedAt, a.receivedAtSource, a.receivedFrom])).toEqual([
      ['CAT', '2026-12-09T09:00:00+07:00', 'mailServer', 'vanthu@cat.thanhhoa.gov.vn'],
      ['SYT', '2026-12-11T10:00:00+07:00', 'mailServer', 'vanthu@syt.thanhhoa.gov.vn'],
    ]);
    expect(json.late).toBe(1);

    const again = await run({}, 'collect', '--period', '2026-11', '--out', out, '--from-folder', maildir);
    expect(again.stdout).toContain('Thư mục có 2 thư; 2 đã lưu từ trước.');
    expect(manifestIn(out).messages).toHaveLength(2);
  });

  it('takes a folder of saved .eml files by their Received stamp, and refuses a folder of another period', async () => {
    const saved = join(dir, 'thu-da-luu');
    mkdirSync(saved);
    const raw = await renderEml(reply('CAT', 'vanthu@cat.thanhhoa.gov.vn', '2026-12-01T08:00:00+07:00', { filename: 'cat.xlsx', content: await filledReturn('CAT') }));
    writeFileSync(join(saved, 'bao-cao.eml'), Buffer.concat([Buffer.from('Received: from a by mx.congan.thanhhoa.gov.vn; Wed, 09 Dec 2026 16:30:00 +0700\r\n'), Buffer.from(raw)]));
    writeFileSync(join(saved, 'khong-co-received.eml'), raw);
    const out = join(dir, 'hop-thu');
    await run({}, 'collect', '--period', '2026-11', '--out', out, '--from-folder', saved);
    expect(manifestIn(out).messages.map((m) => [m.sourceFile, m.receivedAt, m.receivedAtSource])).toEqual([
      ['bao-cao.eml', '2026-12-09T16:30:00+07:00', 'mailServer'],
      ['khong-co-received.eml', '2026-12-01T08:00:00+07:00', 'email'],
    ]);
    const other = await run({}, 'collect', '--period', '2026-12', '--out', out, '--from-folder', saved);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('đang là thư mục nhận thư của kỳ 2026-11, không phải kỳ 2026-12');
  });

  it('asks for one source and a folder that exists', async () => {
    expect((await run({}, 'collect', '--period', '2026-11', '--out', join(dir, 'o'))).stderr).toContain('Chọn một nguồn thư: --imap (máy chủ) hoặc --from-folder THƯ_MỤC.');
    expect((await run({}, 'collect', '--period', '2026-11', '--out', join(dir, 'o'), '--from-folder', join(dir, 'khong-co'))).stderr).toContain('Không có thư mục thư');
    expect((await run({}, 'collect', '--period', '2026-11', '--out', join(dir, 'o'), '--imap', '--config', join(dir, 'khong-co.json'))).stderr).toContain('không tìm thấy tệp');
  });
});

describe('da06 collect --imap (Dovecot)', () => {
  const period = pastPeriod();
  let servers: MailServers;
  beforeAll(async () => {
    servers = await startMailServers();
  });
  afterAll(async () => servers?.stop());

  it('reads without changing the mailbox, marks seen only when asked, streams an oversized message to disk, and survives a re-created mailbox', async () => {
    const config = join(dir, 'da06.config.json');
    writeSettings(servers, config, { limits: { attachmentMiB: 20, messageMiB: 0.5 }, imap: { host: servers.imap.host, port: servers.imap.port, security: 'tls', user: servers.imap.user, folder: 'Bao cao', caFile: servers.caFile } });
    const client = new ImapFlow({ host: servers.imap.host, port: servers.imap.port, secure: true, auth: { user: servers.imap.user, pass: servers.imap.password }, tls: { ca: readFileSync(servers.caFile) }, logger: false });
    await client.connect();
    await client.mailboxCreate('Bao cao');
    const small = await renderEml(reply('CAT', 'vanthu@cat.thanhhoa.gov.vn', '2026-12-01T08:00:00+07:00', { filename: 'cat.xlsx', content: await filledReturn('CAT') }));
    const big = await renderEml(reply('SYT', 'vanthu@syt.thanhhoa.gov.vn', '2026-12-01T08:00:00+07:00', { filename: 'anh.xlsx', content: new Uint8Array(800_000).fill(7) }));
    await client.append('Bao cao', Buffer.from(small), [], new Date(afterPeriod(period, 5, 8)));
    await client.append('Bao cao', Buffer.from(big), [], new Date(afterPeriod(period, 6, 8)));
    const flags = async () => {
      const lock = await client.getMailboxLock('Bao cao');
      try {
        const out: string[][] = [];
        // A flag change made by the other session also arrives as an unsolicited FETCH without a UID: not a message.
        for await (const m of client.fetch('1:*', { flags: true, uid: true })) if (m.uid) out.push([...(m.flags ?? [])].filter((f) => f !== '\\Recent'));
        return out;
      } finally {
        lock.release();
      }
    };
    const out = join(dir, 'hop-thu');
    const first = await run(passwordEnv(servers), 'collect', '--period', period.id, '--out', out, '--imap', '--config', config);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`thư mục Bao cao), thư máy chủ nhận từ ngày ${formatDayMonthYear(describePeriod(period).cutoffEnd)}:`);
    expect(first.stdout).toContain('Thư mới: 2; tệp bảng tính đã lưu: 1.');
    expect(await flags()).toEqual([[], []]);
    const manifest = manifestIn(out);
    expect(manifest.messages.map((m) => [m.uid, m.receivedAt, m.issues.map((i) => i.code)])).toEqual([
      [1, toVietnamIso(afterPeriod(period, 5, 8)), []],
      [2, toVietnamIso(afterPeriod(period, 6, 8)), ['mail/message-too-large']],
    ]);
    const bigSaved = readFileSync(join(out, manifest.messages[1]?.eml as string));
    expect(bigSaved.equals(Buffer.from(big))).toBe(true);

    // Marks seen on request: a message that arrives later is fetched and flagged; the earlier ones are not fetched again.
    await client.append('Bao cao', Buffer.from(small).toString('latin1').replace('tra-loi.CAT', 'tra-loi.CAT2'), [], new Date(afterPeriod(period, 7, 8)));
    const second = await run(passwordEnv(servers), 'collect', '--period', period.id, '--out', out, '--imap', '--config', config, '--mark-seen');
    expect(second.stdout).toContain('Thư mới: 1; tệp bảng tính đã lưu: 1.');
    expect(await flags()).toEqual([[], [], ['\\Seen']]);

    // The mailbox is deleted and created again: new UIDVALIDITY, same messages; nothing is saved twice.
    const before = (manifestIn(out).source as { uidValidity: string }).uidValidity;
    await client.mailboxDelete('Bao cao');
    await client.mailboxCreate('Bao cao');
    await client.append('Bao cao', Buffer.from(small), [], new Date(afterPeriod(period, 5, 8)));
    const third = await run(passwordEnv(servers), 'collect', '--period', period.id, '--out', out, '--imap', '--config', config);
    const after = (manifestIn(out).source as { uidValidity: string }).uidValidity;
    expect(after).not.toBe(before);
    expect(third.stderr).toBe(`Cảnh báo: ${renderMessage(makeIssue('mail/mailbox-reset', {}, { folder: 'Bao cao', old: before, new: after }))}`);
    expect(third.stdout).toContain('Thư mới: 0');
    expect(third.stdout).toContain('1 trùng thư đã lưu');
    expect(manifestIn(out).messages).toHaveLength(3);
    expect(manifestIn(out).source).toMatchObject({ kind: 'imap', folder: 'Bao cao' });
    await client.logout();
  });

  it('fails with a clear message, and saves nothing, on a wrong password', async () => {
    const config = join(dir, 'da06.config.json');
    writeSettings(servers, config);
    const result = await run({ DA06_IMAP_PASSWORD: 'sai' }, 'collect', '--period', '2026-11', '--out', join(dir, 'o'), '--imap', '--config', config);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('máy chủ từ chối đăng nhập');
    const none = await run({}, 'collect', '--period', '2026-11', '--out', join(dir, 'o'), '--imap', '--config', config);
    expect(none.stderr).toContain('Chưa có mật khẩu hộp thư: đặt biến môi trường DA06_IMAP_PASSWORD');
  });
});
