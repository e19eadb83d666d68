// The month's mail against local servers (Dovecot and the test SMTP server, test/_lib/mail-server.ts):
// `da06 send --smtp` for every unit against bare nodemailer sending the same messages, `da06 collect
// --imap` of 200 replies against bare imapflow downloading and saving them, and the peak RSS of a
// collect of 2,000 messages in a process of its own.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import PostalMime from 'postal-mime';
import type { CliContext } from '../lib/cli/command';
import { runCli } from '../lib/cli/run';
import type { Catalog } from '../lib/catalog/schema';
import { composeTemplateMail } from '../lib/mail/compose';
import { DEFAULT_MAIL_SETTINGS } from '../lib/mail/settings';
import { renderMessage } from '../lib/node/mime';
import { formatRosterFile } from '../lib/roster/contacts';
import type { Roster } from '../lib/roster/roster';
import type { RosterFile } from '../lib/roster/schema';
import { seedPath } from '../lib/node/seeds';
import { describePeriod } from '../lib/period/period';
import { simulateMonth } from '../lib/simulate/month';
import { withSimulatedContacts } from '../lib/simulate/replies';
import { templateFileName } from '../lib/template/filename';
import { generateWorkbook } from '../lib/template/generate';
import { currentDefinition } from '../lib/template/registry';
import { afterPeriod, passwordEnv, pastPeriod, startMailServers, writeSettings, type MailServers } from '../test/_lib/mail-server';
import { median, timeIt } from './_lib/measure';

const CLI = join(__dirname, '..', 'dist', 'lib', 'cli', 'main.js');

export interface MailBench {
  send: { messages: number; ms: number; bareMs: number; ratio: number; cliMs: number };
  /** bareMs: imapflow downloading and saving the raw messages; sameWorkMs: also every attachment, decoded by postal-mime. */
  collect: { messages: number; ms: number; bareMs: number; ratio: number; sameWorkMs: number; sameWorkRatio: number; cliMs: number };
  collectLarge: { messages: number; ms: number; peakRssMiB: number; megabytes: number };
}

function quietContext(rosterPath: string, env: Record<string, string>): CliContext {
  return {
    io: { out: () => undefined, err: (t) => process.stderr.write(`${t}\n`), interactive: false },
    loadCatalog: () => catalogRef as Catalog,
    loadRoster: () => rosterRef as Roster,
    now: () => new Date(),
    rosterPath,
    env,
  };
}
let catalogRef: Catalog | undefined;
let rosterRef: Roster | undefined;

async function cli(argv: string[], ctx: CliContext): Promise<void> {
  const code = await runCli(argv, ctx);
  if (code !== 0) throw new Error(`da06 ${argv.join(' ')} exited ${code}`);
}

/**
 * Runs the built CLI as a program of its own and returns its time and peak RSS (read at exit by a preload).
 * Asynchronously: the servers it talks to live in this process.
 */
