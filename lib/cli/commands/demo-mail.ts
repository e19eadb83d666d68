// The demo's two mail steps, with no server: the month's template messages and the reminders as
// ready-to-send .eml drafts, addressed to the simulator's contacts.
import { join } from 'node:path';
import type { Consolidation } from '../../consolidate/types';
import { DEFAULT_MAIL_SETTINGS } from '../../mail/settings';
import type { Period } from '../../period/period';
import { withSimulatedContacts } from '../../simulate/replies';
import type { MonthTruth } from '../../simulate/month';
import type { CliContext } from '../command';
import { demoConsolidatedAt } from './demo-history';
import { runRemind } from './remind';
import { runSend } from './send';

export function runDemoMail(options: { root: string; period: Period; templates: string }, ctx: CliContext) {
  const roster = withSimulatedContacts(ctx.loadRoster());
  const loaded = { settings: DEFAULT_MAIL_SETTINGS, path: null, baseDir: options.root };
  const outbox = join(options.root, 'thu-di');
  const remindBox = join(options.root, 'thu-nhac');
  return {
    async send(): Promise<string> {
      const { result } = await runSend({ period: options.period, units: roster.units, loaded, outbox, templates: options.templates, resend: true, logPath: join(outbox, `gui-${options.period.id}.jsonl`) }, ctx);
      return `Đã soạn ${result.entries.filter((e) => e.outcome === 'drafted').length} thư gửi biểu mẫu (.eml, mở bằng Outlook hoặc Thunderbird là gửi được) và danh sách gửi: ${outbox}`;
    },
    /** Reminders as the secretariat would send them a few days after the due date. */
    async remind(consolidation: Consolidation, truth: MonthTruth): Promise<{ line: string; check: string }> {
      const after = demoConsolidatedAt(options.period);
      const { plan } = await runRemind({ period: options.period, facts: consolidation, roster, settings: DEFAULT_MAIL_SETTINGS, beforeDue: false, outbox: remindBox, templates: options.templates, resend: true, logPath: join(remindBox, `gui-${options.period.id}.jsonl`) }, { ...ctx, now: () => after });
      const reminded = plan.reminders.map((r) => r.unit).sort();
      const expected = [...truth.missing, ...truth.withErrors.map((e) => e.unit)].sort();
      const ok = JSON.stringify(reminded) === JSON.stringify(expected);
      const kinds = (k: string) => plan.reminders.filter((r) => r.reason.kind === k).length;
      return {
        line: `Đã soạn ${plan.reminders.length} thư nhắc (${kinds('missing')} chưa gửi, ${kinds('rejected')} tệp bị từ chối, ${kinds('errors')} tệp có lỗi cần sửa): ${remindBox}`,
        check: `${ok ? 'khớp' : 'KHÔNG KHỚP'}: thư nhắc gửi đúng các đơn vị chưa gửi, bị từ chối, có lỗi`,
      };
    },
  };
}
