// npm run bench [-- --json] [-- --runs N] [-- --no-national]: speed and memory measured on this
// machine, never asserted in tests. Needs the built CLI (npm run build:cli).
import { loadCatalog, loadRoster } from '../lib/node/seeds';
import { benchConsolidateInbox, benchSummaryWrite, buildInbox, removeInbox } from './consolidate';
import { benchHistory } from './history';
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
