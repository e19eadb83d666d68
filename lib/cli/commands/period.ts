import { DEFAULT_REPORTING_RULES, type ReportingRules } from '../../period/config';
import { formatDocumentDate } from '../../period/format';
import { describePeriod } from '../../period/period';
import { requirePeriod, UsageError, type Command } from '../command';

const CUTOFF_OPTIONS: Record<string, ReportingRules['cutoff']> = { thang: 'calendarMonth', nd09: 'decree09' };

export const periodCommand: Command = {
  name: 'period',
  summary: 'Xem kỳ báo cáo: thời gian chốt số liệu và hạn gửi báo cáo.',
  usage: 'period YYYY-MM [--chot thang|nd09] [--json]',
  details: [
    'Báo cáo tháng M gửi về Công an tỉnh trước ngày 10 của tháng M+1 (mục V.4 Kế hoạch 210/KH-UBND).',
    'Số liệu chốt theo tháng dương lịch (mặc định) hoặc theo Nghị định 09/2019/NĐ-CP, Điều 12',
    '(từ ngày 15 tháng trước đến ngày 14 tháng báo cáo).',
    '',
    'Ví dụ:',
    '  da06 period 2026-11',
    '  da06 period 2026-12 --chot nd09 --json',
  ].join('\n'),
  options: {
    chot: { type: 'string', help: 'Cách chốt số liệu: thang (tháng dương lịch, mặc định) hoặc nd09 (Nghị định 09/2019).', valueName: 'CÁCH' },
    json: { type: 'boolean', help: 'In kết quả dạng JSON.' },
  },
  run({ positionals, values }, ctx) {
    const [text, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`Thừa tham số: ${extra.join(' ')}.`);
    const period = requirePeriod(text, 'kỳ báo cáo (dạng YYYY-MM, ví dụ 2026-11)');
    const chot = (values.chot as string | undefined) ?? 'thang';
    const cutoff = CUTOFF_OPTIONS[chot];
    if (!cutoff) throw new UsageError(`Cách chốt số liệu "${chot}" không hợp lệ. Dùng thang hoặc nd09.`);
    const info = describePeriod(period, { ...DEFAULT_REPORTING_RULES, cutoff });
    if (values.json) {
      ctx.io.out(JSON.stringify(info, null, 2));
      return 0;
    }
    ctx.io.out(`Kỳ báo cáo: ${info.label}`);
    ctx.io.out(`Chốt số liệu: từ ${formatDocumentDate(info.cutoffStart)} đến ${formatDocumentDate(info.cutoffEnd)}`);
    ctx.io.out(info.dueText);
    return 0;
  },
};
