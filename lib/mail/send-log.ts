// The send log of a period: one JSON line per attempt result, appended as it happens, so a run that
// stops half-way knows what went out. Re-running sends only what has not gone out yet.

export type SendPurpose = 'template' | 'reminder';
export type SendChannel = 'smtp' | 'outbox';
/** `sent`: the SMTP server accepted it; `drafted`: a ready-to-send .eml was written; `failed`; `noAddress`: nothing to send to. */
export type SendOutcome = 'sent' | 'drafted' | 'failed' | 'noAddress';

export const SEND_OUTCOME_LABELS: Readonly<Record<SendOutcome, string>> = {
  sent: 'Đã gửi',
  drafted: 'Đã soạn thư (chưa gửi)',
  failed: 'Gửi không thành công',
  noAddress: 'Chưa có địa chỉ thư',
};

export interface SendLogEntry {
  period: string;
  unit: string;
  purpose: SendPurpose;
  /** `bieu-mau` for the template; the reminder's key (`chua-gui`, `tu-choi:<sha>` …). */
  reason: string;
  channel: SendChannel;
  outcome: SendOutcome;
  /** ISO 8601 with offset, when the outcome was known. */
  at: string;
  to: string[];
  cc: string[];
  subject?: string;
  messageId?: string;
  attempts: number;
  /** The SMTP server's answer, or why it failed; never a password. */
  detail?: string;
  /** The draft's file name in the outbox. */
  file?: string;
  /** Recipients the server refused while it took the others. */
  rejected?: string[];
}

export const TEMPLATE_REASON = 'bieu-mau';

/** One log line. */
export function formatSendLogEntry(entry: SendLogEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

/** Reads a log; a damaged line (a crash while writing) is reported, the others are kept. */
export function parseSendLog(text: string): { entries: SendLogEntry[]; problems: string[] } {
  const entries: SendLogEntry[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const value = JSON.parse(line) as SendLogEntry;
      if (typeof value.unit === 'string' && typeof value.outcome === 'string' && typeof value.reason === 'string') entries.push(value);
      else problems.push(`dòng ${i + 1}: thiếu đơn vị, lý do hoặc kết quả`);
    } catch {
      problems.push(`dòng ${i + 1}: không đọc được`);
    }
  });
  return { entries, problems };
}

const keyOf = (e: Pick<SendLogEntry, 'unit' | 'purpose' | 'reason'>) => `${e.purpose}|${e.unit}|${e.reason}`;

export interface SendState {
  /** Whether this message still has to go out on this channel (`resend` forces it). */
  needs(unit: string, purpose: SendPurpose, reason: string, channel: SendChannel): boolean;
  /** The latest entry of a message, if any. */
  last(unit: string, purpose: SendPurpose, reason: string): SendLogEntry | undefined;
  /** Message-IDs of everything that went out (or was drafted), to the unit it went to: replies name them. */
  messageIds: ReadonlyMap<string, string>;
}

/**
 * What the log says has been done: a message accepted by SMTP is done on every channel; a draft is done
 * for the outbox only (it still has to be sent); failures and missing addresses are tried again.
 * @example buildSendState(entries).needs('SYT', 'template', TEMPLATE_REASON, 'smtp')
 */
export function buildSendState(entries: readonly SendLogEntry[], options: { resend?: boolean } = {}): SendState {
  const done = new Map<string, Set<SendChannel>>();
  const last = new Map<string, SendLogEntry>();
  const messageIds = new Map<string, string>();
  for (const entry of entries) {
    const key = keyOf(entry);
    last.set(key, entry);
    if (entry.messageId && (entry.outcome === 'sent' || entry.outcome === 'drafted')) messageIds.set(entry.messageId, entry.unit);
    const channels = done.get(key) ?? new Set<SendChannel>();
    if (entry.outcome === 'sent') {
      channels.add('smtp');
      channels.add('outbox');
    } else if (entry.outcome === 'drafted') channels.add('outbox');
    done.set(key, channels);
  }
  return {
    needs: (unit, purpose, reason, channel) => options.resend === true || !done.get(keyOf({ unit, purpose, reason }))?.has(channel),
    last: (unit, purpose, reason) => last.get(keyOf({ unit, purpose, reason })),
    messageIds,
  };
}

/** Temporary SMTP trouble worth another try: a 4xx reply, or the connection lost or refused on the way. */
export function isTemporaryFailure(error: { responseCode?: number; code?: string }): boolean {
  if (typeof error.responseCode === 'number') return error.responseCode >= 400 && error.responseCode < 500;
  return ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE'].includes(error.code ?? '');
}

export interface RetryOptions {
  retries: number;
  /** The first wait; each further one doubles. */
  baseDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Runs `attempt` until it succeeds, fails permanently, or the tries run out; waits 1×, 2×, 4× … the base
 * delay between tries. Returns the value or the last error, with the number of tries.
 * @example await withRetries(() => transport.sendMail(mail), { retries: 3, baseDelayMs: 5000, sleep })
 */
export async function withRetries<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<{ ok: true; value: T; attempts: number } | { ok: false; error: unknown; attempts: number }> {
  for (let tries = 1; ; tries += 1) {
    try {
      return { ok: true, value: await attempt(), attempts: tries };
    } catch (error) {
      if (tries > options.retries || !isTemporaryFailure(error as { responseCode?: number; code?: string })) return { ok: false, error, attempts: tries };
      await options.sleep(options.baseDelayMs * 2 ** (tries - 1));
    }
  }
}

/**
 * Spaces sends to at most `perMinute` a minute (0: no limit): `wait()` before each send.
 * @example const limit = createRateLimit(30, { now: Date.now, sleep }); await limit.wait();
 */
export function createRateLimit(perMinute: number, clock: { now: () => number; sleep: (ms: number) => Promise<void> }): { wait(): Promise<void> } {
  const interval = perMinute > 0 ? 60_000 / perMinute : 0;
  let next = 0;
  return {
    async wait() {
      if (interval === 0) return;
      const now = clock.now();
      if (now < next) await clock.sleep(next - now);
      next = Math.max(now, next) + interval;
    },
  };
}
