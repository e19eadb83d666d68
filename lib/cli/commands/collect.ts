import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_COLLECT_LIMITS, type CollectContext } from '../../mail/collect';
import { makeIssue, renderMessage } from '../../issues/issue';
import { MANIFEST_CSV, MANIFEST_FILE, type ManifestMessage } from '../../mail/manifest';
import { addressKey } from '../../mail/message';
import { buildSendState } from '../../mail/send-log';
import { PASSWORD_ENV } from '../../mail/settings';
import { CollectStoreError, openCollectStore } from '../../node/collect-store';
import { collectFromFolder } from '../../node/folder-collect';
import { collectFromImap, describeImapError } from '../../node/imap';
import { readCaFile } from '../../node/mail-settings';
import { readSendLog } from '../../node/send-log-file';
import { formatDayMonthYear, parseDayMonthYear } from '../../period/format';
import { describePeriod } from '../../period/period';
import type { Unit } from '../../roster/schema';
import { requirePeriod, UsageError, type CliContext, type Command } from '../command';
import { loadSettingsOrExplain, sendLogFor } from '../mail-common';

/** Contact addresses (focal and cc) to their unit, for the manifest's supporting evidence. */
export function unitsByAddress(units: readonly Unit[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const unit of units) for (const address of [unit.email, ...(unit.cc ?? [])]) if (address && !map.has(addressKey(address))) map.set(addressKey(address), unit.code);
  return map;
}

/** Day D as the IMAP server's SINCE sees it (a date; the time is ignored). */
const dayOf = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

function summarize(messages: readonly ManifestMessage[], ctx: CliContext): void {
  const saved = messages.flatMap((m) => m.attachments.filter((a) => a.savedAs));
  const attention = messages.filter((m) => m.issues.some((i) => i.severity === 'error') || m.attachments.some((a) => !a.savedAs && a.issues.some((i) => i.severity === 'error')) || m.issues.some((i) => i.code === 'mail/no-report'));
  ctx.io.out(`  Thư mới: ${messages.length}; tệp bảng tính đã lưu: ${saved.length}.`);
  if (attention.length === 0) return;
  ctx.io.out(`  ${attention.length} thư cần xem (chi tiết trong sổ nhận thư):`);
  for (const m of attention) {
    const reasons = [...m.issues.filter((i) => i.severity === 'error' || i.code === 'mail/no-report'), ...m.attachments.filter((a) => !a.savedAs).flatMap((a) => a.issues.filter((i) => i.severity === 'error'))];
    ctx.io.out(`    ${m.eml} (${m.from ?? 'không rõ người gửi'}): ${reasons.map((r) => `${r.message} [${r.code}]`).join(' ')}`);
  }
}

