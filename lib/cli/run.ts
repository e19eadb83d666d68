import { parseArgs } from 'node:util';
import { addinCommand } from './commands/addin';
import { catalogCommand } from './commands/catalog';
import { collectCommand } from './commands/collect';
import { consolidateCommand } from './commands/consolidate';
import { contactsCommand } from './commands/contacts';
import { demoCommand } from './commands/demo';
import { periodCommand } from './commands/period';
import { remindCommand } from './commands/remind';
import { reportCommand } from './commands/report';
import { sendCommand } from './commands/send';
import { templatesCommand } from './commands/templates';
import { unitsCommand } from './commands/units';
import { validateCommand } from './commands/validate';
import { EXIT, UsageError, type CliContext, type Command } from './command';

export const COMMANDS: readonly Command[] = [demoCommand, templatesCommand, validateCommand, consolidateCommand, reportCommand, contactsCommand, sendCommand, collectCommand, remindCommand, catalogCommand, unitsCommand, periodCommand, addinCommand];

const GLOBAL_HELP_HEADER = [
  'da06: bộ công cụ báo cáo Excel cho Kế hoạch 210/KH-UBND (Đề án 06) tỉnh Thanh Hóa.',
  '',
  'Cách dùng: da06 <lệnh> [tham số]',
  '',
  'Các lệnh:',
];

function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    ...GLOBAL_HELP_HEADER,
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Xem hướng dẫn chi tiết của một lệnh: da06 <lệnh> --help',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const optionLines = Object.entries(command.options).map(([name, spec]) => {
    const flag = `--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'GIÁ_TRỊ'}` : ''}`;
    return `  ${flag.padEnd(26)} ${spec.help}`;
  });
  return [
    `${command.summary}`,
    '',
    `Cách dùng: da06 ${command.usage}`,
    '',
    command.details,
    '',
    'Tùy chọn:',
    ...optionLines,
    `  ${'--help'.padEnd(26)} In hướng dẫn này.`,
  ].join('\n');
}

/** Node's parseArgs errors are English: say the same thing in Vietnamese. */
function translateArgError(error: Error): string {
  const unknown = /Unknown option '([^']+)'/.exec(error.message);
  if (unknown) return `Tùy chọn không hợp lệ: ${unknown[1]}.`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(error.message);
  if (missing) return `Tùy chọn ${missing[1]} cần một giá trị.`;
  return `Tham số không hợp lệ (${error.message}).`;
}

/**
 * Runs one `da06` invocation and returns its exit code; all output goes through ctx.io.
 * Exit codes: 0 done, 1 the work found errors, 2 the command line was wrong or a file unreadable.
 */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ctx.io.out(globalHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    ctx.io.out('da06 0.1.0');
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    ctx.io.err(`Không có lệnh "${name}".\n\n${globalHelp()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.io.out(commandHelp(command));
    return EXIT.ok;
  }
  try {
    const parsed = parseArgs({
      args: rest,
      options: Object.fromEntries(
        Object.entries(command.options).map(([key, spec]) => [
          key,
          { type: spec.type, ...(spec.multiple ? { multiple: true } : {}), ...(spec.short ? { short: spec.short } : {}) },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
    return await command.run({ positionals: parsed.positionals, values: parsed.values as Record<string, unknown> }, ctx);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const message = error instanceof UsageError ? error.message : translateArgError(error as Error);
      ctx.io.err(`Lỗi: ${message}\nCách dùng: da06 ${command.usage}\nXem thêm: da06 ${command.name} --help`);
      return EXIT.usage;
    }
    throw error;
  }
}
