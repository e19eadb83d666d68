import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { reportingPeriodOn } from '../../app/period';
import type { Consolidation } from '../../consolidate/types';
import type { Period } from '../../period/period';
import type { MonthTruth } from '../../simulate/month';
import { renderMessage } from '../../node/mime';
import { currentDefinition } from '../../template/registry';
import { requirePeriod, UsageError, type CliContext, type Command } from '../command';
import { consolidationJson, printHeadline, runConsolidation } from './consolidate';
import { demoConsolidatedAt, demoEarlierMonths, demoPlant, writeDemoArchive } from './demo-history';
import { runDemoMail } from './demo-mail';
import { runReport } from './report';
import { DEFAULT_REPORT_SETTINGS } from '../../report/settings';
import { monthList } from '../../history/format';
import { writeTemplates } from './templates';

/** The scenario against what the merger found: the demo checks itself. */
function compareWithTruth(c: Consolidation, truth: MonthTruth): string[] {
  const received = c.submissions.filter((s) => s.received);
  const sorted = (a: string[]) => [...a].sort();
  const checks: Array<[string, boolean]> = [
    ['đơn vị đúng hạn', JSON.stringify(sorted(received.filter((s) => s.onTime).map((s) => s.unit))) === JSON.stringify(sorted(truth.onTime))],
    ['đơn vị gửi muộn', JSON.stringify(sorted(received.filter((s) => s.onTime === false).map((s) => s.unit))) === JSON.stringify(sorted(truth.late))],
    ['đơn vị chưa gửi', JSON.stringify(sorted(c.missing)) === JSON.stringify(sorted(truth.missing))],
    ['bản gửi trùng', c.duplicates.length === 1 && c.duplicates[0]?.unit === truth.duplicate.unit],
    ['tệp hỏng bị từ chối', c.intake.some((r) => r.file.endsWith(truth.broken.file) && r.reason?.code === 'file/corrupt')],
    ['tệp có lỗi được đánh dấu', truth.withErrors.every((e) => c.intake.find((r) => r.file.endsWith(e.file))?.issues.some((i) => i.code === e.code))],
    ['báo cáo qua thư điện tử', c.intake.some((r) => r.unit === truth.eml.unit && r.receivedAtSource === 'email')],
  ];
  return checks.map(([label, ok]) => `${ok ? 'khớp' : 'KHÔNG KHỚP'}: ${label}`);
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Chạy thử trọn một tháng: tạo biểu mẫu, gửi thư, mô phỏng đơn vị gửi về, tổng hợp, nhắc, soạn báo cáo.',
  usage: 'demo [--period YYYY-MM] [--out THƯ_MỤC] [--seed SỐ] [--json]',
  details: [
    'Dùng Kế hoạch 210/KH-UBND có sẵn: tạo biểu mẫu cho mọi đơn vị (thư mục bieu-mau), mô phỏng các đơn vị',
    'điền và gửi về hộp thư (thư mục hop-thu: đa số đúng hạn, một số muộn, một số chưa gửi, một đơn vị gửi',
    'hai lần, vài tệp có lỗi, một tệp hỏng, một báo cáo gửi dạng thư điện tử .eml; sổ tiếp nhận',
    'so-tiep-nhan.csv), rồi tổng hợp thành tong-hop-<kỳ>.xlsx và đối chiếu kết quả với kịch bản.',
    'Các tháng trước đó trong năm (từ tháng 7/2026, tháng đầu của Kế hoạch) cũng được mô phỏng và tổng hợp vào thư',
    'mục luu-tru, nên báo cáo tổng hợp có trang Xu hướng; một xã gửi muộn và một sở không gửi mọi tháng. Cuối cùng soạn thư nhắc',
    '(thu-nhac) và dự thảo báo cáo tháng bao-cao-<kỳ>.docx (Word, thể thức Nghị định 30).',
    'Cùng một --seed cho cùng các tệp mô phỏng.',
    '',
    'Ví dụ:',
    '  da06 demo',
    '  da06 demo --period 2026-12 --out thu-nghiem --seed 7',
  ].join('\n'),
  options: {
    period: { type: 'string', help: 'Kỳ báo cáo, dạng YYYY-MM (mặc định: kỳ đang đến hạn gửi, ví dụ ngày 02/12 là tháng 11).', valueName: 'YYYY-MM' },
    out: { type: 'string', help: 'Thư mục làm việc (mặc định: da06-demo).', valueName: 'THƯ_MỤC' },
    seed: { type: 'string', help: 'Hạt giống mô phỏng, số nguyên (mặc định: 6).', valueName: 'SỐ' },
    json: { type: 'boolean', help: 'In kết quả tổng hợp dạng JSON (như da06 consolidate --json).' },
  },
  async run({ positionals, values }, ctx: CliContext) {
    if (positionals.length > 0) throw new UsageError(`Thừa tham số: ${positionals.join(' ')}.`);
    // By default the month whose report is due now (on 2 December: November), as the add-in picks it.
    const period: Period = values.period === undefined ? reportingPeriodOn(ctx.now()) : requirePeriod(values.period as string);
    const seedText = (values.seed as string | undefined) ?? '6';
    if (!/^\d{1,9}$/.test(seedText)) throw new UsageError(`Hạt giống "${seedText}" phải là số nguyên không âm.`);
    const root = resolve((values.out as string | undefined) ?? 'da06-demo');
    const say = (text: string) => {
      if (!values.json) ctx.io.out(text);
    };

    const templatesDir = join(root, 'bieu-mau');
    const inbox = join(root, 'hop-thu');
    // Only our own sub-folders are replaced: a rerun starts clean, nothing else in the folder is touched.
    for (const dir of [templatesDir, inbox, join(root, 'thu-di'), join(root, 'thu-nhac'), join(root, 'luu-tru')]) rmSync(dir, { recursive: true, force: true });
    mkdirSync(inbox, { recursive: true });

    const roster = ctx.loadRoster();
    const templates = await writeTemplates(roster.units, period, templatesDir, ctx);
    say(`1. Đã tạo ${templates.length} biểu mẫu kỳ ${period.id} cho các đơn vị: ${templatesDir}`);
    const mail = runDemoMail({ root, period, templates: templatesDir }, ctx);
    say(`   ${await mail.send()}`);

    // eslint-disable-next-line @typescript-eslint/no-require-imports -- exceljs loads only when needed; import() is ESM-only under node16
    const { simulateMonth } = require('../../simulate/month') as typeof import('../../simulate/month');
    const seed = Number(seedText);
    const plant = demoPlant(roster, seed);
    const archive = join(root, 'luu-tru');
    const before = demoEarlierMonths(period);
    if (before.length > 0) say(`   Đang mô phỏng và tổng hợp ${monthList(before.map((p) => p.id))} (các tháng trước, để có xu hướng)…`);
    const earlier = await writeDemoArchive({ dir: archive, period, seed, plant }, ctx);
    if (earlier.length > 0) say(`   Đã lưu ${earlier.length} báo cáo tổng hợp các tháng trước vào ${archive}`);
    const month = await simulateMonth({ definition: currentDefinition(), catalog: ctx.loadCatalog(), roster, period, seed, plant, renderMessage });
    for (const file of month.files) writeFileSync(join(inbox, file.name), file.bytes);
    const receipts = join(root, 'so-tiep-nhan.csv');
    writeFileSync(receipts, `tệp,thời điểm nhận\n${month.receipts.map((r) => `${r.file},${r.receivedAt}`).join('\n')}\n`, 'utf8');
    const { truth } = month;
    say(
      `2. Mô phỏng ${month.files.length} tệp gửi về ${inbox}: ${truth.onTime.length} đơn vị đúng hạn, ${truth.late.length} muộn, ` +
        `${truth.missing.length} chưa gửi được (có 1 tệp hỏng), 1 đơn vị gửi hai lần, ${truth.withErrors.length} tệp có lỗi, 1 báo cáo qua thư điện tử (.eml).`,
    );

    const out = join(root, `tong-hop-${period.id}.xlsx`);
    // Consolidated once the late returns are in, as the secretariat would (the summary and report say "as of" that day).
    const at = demoConsolidatedAt(period);
    const consolidation = await runConsolidation({ paths: [inbox], period, out, receipts, history: archive }, { ...ctx, now: () => at });
    const reminded = await mail.remind(consolidation, truth);
    const report = await runReport({ from: out, out: join(root, `bao-cao-${period.id}.docx`), period, settings: DEFAULT_REPORT_SETTINGS, history: archive, historyNotes: false }, ctx);
    if (values.json) {
      ctx.io.out(JSON.stringify({ summary: out, report: report.path, archive, templates: templatesDir, inbox, ...(consolidationJson(consolidation) as object) }, null, 2));
      return 0;
    }
    say('3. Tổng hợp:');
    printHeadline(consolidation, out, ctx);
    say('4. Đối chiếu với kịch bản mô phỏng:');
    const checks = compareWithTruth(consolidation, truth);
    for (const line of checks) say(`  ${line}`);
    say(`5. ${reminded.line}`);
    say(`  ${reminded.check}`);
    checks.push(reminded.check);
    say(`6. Đã soạn dự thảo báo cáo ${report.periodLabel.toLowerCase()} (Word, thể thức Nghị định 30): ${report.path}`);
    const offenders = report.trends?.repeatOffenders ?? [];
    const repeat = `${plant.late.length + plant.missing.length} đơn vị muộn hoặc chưa gửi nhiều tháng liền được nêu tên`;
    const named = [...plant.late, ...plant.missing].every((code) => offenders.some((o) => o.code === code && o.months === earlier.length + 1));
    const trendCheck = earlier.length === 0 ? null : `${named ? 'khớp' : 'KHÔNG KHỚP'}: ${repeat}`;
    if (earlier.length > 0) say(`   Xu hướng: so với ${monthList(earlier)} (thư mục ${archive}); ${report.trends?.atRisk?.length ?? 0} chỉ tiêu có nguy cơ không đạt.`);
    if (trendCheck) {
      say(`  ${trendCheck}`);
      checks.push(trendCheck);
    }
    say(`\nMở ${out} trong Excel để xem báo cáo tổng hợp (các trang: Tổng quan; Biểu đồ; ${earlier.length > 0 ? 'Xu hướng; ' : ''}Chỉ tiêu; Nhiệm vụ; Nộp báo cáo; Khó khăn, kiến nghị; Nhiệm vụ theo đơn vị; Dữ liệu; Nhật ký tiếp nhận),`);
    say(`và ${report.path} bằng Word để đọc dự thảo báo cáo.`);
    return checks.every((l) => l.startsWith('khớp')) ? 0 : 1;
  },
};
