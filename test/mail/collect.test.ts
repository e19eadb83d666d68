import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { DEFAULT_COLLECT_LIMITS, headerTimes, readReceivedMessage, type CollectContext, type ReceivedMessageMeta } from '../../lib/mail/collect';
import type { MailMessage } from '../../lib/mail/message';
import { renderMessage } from '../../lib/node/mime';
import { buildTnef } from '../../lib/simulate/_lib/tnef';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Stand-in workbook bytes: collect saves what it is given; the reader judges the contents later. */
const book = (n: number) => Uint8Array.from({ length: 3000 + n }, (_, i) => (i * 31 + n) % 256);
const at = Date.UTC(2026, 11 /* Dec */, 8, 2, 15, 0);
const meta = (over: Partial<ReceivedMessageMeta> = {}): ReceivedMessageMeta => ({ key: 'imap:INBOX:1:7', folder: 'INBOX', uidValidity: '1', uid: 7, receivedMs: at, receivedAtSource: 'mailServer', size: 0, ...over });
const context = (over: Partial<CollectContext> = {}): CollectContext => ({
  limits: { ...DEFAULT_COLLECT_LIMITS, attachmentBytes: 100_000 },
  taken: new Set(),
  sentMessageIds: new Map([['<da06.gui.2026-11.SYT.abc@congan.thanhhoa.gov.vn>', 'SYT']]),
  unitByAddress: new Map([['vanthu@syt.thanhhoa.gov.vn', 'SYT'], ['gd@stc.thanhhoa.gov.vn', 'STC']]),
  ...over,
});
const message = (over: Partial<MailMessage> = {}): MailMessage => ({
  from: { name: 'Văn thư Sở Y tế', address: 'vanthu@syt.thanhhoa.gov.vn' },
  to: [{ address: 'da06@congan.thanhhoa.gov.vn' }],
  subject: 'Re: [Đề án 06] Báo cáo tháng 11/2026 - Sở Y tế',
  date: '2026-12-08T09:14:00+07:00',
  messageId: '<tra-loi.1@syt.thanhhoa.gov.vn>',
  inReplyTo: '<da06.gui.2026-11.SYT.abc@congan.thanhhoa.gov.vn>',
  text: 'Gửi báo cáo.',
  attachments: [{ filename: 'Báo cáo tháng 11 - Sở Y tế.xlsx', content: book(1), contentType: XLSX }],
  ...over,
});
const read = async (msg: MailMessage | Uint8Array, ctx = context(), m: Partial<ReceivedMessageMeta> = {}) => {
  const raw = msg instanceof Uint8Array ? msg : await renderMessage(msg);
  return readReceivedMessage(raw, meta({ size: raw.length, ...m }), ctx);
};
/** Every outcome as a flat table: [attachment or '' for the message, saved name or '', codes]. */
const table = (r: Awaited<ReturnType<typeof read>>) => [
  ['', '', r.message.issues.map((i) => i.code)],
  ...r.message.attachments.map((a) => [[...a.within, a.name].join(' › '), a.savedAs ?? '', a.issues.map((i) => i.code)]),
];

