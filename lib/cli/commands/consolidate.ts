import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { consolidateInputs } from '../../app/consolidate';
import { consolidationHeadline } from '../../app/headline';
import { historyNotes } from '../../app/history';
import { readReceipts } from '../../app/intake';
import { countConsolidation } from '../../consolidate/counts';
import { INDICATOR_STATUS_LABELS, TASK_OVERALL_LABELS, type Consolidation } from '../../consolidate/types';
import { assessAll } from '../../node/assess-pool';
import { nativeDeflateChunk } from '../../node/deflate';
import { writeChunksAtomic } from '../../node/files';
import { nativeSha256 } from '../../node/hash';
import { readArchive, type ReadArchiveResult } from '../../node/history';
import { nativeZipCodec } from '../../node/zip-codec';
import { listFiles, readInputs } from '../../node/intake';
import { DEADLINE_STATUS_LABELS } from '../../period/status';
import type { Period } from '../../period/period';
import { readPreviousSummary } from '../../summary/previous';
import { streamSummaryXlsx } from '../../summary/xlsx';
import type { FieldValue } from '../../validate/check';
import { requirePeriod, UsageError, type CliContext, type Command } from '../command';
import { createProgress } from '../progress';

/** The `--json` shape: stable field names and codes for scripts, with Vietnamese labels beside the codes. */
export function consolidationJson(c: Consolidation): unknown {
  return {
    period: c.period,
    expected: c.totals.expected,
    received: c.totals.received,
    onTime: c.totals.onTime,
    late: c.late,
    missing: c.missing,
    counts: countConsolidation(c),
    accepted: c.intake
      .filter((r) => r.status !== 'rejected' && r.status !== 'superseded')
      .map((r) => ({ file: r.file, unit: r.unit ?? null, receivedAt: r.receivedAt ?? null, receivedAtSource: r.receivedAtSource, receivedFrom: r.receivedFrom ?? null, errors: r.errors, warnings: r.warnings })),
    rejected: c.intake.filter((r) => r.status === 'rejected').map((r) => ({ file: r.file, unit: r.unit ?? null, code: r.reason?.code ?? null, message: r.reason?.message ?? null })),
    duplicates: c.duplicates.map((d) => ({ unit: d.unit, kept: d.kept, superseded: d.superseded, changes: d.changes })),
    indicators: c.indicators.map((i) => ({ key: i.key, target: i.target, value: i.value, status: i.status, statusLabel: INDICATOR_STATUS_LABELS[i.status], lead: i.lead, disagree: i.disagree })),
    tasks: c.tasks.map((t) => ({ key: t.key, status: t.overall, statusLabel: TASK_OVERALL_LABELS[t.overall], deadlineStatus: t.deadlineStatus, deadlineStatusLabel: DEADLINE_STATUS_LABELS[t.deadlineStatus], due: t.due, overdue: t.overdue, progress: t.progress })),
    notes: c.notes.map((n) => ({ name: n.name, note: n.note })),
  };
}

export function printHeadline(c: Consolidation, out: string, ctx: CliContext): void {
  const headline = consolidationHeadline(c);
  ctx.io.out(`${headline.title}: ${out}`);
  for (const line of headline.lines) ctx.io.out(`  ${line}`);
  for (const r of headline.rejected) ctx.io.out(`    Từ chối ${r.file}: ${r.message} [${r.code}]`);
}

export interface RunConsolidationOptions {
  paths: string[];
  period: Period;
  out: string;
  receipts?: string;
  previous?: string;
  /** Folder of earlier months' summaries: adds the Xu hướng sheet and the trend charts. */
  history?: string;
  /** Worker threads (default: every core); 0 reads on the main thread. */
  threads?: number;
}

/** The consolidation job on disk, shared by `da06 consolidate` and `da06 demo`: files in, summary file out. */
export async function runConsolidation(options: RunConsolidationOptions, ctx: CliContext): Promise<Consolidation> {
  const listed = listFiles(options.paths);
  // A path that does not exist is a typing mistake, not "every unit is missing": nothing is written.
  if (listed.missing.length > 0) throw new UsageError(`Không tìm thấy ${listed.missing.map((p) => `"${p}"`).join(', ')}. Kiểm tra lại đường dẫn thư mục hoặc tệp báo cáo.`);
  let receipts;
  if (options.receipts) {
    const read = readReceipts(new Uint8Array(readFileSync(options.receipts)));
    if (!read.ok) throw new UsageError(`Không dùng được sổ tiếp nhận ${options.receipts}: ${read.reason}.`);
    for (const problem of read.problems) ctx.io.err(`Cảnh báo: sổ tiếp nhận ${options.receipts}, ${problem}.`);
    receipts = read.receipts;
  }
  let previous: Map<string, FieldValue> | undefined;
  if (options.previous) {
    const read = readPreviousSummary(new Uint8Array(readFileSync(options.previous)), options.period);
    if (!read.ok) throw new UsageError(`Không dùng được báo cáo kỳ trước ${options.previous}: ${read.reason}.`);
    previous = read.values;
  }
  const outPath = resolve(options.out);
  const historyDir = options.history;
  if (historyDir !== undefined && !(existsSync(historyDir) && statSync(historyDir).isDirectory())) {
    throw new UsageError(`Không tìm thấy thư mục lưu báo cáo tổng hợp các tháng trước "${historyDir}".`);
  }
  // Read once the month is merged (consolidateInputs calls it): a year of facts is not in memory while the returns are read.
  let skipped: ReadArchiveResult['skipped'] = [];
  const history =
    historyDir === undefined
      ? undefined
      : () => {
          const read = readArchive(historyDir, { exclude: [outPath] });
          skipped = read.skipped;
          return { facts: read.facts, sources: read.sources };
        };
  // The summary may be written inside the inbox: last run's output is not a return.
  const files = listed.files.filter((f) => resolve(f) !== outPath);
  const progress = createProgress(ctx.io, files.length, 'Đã đọc báo cáo');
  const now = ctx.now();
  const consolidated = await consolidateInputs(readInputs(files, listed.names), {
    catalog: ctx.loadCatalog(),
    roster: ctx.loadRoster(),
    period: options.period,
    now,
    sha256: nativeSha256,
    codec: nativeZipCodec,
    ...(receipts ? { receipts } : {}),
    ...(previous ? { previous } : {}),
    ...(history ? { history } : {}),
    ...(ctx.integrityKey ? { integrityKey: ctx.integrityKey } : {}),
    assess: (items, assessOptions, onResult) =>
      assessAll(items, {
        ...assessOptions,
        ...(ctx.rosterPath ? { rosterPath: ctx.rosterPath } : {}),
        ...(options.threads !== undefined ? { threads: options.threads } : {}),
        expected: files.length,
        onResult,
      }),
    onProgress: (_done, name) => progress.tick(name),
  });
  progress.done();
  const { consolidation, model } = consolidated;
  if (consolidated.history && historyDir !== undefined) for (const line of historyNotes(consolidated.history, skipped, historyDir)) ctx.io.err(line);
  mkdirSync(dirname(outPath), { recursive: true });
  writeChunksAtomic(outPath, (write) => streamSummaryXlsx(model, { generatedAt: now, deflate: nativeDeflateChunk }, write));
  return consolidation;
}

