import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RawInput } from '../app/intake';

/** Every file under the given paths, folders searched recursively, in a stable order. */
export function listFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (path: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(join(path, name));
    } else if (stat.isFile()) files.push(path);
  };
  for (const path of paths) {
    try {
      walk(resolve(path));
    } catch {
      missing.push(path);
    }
  }
  return { files: [...new Set(files)], missing };
}

/** Files on disk as raw inputs, each read only when its turn comes (memory stays flat). Files are only read; their times are not receipt times. */
export function* readInputs(files: readonly string[]): Generator<RawInput> {
  for (const file of files) yield { name: file, bytes: new Uint8Array(readFileSync(file)) };
}
