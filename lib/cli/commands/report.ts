import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { historyNotes } from '../../app/history';
import { draftReport, historyForReport } from '../../app/report';
import { writeFileAtomic } from '../../node/files';
import { readArchive } from '../../node/history';
import type { ReportTrends } from '../../report/model';
import { DEFAULT_REPORT_SETTINGS, parseReportSettings, type ReportSettings } from '../../report/settings';
import type { Period } from '../../period/period';
import { readSummaryFile } from '../summary-file';
import { requirePeriod, UsageError, type CliContext, type Command } from '../command';

/** The secretariat's settings file (--settings or DA06_REPORT_SETTINGS), else the defaults in seeds/. */
export function loadSettings(path: string | undefined, ctx: CliContext): ReportSettings {
  if (!path) {
    ctx.io.err('Lưu ý: dùng thiết lập mặc định của báo cáo (seeds/report-settings.json: cơ quan ban hành, ký hiệu, nơi nhận, người ký là ví dụ). Dùng --settings TỆP.json để thay.');
    return DEFAULT_REPORT_SETTINGS;
  }
  if (!existsSync(path) || statSync(path).isDirectory()) throw new UsageError(`Không tìm thấy tệp thiết lập báo cáo "${path}".`);
  const parsed = parseReportSettings(readFileSync(path, 'utf8'), path);
  if (!parsed.ok) throw new UsageError(parsed.message);
  return parsed.settings;
}

export interface RunReportOptions {
  /** The month's summary (da06 consolidate's output). */
  from: string;
  out: string;
  period: Period;
  settings: ReportSettings;
  /** Folder of earlier months' summaries, for the trends. */
  history?: string;
  /** Say which months the history used (default true; the demo has said it while consolidating). */
  historyNotes?: boolean;
}

/** The report job on disk, shared by `da06 report` and `da06 demo`: summary (and archive) in, .docx out. */
export async function runReport(options: RunReportOptions, ctx: CliContext): Promise<{ path: string; periodLabel: string; trends: ReportTrends | undefined }> {
  const { from, period } = options;
  const facts = readSummaryFile(from, period);
  let trends: ReportTrends | undefined;
  const historyDir = options.history;
  if (historyDir !== undefined) {
    if (!existsSync(historyDir) || !statSync(historyDir).isDirectory()) throw new UsageError(`Không tìm thấy thư mục lưu báo cáo tổng hợp các tháng trước "${historyDir}".`);
    const archive = readArchive(historyDir, { exclude: [from] });
    const found = historyForReport(facts, archive, ctx.loadCatalog());
    if (options.historyNotes !== false) for (const line of historyNotes(found.history, archive.skipped, historyDir)) ctx.io.err(line);
    trends = found.trends;
  }
  const bytes = await draftReport(facts, { settings: options.settings, ...(trends ? { trends } : {}) });
  const path = resolve(options.out);
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, bytes);
  return { path, periodLabel: facts.periodLabel, trends };
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Soạn dự thảo báo cáo tháng (Word, thể thức Nghị định 30) từ báo cáo tổng hợp.',
  usage: 'report --period YYYY-MM --from TỔNG_HỢP.xlsx --out BÁO_CÁO.docx [--history THƯ_MỤC] [--settings THIẾT_LẬP.json]',
  details: [
    'Đọc báo cáo tổng hợp do da06 consolidate tạo (nhận ra theo trang ẩn của tệp, không theo tên tệp) và soạn',
    'dự thảo báo cáo gửi UBND tỉnh và Tổ công tác Đề án 06: thể thức Nghị định 30/2020/NĐ-CP (khổ A4, Times New',
    'Roman, quốc hiệu, số và ký hiệu để trống số), các phần Kết quả thực hiện; Tồn tại, hạn chế; Nhiệm vụ trọng tâm',
    'tháng tới; Đề xuất, kiến nghị; các phụ lục. Mọi số liệu lấy đúng từ báo cáo tổng hợp. Tệp Word sửa được như',
    'văn bản thường, cần đọc lại và ký.',
    'Cơ quan ban hành, ký hiệu, nơi nhận, người ký: trong tệp thiết lập (--settings hoặc biến DA06_REPORT_SETTINGS;',
    'mẫu ở seeds/report-settings.json, chỉ cần ghi các trường muốn đổi).',
    '--history: thư mục lưu các báo cáo tổng hợp các tháng trước (như da06 consolidate --history): báo cáo nêu',
    'thêm so sánh với tháng trước, chỉ tiêu có nguy cơ không đạt, nhiệm vụ mới quá hạn, đơn vị nhiều tháng liền',
    'gửi muộn hoặc không gửi. Không có --history thì báo cáo ghi rõ là chưa có số liệu các tháng trước.',
    '',
    'Ví dụ:',
    '  da06 report --period 2026-11 --from tong-hop-2026-11.xlsx --out bao-cao-2026-11.docx',
    '  da06 report --period 2026-11 --from luu-tru/tong-hop-2026-11.xlsx --out bao-cao-2026-11.docx --history luu-tru/',
    '  da06 report --period 2026-11 --from tong-hop-2026-11.xlsx --out bao-cao.docx --settings thiet-lap-bao-cao.json',
  ].join('\n'),
  options: {
    period: { type: 'string', help: 'Kỳ báo cáo, dạng YYYY-MM (bắt buộc); phải là kỳ của tệp tổng hợp.', valueName: 'YYYY-MM' },
    from: { type: 'string', help: 'Báo cáo tổng hợp của kỳ (do da06 consolidate tạo).', valueName: 'TỆP.xlsx' },
    out: { type: 'string', help: 'Tệp Word sẽ ghi (.docx).', valueName: 'TỆP.docx' },
    history: { type: 'string', help: 'Thư mục các báo cáo tổng hợp tháng trước (do da06 tạo): thêm xu hướng các tháng.', valueName: 'THƯ_MỤC' },
    settings: { type: 'string', help: 'Tệp thiết lập báo cáo (JSON): cơ quan ban hành, ký hiệu, nơi nhận, người ký.', valueName: 'TỆP.json' },
  },
  async run({ positionals, values }, ctx) {
    if (positionals.length > 0) throw new UsageError(`Thừa tham số: ${positionals.join(' ')}.`);
    const period = requirePeriod(values.period as string | undefined);
    const from = values.from as string | undefined;
    if (!from) throw new UsageError('Thiếu --from (báo cáo tổng hợp của kỳ, do da06 consolidate tạo).');
    const out = values.out as string | undefined;
    if (!out) throw new UsageError('Thiếu --out (tệp Word sẽ ghi).');
    if (!/\.docx$/i.test(out)) throw new UsageError(`Tệp báo cáo "${out}" phải có đuôi .docx.`);
    if (!existsSync(from) || statSync(from).isDirectory()) throw new UsageError(`Không tìm thấy tệp tổng hợp "${from}".`);
    const settings = loadSettings((values.settings as string | undefined) ?? ctx.env?.DA06_REPORT_SETTINGS, ctx);
    const historyDir = values.history as string | undefined;
    const { path, periodLabel } = await runReport({ from, out, period, settings, ...(historyDir !== undefined ? { history: historyDir } : {}) }, ctx);
    ctx.io.out(`Đã soạn dự thảo báo cáo ${periodLabel.toLowerCase()}: ${path}`);
    ctx.io.out('Mở bằng Word (hoặc LibreOffice Writer), đọc lại, điền số văn bản và ngày ký trước khi trình ký.');
    return 0;
  },
};