async function cliProcess(argv: string[], env: Record<string, string>, work: string): Promise<{ ms: number; peakRssMiB: number }> {
  const preload = join(work, 'rss.cjs');
  writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\nDA06_PEAK_RSS_KIB=${process.resourceUsage().maxRSS}\\n`));\n");
  const start = performance.now();
  const child = spawn(process.execPath, ['-r', preload, CLI, ...argv], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const ms = performance.now() - start;
  if (code !== 0) throw new Error(`da06 ${argv.join(' ')} failed: ${stderr}`);
  const kib = Number(/DA06_PEAK_RSS_KIB=(\d+)/.exec(stderr)?.[1] ?? 0);
  return { ms, peakRssMiB: Math.round(kib / 1024) };
}

async function appendAll(servers: MailServers, folder: string, messages: Uint8Array[], at: number): Promise<void> {
  const client = new ImapFlow({ host: servers.imap.host, port: servers.imap.port, secure: true, auth: { user: servers.imap.user, pass: servers.imap.password }, tls: { ca: readFileSync(servers.caFile) }, logger: false, disableAutoIdle: true });
  await client.connect();
  if (folder !== 'INBOX') await client.mailboxCreate(folder);
  for (const [i, raw] of messages.entries()) await client.append(folder, Buffer.from(raw), [], new Date(at + i * 1000));
  await client.logout();
}

/**
 * Bare imapflow: search, fetch every message's source, write it to a file; with `attachments`, also the
 * same work as collect without da06's logic: each attachment decoded by postal-mime and written too.
 */
async function bareCollect(servers: MailServers, folder: string, since: Date, out: string, attachments = false): Promise<void> {
  mkdirSync(out, { recursive: true });
  const client = new ImapFlow({ host: servers.imap.host, port: servers.imap.port, secure: true, auth: { user: servers.imap.user, pass: servers.imap.password }, tls: { ca: readFileSync(servers.caFile) }, logger: false, disableAutoIdle: true });
  await client.connect();
  await client.mailboxOpen(folder, { readOnly: true });
  const uids = (await client.search({ since }, { uid: true })) || [];
  for await (const m of client.fetch(uids.join(','), { uid: true, source: true, internalDate: true }, { uid: true })) {
    if (!m.source) continue;
    writeFileSync(join(out, `${m.uid}.eml`), m.source);
    if (attachments) for (const [i, a] of (await PostalMime.parse(m.source)).attachments.entries()) writeFileSync(join(out, `${m.uid}-${i}.xlsx`), new Uint8Array(a.content as ArrayBuffer));
  }
  await client.logout();
}

export async function benchMail(catalog: Catalog, seedsRoster: Roster, runs: number): Promise<MailBench> {
  catalogRef = catalog;
  const roster = withSimulatedContacts(seedsRoster);
  rosterRef = roster;
  const period = pastPeriod();
  const work = mkdtempSync(join(tmpdir(), 'da06-bench-mail-'));
  const servers = await startMailServers();
  try {
    // The units' contacts as a roster file, and every template written once, outside the timings.
    const rosterFile = JSON.parse(readFileSync(seedPath('roster'), 'utf8')) as RosterFile;
    const rosterPath = join(work, 'roster.json');
    writeFileSync(rosterPath, formatRosterFile({ ...rosterFile, departments: rosterFile.departments.map((d) => ({ ...d, email: roster.units.find((u) => u.code === d.code)?.email })), communes: Object.fromEntries(roster.units.filter((u) => u.kind === 'commune').map((u) => [u.code, { email: u.email as string }])) }));
    const templates = join(work, 'bieu-mau');
    mkdirSync(templates);
    const generatedAt = new Date();
    for (const unit of roster.units) writeFileSync(join(templates, templateFileName(period, unit)), await generateWorkbook({ definition: currentDefinition(), catalog, unit, period, generatedAt }));
    const env = passwordEnv(servers);
    const ctx = quietContext(rosterPath, env);

    // --- send: da06 in-process (warm) and as a program, against bare nodemailer, same messages, same server
    const send: number[] = [];
    const bare: number[] = [];
    const sendCli: number[] = [];
    const transportOptions = { host: servers.smtp.host, port: servers.smtp.port, requireTLS: true, pool: true, maxConnections: 1, auth: { user: servers.smtp.user, pass: servers.smtp.password }, tls: { ca: readFileSync(servers.caFile) } };
    for (let run = 0; run < runs; run += 1) {
      const config = join(work, `send-${run}.json`);
      writeSettings(servers, config, { logDir: `log-${run}` });
      servers.outbound.length = 0;
      send.push(await timeIt(() => cli(['send', '--period', period.id, '--smtp', '--templates', templates, '--config', config], ctx)));
      servers.outbound.length = 0;
      bare.push(
        await timeIt(async () => {
          const transport = nodemailer.createTransport(transportOptions);
          for (const unit of roster.units) {
            const filename = templateFileName(period, unit);
            const message = composeTemplateMail({ unit, period, settings: DEFAULT_MAIL_SETTINGS, attachment: { filename, content: new Uint8Array() }, messageId: '<x@y>', date: '2026-01-01T00:00:00+07:00' });
            await transport.sendMail({ from: servers.mailbox, to: unit.email, subject: message.subject, text: message.text, attachments: [{ filename, content: readFileSync(join(templates, filename)) }] });
          }
          transport.close();
        }),
      );
      servers.outbound.length = 0;
      const cliConfig = join(work, `send-cli-${run}.json`);
      writeSettings(servers, cliConfig, { logDir: `log-cli-${run}` });
      sendCli.push((await cliProcess(['send', '--period', period.id, '--smtp', '--templates', templates, '--config', cliConfig], { ...env, DA06_ROSTER: rosterPath }, work)).ms);
      servers.outbound.length = 0;
    }

    // --- collect 200 replies: the simulated month's returns (178), then more until 200
    const month = await simulateMonth({ definition: currentDefinition(), catalog, roster: seedsRoster, period, seed: 1400, renderMessage });
    const replies: Uint8Array[] = [];
    for (let i = 0; replies.length < 200; i += 1) {
      const file = month.files[i % month.files.length] as (typeof month.files)[number];
      replies.push(await renderMessage({ from: { address: `vanthu${i}@thanhhoa.gov.vn` }, to: [{ address: servers.mailbox }], subject: `Re: Báo cáo ${i}`, date: file.receivedAt, messageId: `<r${i}@thanhhoa.gov.vn>`, text: 'Gửi báo cáo.', attachments: [{ filename: file.name, content: file.bytes }] }));
    }
    const at = afterPeriod(period, 3, 9);
    await appendAll(servers, 'INBOX', replies, at);
    const since = new Date(`${describePeriod(period).cutoffEnd}T00:00:00Z`);
    const collect: number[] = [];
    const bareCollectMs: number[] = [];
    const sameWork: number[] = [];
    const collectCli: number[] = [];
    const config = join(work, 'collect.json');
    writeSettings(servers, config);
    for (let run = 0; run < runs; run += 1) {
      collect.push(await timeIt(() => cli(['collect', '--period', period.id, '--out', join(work, `hop-thu-${run}`), '--imap', '--config', config], ctx)));
      bareCollectMs.push(await timeIt(() => bareCollect(servers, 'INBOX', since, join(work, `tran-${run}`))));
      sameWork.push(await timeIt(() => bareCollect(servers, 'INBOX', since, join(work, `tran-tep-${run}`), true)));
      collectCli.push((await cliProcess(['collect', '--period', period.id, '--out', join(work, `hop-thu-cli-${run}`), '--imap', '--config', config], { ...env, DA06_ROSTER: rosterPath }, work)).ms);
    }

    // --- 2,000 messages in a folder of their own: peak RSS of the collect process
    const many: Uint8Array[] = [];
    for (let i = 0; i < 2000; i += 1) many.push(replies[i % replies.length] as Uint8Array);
    await appendAll(servers, 'Nghin', many, at);
    const largeConfig = join(work, 'nghin.json');
    writeSettings(servers, largeConfig, { imap: { host: servers.imap.host, port: servers.imap.port, security: 'tls', user: servers.imap.user, folder: 'Nghin', caFile: servers.caFile } });
    const large = await cliProcess(['collect', '--period', period.id, '--out', join(work, 'nghin'), '--imap', '--config', largeConfig], { ...env, DA06_ROSTER: rosterPath }, work);
    const megabytes = Math.round(many.reduce((n, m) => n + m.length, 0) / 1024 / 1024);

    const round = (n: number) => Math.round(n);
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    return {
      send: { messages: roster.units.length, ms: round(median(send)), bareMs: round(median(bare)), ratio: ratio(median(send), median(bare)), cliMs: round(median(sendCli)) },
      collect: { messages: replies.length, ms: round(median(collect)), bareMs: round(median(bareCollectMs)), ratio: ratio(median(collect), median(bareCollectMs)), sameWorkMs: round(median(sameWork)), sameWorkRatio: ratio(median(collect), median(sameWork)), cliMs: round(median(collectCli)) },
      collectLarge: { messages: many.length, ms: round(large.ms), peakRssMiB: large.peakRssMiB, megabytes },
    };
  } finally {
    await servers.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