export const collectCommand: Command = {
  name: 'collect',
  summary: 'Lấy thư đơn vị gửi về từ hộp thư (IMAP) hoặc thư mục thư, lưu thư gốc và tệp Excel đính kèm.',
  usage: 'collect --period YYYY-MM --out THƯ_MỤC (--imap | --from-folder MAILDIR_HOẶC_THƯ_MỤC_EML) [--since NGÀY] [--mark-seen] [--config TỆP]',
  details: [
    '--imap: đăng nhập hộp thư trong tệp cấu hình (mật khẩu: biến môi trường DA06_IMAP_PASSWORD; chứng chỉ TLS',
    'luôn được kiểm tra), tìm thư máy chủ nhận từ ngày chốt số liệu của kỳ (hoặc từ ngày gửi biểu mẫu, nếu sớm hơn;',
    'đổi bằng --since dd/mm/yyyy), lưu vào THƯ_MỤC: nguyên thư .eml (bằng chứng) và từng tệp Excel đính kèm, tên',
    '<thời điểm nhận>_<người gửi>_<tên tệp gốc>, kèm sổ nhận thư so-nhan-thu.json (và .csv mở bằng Excel):',
    'UIDVALIDITY/UID, Message-ID, người gửi, tiêu đề, thời điểm máy chủ nhận (INTERNALDATE), SHA-256 từng tệp.',
    'Chạy lại chỉ tải thư mới; không xóa, không chuyển thư, không đánh dấu đã đọc (trừ khi có --mark-seen).',
    'Thư chuyển tiếp, tệp .zip, winmail.dat của Outlook, thư có chữ ký số, tên tệp tiếng Việt hoặc có "../" đều',
    'được xử lý; tệp không phải Excel, tệp quá lớn, thư mã hóa được ghi rõ lý do trong sổ, không bỏ qua âm thầm.',
    '--from-folder: như trên, từ một thư mục maildir hoặc thư mục các tệp .eml đã lưu.',
    'Sau đó: da06 consolidate THƯ_MỤC … dùng thời điểm máy chủ nhận thư để tính đúng hạn.',
    '',
    'Ví dụ:',
    '  DA06_IMAP_PASSWORD=… da06 collect --period 2026-11 --out hop-thu-2026-11 --imap',
    '  da06 collect --period 2026-11 --out hop-thu-2026-11 --from-folder thu-da-luu/',
  ].join('\n'),
  options: {
    period: { type: 'string', help: 'Kỳ báo cáo, dạng YYYY-MM (bắt buộc).', valueName: 'YYYY-MM' },
    out: { type: 'string', help: 'Thư mục lưu thư và tệp (mỗi kỳ một thư mục; bắt buộc).', valueName: 'THƯ_MỤC' },
    imap: { type: 'boolean', help: 'Lấy thư từ máy chủ IMAP trong tệp cấu hình.' },
    'from-folder': { type: 'string', help: 'Lấy thư từ một maildir hoặc thư mục tệp .eml.', valueName: 'THƯ_MỤC' },
    since: { type: 'string', help: 'Chỉ lấy thư máy chủ nhận từ ngày này (dd/mm/yyyy).', valueName: 'NGÀY' },
    'mark-seen': { type: 'boolean', help: 'Đánh dấu đã đọc các thư đã lưu (mặc định không đổi gì trên máy chủ).' },
    config: { type: 'string', help: 'Tệp cấu hình thư điện tử (mặc định: da06.config.json ở thư mục hiện tại, hoặc biến DA06_CONFIG).', valueName: 'TỆP.json' },
    json: { type: 'boolean', help: 'In các thư mới dạng JSON (như trong sổ nhận thư).' },
  },
  async run({ positionals, values }, ctx) {
    if (positionals.length > 0) throw new UsageError(`Thừa tham số: ${positionals.join(' ')}.`);
    const period = requirePeriod(values.period as string | undefined);
    const out = values.out as string | undefined;
    if (!out) throw new UsageError('Thiếu --out (thư mục lưu thư).');
    const dir = resolve(out);
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`"${dir}" là một tệp; --out cần một thư mục.`);
    const folder = values['from-folder'] as string | undefined;
    if (Boolean(values.imap) === Boolean(folder)) throw new UsageError('Chọn một nguồn thư: --imap (máy chủ) hoặc --from-folder THƯ_MỤC.');
    if (folder && !(existsSync(folder) && statSync(folder).isDirectory())) throw new UsageError(`Không có thư mục thư "${folder}".`);
    const loaded = loadSettingsOrExplain(ctx, values.config as string | undefined, Boolean(values.imap));
    const settings = loaded.settings;
    const roster = ctx.loadRoster();
    const log = readSendLog(sendLogFor(loaded, period.id, undefined)).entries;
    const context: Omit<CollectContext, 'taken' | 'sha256'> = {
      limits: { ...DEFAULT_COLLECT_LIMITS, attachmentBytes: Math.round(settings.limits.attachmentMiB * 1024 * 1024), messageBytes: Math.round(settings.limits.messageMiB * 1024 * 1024) },
      sentMessageIds: buildSendState(log).messageIds,
      unitByAddress: unitsByAddress(roster.units),
    };
    const fresh: ManifestMessage[] = [];
    const now = () => ctx.now();
    try {
      if (values.imap) {
        const imap = settings.imap;
        if (!imap) throw new UsageError(`Tệp cấu hình ${loaded.path ?? ''} chưa có mục "imap" (hộp thư nhận báo cáo). Xem README, mục "Thư điện tử".`);
        const password = ctx.env?.[PASSWORD_ENV.imap];
        if (!password) throw new UsageError(`Chưa có mật khẩu hộp thư: đặt biến môi trường ${PASSWORD_ENV.imap} (da06 không đọc mật khẩu từ tệp cấu hình).`);
        let sinceIso = describePeriod(period).cutoffEnd;
        const firstSent = log.filter((e) => e.purpose === 'template' && (e.outcome === 'sent' || e.outcome === 'drafted')).map((e) => e.at.slice(0, 10)).sort()[0];
        if (firstSent && firstSent < sinceIso) sinceIso = firstSent;
        if (values.since) {
          const parsed = parseDayMonthYear(values.since as string);
          if (!parsed) throw new UsageError(`Ngày "${values.since as string}" không hợp lệ; nhập dạng dd/mm/yyyy, ví dụ 01/12/2026.`);
          sinceIso = parsed;
        }
        const store = openCollectStore(dir, period.id, { kind: 'imap', host: imap.host, user: imap.user, folder: imap.folder }, now);
        const ca = readCaFile(loaded, imap.caFile);
        if (!values.json) ctx.io.out(`Nhận thư kỳ ${period.id} từ hộp thư ${imap.user} (${imap.host}:${imap.port}, thư mục ${imap.folder}), thư máy chủ nhận từ ngày ${formatDayMonthYear(sinceIso)}:`);
        let result;
        try {
          result = await collectFromImap({
            settings: imap,
            password,
            ...(ca ? { ca } : {}),
            since: dayOf(sinceIso),
            markSeen: Boolean(values['mark-seen']),
            store,
            context,
            onMessage: (m) => fresh.push(m),
            onMailboxReset: (old, current) => ctx.io.err(`Cảnh báo: ${renderMessage(makeIssue('mail/mailbox-reset', {}, { folder: imap.folder, old, new: current }))}`),
          });
        } catch (error) {
          await store.flush();
          ctx.io.err(`Lỗi: không lấy được thư từ ${imap.host}: ${describeImapError(error)}. ${fresh.length} thư đã lưu trước khi dừng vẫn được ghi trong sổ; chạy lại để lấy tiếp.`);
          return 2;
        }
        store.manifest.source = { kind: 'imap', host: imap.host, user: imap.user, folder: imap.folder, uidValidity: result.uidValidity };
        await store.flush();
        if (!values.json) ctx.io.out(`  Máy chủ có ${result.found} thư từ ngày đó; ${result.found - result.saved - result.alreadyHad} đã lưu từ trước${result.alreadyHad ? `, ${result.alreadyHad} trùng thư đã lưu` : ''}.`);
      } else {
        const source = resolve(folder as string);
        const store = openCollectStore(dir, period.id, { kind: 'folder', path: source }, now);
        if (!values.json) ctx.io.out(`Nhận thư kỳ ${period.id} từ thư mục ${source}:`);
        const result = await collectFromFolder({ path: source, store, context, onMessage: (m) => fresh.push(m) });
        await store.flush();
        if (!values.json) ctx.io.out(`  Thư mục có ${result.found} thư; ${result.found - result.saved} đã lưu từ trước.`);
      }
    } catch (error) {
      if (error instanceof CollectStoreError) throw new UsageError(error.message);
      throw error;
    }
    if (values.json) {
      ctx.io.out(JSON.stringify({ period: period.id, dir, manifest: resolve(dir, MANIFEST_FILE), messages: fresh }, null, 2));
      return 0;
    }
    summarize(fresh, ctx);
    ctx.io.out(`  Sổ nhận thư: ${resolve(dir, MANIFEST_FILE)} (mở bằng Excel: ${MANIFEST_CSV}).`);
    ctx.io.out(`  Tiếp theo: da06 consolidate ${out} --period ${period.id} --out tong-hop-${period.id}.xlsx`);
    return 0;
  },
};
