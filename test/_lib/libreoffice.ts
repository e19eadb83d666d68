// LibreOffice as a real client in tests (house style 12). No binary fixture is committed: every .xlsx,
// .pdf and .csv these tests read is produced at test time by the generator and by LibreOffice itself.
// Needs soffice (libreoffice-calc-nogui), Debian's /usr/bin/python3 with `uno` (python3-uno) and
// poppler-utils, all listed in .ci/apt-packages. Each call gets its own profile and HOME, so calls
// may run side by side, and every soffice started here is killed by process group when the call ends.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE = process.env.DA06_SOFFICE ?? 'soffice';
/** The python3 first on PATH here has no `uno`; Debian's does. */
export const UNO_PYTHON = '/usr/bin/python3';
export const UNO_FILL_SCRIPT = join(__dirname, 'uno_fill.py');

const INSTALL_HINT = 'Install the packages in .ci/apt-packages (libreoffice-calc-nogui python3-uno poppler-utils fonts-dejavu fonts-liberation).';

/** Throws a message that names what is missing; the LibreOffice tests fail with it rather than skip. */
export function assertLibreOfficeInstalled(): void {
  const checks: Array<[string, string[], string]> = [
    [SOFFICE, ['--version'], 'LibreOffice (soffice) is not installed or not on PATH'],
    [UNO_PYTHON, ['-c', 'import uno'], `${UNO_PYTHON} cannot import the LibreOffice "uno" module`],
    ['pdfinfo', ['-v'], 'poppler-utils (pdfinfo, pdftotext, pdftoppm) are not installed'],
  ];
  for (const [command, args, problem] of checks) {
    const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
    if (result.error || result.status !== 0) {
      throw new Error(`${problem}: \`${command} ${args.join(' ')}\` ${result.error?.message ?? `exited ${result.status}: ${result.stderr.trim()}`}. ${INSTALL_HINT}`);
    }
  }
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

interface Running {
  done: Promise<RunResult>;
  /** Kills the whole process group (soffice is a shell script that starts oosplash and soffice.bin). */
  kill(signal?: NodeJS.Signals): void;
  exited(): boolean;
}

function start(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; input?: string; timeoutMs: number }): Running {
  const child = spawn(command, args, { env: options.env ?? process.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let exited = false;
  let timedOut = false;
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdin.on('error', () => undefined); // the child may exit before reading its input; its exit code tells why
  child.stdin.end(options.input ?? '');
  const kill = (signal: NodeJS.Signals = 'SIGKILL'): void => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  };
  const done = new Promise<RunResult>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      exited = true;
      reject(new Error(`cannot run ${command}: ${error.message}. ${INSTALL_HINT}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      exited = true;
      resolvePromise({ code, signal, timedOut, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
  return { done, kill, exited: () => exited };
}

let counter = 0;

/** A fresh profile directory (also used as HOME): concurrent soffice processes must not share one. */
function newProfile(): { dir: string; url: string; env: NodeJS.ProcessEnv } {
  counter += 1;
  const dir = mkdtempSync(join(tmpdir(), `da06-lo-${process.pid}-${counter}-`));
  return { dir, url: pathToFileURL(dir).href, env: { ...process.env, HOME: dir } };
}

function failureText(what: string, result: RunResult, timeoutMs: number): string {
  const how = result.timedOut ? `timed out after ${timeoutMs} ms` : `exited with ${result.code ?? result.signal}`;
  return `${what} ${how}.\n--- stderr ---\n${result.stderr.trim()}\n--- stdout ---\n${result.stdout.trim()}`;
}

export interface ConvertFilesOptions {
  /** A soffice --convert-to target: `pdf`, `xlsx`, `csv`, or `csv:<filter>:<options>`. */
  to: string;
  outDir: string;
  timeoutMs?: number;
}

/**
 * Converts many files in one headless soffice run and returns the output paths, in input order.
 * @example const [pdf] = await convertFiles(['/tmp/x.xlsx'], { to: 'pdf', outDir: '/tmp/out' });
 */
export async function convertFiles(files: readonly string[], options: ConvertFilesOptions): Promise<string[]> {
  // Under heavy load a first soffice start on a fresh profile sometimes exits 0 having written
  // nothing (seen in full parallel runs); a second run with a new profile is the fix, not a retry loop.
  try {
    return await convertOnce(files, options);
  } catch (first) {
    try {
      return await convertOnce(files, options);
    } catch {
      throw first;
    }
  }
}

async function convertOnce(files: readonly string[], options: ConvertFilesOptions): Promise<string[]> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const profile = newProfile();
  const extension = options.to.split(':')[0] as string;
  const outputs = files.map((file) => join(outDir, `${basename(file, extname(file))}.${extension}`));
  for (const output of outputs) rmSync(output, { force: true }); // a stale output must not pass for a new one
  const args = [`-env:UserInstallation=${profile.url}`, '--headless', '--norestore', '--nologo', '--nolockcheck', '--convert-to', options.to, '--outdir', outDir, ...files.map((f) => resolve(f))];
  try {
    const result = await start(SOFFICE, args, { env: profile.env, timeoutMs }).done;
    // soffice exits 0 even when it could not load a file: the missing output is the signal.
    const missing = outputs.filter((o) => !existsSync(o));
    if (result.code !== 0 || result.timedOut || missing.length > 0) {
      throw new Error(failureText(`soffice --convert-to ${options.to}${missing.length > 0 ? ` (no ${missing.join(', ')})` : ''}`, result, timeoutMs));
    }
    return outputs;
  } finally {
    rmSync(profile.dir, { recursive: true, force: true });
  }
}

export interface RunUnoScriptOptions {
  /** A Python script; it receives `--connect <uno connection>` followed by `args`. */
  script: string;
  args?: readonly string[];
  /** Written to the script's stdin. */
  input?: string;
  timeoutMs?: number;
}

/**
 * Starts a private headless soffice listening on a pipe, runs a Python UNO script against it with
 * /usr/bin/python3, and always stops soffice again, within `timeoutMs` in total.
 * @example const { stdout } = await runUnoScript({ script: UNO_FILL_SCRIPT, args: [src, out], input: JSON.stringify(edits) });
 */
export async function runUnoScript(options: RunUnoScriptOptions): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? 90_000;
  const profile = newProfile();
  const pipe = basename(profile.dir).replace(/[^A-Za-z0-9_]/g, '_');
  const connection = `pipe,name=${pipe};urp;StarOffice.ComponentContext`;
  const office = start(
    SOFFICE,
    [`-env:UserInstallation=${profile.url}`, '--headless', '--invisible', '--norestore', '--nologo', '--nodefault', '--nolockcheck', `--accept=${connection}`],
    { env: profile.env, timeoutMs },
  );
  const script = start(UNO_PYTHON, [options.script, '--connect', connection, ...(options.args ?? [])], { env: profile.env, input: options.input, timeoutMs });
  try {
    // If soffice dies first (bad install, broken profile), say so instead of waiting for the script's connect timeout.
    const first = await Promise.race([script.done.then((r) => ['script', r] as const), office.done.then((r) => ['office', r] as const)]);
    if (first[0] === 'office') {
      script.kill();
      throw new Error(failureText(`soffice stopped before ${basename(options.script)} finished: it`, first[1], timeoutMs));
    }
    const result = first[1];
    if (result.code !== 0 || result.timedOut) {
      const officeLog = office.exited() ? (await office.done).stderr.trim() : '(still running)';
      throw new Error(`${failureText(`${UNO_PYTHON} ${basename(options.script)}`, result, timeoutMs)}\n--- soffice stderr ---\n${officeLog}`);
    }
    return result;
  } finally {
    script.kill();
    // The script asks soffice to terminate; give it a moment to exit cleanly, then kill the group.
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([office.done.catch(() => undefined), new Promise((r) => (grace = setTimeout(r, 5_000)))]);
    clearTimeout(grace);
    office.kill();
    await office.done.catch(() => undefined);
    rmSync(profile.dir, { recursive: true, force: true });
  }
}
