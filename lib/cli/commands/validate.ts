import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { validateBytes, type FileReport } from '../../app/validate';
import { groupIssues, issueText, makeIssue, renderMessage, SEVERITY_LABELS } from '../../issues/issue';
import { listFiles } from '../../node/intake';
import { requirePeriod, UsageError, type CliContext, type Command } from '../command';

function validateFile(path: string, check: (bytes: Uint8Array) => FileReport): FileReport {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const issue = makeIssue('file/not-found', {}, { detail: (error as NodeJS.ErrnoException).code ?? String(error) });
    return { readable: false, issues: [issue], errors: 1, warnings: 0, blocked: true, sheetOrder: [] };
  }
  return check(bytes);
}

function printReport(file: string, report: FileReport, ctx: CliContext): void {
  const who = report.readable ? ` - ${report.unitName} (${report.unit}), kỳ ${report.period}, biểu mẫu phiên bản ${report.templateVersion}` : '';
  ctx.io.out(`Tệp ${basename(file)}${who}`);
  if (report.issues.length === 0) {
    ctx.io.out('  Hợp lệ: không có lỗi, không có cảnh báo.');
    return;
  }
  ctx.io.out(`  ${report.errors} lỗi, ${report.warnings} cảnh báo${report.blocked ? ' (tệp sẽ không được đưa vào tổng hợp)' : ''}.`);
  for (const group of groupIssues(report.issues, report.sheetOrder)) {
    ctx.io.out(group.sheet ? `  Trang "${group.sheet}":` : '  Chung:');
    for (const issue of group.issues) {
      ctx.io.out(`    ${SEVERITY_LABELS[issue.severity].padEnd(8)} ${(issue.cell ?? '').padEnd(6)} ${issueText(issue, report.submission?.sheetNames)} [${issue.code}]`);
    }
  }
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Kiểm tra biểu mẫu báo cáo đã điền: chỉ ra từng ô sai và cách sửa.',
  usage: 'validate TỆP_HOẶC_THƯ_MỤC… [--period YYYY-MM] [--unit MÃ] [--json]',
  details: [
    'Đọc từng tệp .xlsx (với thư mục: mọi tệp trong đó, kể cả thư mục con), nhận biểu mẫu theo trang định danh',
    '(không theo tên tệp), kiểm tra mọi ô nhập theo cùng bộ quy tắc với phần bổ trợ Excel và lệnh tổng hợp.',
    'Kết quả nhóm theo tệp và trang tính, lỗi trước, cảnh báo sau, mỗi dòng có địa chỉ ô.',
    'Danh sách mã lỗi: lib/issues/ma-loi.md.',
    'Khi đặt biến môi trường DA06_SECRET (khóa của Văn phòng Tổ công tác), mã kiểm tra của biểu mẫu cũng được đối chiếu.',
    '',
    'Mã thoát: 0 không tệp nào có lỗi (có thể có cảnh báo); 1 có tệp có lỗi;',
    '2 có tệp không đọc được như biểu mẫu da06.',
    '',
    'Ví dụ:',
    '  da06 validate 2026-11_SYT_so-y-te.xlsx',
    '  da06 validate bao-cao/*.xlsx --period 2026-11 --json',
    '  da06 validate hop-thu/ --period 2026-11',
  ].join('\n'),
  options: {
    period: { type: 'string', help: 'Kỳ báo cáo mong đợi (YYYY-MM); tệp của kỳ khác bị báo lỗi.', valueName: 'YYYY-MM' },
    unit: { type: 'string', help: 'Mã đơn vị mong đợi; tệp của đơn vị khác bị báo lỗi.', valueName: 'MÃ' },
    json: { type: 'boolean', help: 'In kết quả dạng JSON: [{ file, unit, period, templateVersion, valid, issues }].' },
  },
  run({ positionals, values }, ctx) {
    if (positionals.length === 0) throw new UsageError('Thiếu tệp cần kiểm tra.');
    const period = values.period as string | undefined;
    if (period !== undefined) requirePeriod(period);
    const unit = values.unit as string | undefined;
    // The integrity token is checked only with the secretariat's key: a unit checking its own file has none.
    const checkContext = {
      catalog: ctx.loadCatalog(),
      roster: ctx.loadRoster(),
      expected: { ...(period ? { period } : {}), ...(unit ? { unit } : {}) },
      ...(ctx.integrityKey ? { integrityKey: ctx.integrityKey } : {}),
    };
    // A folder stands for every file in it, as for `da06 consolidate`; a path that does not exist is reported as a file.
    const files = positionals.flatMap((path) => {
      const listed = listFiles([path]);
      return listed.files.length > 0 || listed.missing.length > 0 ? [...listed.files, ...listed.missing] : [];
    });
    if (files.length === 0) throw new UsageError(`Không có tệp nào trong ${positionals.map((p) => `"${p}"`).join(', ')}.`);
    const results = files.map((file) => ({ file, report: validateFile(file, (bytes) => validateBytes(bytes, checkContext)) }));
    if (values.json) {
      ctx.io.out(JSON.stringify(results.map(({ file, report }) => ({
        file,
        unit: report.unit ?? null,
        period: report.period ?? null,
        templateVersion: report.templateVersion ?? null,
        valid: report.readable && report.errors === 0,
        issues: report.issues.map((i) => ({ code: i.code, severity: i.severity, sheet: i.sheet ?? null, cell: i.cell ?? null, message: renderMessage(i) })),
      })), null, 2));
    } else {
      results.forEach(({ file, report }, i) => {
        if (i > 0) ctx.io.out('');
        printReport(file, report, ctx);
      });
      if (results.length > 1) {
        const bad = results.filter((r) => r.report.errors > 0).length;
        ctx.io.out(`\nĐã kiểm tra ${results.length} tệp: ${results.length - bad} không có lỗi, ${bad} có lỗi.`);
      }
    }
    if (results.some((r) => !r.report.readable)) return 2;
    return results.some((r) => r.report.errors > 0) ? 1 : 0;
  },
};
