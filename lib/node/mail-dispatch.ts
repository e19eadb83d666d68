import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { toVietnamIso } from '../_lib/calendar';
import { addressDomain, makeMessageId, type MailMessage } from '../mail/message';
import type { SendChannel, SendLogEntry, SendPurpose, SendState } from '../mail/send-log';
import type { Unit } from '../roster/schema';
import { writeFileAtomic } from './files';
import { renderMessage } from './mime';
import { appendSendLog } from './send-log-file';
import type { SmtpSender } from './smtp';

/** One message to one unit, built only when it is to go out (a template is generated only then). */
export interface OutgoingJob {
  unit: Unit;
  purpose: SendPurpose;
  reason: string;
  /** The draft's file name in the outbox (`2026-11_SYT_so-y-te.eml`). */
  draftName: string;
  build(ids: { messageId: string; date: string }): Promise<MailMessage | { problem: string }>;
}

export interface DispatchOptions {
  period: string;
  channel: SendChannel;
  outbox?: string;
  sender?: SmtpSender;
  logPath: string;
  state: SendState;
  /** The secretariat's address: envelope sender and the Message-ID domain. */
  from: string;
  now: () => Date;
  onResult?: (entry: SendLogEntry, job: OutgoingJob) => void;
}

export interface DispatchResult {
  /** What this run did, one entry per job that was tried (or had no address). */
  entries: SendLogEntry[];
  /** Jobs left alone because the log says they went out already. */
  skipped: Array<{ job: OutgoingJob; last: SendLogEntry | undefined }>;
}

/** Sends (or drafts) each job in order, logging each result as soon as it is known. */
export async function dispatchMessages(jobs: readonly OutgoingJob[], options: DispatchOptions): Promise<DispatchResult> {
  const entries: SendLogEntry[] = [];
  const skipped: DispatchResult['skipped'] = [];
  if (options.channel === 'outbox' && options.outbox) mkdirSync(options.outbox, { recursive: true });
  const record = (entry: SendLogEntry, job: OutgoingJob) => {
    appendSendLog(options.logPath, entry);
    entries.push(entry);
    options.onResult?.(entry, job);
  };
  for (const job of jobs) {
    const base = { period: options.period, unit: job.unit.code, purpose: job.purpose, reason: job.reason, channel: options.channel };
    if (!job.unit.email) {
      record({ ...base, outcome: 'noAddress', at: toVietnamIso(options.now().getTime()), to: [], cc: [], attempts: 0 }, job);
      continue;
    }
    if (!options.state.needs(job.unit.code, job.purpose, job.reason, options.channel)) {
      skipped.push({ job, last: options.state.last(job.unit.code, job.purpose, job.reason) });
      continue;
    }
    const messageId = makeMessageId({ purpose: job.purpose === 'template' ? 'gui' : 'nhac', period: options.period, unit: job.unit.code, nonce: randomBytes(6).toString('hex'), domain: addressDomain(options.from) });
    const date = toVietnamIso(options.now().getTime());
    const built = await job.build({ messageId, date });
    const to = job.unit.email ? [job.unit.email] : [];
    const cc = job.unit.cc ?? [];
    if ('problem' in built) {
      record({ ...base, outcome: 'failed', at: date, to, cc, attempts: 0, detail: built.problem }, job);
      continue;
    }
    if (options.channel === 'outbox') {
      // X-Unsent: Outlook opens the saved message as a draft with a Send button.
      const bytes = await renderMessage({ ...built, headers: { ...built.headers, 'X-Unsent': '1' } });
      writeFileAtomic(join(options.outbox as string, job.draftName), bytes);
      record({ ...base, outcome: 'drafted', at: date, to, cc, subject: built.subject, messageId, attempts: 0, file: job.draftName }, job);
      continue;
    }
    const bytes = await renderMessage(built);
    const result = await (options.sender as SmtpSender).send({ from: options.from, to: [...to, ...cc] }, bytes);
    // Only the cc taking it is not a delivery: the focal address is who has to act.
    const focalRefused = result.ok && to.some((a) => result.rejected.some((r) => r.toLowerCase() === a.toLowerCase()));
    record(
      {
        ...base,
        outcome: result.ok && !focalRefused ? 'sent' : 'failed',
        at: toVietnamIso(options.now().getTime()),
        to,
        cc,
        subject: built.subject,
        messageId,
        attempts: result.attempts,
        detail: focalRefused ? `máy chủ từ chối địa chỉ đầu mối ${to.join(', ')} (${result.detail})` : result.detail,
        ...(result.rejected.length ? { rejected: result.rejected } : {}),
      },
      job,
    );
  }
  return { entries, skipped };
}
