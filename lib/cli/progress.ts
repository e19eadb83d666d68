import type { CliIo } from './command';

export interface Progress {
  tick(label: string): void;
  done(): void;
}

/** A one-line progress display on the terminal; silent when output is piped or in tests. */
export function createProgress(io: CliIo, total: number, verb: string): Progress {
  let count = 0;
  let width = 0;
  return {
    tick(label) {
      count += 1;
      if (!io.interactive) return;
      const line = `${verb} ${count}/${total}: ${label}`.slice(0, 100);
      width = Math.max(width, line.length);
      process.stderr.write(`\r${line.padEnd(width)}`);
    },
    done() {
      if (io.interactive && width > 0) process.stderr.write(`\r${' '.repeat(width)}\r`);
    },
  };
}
