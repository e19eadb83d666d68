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

/** As da06, on a given date (the summary's generatedAt, what is overdue). */
export async function da06At(now: Date, ...argv: string[]): Promise<CliResult> {
  return run(undefined, argv, now);
}

async function run(integrityKey: string | undefined, argv: string[], now = new Date(Date.UTC(2026, 10 /* Nov */, 26, 8, 0, 0))): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    io: { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false },
    loadCatalog: () => loadCatalog(),
    loadRoster: () => loadRoster(),
    now: () => now,
    ...(integrityKey ? { integrityKey } : {}),
  };
  const code = await runCli(argv, ctx);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
