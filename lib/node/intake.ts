import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { RawInput } from '../app/intake';
import { MANIFEST_CSV, MANIFEST_FILE, MANIFEST_JOURNAL, manifestIntake, parseManifest, type ManifestIntake } from '../mail/manifest';
import { nativeSha256 } from './hash';

export interface ListedFiles {
  /** Absolute paths, folders searched recursively, in a stable order. */
  files: string[];
  /** Paths given that do not exist. */
  missing: string[];
  /** The name each file is shown by: its path inside the folder it was found in (`thang-12/syt.xlsx`), or its own name. */
  names: Map<string, string>;
}

/** Every file under the given paths, folders searched recursively, in a stable order. */
export function listFiles(paths: readonly string[]): ListedFiles {
  const files: string[] = [];
  const missing: string[] = [];
  const names = new Map<string, string>();
  const walk = (path: string, root: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(join(path, name), root);
    } else if (stat.isFile()) {
      files.push(path);
      if (!names.has(path)) names.set(path, path === root ? basename(path) : relative(root, path).split(sep).join('/'));
    }
  };
  for (const path of paths) {
    try {
      walk(resolve(path), resolve(path));
    } catch {
      missing.push(path);
    }
  }
  return { files: [...new Set(files)], missing, names };
}

/**
 * Files on disk as raw inputs, each read only when its turn comes (memory stays flat); files are only
 * read. A folder written by `da06 collect` has a manifest (so-nhan-thu.json): its saved attachments
 * carry the mail server's receipt time and sender, the raw messages it lists are evidence (noted, not
 * read twice), and the manifest's own files are noted.
 */
export function* readInputs(files: readonly string[], names: ReadonlyMap<string, string> = new Map()): Generator<RawInput> {
  const manifests = new Map<string, { intake: ManifestIntake | null; problem?: string }>();
  const manifestOf = (dir: string) => {
    let found = manifests.get(dir);
    if (!found) {
      const path = join(dir, MANIFEST_FILE);
      const parsed = existsSync(path) ? parseManifest(readFileSync(path, 'utf8')) : null;
      found = parsed === null ? { intake: null } : parsed.ok ? { intake: manifestIntake(parsed.manifest) } : { intake: null, problem: parsed.reason };
      manifests.set(dir, found);
    }
    return found;
  };
  for (const file of files) {
    const name = basename(file);
    const shown = names.get(file) ?? file;
    const bytes = new Uint8Array(readFileSync(file));
    const manifest = manifestOf(dirname(file));
    if (name === MANIFEST_FILE || ((name === MANIFEST_CSV || name === MANIFEST_JOURNAL) && manifest.intake)) {
      const note = manifest.problem ? `Không dùng được sổ nhận thư: ${manifest.problem}.` : 'Sổ nhận thư của da06 collect (thời điểm máy chủ nhận từng thư), không phải báo cáo.';
      yield { name: shown, bytes, noteOnly: [{ name: shown, sha256: nativeSha256(bytes), size: bytes.length, note }] };
      continue;
    }
    const evidence = manifest.intake?.evidence.get(name);
    if (evidence) {
      yield { name: shown, bytes, noteOnly: evidence.map((note) => ({ ...note, name: note.name === name ? shown : note.name })) };
      continue;
    }
    const received = manifest.intake?.files.get(name);
    const receipt = received?.receivedAt ? { at: received.receivedAt, source: received.receivedAtSource === 'mailServer' ? ('mailServer' as const) : ('email' as const), ...(received.from ? { from: received.from } : {}), container: received.eml } : undefined;
    // A file's own time is when it was saved, not when it was received: never a receipt time.
    yield { name: shown, bytes, ...(receipt ? { receipt } : {}) };
  }
}