export const consolidateCommand: Command = {
  name: 'consolidate',
  summary: 'Tổng hợp các báo cáo đơn vị gửi về thành báo cáo của tỉnh.',
  usage: 'consolidate ĐƯỜNG_DẪN… --period YYYY-MM --out TỆP.xlsx [--receipts SỔ.csv] [--previous KỲ_TRƯỚC.xlsx] [--history THƯ_MỤC] [--json]',
  details: [
    'ĐƯỜNG_DẪN là tệp hoặc thư mục (tìm cả thư mục con): tệp .xlsx đơn vị gửi, và thư điện tử lưu dạng .eml',
    '(lấy các tệp .xlsx đính kèm, người gửi được ghi lại).',
    'Mỗi tệp được nhận ra theo trang định danh, không theo tên tệp; mọi tệp đều được ghi vào nhật ký tiếp nhận',
    'kèm mã SHA-256, trạng thái và lý do. Đơn vị gửi nhiều lần: giữ bản nhận sau cùng, liệt kê ô thay đổi.',
    'Thời điểm nhận: theo sổ tiếp nhận (--receipts, CSV UTF-8 "tên tệp, thời điểm"; tên một tệp .eml áp cho',
    'mọi tệp đính kèm), nếu không có thì theo tiêu đề Date của thư .eml, rồi theo ngày báo cáo ghi trong biểu;',
    'không dùng thời điểm sửa tệp (tệp lưu từ thư hay tải về mang thời điểm lưu, không phải thời điểm nhận).',
    'Tệp nguồn không bao giờ bị sửa; tệp tổng hợp được ghi trọn vẹn (ghi tạm rồi đổi tên).',
    '--history: thư mục lưu các báo cáo tổng hợp đã lập (tìm cả thư mục con, nhận ra theo nội dung): thêm trang',
    'Xu hướng (từng tháng trong năm, dự kiến so với chỉ tiêu, cảnh báo sớm) và biểu đồ xu hướng. Tháng nào lập',
    'nhiều bản thì dùng bản lập sau cùng; tháng chưa có được ghi rõ, không suy đoán.',
    '',
    'Ví dụ:',
    '  da06 consolidate hop-thu/ --period 2026-11 --out tong-hop-2026-11.xlsx',
    '  da06 consolidate hop-thu/ --period 2026-12 --out tong-hop-2026-12.xlsx --previous tong-hop-2026-11.xlsx --json',
    '  da06 consolidate hop-thu/ --period 2026-12 --out luu-tru/tong-hop-2026-12.xlsx --history luu-tru/',
  ].join('\n'),
  options: {
    period: { type: 'string', help: 'Kỳ báo cáo, dạng YYYY-MM (bắt buộc).', valueName: 'YYYY-MM' },
    out: { type: 'string', help: 'Tệp .xlsx báo cáo tổng hợp sẽ ghi (bắt buộc).', valueName: 'TỆP.xlsx' },
    receipts: { type: 'string', help: 'Sổ tiếp nhận dạng CSV: mỗi dòng "tên tệp, thời điểm nhận".', valueName: 'SỔ.csv' },
    previous: { type: 'string', help: 'Báo cáo tổng hợp của tháng trước (do da06 tạo) để tính thay đổi.', valueName: 'TỆP.xlsx' },
    history: { type: 'string', help: 'Thư mục các báo cáo tổng hợp tháng trước (do da06 tạo): thêm trang Xu hướng.', valueName: 'THƯ_MỤC' },
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
      { paths: positionals, period, out, ...(values.receipts ? { receipts: values.receipts as string } : {}), ...(values.previous ? { previous: values.previous as string } : {}), ...(values.history ? { history: values.history as string } : {}) },
      ctx,
    );
    if (values.json) ctx.io.out(JSON.stringify(consolidationJson(consolidation), null, 2));
    else printHeadline(consolidation, resolve(out), ctx);
    return 0;
  },
};
