// The month's returns as the units' e-mail clients send them: a reply to the template message with the
// filled workbook attached, and the mess real mail brings: a forward as attachment, a zipped file,
// Outlook's winmail.dat, a name with `../`, an oversized extra attachment. Plain data out.
import { zipSync } from 'fflate';
import type { MailAddress, MailMessage } from '../mail/message';
import { addressDomain } from '../mail/message';
import type { Roster } from '../roster/roster';
import { findUnit } from '../roster/roster';
import { buildTnef } from './_lib/tnef';
import { unitSelfName, unitSenderAddress } from './_lib/units';
import type { SimulatedMonth } from './month';
import { createRandom } from './random';

export type ReplyKind = 'plain' | 'savedEml' | 'forwarded' | 'zipped' | 'winmail' | 'unsafeName' | 'oversized' | 'signed';

export interface SimulatedReply {
  unit: string;
  kind: ReplyKind;
  /** ISO 8601, Vietnam time: when the secretariat's server receives it. */
  receivedAt: string;
  /** The workbook's name in the month (SimulatedFile.name). */
  file: string;
  /** Envelope sender. */
  from: string;
  /** The message to send; for `savedEml`, the raw message the simulator already wrote. */
  message?: MailMessage;
  raw?: Uint8Array;
}

export interface SimulateRepliesOptions {
  month: SimulatedMonth;
  roster: Roster;
  secretariat: MailAddress;
  /** The template message each unit received: replies thread under it. */
  sent: ReadonlyMap<string, { messageId: string; subject: string }>;
  seed: number;
  /** Size of the oversized extra attachment (above the collect limit of the test). */
  oversizedBytes?: number;
}

export interface SimulatedReplies {
  /** In order of receipt. */
  replies: SimulatedReply[];
  /** Which unit got each messy kind (`signed` is left for the caller to sign, e.g. with openssl). */
  variants: Record<Exclude<ReplyKind, 'plain' | 'savedEml'>, string>;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * One reply per returned file of the month, most plain, six messy ones on ordinary on-time units.
 * @example const { replies, variants } = simulateReplies({ month, roster, secretariat, sent, seed: 6 });
 */
export function simulateReplies(options: SimulateRepliesOptions): SimulatedReplies {
  const { month, roster, secretariat } = options;
  const truth = month.truth;
  const special = new Set([truth.duplicate.unit, truth.eml.unit, truth.broken.unit, truth.percentAsText.unit, truth.textStartingWithEquals.unit, ...truth.withErrors.map((e) => e.unit)]);
  const candidates = createRandom(options.seed).fork('replies').shuffle(truth.onTime.filter((u) => !special.has(u)));
  const kinds = ['forwarded', 'zipped', 'winmail', 'unsafeName', 'oversized', 'signed'] as const;
  if (candidates.length < kinds.length) throw new RangeError('simulateReplies: too few ordinary on-time units for the messy replies');
  const variants = Object.fromEntries(kinds.map((k, i) => [k, candidates[i] as string])) as SimulatedReplies['variants'];
  const kindOf = new Map<string, ReplyKind>(kinds.map((k) => [variants[k], k]));
  const random = createRandom(options.seed).fork('oversized');
  const replies: SimulatedReply[] = [];
  let counter = 0;
  for (const file of month.files) {
    const unit = findUnit(roster, file.unit);
    if (!unit) throw new RangeError(`simulateReplies: unit ${file.unit} is not in the roster`);
    const from = unitSenderAddress(unit);
    if (file.via === 'eml') {
      replies.push({ unit: unit.code, kind: 'savedEml', receivedAt: file.receivedAt, file: file.name, from, raw: file.bytes });
      continue;
    }
    const sent = options.sent.get(unit.code);
    const kind = kindOf.get(unit.code) ?? 'plain';
    counter += 1;
    const clerk: MailAddress = { name: `Văn thư ${unitSelfName(unit)}`, address: from };
    const base: MailMessage = {
      from: clerk,
      to: [secretariat],
      subject: sent ? `Re: ${sent.subject}` : `Báo cáo Đề án 06 - ${unitSelfName(unit)}`,
      date: file.receivedAt,
      messageId: `<tra-loi.${counter}.${unit.code}@${addressDomain(from)}>`,
      ...(sent ? { inReplyTo: sent.messageId, references: [sent.messageId] } : {}),
      text: `Kính gửi: ${secretariat.name ?? secretariat.address}.\n\n${unitSelfName(unit)} gửi báo cáo Đề án 06 (tệp đính kèm).\n\nTrân trọng./.`,
      attachments: [{ filename: file.name, content: file.bytes, contentType: XLSX }],
    };
    let message = base;
    switch (kind) {
      case 'forwarded': {
        // The leader forwards the clerk's message as an attachment, from another address.
        const leader = unit.cc?.[0] ?? `lanhdao@${addressDomain(from)}`;
        const { inReplyTo: _inReplyTo, references: _references, ...unthreaded } = base;
        message = { ...unthreaded, from: { name: `Lãnh đạo ${unitSelfName(unit)}`, address: leader }, subject: `Fwd: ${base.subject}`, messageId: `<chuyen-tiep.${counter}.${unit.code}@${addressDomain(from)}>`, text: 'Chuyển Văn phòng Tổ công tác báo cáo của đơn vị.', attachments: [{ filename: `${base.subject}.eml`, message: { ...base, to: [{ address: leader }], date: base.date } }] };
        break;
      }
      case 'zipped':
        message = { ...base, attachments: [{ filename: `Báo cáo ${unit.name}.zip`, content: zipSync({ [`Báo cáo tháng/${file.name}`]: file.bytes }, { level: 6 }), contentType: 'application/zip' }] };
        break;
      case 'winmail':
        message = { ...base, text: `${base.text}\n(Outlook, định dạng RTF)`, attachments: [{ filename: 'winmail.dat', content: buildTnef([{ name: file.name, data: file.bytes }]), contentType: 'application/ms-tnef' }] };
        break;
      case 'unsafeName':
        message = { ...base, attachments: [{ filename: `../../../${file.name}`, content: file.bytes, contentType: XLSX }] };
        break;
      case 'oversized': {
        const size = options.oversizedBytes ?? 2 * 1024 * 1024;
        const noise = new Uint8Array(size);
        for (let i = 0; i < size; i += 1) noise[i] = random.int(0, 255);
        message = { ...base, attachments: [...base.attachments, { filename: 'Ảnh chụp minh chứng (bản gốc).xlsx', content: noise, contentType: XLSX }] };
        break;
      }
      default:
        break;
    }
    replies.push({ unit: unit.code, kind, receivedAt: file.receivedAt, file: file.name, from: message.from.address, message });
  }
  return { replies, variants };
}

/**
 * The roster with every unit's conventional address as its focal e-mail (`vanthu@syt.thanhhoa.gov.vn`), for the
 * demo and tests; two communes that share a short name get the unit code in the mailbox to stay apart.
 * @example withSimulatedContacts(roster).units[0]?.email === 'vanthu@cat.thanhhoa.gov.vn'
 */
export function withSimulatedContacts(roster: Roster): Roster {
  const taken = new Set<string>();
  const units = roster.units.map((unit) => {
    const usual = unitSenderAddress(unit);
    const email = taken.has(usual) ? usual.replace('@', `.${unit.code.toLowerCase()}@`) : usual;
    taken.add(email);
    return { ...unit, email };
  });
  return { ...roster, units };
}
