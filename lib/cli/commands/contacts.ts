import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { renderIssue, type Issue } from '../../issues/issue';
import { writeFileAtomic } from '../../node/files';
import { readRosterFile, rosterFilePath, writeRosterFile } from '../../node/roster-file';
import { unitsWithoutAddress } from '../../roster/roster';
import type { Unit } from '../../roster/schema';
import { UsageError, type CliContext, type Command } from '../command';

const SEVERITY = { error: 'Lỗi', warning: 'Cảnh báo' } as const;

/** Every mail command says which units it cannot reach: none is skipped silently. */
export function printUnitsWithoutAddress(units: readonly Unit[], ctx: CliContext, what = 'không gửi thư được'): void {
  const missing = unitsWithoutAddress(units);
  if (missing.length === 0) return;
  ctx.io.out(`${missing.length} đơn vị chưa có địa chỉ thư điện tử (${what}; bổ sung bằng da06 contacts import):`);
  for (const unit of missing) ctx.io.out(`  ${unit.code.padEnd(8)} ${unit.name}`);
}

function printIssues(issues: readonly Issue[], ctx: CliContext): void {
  for (const issue of issues) ctx.io.out(`  ${SEVERITY[issue.severity].padEnd(8)} ${renderIssue(issue)} [${issue.code}]`);
}

export const contactsCommand: Command = {
  name: 'contacts',
  summary: 'Xuất, nhập danh bạ thư điện tử của các đơn vị (tệp Excel sửa được).',
  usage: 'contacts export TỆP.xlsx | contacts import TỆP.xlsx [--check]',
  details: [
    'export: ghi danh bạ hiện có ra tệp Excel: mỗi đơn vị một dòng (mã, tên, loại, người đầu mối, thư điện tử',
    'đầu mối, đồng gửi CC); chỉ các ô nền vàng sửa được, ô địa chỉ có kiểm tra sẵn của Excel.',
    'import: đọc lại tệp đã sửa, kiểm tra từng dòng (địa chỉ không hợp lệ, mã đơn vị không có, đơn vị lặp,',
    'một địa chỉ đầu mối dùng cho hai đơn vị, đơn vị chưa có địa chỉ) và ghi vào danh sách đơn vị',
    '(seeds/roster.json, hoặc tệp trong biến môi trường DA06_ROSTER). Còn lỗi thì không ghi gì.',
    '',
    'Ví dụ:',
    '  da06 contacts export danh-ba.xlsx',
    '  da06 contacts import danh-ba.xlsx --check',
    '  da06 contacts import danh-ba.xlsx',
  ].join('\n'),
  options: {
    check: { type: 'boolean', help: 'Chỉ kiểm tra tệp, không ghi vào danh sách đơn vị.' },
  },
  async run({ positionals, values }, ctx) {
    const [action, file, ...rest] = positionals;
    if (action !== 'export' && action !== 'import') throw new UsageError(action ? `Không có thao tác "${action}"; dùng export hoặc import.` : 'Thiếu thao tác: export hoặc import.');
    if (!file) throw new UsageError('Thiếu tệp danh bạ .xlsx.');
    if (rest.length > 0) throw new UsageError(`Thừa tham số: ${rest.join(' ')}.`);
    if (!/\.xlsx$/i.test(file)) throw new UsageError(`Tệp danh bạ "${file}" phải có đuôi .xlsx.`);
    if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`"${file}" là một thư mục; cần đường dẫn tệp .xlsx.`);
    const roster = ctx.loadRoster();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- exceljs loads only for this command; import() is ESM-only under node16
    const contacts = require('../../roster/contacts') as typeof import('../../roster/contacts');
    if (action === 'export') {
      const bytes = await contacts.buildContactsWorkbook(roster, { generatedAt: ctx.now() });
      const path = resolve(file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileAtomic(path, bytes);
      ctx.io.out(`Đã ghi danh bạ ${roster.units.length} đơn vị: ${path}`);
      printUnitsWithoutAddress(roster.units, ctx, 'điền vào cột "Thư điện tử đầu mối"');
      return 0;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (error) {
      throw new UsageError(`Không mở được tệp ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
    const read = contacts.readContactsWorkbook(bytes, roster);
    const errors = read.issues.filter((i) => i.severity === 'error');
    const warnings = read.issues.filter((i) => i.severity === 'warning');
    const withEmail = read.contacts.filter((c) => c.email).length;
    ctx.io.out(`Tệp ${file}: ${read.contacts.length} đơn vị, ${withEmail} có địa chỉ đầu mối; ${errors.length} lỗi, ${warnings.length} cảnh báo.`);
    printIssues([...errors, ...warnings], ctx);
    if (errors.length > 0) {
      ctx.io.out('Chưa ghi gì vào danh sách đơn vị: sửa các lỗi trên rồi chạy lại.');
      return 1;
    }
    if (values.check) {
      ctx.io.out('Tệp hợp lệ (--check: chưa ghi vào danh sách đơn vị).');
      return 0;
    }
    const target = rosterFilePath(ctx.rosterPath);
    writeRosterFile(target, contacts.applyContacts(readRosterFile(target), read.contacts));
    ctx.io.out(`Đã ghi danh bạ của ${read.contacts.length} đơn vị vào ${target}.`);
    const listed = new Set(read.contacts.map((c) => c.code));
    const absent = roster.units.filter((u) => !listed.has(u.code));
    if (absent.length > 0) ctx.io.out(`${absent.length} đơn vị không có dòng trong tệp, giữ nguyên địa chỉ cũ: ${absent.map((u) => u.code).join(', ')}.`);
    return 0;
  },
};
