import { existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Period } from '../../period/period';
import { findUnit } from '../../roster/roster';
import type { Unit } from '../../roster/schema';
import { currentDefinition } from '../../template/registry';
import type { TemplateWorkerData } from '../../node/template-worker';
import { compiledWorker, defaultThreads, runOnWorkers } from '../../node/worker-pool';
import { requirePeriod, UsageError, type CliContext, type Command } from '../command';
import { createProgress } from '../progress';

/** Generates and writes each unit's template, on every core when the CLI is built; shared with `da06 demo`. */
export async function writeTemplates(units: readonly Unit[], period: Period, dir: string, ctx: CliContext): Promise<Array<{ unit: string; file: string }>> {
  const catalog = ctx.loadCatalog();
  const definition = currentDefinition();
  mkdirSync(dir, { recursive: true });
  const generatedAt = ctx.now();
  const progress = createProgress(ctx.io, units.length, 'Đang tạo biểu mẫu');
  const written: Array<{ unit: string; file: string }> = [];
  const script = compiledWorker('template-worker');
  const threads = script ? defaultThreads(units.length) : 0;
  // exceljs loads only when templates are written, so every other command starts faster.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load; import() is ESM-only under node16
  const { writeUnitTemplate } = require('../../node/template-file') as typeof import('../../node/template-file');
  const writeHere = async (unit: Unit) => ({ file: await writeUnitTemplate({ definition, catalog, unit, period, generatedAt, ...(ctx.integrityKey ? { integrityKey: ctx.integrityKey } : {}) }, dir) });
  const record = (reply: { file: string }, id: number) => {
    const unit = units[id] as Unit;
    progress.tick(unit.name);
    written[id] = { unit: unit.code, file: reply.file };
  };
  if (script && threads > 0) {
    const data: TemplateWorkerData = { period: period.id, outDir: dir, generatedAt: generatedAt.toISOString(), ...(ctx.integrityKey ? { integrityKey: ctx.integrityKey } : {}), ...(ctx.rosterPath ? { rosterPath: ctx.rosterPath } : {}) };
    await runOnWorkers<Unit, { file: string }>({ script, workerData: data, threads, jobs: units, encode: (unit, id) => ({ message: { id, unit: unit.code } }), onReply: record, local: writeHere });
  } else {
    for (const [id, unit] of units.entries()) record(await writeHere(unit), id);
  }
  progress.done();
  return written;
}

export const templatesCommand: Command = {
  name: 'templates',
  summary: 'Tạo biểu mẫu báo cáo tháng (.xlsx) cho từng đơn vị.',
  usage: 'templates --period YYYY-MM --out THƯ_MỤC [--unit MÃ …] [--json]',
  details: [
    'Mỗi đơn vị nhận một tệp .xlsx chỉ gồm các chỉ tiêu, nhiệm vụ của đơn vị đó: ô nhập nền vàng,',
    'danh sách thả xuống, trang tính được khóa (không mật khẩu), in khổ A4 ngang.',
    'Tên tệp: <kỳ>_<mã đơn vị>_<tên đơn vị>.xlsx, ví dụ 2026-11_SYT_so-y-te.xlsx.',
    'Mặc định tạo cho tất cả đơn vị trong danh sách (da06 units).',
    '',
    'Ví dụ:',
    '  da06 templates --period 2026-11 --out bieu-mau',
    '  da06 templates --period 2026-11 --out bieu-mau --unit SYT --unit 15127',
  ].join('\n'),
  options: {
    period: { type: 'string', help: 'Kỳ báo cáo, dạng YYYY-MM (bắt buộc).', valueName: 'YYYY-MM' },
    out: { type: 'string', help: 'Thư mục ghi các tệp (tạo mới nếu chưa có; bắt buộc).', valueName: 'THƯ_MỤC' },
    unit: { type: 'string', multiple: true, help: 'Chỉ tạo cho đơn vị có mã này (lặp lại để chọn nhiều đơn vị).', valueName: 'MÃ' },
    json: { type: 'boolean', help: 'In danh sách tệp đã tạo dạng JSON: [{ unit, file }].' },
  },
  async run({ positionals, values }, ctx) {
    if (positionals.length > 0) throw new UsageError(`Thừa tham số: ${positionals.join(' ')}.`);
    const period = requirePeriod(values.period as string | undefined);
    const out = values.out as string | undefined;
    if (!out) throw new UsageError('Thiếu --out (thư mục ghi biểu mẫu).');
    if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`"${out}" là một tệp; --out cần một thư mục (sẽ được tạo nếu chưa có).`);
    const roster = ctx.loadRoster();
    const codes = (values.unit as string[] | undefined) ?? [];
    const units: Unit[] = codes.length === 0 ? roster.units : codes.map((code) => {
      const unit = findUnit(roster, code);
      if (!unit) throw new UsageError(`Không có đơn vị mã "${code}" trong danh sách. Xem: da06 units.`);
      return unit;
    });
    const dir = resolve(out);
    const written = await writeTemplates(units, period, dir, ctx);
    if (values.json) ctx.io.out(JSON.stringify(written, null, 2));
    else ctx.io.out(`Đã tạo ${written.length} biểu mẫu kỳ ${period.id} trong ${dir}.`);
    return 0;
  },
};
