// npm run bench [-- --json] [-- --runs N] [-- --no-national] [-- --no-mail]: speed and memory measured on this
// machine, never asserted in tests. Needs the built CLI (npm run build:cli).
import { loadCatalog, loadRoster } from '../lib/node/seeds';
import { benchConsolidateInbox, benchSummaryWrite, buildInbox, removeInbox } from './consolidate';
import { benchHistory } from './history';
import { benchMail } from './mail';
import { benchReport } from './report';
import { benchTemplates } from './templates';

/** 19 simulated months of 178 returns ≈ 3,400 files: a national month (34 provinces' worth). */
const NATIONAL_MONTHS = 19;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  const log = (text: string) => {
    if (!json) process.stdout.write(`${text}\n`);
  };
  const catalog = loadCatalog();
  const roster = loadRoster();

  log('Đang đo tạo biểu mẫu…');
  const templates = await benchTemplates(catalog, roster, runs);
  log(`Tạo biểu mẫu: ${templates.files} tệp, trung vị ${templates.ms} ms (${templates.perFileMs} ms/tệp); ghi exceljs trần cùng các ô: ${templates.floorMs} ms; tỷ lệ ${templates.ratio}× (mục tiêu ≤ 2×).`);
  log(`  Trọn lệnh da06 templates (khởi động, nạp exceljs, ghi đĩa): ${templates.cliMs} ms; ${templates.cliRatio}× ghi trần.`);

  log('Đang đo báo cáo tháng (Word)…');
  const report = await benchReport(catalog, roster, runs);
  log(`Báo cáo tháng của tỉnh (.docx, ${report.paragraphs} đoạn, ${report.tableRows} dòng bảng, ${report.bytes} byte): trung vị ${report.ms} ms; cùng các đoạn và bảng ghi bằng docx trần: ${report.floorMs} ms; tỷ lệ ${report.ratio}× (mục tiêu < 2×).`);
  log(`  Thời gian CPU: ${report.cpuMs} ms so với ${report.floorCpuMs} ms; tỷ lệ ${report.cpuRatio}×.`);

  log('Đang mô phỏng một tháng của tỉnh…');
  const province = await buildInbox(catalog, roster, 1);
  const consolidate = await benchConsolidateInbox(province, runs, true);
  const summary = await benchSummaryWrite(province, catalog, roster, runs);
  removeInbox(province);
  log(`Tổng hợp tháng của tỉnh: ${consolidate.files} tệp, trung vị ${consolidate.ms} ms (${consolidate.perFileMs} ms/tệp), RSS đỉnh ${consolidate.peakRssMiB} MiB.`);
  log(`  Nền (giải nén + phân tích XML các trang cần đọc, một luồng), chạy như một tiến trình riêng: ${consolidate.floorMs} ms; tỷ lệ ${consolidate.ratio}× (mục tiêu ≤ 1,5×).`);
  log(`  Nền trong một tiến trình đã chạy nóng: ${consolidate.warmFloorMs} ms; tỷ lệ ${consolidate.warmRatio}×.`);
  log(`  exceljs xlsx.load mọi tệp (tiến trình nóng): ${consolidate.exceljsMs} ms; ${consolidate.exceljsRatio}× nền nóng.`);
  log(`  Ghi tệp tổng hợp (trong tiến trình, trung vị): ${summary.ms} ms, ${summary.bytes} byte; không có trang Biểu đồ: ${summary.withoutChartsMs} ms, ${summary.withoutChartsBytes} byte.`);

  log('Đang đo lịch sử 12 tháng (--history)…');
  const history = await benchHistory(catalog, roster, runs);
  log(`Tổng hợp tháng 12/2027 của tỉnh kèm --history (${history.summaries} báo cáo tổng hợp, ${Math.round(history.archiveBytes / 1024 / 1024)} MiB): ${history.withMs} ms; không kèm: ${history.withoutMs} ms; thêm ${history.addedMs} ms (mục tiêu < 1000 ms).`);
  log(`  Trong tiến trình: đọc thư mục lưu trữ ${history.readMs} ms, dựng lịch sử ${history.buildMs} ms, trang Xu hướng và biểu đồ ${history.sheetMs} ms.`);

  let national: { files: number; ms: number; perFileMs: number; peakRssMiB: number; floorMs: number; ratio: number } | undefined;
  if (!args.includes('--no-national')) {
    log(`Đang mô phỏng ${NATIONAL_MONTHS} tháng (quy mô cả nước)…`);
    const inbox = await buildInbox(catalog, roster, NATIONAL_MONTHS);
    const result = await benchConsolidateInbox(inbox, 1, false);
    removeInbox(inbox);
    national = { files: result.files, ms: result.ms, perFileMs: result.perFileMs, peakRssMiB: result.peakRssMiB, floorMs: result.floorMs, ratio: result.ratio };
    const drift = ((national.perFileMs / consolidate.perFileMs - 1) * 100).toFixed(1);
    log(`Tổng hợp quy mô cả nước: ${national.files} tệp, ${national.ms} ms (${national.perFileMs} ms/tệp, lệch ${drift}% so với tháng của tỉnh; mục tiêu ±10%), RSS đỉnh ${national.peakRssMiB} MiB (mục tiêu < 1024).`);
    log(`  Nền (tiến trình riêng, một luồng): ${national.floorMs} ms; tỷ lệ ${national.ratio}×.`);
  }

  let mail: Awaited<ReturnType<typeof benchMail>> | undefined;
  if (!args.includes('--no-mail')) {
    log('Đang đo gửi và nhận thư (Dovecot và máy chủ SMTP cục bộ)…');
    mail = await benchMail(catalog, roster, runs);
    log(`Gửi biểu mẫu qua SMTP: ${mail.send.messages} thư, trung vị ${mail.send.ms} ms; nodemailer trần cùng các thư: ${mail.send.bareMs} ms; tỷ lệ ${mail.send.ratio}× (mục tiêu ≤ 2×). Trọn lệnh da06 send (chương trình riêng): ${mail.send.cliMs} ms.`);
    log(`Nhận thư qua IMAP: ${mail.collect.messages} thư, trung vị ${mail.collect.ms} ms; imapflow trần tải và ghi nguyên thư: ${mail.collect.bareMs} ms (${mail.collect.ratio}×); cùng việc đó và ghi cả tệp đính kèm (postal-mime, không có phần của da06): ${mail.collect.sameWorkMs} ms (${mail.collect.sameWorkRatio}×; mục tiêu ≤ 2×). Trọn lệnh da06 collect: ${mail.collect.cliMs} ms.`);
    log(`Nhận ${mail.collectLarge.messages} thư (${mail.collectLarge.megabytes} MB) trong một tiến trình: ${mail.collectLarge.ms} ms, RSS đỉnh ${mail.collectLarge.peakRssMiB} MiB (mục tiêu < 300 MiB).`);
  }

  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          consolidate: {
            files: consolidate.files,
            ms: consolidate.ms,
            floorMs: consolidate.floorMs,
            ratio: consolidate.ratio,
            peakRssMiB: consolidate.peakRssMiB,
            perFileMs: consolidate.perFileMs,
            warmFloorMs: consolidate.warmFloorMs,
            warmRatio: consolidate.warmRatio,
            exceljsMs: consolidate.exceljsMs,
            exceljsRatio: consolidate.exceljsRatio,
          },
          summaryWrite: summary,
          history,
          national: national ?? null,
          report,
          mail: mail ?? null,
          templates: { files: templates.files, ms: templates.ms, floorMs: templates.floorMs, ratio: templates.ratio, perFileMs: templates.perFileMs, cliMs: templates.cliMs, cliRatio: templates.cliRatio },
        },
        null,
        2,
      )}\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