describe('readReceivedMessage', () => {
  it('saves the workbook under <received time>_<sender>_<name>, keeps the evidence, and matches the reply to the unit', async () => {
    const r = await read(message());
    expect(table(r)).toEqual([
      ['', '', []],
      ['Báo cáo tháng 11 - Sở Y tế.xlsx', '2026-12-08_091500_vanthu@syt.thanhhoa.gov.vn_Báo cáo tháng 11 - Sở Y tế.xlsx', []],
    ]);
    expect(r.message).toMatchObject({
      receivedAt: '2026-12-08T09:15:00+07:00',
      receivedAtSource: 'mailServer',
      date: '2026-12-08T09:14:00+07:00',
      from: 'vanthu@syt.thanhhoa.gov.vn',
      messageId: '<tra-loi.1@syt.thanhhoa.gov.vn>',
      repliesTo: { unit: 'SYT', messageId: '<da06.gui.2026-11.SYT.abc@congan.thanhhoa.gov.vn>' },
      senderUnit: 'SYT',
      eml: '2026-12-08_091500_vanthu@syt.thanhhoa.gov.vn_thu-7.eml',
      uidValidity: '1',
      uid: 7,
    });
    expect(r.files.map((f) => [f.name, f.bytes])).toEqual([[r.message.attachments[0]?.savedAs, book(1)]]);
    expect(r.message.attachments[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists what is not a spreadsheet, refuses oversized ones, saves a repeated file once, and makes unsafe names safe', async () => {
    const r = await read(
      message({
        attachments: [
          { filename: '../../../../etc/Báo cáo: T11?.xlsx', content: book(2), contentType: XLSX },
          { filename: 'Bản sao.xlsx', content: book(2), contentType: XLSX },
          { filename: 'Ảnh chụp.xlsx', content: new Uint8Array(200_000), contentType: XLSX },
          { filename: 'Công văn.pdf', content: new Uint8Array([37, 80, 68, 70]) },
          { filename: 'bao-cao-cu.xls', content: book(3), contentType: 'application/vnd.ms-excel' },
        ],
      }),
    );
    expect(table(r)).toEqual([
      ['', '', []],
      ['../../../../etc/Báo cáo: T11?.xlsx', '2026-12-08_091500_vanthu@syt.thanhhoa.gov.vn_Báo cáo_ T11_.xlsx', ['mail/unsafe-name']],
      ['Bản sao.xlsx', '', ['mail/duplicate-attachment']],
      ['Ảnh chụp.xlsx', '', ['mail/attachment-too-large']],
      ['Công văn.pdf', '', ['mail/not-spreadsheet']],
      // An old .xls is saved too: consolidate then tells the unit exactly why it cannot be used.
      ['bao-cao-cu.xls', '2026-12-08_091500_vanthu@syt.thanhhoa.gov.vn_bao-cao-cu.xls', []],
    ]);
    expect(r.message.attachments[0]?.issues[0]?.message).toBe(
      'Tên tệp đính kèm "../../../../etc/Báo cáo: T11?.xlsx" có phần không dùng được trong tên tệp (có đường dẫn thư mục, có ký tự không dùng được trong tên tệp); tệp được lưu với tên an toàn "2026-12-08_091500_vanthu@syt.thanhhoa.gov.vn_Báo cáo_ T11_.xlsx".',
    );
    expect(r.message.attachments[2]?.issues[0]?.message).toContain('nặng 0,2 MB, vượt giới hạn 0,1 MB');
  });

  it('opens a forward as attachment, a zip, and a winmail.dat, saying where each file was found', async () => {
    const inner = message({ messageId: '<tra-loi.2@syt.thanhhoa.gov.vn>', attachments: [{ filename: 'Biểu tháng 11.xlsx', content: book(4), contentType: XLSX }] });
    const r = await read(
      message({
        from: { name: 'Giám đốc Sở Tài chính', address: 'gd@stc.thanhhoa.gov.vn' },
        inReplyTo: undefined,
        attachments: [
          { filename: 'Thư của văn thư.eml', message: inner },
          { filename: 'Báo cáo nén.zip', content: zipSync({ 'thư mục/Báo cáo tháng 11 (nén).xlsx': book(5), '__MACOSX/._x': new Uint8Array([1]) }), contentType: 'application/zip' },
          { filename: 'winmail.dat', content: buildTnef([{ name: 'Báo cáo từ Outlook.xlsx', data: book(6) }]), contentType: 'application/ms-tnef' },
        ],
      }),
    );
    expect(table(r)).toEqual([
      ['', '', []],
      ['Thư của văn thư.eml', '', []],
      ['Thư của văn thư.eml (Re: [Đề án 06] Báo cáo tháng 11/2026 - Sở Y tế) › Biểu tháng 11.xlsx', '2026-12-08_091500_gd@stc.thanhhoa.gov.vn_Biểu tháng 11.xlsx', ['mail/forwarded']],
      ['Báo cáo nén.zip', '', []],
      ['Báo cáo nén.zip › thư mục/Báo cáo tháng 11 (nén).xlsx', '2026-12-08_091500_gd@stc.thanhhoa.gov.vn_Báo cáo tháng 11 (nén).xlsx', ['mail/zipped', 'mail/unsafe-name']],
      ['winmail.dat', '', []],
      ['winmail.dat › Báo cáo từ Outlook.xlsx', '2026-12-08_091500_gd@stc.thanhhoa.gov.vn_Báo cáo từ Outlook.xlsx', ['mail/tnef']],
    ]);
    // The forwarded message is the unit's own reply: its threading names the unit; the outer sender is STC's leader.
    expect(r.message.repliesTo?.unit).toBe('SYT');
    expect(r.message.senderUnit).toBe('STC');
    expect(r.files.map((f) => f.bytes)).toEqual([book(4), book(5), book(6)]);
  });

  it('gives a reason for a zip it cannot open, a broken winmail.dat, and nesting deeper than the limit', async () => {
    const zip = zipSync({ 'a.xlsx': book(7) });
    let deep: Uint8Array = zipSync({ 'bao-cao.xlsx': book(8) });
    for (let i = 0; i < 3; i += 1) deep = zipSync({ [`tang-${i}.zip`]: deep });
    const tnef = buildTnef([{ name: 'x.xlsx', data: book(9) }]);
    tnef[tnef.length - 1] = (tnef[tnef.length - 1] as number) ^ 0xff;
    const r = await read(
      message({
        attachments: [
          { filename: 'hong.zip', content: zip.slice(0, zip.length - 30), contentType: 'application/zip' },
          { filename: 'winmail.dat', content: tnef, contentType: 'application/ms-tnef' },
          { filename: 'long-nhau.zip', content: deep, contentType: 'application/zip' },
        ],
      }),
    );
    expect(table(r)).toEqual([
      ['', '', []],
      ['hong.zip', '', ['mail/zip-unreadable']],
      ['winmail.dat', '', ['mail/tnef-unreadable']],
      ['long-nhau.zip', '', []],
      ['long-nhau.zip › tang-2.zip', '', ['mail/zipped']],
      ['long-nhau.zip › tang-2.zip › tang-1.zip', '', ['mail/zipped', 'mail/zipped']],
      ['long-nhau.zip › tang-2.zip › tang-1.zip › tang-0.zip', '', ['mail/zipped', 'mail/zipped', 'mail/zipped', 'mail/too-deep']],
    ]);
  });

  it('records a message with no spreadsheet, an unreadable one and an oversized one, keeping each as evidence', async () => {
    const none = await read(message({ attachments: [] }));
    expect(table(none)).toEqual([['', '', ['mail/no-report']]]);
    const huge = new TextEncoder().encode(`From: a@b.vn\r\nX-Long: ${'x'.repeat(3 * 1024 * 1024)}\r\nSubject: x\r\n\r\nbody\r\n`);
    const unreadable = await read(huge, context({ limits: { ...DEFAULT_COLLECT_LIMITS } }));
    expect(table(unreadable)).toEqual([['', '', ['mail/unreadable']]]);
    expect(unreadable.message.eml).toBe('2026-12-08_091500_khong-ro-nguoi-gui_thu-7.eml');
    const large = await read(message(), context({ limits: { ...DEFAULT_COLLECT_LIMITS, messageBytes: 1000 } }));
    expect(table(large)).toEqual([['', '', ['mail/message-too-large']]]);
    expect(large.files).toEqual([]);
  });

  it('never gives two files the same name, even across case', async () => {
    const taken = new Set(['2026-12-08_091500_vanthu@syt.thanhhoa.gov.vn_báo cáo tháng 11 - sở y tế.xlsx']);
    const r = await read(message(), context({ taken }));
    expect(r.message.attachments[0]?.savedAs).toBe('2026-12-08_091500_vanthu@syt.thanhhoa.gov.vn_Báo cáo tháng 11 - Sở Y tế (2).xlsx');
  });
});

describe('S/MIME (signed and encrypted by openssl)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'da06-smime-'));
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.pem', '-out', 'c.pem', '-days', '1', '-subj', '/CN=Van thu/emailAddress=vanthu@syt.thanhhoa.gov.vn'], { cwd: dir });
    if (made.status !== 0) throw new Error(`openssl is needed (apt-get install -y openssl, listed in .ci/apt-packages): ${made.stderr}`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The MIME entity of a rendered message (its Content-* headers and body), as a mail client signs it. */
  const entityOf = (raw: Uint8Array) => {
    const text = Buffer.from(raw).toString('latin1');
    const split = text.indexOf('\r\n\r\n');
    const head = text.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n').filter((l) => /^content-/i.test(l));
    return Buffer.from(`${head.join('\r\n')}\r\n\r\n${text.slice(split + 4)}`, 'latin1');
  };
  const openssl = (args: string[], input: Buffer, positional: string[] = []) => {
    writeFileSync(join(dir, 'in.txt'), input);
    const result = spawnSync('openssl', ['smime', ...args, '-in', join(dir, 'in.txt'), ...positional], { cwd: dir });
    if (result.status !== 0) throw new Error(result.stderr.toString());
    return new Uint8Array(Buffer.from(`From: vanthu@syt.thanhhoa.gov.vn\r\nTo: da06@congan.thanhhoa.gov.vn\r\nSubject: Bao cao\r\n${result.stdout.toString('latin1').replace(/\r?\n/g, '\r\n')}`, 'latin1'));
  };

  it('takes the workbook out of a signed message and notes that the signature is not checked', async () => {
    const signed = openssl(['-sign', '-signer', 'c.pem', '-inkey', 'k.pem', '-binary'], entityOf(await renderMessage(message())));
    const r = await read(signed);
    expect(table(r)).toEqual([
      ['', '', ['mail/smime-signed']],
      ['Báo cáo tháng 11 - Sở Y tế.xlsx', '2026-12-08_091500_vanthu@syt.thanhhoa.gov.vn_Báo cáo tháng 11 - Sở Y tế.xlsx', []],
      ['smime.p7s', '', []],
    ]);
    expect(r.files[0]?.bytes).toEqual(book(1));
  });

  it('says an encrypted message cannot be read', async () => {
    const encrypted = openssl(['-encrypt', '-aes256'], entityOf(await renderMessage(message())), ['c.pem']);
    expect(readFileSync(join(dir, 'in.txt')).length).toBeGreaterThan(0);
    expect(table(await read(encrypted))).toEqual([['', '', ['mail/smime-encrypted']], ['smime.p7m', '', []]]);
  });
});

describe('headerTimes', () => {
  it('reads the topmost Received stamp and the Date header of a saved message', () => {
    const raw = new TextEncoder().encode('Received: from a by mx.congan.thanhhoa.gov.vn with ESMTPS id 1;\r\n Tue, 08 Dec 2026 09:15:30 +0700 (ICT)\r\nReceived: from b by c; Tue, 08 Dec 2026 09:15:10 +0700\r\nDate: Tue, 08 Dec 2026 09:14:00 +0700\r\nSubject: x\r\n\r\nDate: not a header\r\n');
    expect(headerTimes(raw)).toEqual({ received: Date.UTC(2026, 11, 8, 2, 15, 30), date: Date.UTC(2026, 11, 8, 2, 14, 0) });
    expect(headerTimes(new TextEncoder().encode('Subject: x\r\n\r\n'))).toEqual({});
  });
});
