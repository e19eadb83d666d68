// The month's mail end to end, against real servers: `da06 send --smtp` → the units reply (the
// simulator, through the same SMTP server, delivered into Dovecot with their receipt times) →
// `da06 collect --imap` → `da06 consolidate` → `da06 remind --smtp`. The reminders go to exactly the
// missing, rejected and erroneous units; a second collect adds nothing; nothing is lost or doubled.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import PostalMime from 'postal-mime';
import { parseManifest, type Manifest } from '../../lib/mail/manifest';
import { renderMessage } from '../../lib/node/mime';
import { loadCatalog, loadRoster, seedPath } from '../../lib/node/seeds';
import { unitSenderAddress } from '../../lib/simulate/_lib/units';
import { simulateMonth, type SimulatedMonth } from '../../lib/simulate/month';
import { simulateReplies, type SimulatedReplies } from '../../lib/simulate/replies';
import { currentDefinition } from '../../lib/template/registry';
import { buildXlsx } from '../_lib/xlsx-fixture';
import { passwordEnv, pastPeriod, startMailServers, writeSettings, type MailServers } from '../_lib/mail-server';
import { da06With } from './_lib/run';

jest.setTimeout(600_000);

const period = pastPeriod();
let servers: MailServers;
let dir: string;
let month: SimulatedMonth;
let replies: SimulatedReplies;
let rosterPath: string;
let config: string;
let noAddress: string;
const inbox = () => join(dir, 'hop-thu');
const run = (...argv: string[]) => da06With({ rosterPath, env: passwordEnv(servers), now: () => new Date() }, ...argv);
const unitOfAddress = new Map<string, string>();

