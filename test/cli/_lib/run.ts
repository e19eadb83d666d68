import { runCli } from '../../../lib/cli/run';
import type { CliContext } from '../../../lib/cli/command';
import { loadCatalog, loadRoster } from '../../../lib/node/seeds';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `da06 …` in-process, as a user would type it, and returns what they would see. */
export async function da06(...argv: string[]): Promise<CliResult> {
  return run(undefined, argv);
}

/** As da06, with the secretariat's integrity key set (DA06_SECRET). */
export async function da06WithKey(key: string, ...argv: string[]): Promise<CliResult> {
  return run(key, argv);
}

export interface RunOptions {
  /** A roster file of the test's own (DA06_ROSTER). */
  rosterPath?: string;
  /** The environment the command sees (passwords, DA06_CONFIG). */
  env?: Record<string, string | undefined>;
  now?: () => Date;
}

/** As da06, with a roster file, an environment or a clock of the test's own. */
export async function da06With(options: RunOptions, ...argv: string[]): Promise<CliResult> {
  return run(undefined, argv, options);
}

/** As da06, on a given date (the summary's generatedAt, what is overdue). */
export async function da06At(now: Date, ...argv: string[]): Promise<CliResult> {
  return run(undefined, argv, { now: () => now });
}

async function run(integrityKey: string | undefined, argv: string[], options: RunOptions = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    io: { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false },
    loadCatalog: () => loadCatalog(),
    loadRoster: () => loadRoster(options.rosterPath ? { rosterPath: options.rosterPath } : {}),
    now: options.now ?? (() => new Date(Date.UTC(2026, 10 /* Nov */, 26, 8, 0, 0))),
    ...(integrityKey ? { integrityKey } : {}),
    ...(options.rosterPath ? { rosterPath: options.rosterPath } : {}),
    env: options.env ?? {},
  };
  const code = await runCli(argv, ctx);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
