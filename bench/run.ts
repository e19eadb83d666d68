// npm run bench [-- --json] [-- --runs N]: speed and memory, measured on this machine, never asserted in tests.
import { loadCatalog, loadRoster } from '../lib/node/seeds';
import { peakRssMiB } from './_lib/measure';
import { benchTemplates } from './templates';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const runsArg = args.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 3;
  const catalog = loadCatalog();
  const roster = loadRoster();
  const templates = await benchTemplates(catalog, roster, runs);
  const result = { templates: { ...templates, peakRssMiB: peakRssMiB() } };
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    [
      `Tạo biểu mẫu: ${templates.files} tệp, trung vị ${templates.ms} ms (${templates.perFileMs} ms/tệp);`,
      `  ghi exceljs trần cùng các ô: ${templates.floorMs} ms; tỷ lệ ${templates.ratio}× (mục tiêu ≤ 2×).`,
      `Bộ nhớ đỉnh (RSS): ${peakRssMiB()} MiB.`,
    ].join('\n') + '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
