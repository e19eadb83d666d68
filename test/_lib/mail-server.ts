// Real mail servers for tests: Debian's Dovecot (IMAP over TLS) with a throwaway configuration, users
// file and maildir under a temp folder, and an SMTP server (npm smtp-server, STARTTLS and login
// required) that delivers what is sent to the secretariat's address into that Dovecot mailbox by IMAP
// APPEND, with the delivery time the test sets (Dovecot records it as INTERNALDATE). Everything else
// sent is kept in `outbound`, as the units' mailboxes. TLS uses a CA made here with openssl, so
// clients verify certificates exactly as in production. Needs dovecot-imapd and openssl
// (.ci/apt-packages); a test that cannot start them fails with how to install them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { formatEmailDate } from '../../lib/mail/message';
import { createPeriod, nextPeriod, type Period } from '../../lib/period/period';

const INSTALL_HINT = 'Install the packages in .ci/apt-packages: apt-get install -y --no-install-recommends dovecot-imapd openssl';

export interface CapturedMessage {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface MailServers {
  dir: string;
  caFile: string;
  /** The CA and a client certificate/key pair it signed, for S/MIME signing in tests. */
  signer: { cert: string; key: string };
  imap: { host: string; port: number; user: string; password: string };
  smtp: { host: string; port: number; user: string; password: string };
  /** Mail to this address goes into the Dovecot INBOX. */
  mailbox: string;
  outbound: CapturedMessage[];
  /** The delivery time of the next messages (INTERNALDATE); undefined for now. */
  deliverAt: number | undefined;
  /** Answers the next `times` RCPT TO for an address with this SMTP code (451 temporary, 550 permanent). */
  failRecipient(address: string, code: number, times: number): void;
  /** Puts a message straight into the INBOX, as a delivery at `at`. */
  append(raw: Uint8Array, at?: number): Promise<void>;
  stop(): Promise<void>;
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  if (result.error || result.status !== 0) throw new Error(`\`${command} ${args.join(' ')}\` failed: ${result.error?.message ?? result.stderr}. ${INSTALL_HINT}`);
}

/** Throws a message that names what is missing; the mail tests fail with it rather than skip. */
export function assertMailServersInstalled(): void {
  for (const [command, args] of [['dovecot', ['--version']], ['openssl', ['version']]] as const) {
    const result = spawnSync(command, [...args], { encoding: 'utf8', timeout: 30_000 });
    if (result.error || result.status !== 0) throw new Error(`${command} is not installed or not on PATH (${result.error?.message ?? result.stderr}). ${INSTALL_HINT}`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with ${child.exitCode}:\n${log()}\n${INSTALL_HINT}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => (socket.destroy(), resolve(false)));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not listen on ${port} within 20 s:\n${log()}`);
}

/** A test CA, a server certificate for 127.0.0.1/localhost, and a signer certificate, all made by openssl. */
function makeCertificates(dir: string): void {
  run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=da06 test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost'], dir);
  run('openssl', ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'server.ext'], dir);
  writeFileSync(join(dir, 'signer.ext'), 'subjectAltName=email:vanthu@snv.thanhhoa.gov.vn\nextendedKeyUsage=emailProtection\nkeyUsage=digitalSignature,keyEncipherment\n');
  run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'signer.key', '-out', 'signer.csr', '-subj', '/CN=Van thu So Noi vu/emailAddress=vanthu@snv.thanhhoa.gov.vn'], dir);
  run('openssl', ['x509', '-req', '-in', 'signer.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'signer.crt', '-days', '2', '-extfile', 'signer.ext'], dir);
}

function dovecotConfig(dir: string, port: number): string {
  const root = process.getuid?.() === 0;
  // Dovecot refuses to run mail processes as root: as root, mail belongs to nobody (65534).
  const [uid, gid] = root ? [65534, 65534] : [process.getuid?.() ?? 1000, process.getgid?.() ?? 1000];
  const me = userInfo().username;
  return [
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    'instance_name = da06-test',
    `log_path = ${dir}/dovecot.log`,
    ...(root ? [] : [`default_internal_user = ${me}`, `default_login_user = ${me}`, `default_internal_group = ${userInfo().gid}`]),
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = required',
    `ssl_cert = <${dir}/server.crt`,
    `ssl_key = <${dir}/server.key`,
    'disable_plaintext_auth = yes',
    'auth_mechanisms = plain login',
    'first_valid_uid = 1',
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${dir}/users`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = uid=${uid} gid=${gid} home=${dir}/home/%u`,
    '}',
    'mail_location = maildir:~/Maildir',
    'service imap-login {',
    '  inet_listener imap {',
    '    port = 0',
    '  }',
    '  inet_listener imaps {',
    `    port = ${port}`,
    '    ssl = yes',
    '  }',
    '}',
    '',
  ].join('\n');
}

/**
 * Starts Dovecot and the SMTP server on loopback ports, with fresh certificates, users and mailbox.
 * @example const servers = await startMailServers(); … await servers.stop();
 */
export async function startMailServers(options: { mailbox?: string; maxMessageBytes?: number } = {}): Promise<MailServers> {
  assertMailServersInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'da06-mail-'));
  chmodSync(dir, 0o755);
  makeCertificates(dir);
  const imapUser = 'da06';
  const imapPassword = 'mật-khẩu-thử-imap';
  const smtpUser = 'da06';
  const smtpPassword = 'mật-khẩu-thử-smtp';
  writeFileSync(join(dir, 'users'), `${imapUser}:{PLAIN}${imapPassword}::::::\n`);
  mkdirSync(join(dir, 'home'), { recursive: true });
  if (process.getuid?.() === 0) chownSync(join(dir, 'home'), 65534, 65534);
  const imapPort = await freePort();
  writeFileSync(join(dir, 'dovecot.conf'), dovecotConfig(dir, imapPort));
  const dovecot = spawn('dovecot', ['-F', '-c', join(dir, 'dovecot.conf')], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  dovecot.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  dovecot.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const started = new Promise<void>((resolve, reject) => {
    dovecot.once('error', (error) => reject(new Error(`cannot run dovecot: ${error.message}. ${INSTALL_HINT}`)));
    dovecot.once('spawn', () => resolve());
  });
  await started;
  const logText = () => {
    let log = '';
    try {
      log = readFileSync(join(dir, 'dovecot.log'), 'utf8');
    } catch {
      // not written yet
    }
    return `${output}\n${log}`;
  };
  const killDovecot = () => {
    if (dovecot.pid !== undefined && dovecot.exitCode === null) {
      try {
        process.kill(-dovecot.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  try {
    await waitForPort(imapPort, dovecot, logText);
  } catch (error) {
    killDovecot();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const ca = readFileSync(join(dir, 'ca.crt'));
  const deliverer = new ImapFlow({ host: '127.0.0.1', port: imapPort, secure: true, auth: { user: imapUser, pass: imapPassword }, tls: { ca }, logger: false, disableAutoIdle: true });
  deliverer.on('error', () => undefined);
  await deliverer.connect();
  let queue: Promise<unknown> = Promise.resolve();
  const mailbox = (options.mailbox ?? 'da06@congan.thanhhoa.gov.vn').toLowerCase();
  const failures = new Map<string, { code: number; times: number }>();
  const outbound: CapturedMessage[] = [];
  const servers: MailServers = {
    dir,
    caFile: join(dir, 'ca.crt'),
    signer: { cert: join(dir, 'signer.crt'), key: join(dir, 'signer.key') },
    imap: { host: '127.0.0.1', port: imapPort, user: imapUser, password: imapPassword },
    smtp: { host: '127.0.0.1', port: 0, user: smtpUser, password: smtpPassword },
    mailbox,
    outbound,
    deliverAt: undefined,
    failRecipient(address, code, times) {
      failures.set(address.toLowerCase(), { code, times });
    },
    append(raw, at) {
      const when = new Date(at ?? Date.now());
      const next = queue.then(() => deliverer.append('INBOX', Buffer.from(raw), [], when));
      queue = next.catch(() => undefined);
      return next.then(() => undefined);
    },
    async stop() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await deliverer.logout().catch(() => deliverer.close());
      killDovecot();
      await new Promise((r) => (dovecot.exitCode !== null ? r(null) : dovecot.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const smtpOptions: SMTPServerOptions = {
    secure: false,
    key: readFileSync(join(dir, 'server.key')),
    cert: readFileSync(join(dir, 'server.crt')),
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: false,
    size: options.maxMessageBytes ?? 64 * 1024 * 1024,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === smtpUser && auth.password === smtpPassword) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Sai tên đăng nhập hoặc mật khẩu'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const failure = failures.get(address.address.toLowerCase());
      if (failure && failure.times > 0) {
        failure.times -= 1;
        callback(Object.assign(new Error(failure.code >= 500 ? 'Hộp thư không tồn tại' : 'Tạm thời không nhận, thử lại sau'), { responseCode: failure.code }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const at = servers.deliverAt ?? Date.now();
        const local = to.filter((a) => a === mailbox);
        if (to.some((a) => a !== mailbox)) outbound.push({ from, to: to.filter((a) => a !== mailbox), raw });
        if (local.length === 0) return callback();
        // As a real MTA does: a Received header with the time of delivery, on top.
        const received = Buffer.from(`Received: from ${session.clientHostname} by da06-test-smtp with ESMTPSA; ${formatEmailDate(new Date(at + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00')}\r\n`);
        servers.append(Buffer.concat([received, raw]), at).then(
          () => callback(),
          (error: Error) => callback(Object.assign(new Error(`Không lưu được thư: ${error.message}`), { responseCode: 451 })),
        );
      });
    },
  };
  const smtp = new SMTPServer(smtpOptions);
  servers.smtp.port = await new Promise<number>((resolve, reject) => {
    smtp.on('error', reject);
    smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as { port: number }).port));
  });
  return servers;
}

