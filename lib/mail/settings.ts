import { z } from 'zod';
import { isEmailAddress, type MailAddress } from './message';

/** The environment variables passwords come from: never the settings file, never a log. */
export const PASSWORD_ENV = { smtp: 'DA06_SMTP_PASSWORD', imap: 'DA06_IMAP_PASSWORD' } as const;

const email = z.string().refine(isEmailAddress, { message: 'không phải địa chỉ thư điện tử hợp lệ' });
const host = z.string().min(1);
const port = z.number().int().min(1).max(65535);

/** SMTP for `da06 send --smtp` and `da06 remind --smtp`. */
export const smtpSettingsSchema = z.strictObject({
  host,
  port,
  /** `tls`: TLS from the first byte (usually port 465); `starttls`: upgrade required (587); `none`: plain (a local relay only). */
  security: z.enum(['tls', 'starttls', 'none']),
  user: z.string().min(1).optional(),
  /** A CA certificate (PEM) to trust besides the system's, e.g. the province's own; verification stays on. */
  caFile: z.string().min(1).optional(),
  /** The server's name on its certificate when `host` is an IP address. */
  serverName: z.string().min(1).optional(),
  /** 0 for no limit. Government mail servers throttle bulk senders. */
  messagesPerMinute: z.number().min(0).max(6000).default(30),
  /** Further tries after a temporary failure (4xx, lost connection), waiting 5 s, 10 s, 20 s … */
  retries: z.number().int().min(0).max(10).default(3),
  retryDelaySeconds: z.number().min(0).max(600).default(5),
});
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

/** IMAP for `da06 collect --imap`. */
export const imapSettingsSchema = z.strictObject({
  host,
  port,
  security: z.enum(['tls', 'starttls']),
  user: z.string().min(1),
  folder: z.string().min(1).default('INBOX'),
  caFile: z.string().min(1).optional(),
  serverName: z.string().min(1).optional(),
});
export type ImapSettings = z.infer<typeof imapSettingsSchema>;

export const mailSettingsSchema = z.strictObject({
  /** The secretariat's mailbox: From of every message, and where units reply. */
  from: z.strictObject({ name: z.string().min(1), address: email }),
  replyTo: email.optional(),
  /** Who units call with questions, one line: name, office, phone, e-mail. */
  contact: z.string().min(1),
  smtp: smtpSettingsSchema.optional(),
  imap: imapSettingsSchema.optional(),
  /** What collect saves: an attachment, or a whole message, larger than this is kept as evidence only. */
  limits: z.strictObject({ attachmentMiB: z.number().min(0.01).max(1024).default(20), messageMiB: z.number().min(0.01).max(4096).default(50) }).default({ attachmentMiB: 20, messageMiB: 50 }),
  /** Folder of the send logs (one per period), relative to the settings file. */
  logDir: z.string().min(1).default('nhat-ky-thu'),
});
export type MailSettings = z.infer<typeof mailSettingsSchema>;

export const settingsFileSchema = z.strictObject({ mail: mailSettingsSchema });

/** What a secretariat without a settings file gets for drafts: the standing body's mailbox. */
export const DEFAULT_MAIL_SETTINGS: MailSettings = {
  from: { name: 'Tổ công tác Đề án 06 tỉnh', address: 'da06@congan.thanhhoa.gov.vn' },
  contact: 'Văn phòng Tổ công tác Đề án 06 tỉnh (Công an tỉnh Thanh Hóa)',
  limits: { attachmentMiB: 20, messageMiB: 50 },
  logDir: 'nhat-ky-thu',
};

export function senderOf(settings: MailSettings): MailAddress {
  return { name: settings.from.name, address: settings.from.address };
}

const PASSWORD_KEY = /pass|mat-?khau|mật khẩu|secret|token/i;

/** Paths (`mail › smtp › password`) of keys that look like a password: they must never be in the file. */
function passwordKeys(value: unknown, path: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => [...(PASSWORD_KEY.test(key) ? [[...path, key].join(' › ')] : []), ...passwordKeys(v, [...path, key])]);
}

function valueAt(json: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = json;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

const TYPE_NAMES: Record<string, string> = { string: 'chuỗi chữ', number: 'số', boolean: 'true hoặc false', object: 'một mục { … }', array: 'danh sách [ … ]' };

export type ParseSettingsResult = { ok: true; settings: MailSettings } | { ok: false; problems: string[] };

/**
 * Checks a settings file's JSON (`da06.config.json`); problems in Vietnamese, each naming its place
 * (`mail › smtp › port`). A password written in the file is refused: it belongs in the environment.
 * @example parseSettings({ mail: { from: { name: 'Tổ công tác', address: 'da06@congan.thanhhoa.gov.vn' }, contact: 'PC06, 0237 …' } })
 */
export function parseSettings(json: unknown): ParseSettingsResult {
  const secrets = passwordKeys(json);
  if (secrets.length > 0) {
    return { ok: false, problems: secrets.map((p) => `${p}: không ghi mật khẩu vào tệp cấu hình; đặt trong biến môi trường ${PASSWORD_ENV.smtp} hoặc ${PASSWORD_ENV.imap}`) };
  }
  const parsed = settingsFileSchema.safeParse(json);
  if (parsed.success) return { ok: true, settings: parsed.data.mail };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const where = issue.path.length ? issue.path.join(' › ') : '(cả tệp)';
      switch (issue.code) {
        case 'invalid_type':
          return `${where}: ${valueAt(json, issue.path) === undefined ? 'thiếu, cần' : 'cần'} ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
        case 'unrecognized_keys':
          return `${where}: mục không có trong mẫu cấu hình: ${issue.keys.join(', ')}`;
        case 'invalid_value':
          return `${where}: phải là một trong ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
        case 'too_small':
        case 'too_big':
          return `${where}: giá trị ngoài khoảng cho phép`;
        default:
          return `${where}: ${issue.message}`;
      }
    }),
  };
}