/** Signs a message as an S/MIME client does (multipart/signed, detached), with openssl and the test signer. */
async function signWithOpenssl(raw: Uint8Array, work: string): Promise<Buffer> {
  const text = Buffer.from(raw).toString('latin1');
  const split = text.indexOf('\r\n\r\n');
  const head = text.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n');
  const body = text.slice(split + 4);
  const pick = (name: string) => head.filter((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  const entity = [...pick('Content-Type'), ...pick('Content-Transfer-Encoding')].join('\r\n');
  writeFileSync(join(work, 'entity.txt'), Buffer.from(`${entity}\r\n\r\n${body}`, 'latin1'));
  const result = spawnSync('openssl', ['smime', '-sign', '-in', join(work, 'entity.txt'), '-signer', servers.signer.cert, '-inkey', servers.signer.key, '-binary'], { timeout: 60_000 });
  if (result.status !== 0) throw new Error(`openssl smime -sign failed: ${result.stderr.toString()}`);
  const signed = result.stdout.toString('latin1').replace(/\r?\n/g, '\r\n');
  const outer = ['From', 'To', 'Subject', 'Date', 'Message-ID', 'In-Reply-To', 'References'].flatMap((h) => pick(h));
  return Buffer.from(`${outer.join('\r\n')}\r\n${signed}`, 'latin1');
}

beforeAll(async () => {
  servers = await startMailServers();
  dir = mkdtempSync(join(tmpdir(), 'da06-mail-month-'));
  const catalog = loadCatalog();
  const seedsRoster = loadRoster();
  month = await simulateMonth({ definition: currentDefinition(), catalog, roster: seedsRoster, period, seed: 14, renderMessage, now: new Date(Date.UTC(period.year, period.month - 1, 25, 1)) });
  noAddress = month.truth.missing.find((u) => u !== month.truth.broken.unit) as string;

  // The secretariat's address book, edited in Excel and imported: every unit but one has an address.
  rosterPath = join(dir, 'roster.json');
  writeFileSync(rosterPath, readFileSync(seedPath('roster')));
  // Two communes share a short name (Đông Tiến): the convention address would be the same, the book keeps them apart.
  const addressOf = new Map<string, string>();
  for (const u of seedsRoster.units) {
    const usual = unitSenderAddress(u);
    const address = unitOfAddress.has(usual) ? usual.replace('@', `.${u.code}@`) : usual;
    unitOfAddress.set(address, u.code);
    addressOf.set(u.code, address);
  }
  unitOfAddress.delete(addressOf.get(noAddress) as string);
  const rows = seedsRoster.units.map((u, i) => [u.code, u.name, '', `Cán bộ ${i + 1}`, u.code === noAddress ? '' : (addressOf.get(u.code) as string), i % 10 === 0 ? `lanhdao@${unitSenderAddress(u).split('@')[1]}` : '']);
  writeFileSync(join(dir, 'danh-ba.xlsx'), buildXlsx({ sheets: [{ name: 'Danh bạ', rows: [['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Người đầu mối', 'Thư điện tử đầu mối', 'Đồng gửi (CC), cách nhau bằng dấu ;'], ...rows] }] }));
  const imported = await da06With({ rosterPath }, 'contacts', 'import', join(dir, 'danh-ba.xlsx'));
  expect(imported.code).toBe(0);
  config = join(dir, 'da06.config.json');
  writeSettings(servers, config, { limits: { attachmentMiB: 1, messageMiB: 50 } });
}, 600_000);

afterAll(async () => {
  await servers?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('1. send: every unit with an address gets its template by SMTP, the one without is listed', async () => {
  const result = await run('send', '--period', period.id, '--smtp', '--config', config);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`Đã gửi 186 thư; 1 đơn vị chưa có địa chỉ.`);
  expect(result.stdout).toContain(`Đơn vị ${noAddress} (`);
  expect(servers.outbound).toHaveLength(186);
  const first = await PostalMime.parse(servers.outbound[0]?.raw as Buffer);
  expect(first.subject).toMatch(new RegExp(`^\\[Đề án 06\\] Báo cáo tháng ${period.month}/${period.year} - Công an tỉnh - hạn trước 10/`));
  expect(first.attachments.map((a) => a.filename)).toEqual([`${period.id}_CAT_cong-an-tinh.xlsx`]);
});

it('2. the units reply through the same server, some late, some broken, forwarded, zipped, winmail.dat, signed, with ../ names and oversized parts', async () => {
  const sent = new Map<string, { messageId: string; subject: string }>();
  for (const m of servers.outbound) {
    const email = await PostalMime.parse(m.raw);
    const unit = unitOfAddress.get(m.to[0] as string) as string;
    sent.set(unit, { messageId: email.messageId as string, subject: email.subject as string });
  }
  replies = simulateReplies({ month, roster: loadRoster({ rosterPath }), secretariat: { name: 'Tổ công tác Đề án 06 tỉnh', address: servers.mailbox }, sent, seed: 14, oversizedBytes: 1_500_000 });
  const ca = readFileSync(servers.caFile);
  const client = nodemailer.createTransport({ host: servers.smtp.host, port: servers.smtp.port, requireTLS: true, auth: { user: servers.smtp.user, pass: servers.smtp.password }, tls: { ca } });
  const work = mkdtempSync(join(dir, 'ky-so-'));
  for (const reply of replies.replies) {
    servers.deliverAt = Date.parse(reply.receivedAt);
    let raw = reply.raw ?? (await renderMessage(reply.message as NonNullable<typeof reply.message>));
    if (reply.kind === 'signed') raw = await signWithOpenssl(raw, work);
    await client.sendMail({ envelope: { from: reply.from, to: [servers.mailbox] }, raw: Buffer.from(raw) });
  }
  client.close();
  servers.deliverAt = undefined;
  expect(servers.outbound).toHaveLength(186);
});

let manifest: Manifest;

it('3. collect --imap saves every message and workbook with the server receipt time, each messy one with its reason', async () => {
  const result = await run('collect', '--period', period.id, '--out', inbox(), '--imap', '--config', config);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`Thư mới: ${replies.replies.length}; tệp bảng tính đã lưu: ${month.files.length}.`);
  manifest = (parseManifest(readFileSync(join(inbox(), 'so-nhan-thu.json'), 'utf8')) as { ok: true; manifest: Manifest }).manifest;
  expect(manifest.messages).toHaveLength(replies.replies.length);
  // Every saved workbook is inside the folder and byte for byte what the unit sent.
  const byName = new Map(month.files.map((f) => [f.name, f]));
  for (const m of manifest.messages) {
    for (const a of m.attachments.filter((x) => x.savedAs)) {
      expect(existsSync(join(inbox(), a.savedAs as string))).toBe(true);
      const original = byName.get(a.name);
      if (original) {
        expect(readFileSync(join(inbox(), a.savedAs as string)).equals(Buffer.from(original.bytes))).toBe(true);
        expect(m.receivedAt).toBe(original.receivedAt);
        expect(m.receivedAtSource).toBe('mailServer');
      }
    }
  }
  const of = (unit: string) => manifest.messages.filter((m) => m.senderUnit === unit || m.repliesTo?.unit === unit);
  const codes = (unit: string) => of(unit).flatMap((m) => [...m.issues, ...m.attachments.flatMap((a) => a.issues)].map((i) => i.code));
  const v = replies.variants;
  expect(codes(v.forwarded)).toContain('mail/forwarded');
  expect(codes(v.zipped)).toContain('mail/zipped');
  expect(codes(v.winmail)).toContain('mail/tnef');
  expect(codes(v.signed)).toContain('mail/smime-signed');
  expect(codes(v.unsafeName)).toContain('mail/unsafe-name');
  expect(codes(v.oversized)).toContain('mail/attachment-too-large');
  // Replies are matched to the template message each unit received.
  const plain = replies.replies.filter((r) => r.kind === 'plain');
  for (const r of plain) expect(manifest.messages.some((m) => m.repliesTo?.unit === r.unit)).toBe(true);
  expect(readdirSync(inbox()).every((name) => !name.includes('..'))).toBe(true);
});

let summary: string;

it('4. consolidate uses the server receipt times: on time, late and missing exactly as the scenario', async () => {
  summary = join(dir, `tong-hop-${period.id}.xlsx`);
  const result = await run('consolidate', inbox(), '--period', period.id, '--out', summary, '--json');
  expect(result.code).toBe(0);
  const c = JSON.parse(result.stdout) as { missing: string[]; accepted: Array<{ unit: string; receivedAtSource: string }>; rejected: Array<{ file: string; code: string }> };
  const sorted = (a: string[]) => [...a].sort();
  expect(sorted(c.missing)).toEqual(sorted(month.truth.missing));
  expect(new Set(c.accepted.map((a) => a.receivedAtSource))).toEqual(new Set(['mailServer']));
  expect(c.rejected.map((r) => r.code)).toEqual(['file/corrupt']);
  const late = await run('consolidate', inbox(), '--period', period.id, '--out', join(dir, 'lai.xlsx'));
  expect(late.stdout).toContain(`muộn ${month.truth.late.length}, chưa gửi ${month.truth.missing.length}`);
});

it('5. remind goes to exactly the missing, rejected and erroneous units, says why, and never twice for the same reason', async () => {
  const before = servers.outbound.length;
  const result = await run('remind', '--period', period.id, '--from', summary, '--smtp', '--config', config);
  expect(result.code).toBe(0);
  const reminders = servers.outbound.slice(before);
  const reached = reminders.map((m) => unitOfAddress.get(m.to[0] as string) as string).sort();
  const expected = [...month.truth.missing.filter((u) => u !== noAddress), ...month.truth.withErrors.map((e) => e.unit)].sort();
  expect(reached).toEqual(expected);
  expect(result.stdout).toContain(`Đơn vị ${noAddress} (`);
  const textOf = async (unit: string) => {
    const m = reminders.find((r) => unitOfAddress.get(r.to[0] as string) === unit);
    return (await PostalMime.parse(m?.raw as Buffer)).text ?? '';
  };
  expect(await textOf(month.truth.broken.unit)).toContain(`"${month.truth.broken.file}"`);
  expect(await textOf(month.truth.broken.unit)).toContain('Tệp .xlsx bị hỏng hoặc không đầy đủ');
  for (const e of month.truth.withErrors) expect(await textOf(e.unit)).toMatch(/\n {2}- \[Biểu 0[12] - [^\]]+![A-Z]+\d+\] /);
  const silent = month.truth.missing.find((u) => u !== noAddress && u !== month.truth.broken.unit) as string;
  expect(await textOf(silent)).toMatch(/chưa nhận được báo cáo .* đã quá hạn \d+ ngày/s);

  const again = await run('remind', '--period', period.id, '--from', summary, '--smtp', '--config', config);
  expect(again.stdout).toContain(`Đã gửi 0 thư; ${expected.length} đã gửi từ trước`);
  expect(servers.outbound.length).toBe(before + expected.length);
});

it('6. a second collect adds nothing', async () => {
  const names = readdirSync(inbox()).sort();
  const result = await run('collect', '--period', period.id, '--out', inbox(), '--imap', '--config', config);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('Thư mới: 0; tệp bảng tính đã lưu: 0.');
  expect(readdirSync(inbox()).sort()).toEqual(names);
  const again = (parseManifest(readFileSync(join(inbox(), 'so-nhan-thu.json'), 'utf8')) as { ok: true; manifest: Manifest }).manifest;
  expect(again.messages.map((m) => m.key)).toEqual(manifest.messages.map((m) => m.key));
});
