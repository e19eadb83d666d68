import { Inflate, inflateSync } from 'fflate';
import type { IssueCode } from '../issues/catalog';
import { concatBytes } from '../_lib/bytes';

/** Bounds that keep a hostile file from costing more than a real return ever does. */
export interface ZipLimits {
  /** Bytes one entry may inflate to. */
  entryBytes: number;
  /** Bytes all entries read from one file may inflate to together. */
  totalBytes: number;
  /** Entries in the central directory. */
  entries: number;
}

/**
 * Native inflate and CRC-32 for a shell that has them (Node passes zlib's: lib/node/zip-codec.ts); without one the
 * pure-JS fflate path runs, as in browsers. Both paths keep the same limits and give the same issue codes.
 */
export interface ZipCodec {
  /** Raw-inflates `data`; throws a RangeError when the output would pass `maxBytes`, any other error on damaged data. */
  inflateRaw(data: Uint8Array, maxBytes: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { entryBytes: 32 * 1024 * 1024, totalBytes: 96 * 1024 * 1024, entries: 10_000 };

/** A file that cannot be read as a zip package, with the issue code that says why. */
export class ContainerError extends Error {
  constructor(
    readonly code: IssueCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

interface Entry {
  name: string;
  crc: number;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
  encrypted: boolean;
}

export interface ZipArchive {
  readonly names: readonly string[];
  has(name: string): boolean;
  /** Inflates one entry within the limits; throws ContainerError on a bomb or damaged data. */
  read(name: string): Uint8Array;
  readText(name: string): string;
  /** Bytes inflated so far. */
  readonly inflated: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const decoder = new TextDecoder('utf-8');

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** "EncryptionInfo" as UTF-16LE: the stream an encrypted OOXML file carries inside its CFB container. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern = [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
  const limit = Math.min(bytes.length, 4 * 1024 * 1024);
  outer: for (let i = 0; i + pattern.length <= limit; i += 1) {
    for (let j = 0; j < pattern.length; j += 1) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/** Names what a non-zip file most likely is, for the message. */
function describeNonZip(bytes: Uint8Array): string {
  const head = decoder.decode(bytes.subarray(0, 256)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'tệp HTML';
  if (head.startsWith('<?xml')) return 'tệp XML';
  if (head.startsWith('%pdf')) return 'tệp PDF';
  if (/^[^\0]*[,;\t][^\0]*\n/.test(head)) return 'tệp văn bản/CSV';
  return 'không có cấu trúc tệp nén của .xlsx';
}

/**
 * Opens `.xlsx` bytes: checks the container (empty, CFB for `.xls` or a password, not a zip,
 * truncated) and reads the central directory; entries inflate later, on demand and within limits.
 * @example const zip = openZip(bytes); const xml = zip.readText('xl/workbook.xml');
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS, codec?: ZipCodec): ZipArchive {
  if (bytes.length === 0) throw new ContainerError('file/empty', '0 byte');
  if (startsWith(bytes, CFB_MAGIC)) {
    if (containsUtf16(bytes, 'EncryptionInfo')) throw new ContainerError('file/encrypted', 'CFB + EncryptionInfo');
    throw new ContainerError('file/xls', 'CFB/BIFF');
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ContainerError('file/not-zip', describeNonZip(bytes));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(bytes, view, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  let inflated = 0;

  function read(name: string): Uint8Array {
    const entry = byName.get(name);
    if (!entry) throw new ContainerError('file/corrupt', `thiếu phần ${name}`);
    if (entry.encrypted) throw new ContainerError('file/encrypted', 'zip encryption');
    if (entry.size > limits.entryBytes) throw new ContainerError('file/too-large', `${name}: ${entry.size} byte`);
    if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== SIG_LOCAL) {
      throw new ContainerError('file/corrupt', `phần ${name} bị cắt`);
    }
    const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw new ContainerError('file/corrupt', `phần ${name} bị cắt`);
    const data = bytes.subarray(start, end);
    const budget = Math.min(limits.entryBytes, limits.totalBytes - inflated);
    const out = entry.method === 0 ? stored(data, budget, name) : entry.method === 8 ? (codec ? inflateWith(codec, data, budget, name) : inflateEntry(data, entry, budget)) : unsupported(entry);
    // A flipped bit can inflate to different, well-formed XML: the checksum is what proves the bytes are the unit's.
    if ((codec ? codec.crc32(out) : crc32(out)) !== entry.crc) throw new ContainerError('file/corrupt', `phần ${name} sai mã kiểm tra (CRC)`);
    inflated += out.length;
    return out;
  }

  return {
    names: entries.map((e) => e.name),
    has: (name) => byName.has(name),
    read,
    readText: (name) => decoder.decode(read(name)),
    get inflated() {
      return inflated;
    },
  };
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 as zip stores it (IEEE 802.3 polynomial). */
export function crc32(data: Uint8Array): number {
  let crc = -1;
  for (let i = 0; i < data.length; i += 1) crc = (CRC_TABLE[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

function stored(data: Uint8Array, budget: number, name: string): Uint8Array {
  if (data.length > budget) throw new ContainerError('file/too-large', `${name}: ${data.length} byte`);
  return data;
}

function unsupported(entry: Entry): never {
  throw new ContainerError('file/corrupt', `phần ${entry.name} nén theo cách ${entry.method} không hỗ trợ`);
}

/**
 * Small entries inflate in one call into a buffer of their declared size: output past it is dropped
 * (memory stays bounded) and the CRC check then refuses the entry. Large ones stream, within the budget.
 */
function inflateEntry(data: Uint8Array, entry: Entry, budget: number): Uint8Array {
  if (data.length > 256 * 1024) return inflateBounded(data, budget, entry.name);
  try {
    return inflateSync(data, { out: new Uint8Array(entry.size) });
  } catch {
    throw new ContainerError('file/corrupt', `không giải nén được ${entry.name}`);
  }
}

/** The shell's native inflate, bounded by the same budget. */
function inflateWith(codec: ZipCodec, data: Uint8Array, budget: number, name: string): Uint8Array {
  try {
    return codec.inflateRaw(data, budget);
  } catch (error) {
    if (error instanceof RangeError) throw new ContainerError('file/too-large', `${name} bung ra hơn ${Math.round(budget / 1048576)} MiB`);
    throw new ContainerError('file/corrupt', `không giải nén được ${name}`);
  }
}

/** Inflates in small slices and stops as soon as the output passes the budget: a bomb never fills memory. */
function inflateBounded(data: Uint8Array, budget: number, name: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > budget) throw new ContainerError('file/too-large', `${name} bung ra hơn ${Math.round(budget / 1048576)} MiB`);
    chunks.push(chunk);
    if (final) ended = true;
  });
  const SLICE = 16 * 1024;
  try {
    for (let i = 0; i < data.length; i += SLICE) inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ContainerError) throw error;
    throw new ContainerError('file/corrupt', `không giải nén được ${name}`);
  }
  if (!ended) throw new ContainerError('file/corrupt', `phần ${name} bị cắt`);
  return concatBytes(chunks);
}

function readCentralDirectory(bytes: Uint8Array, view: DataView, limits: ZipLimits): Entry[] {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i -= 1) {
    if (view.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ContainerError('file/corrupt', 'thiếu mục lục tệp nén, tệp bị cắt');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) throw new ContainerError('file/too-large', 'ZIP64');
  if (count > limits.entries) throw new ContainerError('file/too-large', `${count} phần`);
  if (offset + size > eocd) throw new ContainerError('file/corrupt', 'mục lục tệp nén sai');
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i += 1) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== SIG_CENTRAL) throw new ContainerError('file/corrupt', 'mục lục tệp nén sai');
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      encrypted: (view.getUint16(p + 8, true) & 1) === 1,
      crc: view.getUint32(p + 16, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}
