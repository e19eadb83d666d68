import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Catalog } from './schema';

/** JSON with object keys sorted, so the same data always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}

/**
 * A short fingerprint of the catalog's content, stamped in every workbook: a return made from
 * another version of the plan's rows is recognised by it.
 * @example catalogHash(catalog) // 'a1b2c3d4e5f6'
 */
export function catalogHash(catalog: Catalog): string {
  let hash = hashes.get(catalog);
  if (hash === undefined) {
    hash = sha256Hex(canonicalJson({ indicators: catalog.indicators, tasks: catalog.tasks })).slice(0, 16);
    hashes.set(catalog, hash);
  }
  return hash;
}

// A catalog is immutable once loaded; hashing it again for every one of 190 workbooks is waste.
const hashes = new WeakMap<Catalog, string>();
