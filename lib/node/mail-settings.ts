import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_MAIL_SETTINGS, parseSettings, type MailSettings } from '../mail/settings';

/** The settings file the secretariat edits, looked for in the current folder unless named. */
export const SETTINGS_FILE = 'da06.config.json';

/** A settings file that cannot be used: what is wrong, in Vietnamese, place by place. */
export class SettingsError extends Error {
  constructor(
    readonly path: string,
    readonly problems: string[],
  ) {
    super(`Tệp cấu hình ${path} chưa dùng được:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export interface LoadedSettings {
  settings: MailSettings;
  /** The file read, or null when there is none and the defaults apply. */
  path: string | null;
  /** Relative paths in the settings (logDir, caFile) are taken from here. */
  baseDir: string;
}

export interface LoadMailSettingsOptions {
  /** `--config`, else DA06_CONFIG, else ./da06.config.json. */
  path?: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Without a file: the defaults (drafts need no server), or an error saying what to write. */
  required: boolean;
}

/** Reads and checks the settings file. Passwords are never in it; see PASSWORD_ENV. */
export function loadMailSettings(options: LoadMailSettingsOptions): LoadedSettings {
  const named = options.path ?? options.env.DA06_CONFIG;
  const path = resolve(options.cwd, named ?? SETTINGS_FILE);
  if (!existsSync(path)) {
    if (named || options.required) {
      throw new SettingsError(path, [
        named ? 'không tìm thấy tệp' : `chưa có tệp cấu hình thư điện tử (${SETTINGS_FILE} trong thư mục hiện tại, hoặc --config TỆP)`,
        'xem mẫu và hướng dẫn trong README, mục "Thư điện tử"',
      ]);
    }
    return { settings: DEFAULT_MAIL_SETTINGS, path: null, baseDir: options.cwd };
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SettingsError(path, [`không đọc được nội dung JSON (${(error as Error).message})`]);
  }
  const parsed = parseSettings(json);
  if (!parsed.ok) throw new SettingsError(path, parsed.problems);
  return { settings: parsed.settings, path, baseDir: dirname(path) };
}

/** A path from the settings, relative to the settings file. */
export function settingsPath(loaded: LoadedSettings, path: string): string {
  return isAbsolute(path) ? path : join(loaded.baseDir, path);
}

/** A CA certificate named in the settings, read once. */
export function readCaFile(loaded: LoadedSettings, file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  const path = settingsPath(loaded, file);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new SettingsError(loaded.path ?? path, [`caFile: không đọc được ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }
}