/** A settings file for these servers (da06.config.json), with the test CA as caFile. */
export function writeSettings(servers: MailServers, path: string, extra: Record<string, unknown> = {}): void {
  const settings = {
    mail: {
      from: { name: 'Tổ công tác Đề án 06 tỉnh', address: servers.mailbox },
      contact: 'Đồng chí Lê Văn Hùng, Phòng PC06 Công an tỉnh, ĐT 0237 3 852 000',
      smtp: { host: servers.smtp.host, port: servers.smtp.port, security: 'starttls', user: servers.smtp.user, caFile: servers.caFile, messagesPerMinute: 0, retries: 2, retryDelaySeconds: 0 },
      imap: { host: servers.imap.host, port: servers.imap.port, security: 'tls', user: servers.imap.user, folder: 'INBOX', caFile: servers.caFile },
      logDir: 'nhat-ky-thu',
      ...extra,
    },
  };
  writeFileSync(path, JSON.stringify(settings, null, 2));
}

/** The environment a command needs to log in: passwords only here, never in the settings file. */
export function passwordEnv(servers: MailServers): Record<string, string> {
  return { DA06_SMTP_PASSWORD: servers.smtp.password, DA06_IMAP_PASSWORD: servers.imap.password };
}

/** A period whose replies all lie in the past: Dovecot records a future INTERNALDATE as now. */
export function pastPeriod(): Period {
  const now = new Date();
  const month = now.getUTCMonth() - 2; // 0-based, two months back
  return createPeriod(now.getUTCFullYear() + Math.floor(month / 12), ((month % 12) + 12) % 12 + 1);
}

/** A moment in month M+1 of the period, as UTC milliseconds, from a Vietnam wall time. */
export function afterPeriod(period: Period, day: number, hour: number): number {
  const next = nextPeriod(period);
  return Date.UTC(next.year, next.month - 1, day, hour - 7);
}
