#!/usr/bin/env node
import { loadCatalog, loadRoster } from '../node/seeds';
import { runCli } from './run';

// `da06 units | head` closes the pipe early: the reader has what it wanted, so stop quietly (no stack trace).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const ctx = {
  io: {
    out: (text: string) => process.stdout.write(`${text}\n`),
    err: (text: string) => process.stderr.write(`${text}\n`),
    interactive: Boolean(process.stderr.isTTY),
  },
  loadCatalog: () => loadCatalog(),
  loadRoster: () => loadRoster({ ...(process.env.DA06_ROSTER ? { rosterPath: process.env.DA06_ROSTER } : {}) }),
  now: () => new Date(),
  ...(process.env.DA06_SECRET ? { integrityKey: process.env.DA06_SECRET } : {}),
  ...(process.env.DA06_ROSTER ? { rosterPath: process.env.DA06_ROSTER } : {}),
  env: process.env,
};

runCli(process.argv.slice(2), ctx).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not a user mistake: say so plainly and keep the details for whoever fixes it.
    process.stderr.write(`Lỗi không mong đợi trong da06. Vui lòng báo cho bộ phận kỹ thuật kèm nội dung sau:\n${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);
