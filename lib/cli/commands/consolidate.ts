import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { mergeAssessed } from '../../consolidate/merge';
import { assessAll } from '../../node/assess-pool';
import { ASSESSMENT } from '../../template/assessment';
import { TASK_OVERALL_LABELS, type Consolidation, type IntakeNote } from '../../consolidate/types';
import { formatDayMonthYear } from '../../period/format';
import type { Period } from '../../period/period';
import { buildSummaryModel } from '../../summary/build';
import { readPreviousSummary } from '../../summary/previous';
import { streamSummaryXlsx } from '../../summary/xlsx';
import { nativeDeflateChunk } from '../../node/deflate';
import { writeChunksAtomic } from '../../node/files';
import { iterateInputs, listFiles, parseReceipts } from '../../node/intake';
import type { FieldValue } from '../../validate/check';
import { requirePeriod, UsageError, type CliContext, type Command } from '../command';
import { createProgress } from '../progress';

function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toString().replace('.', ',')}%`;
}

/** The `--json` shape of the issue: stable field names for scripts. */
export function consolidationJson(c: Consolidation): unknown {
  return {
    period: c.period,
    expected: c.totals.expected,
    received: c.totals.received,
    onTime: c.totals.onTime,
    late: c.late,
    missing: c.missing,
    accepted: c.intake
      .filter((r) => r.status !== 'rejected' && r.status !== 'superseded')
      .map((r) => ({ file: r.file, unit: r.unit ?? null, receivedAt: r.receivedAt ?? null, receivedAtSource: r.receivedAtSource, receivedFrom: r.receivedFrom ?? null, errors: r.errors, warnings: r.warnings })),
    rejected: c.intake.filter((r) => r.status === 'rejected').map((r) => ({ file: r.file, code: r.reason?.code ?? null, message: r.reason?.message ?? null })),
    duplicates: c.duplicates.map((d) => ({ unit: d.unit, kept: d.kept, superseded: d.superseded, changes: d.changes })),
    indicators: c.indicators.map((i) => ({ key: i.key, target: i.target, value: i.value, status: i.status, lead: i.lead, disagree: i.disagree })),
    tasks: c.tasks.map((t) => ({ key: t.key, status: t.overall, overdue: t.overdue, progress: t.progress })),
    notes: c.notes.map((n) => ({ name: n.name, note: n.note })),
  };
}

export function printHeadline(c: Consolidation, out: string, ctx: CliContext): void {
  const { totals: t, byKind: k } = c;
  ctx.io.out(`Đã tổng hợp kỳ ${c.periodLabel.toLowerCase()} (hạn gửi trước ngày ${formatDayMonthYear(c.dueDate)}): ${out}`);
  ctx.io.out(`  Đơn vị phải báo cáo: ${t.expected}; đã gửi ${t.received} (${percent(t.reportingRate)}), đúng hạn ${t.onTime} (${percent(t.onTimeRate)}), muộn ${c.late}, chưa gửi ${c.missing.length}.`);
  ctx.io.out(`  Sở, ban, ngành: đã gửi ${k.department.received}/${k.department.expected}; xã, phường: đã gửi ${k.commune.received}/${k.commune.expected}.`);
  const count = (s: string) => c.indicators.filter((i) => i.status === s).length;
  const [met, notMet, notYet] = [count(ASSESSMENT.met), count(ASSESSMENT.notMet), count(ASSESSMENT.notYet)];
  ctx.io.out(`  Chỉ tiêu: ${met} đạt, ${notMet} chưa đạt, ${notYet} chưa đến mốc, ${c.indicators.length - met - notMet - notYet} chưa có số liệu.`);
  const tasks = (['done', 'inProgress', 'notStarted', 'noReport'] as const).map((o) => `${c.tasks.filter((x) => x.overall === o).length} ${TASK_OVERALL_LABELS[o].toLowerCase()}`);
  ctx.io.out(`  Nhiệm vụ: ${tasks.join(', ')}; ${c.tasks.filter((x) => x.overdue).length} quá hạn chưa hoàn thành.`);
  const rejected = c.intake.filter((r) => r.status === 'rejected');
  ctx.io.out(`  Tệp: nhận ${c.intake.length}, từ chối ${rejected.length}, gửi trùng ${c.duplicates.length} đơn vị; xem trang "Nhật ký tiếp nhận".`);
  for (const r of rejected) ctx.io.out(`    Từ chối ${r.file}: ${r.reason?.message ?? ''} [${r.reason?.code ?? ''}]`);
}

export interface RunConsolidationOptions {
  paths: string[];
  period: Period;
  out: string;
  receipts?: string;
  previous?: string;
  /** Worker threads (default: every core); 0 reads on the main thread. */
  threads?: number;
}

/** The consolidation job on disk, shared by `da06 consolidate` and `da06 demo`. */
export async function runConsolidation(options: RunConsolidationOptions, ctx: CliContext): Promise<Consolidation> {
  let receipts = new Map<string, string>();
  if (options.receipts) {
    const parsed = parseReceipts(readFileSync(options.receipts, 'utf8'));
    for (const problem of parsed.problems) ctx.io.err(`Cảnh báo: sổ tiếp nhận ${options.receipts}, ${problem}.`);
    receipts = parsed.receipts;
  }
  let previous: Map<string, FieldValue> | undefined;
  if (options.previous) {
    const read = readPreviousSummary(new Uint8Array(readFileSync(options.previous)));
    if (!read.ok) throw new UsageError(`Không dùng được báo cáo kỳ trước ${options.previous}: ${read.reason}.`);
    previous = read.values;
  }
  const listed = listFiles(options.paths);
  const outPath = resolve(options.out);
  // The summary may be written inside the inbox: last run's output is not a return.
  const files = listed.files.filter((f) => resolve(f) !== outPath);
  const { missing } = listed;
  for (const path of missing) ctx.io.err(`Cảnh báo: không tìm thấy ${path}; bỏ qua.`);
  const catalog = ctx.loadCatalog();
  const roster = ctx.loadRoster();
  const notes: IntakeNote[] = [];
  const progress = createProgress(ctx.io, files.length, 'Đã đọc báo cáo');
  const assessed = await assessAll(iterateInputs(files, receipts, notes), {
    catalog,
    roster,
    period: options.period,
    ...(ctx.integrityKey ? { integrityKey: ctx.integrityKey } : {}),
    ...(ctx.rosterPath ? { rosterPath: ctx.rosterPath } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    expected: files.length,
    onResult: (file) => progress.tick(file.name),
  });
  progress.done();
  const now = ctx.now();
  const consolidation = mergeAssessed(assessed, { catalog, roster, period: options.period, now, notes, ...(previous ? { previous } : {}) });
  const model = buildSummaryModel(consolidation);
  mkdirSync(dirname(outPath), { recursive: true });
  writeChunksAtomic(outPath, (write) => streamSummaryXlsx(model, { generatedAt: now, deflate: nativeDeflateChunk }, write));
  return consolidation;
}

export const consolidateCommand: Command = {
  name: 'consolidate',
  summary: 'Tổng hợp các báo cáo đơn vị gửi về thành báo cáo của tỉnh.',
  usage: 'consolidate ĐƯỜNG_DẪN… --period YYYY-MM --out TỆP.xlsx [--receipts SỔ.csv] [--previous KỲ_TRƯỚC.xlsx] [--json]',
  details: [
    'ĐƯỜNG_DẪN là tệp hoặc thư mục (tìm cả thư mục con): tệp .xlsx đơn vị gửi, và thư điện tử lưu dạng .eml',
    '(lấy các tệp .xlsx đính kèm; thời điểm nhận là tiêu đề Date của thư, người gửi được ghi lại).',
    'Mỗi tệp được nhận ra theo trang định danh, không theo tên tệp; mọi tệp đều được ghi vào nhật ký tiếp nhận',
    'kèm mã SHA-256, trạng thái và lý do. Đơn vị gửi nhiều lần: giữ bản nhận sau cùng, liệt kê ô thay đổi.',
    'Thời điểm nhận của tệp .xlsx: theo sổ tiếp nhận (--receipts, CSV "tên tệp, thời điểm"), nếu không có thì',
    'theo ngày báo cáo ghi trong biểu, cuối cùng là thời điểm sửa tệp. Tệp nguồn không bao giờ bị sửa;',
    'tệp tổng hợp được ghi trọn vẹn (ghi tạm rồi đổi tên).',
    '',
    'Ví dụ:',
    '  da06 consolidate hop-thu/ --period 2026-11 --out tong-hop-2026-11.xlsx',
    '  da06 consolidate hop-thu/ --period 2026-12 --out tong-hop-2026-12.xlsx --previous tong-hop-2026-11.xlsx --json',
  ].join('\n'),
  options: {
    period: { type: 'string', help: 'Kỳ báo cáo, dạng YYYY-MM (bắt buộc).', valueName: 'YYYY-MM' },
    out: { type: 'string', help: 'Tệp .xlsx báo cáo tổng hợp sẽ ghi (bắt buộc).', valueName: 'TỆP.xlsx' },
    receipts: { type: 'string', help: 'Sổ tiếp nhận dạng CSV: mỗi dòng "tên tệp, thời điểm nhận".', valueName: 'SỔ.csv' },
    previous: { type: 'string', help: 'Báo cáo tổng hợp kỳ trước (do da06 tạo) để tính thay đổi.', valueName: 'TỆP.xlsx' },
    json: { type: 'boolean', help: 'In kết quả dạng JSON (kỳ, số đơn vị, tệp nhận/từ chối/trùng, chỉ tiêu, nhiệm vụ).' },
  },
  async run({ positionals, values }, ctx) {
    if (positionals.length === 0) throw new UsageError('Thiếu tệp hoặc thư mục báo cáo cần tổng hợp.');
    const period = requirePeriod(values.period as string | undefined);
    const out = values.out as string | undefined;
    if (!out) throw new UsageError('Thiếu --out (tệp báo cáo tổng hợp).');
    if (!/\.xlsx$/i.test(out)) throw new UsageError(`Tệp tổng hợp "${out}" phải có đuôi .xlsx.`);
    if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`"${out}" là một thư mục; --out cần đường dẫn tệp, ví dụ ${join(out, `tong-hop-${period.id}.xlsx`)}.`);
    const consolidation = await runConsolidation(
      { paths: positionals, period, out, ...(values.receipts ? { receipts: values.receipts as string } : {}), ...(values.previous ? { previous: values.previous as string } : {}) },
      ctx,
    );
    if (values.json) ctx.io.out(JSON.stringify(consolidationJson(consolidation), null, 2));
    else printHeadline(consolidation, resolve(out), ctx);
    return 0;
  },
};
