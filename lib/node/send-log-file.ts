import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatSendLogEntry, parseSendLog, type SendLogEntry } from '../mail/send-log';

/** One log per period, for the templates and the reminders alike. */
export function sendLogPath(logDir: string, period: string): string {
  return join(logDir, `gui-${period}.jsonl`);
}

export function readSendLog(path: string): { entries: SendLogEntry[]; problems: string[] } {
  return existsSync(path) ? parseSendLog(readFileSync(path, 'utf8')) : { entries: [], problems: [] };
}

/** Appends one result as soon as it is known: a run stopped half-way still knows what went out. */
export function appendSendLog(path: string, entry: SendLogEntry): void {
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, formatSendLogEntry(entry), 'utf8');
}

/** Another run holds the log: two runs at once would send twice. */
export class SendLogLockedError extends Error {
  constructor(
    readonly path: string,
    readonly pid: number,
  ) {
    super(`send log ${path} is locked by process ${pid}`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the log for this process (a lock file with its pid); a lock left by a process that died is taken over. */
export function lockSendLog(path: string): () => void {
  mkdirSync(dirname(path), { recursive: true });
  const lock = `${path}.lock`;
  for (let tries = 0; tries < 2; tries += 1) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lock, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new SendLogLockedError(path, pid);
      rmSync(lock, { force: true });
    }
  }
  throw new SendLogLockedError(path, 0);
}
