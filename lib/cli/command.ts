import type { Catalog } from '../catalog/schema';
import { parsePeriod, type Period } from '../period/period';
import type { Roster } from '../roster/roster';

/** Where a command writes: injected so tests run commands in-process and read what a user would see. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal: progress displays only then. */
  interactive: boolean;
}

export interface CliContext {
  io: CliIo;
  loadCatalog(): Catalog;
  loadRoster(): Roster;
  /** Current time, injectable so generated files are reproducible in tests. */
  now(): Date;
  /** The secretariat's key for integrity tokens (DA06_SECRET); the public default when absent. */
  integrityKey?: string;
  /** A roster file other than seeds/roster.json (DA06_ROSTER), for worker threads to load too. */
  rosterPath?: string;
  /** The environment, where passwords come from (DA06_SMTP_PASSWORD, DA06_IMAP_PASSWORD …); injectable for tests. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Vietnamese description for --help. */
  help: string;
  valueName?: string;
}

export interface Command {
  name: string;
  /** One line, Vietnamese. */
  summary: string;
  /** Usage line after `da06`, e.g. `period YYYY-MM [--json]`. */
  usage: string;
  /** Longer Vietnamese explanation and examples. */
  details: string;
  options: Record<string, OptionSpec>;
  /** Returns the process exit code. */
  run(args: { positionals: string[]; values: Record<string, unknown> }, ctx: CliContext): Promise<number> | number;
}

/** A user mistake on the command line: printed in Vietnamese with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** A period option or argument (`2026-11`), required unless a default is given; a wrong one is a UsageError. */
export function requirePeriod(text: string | undefined, what = '--period (kỳ báo cáo, ví dụ 2026-11)'): Period {
  if (text === undefined || text === '') throw new UsageError(`Thiếu ${what}.`);
  const period = parsePeriod(text);
  if (!period) throw new UsageError(`Kỳ báo cáo "${text}" không hợp lệ. Nhập dạng YYYY-MM, ví dụ 2026-11.`);
  return period;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
