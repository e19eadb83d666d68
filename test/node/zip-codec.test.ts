import { strToU8, zipSync } from 'fflate';
import { nativeZipCodec } from '../../lib/node/zip-codec';
import { ContainerError, crc32, openZip } from '../../lib/read/zip';
import { stampRows } from '../../lib/summary/facts';
import { readSummary } from '../../lib/summary/read';
import { templateXlsx } from '../_lib/template-fixture';
import { buildXlsx } from '../_lib/xlsx-fixture';
import { month } from '../history/_lib/facts';

const codeOf = (read: () => unknown): string | null => {
  try {
    read();
    return null;
  } catch (error) {
    if (error instanceof ContainerError) return error.code;
    throw error;
  }
};

describe('nativeZipCodec (Node\'s zlib for the zip reader)', () => {
  it('reads every part exactly as the pure-JS path does', () => {
    const bytes = templateXlsx();
    const [pure, native] = [openZip(bytes), openZip(bytes, undefined, nativeZipCodec)];
    expect(native.names).toEqual(pure.names);
    for (const name of pure.names) expect([name, Buffer.from(native.read(name)).equals(Buffer.from(pure.read(name)))]).toEqual([name, true]);
    const data = strToU8('Thiệu Hóa 🙂 '.repeat(1000));
    expect(nativeZipCodec.crc32(data)).toBe(crc32(data));
  });

  it('keeps the same limits: an entry that inflates past the budget is too large', () => {
    const bytes = zipSync({ 'xl/big.xml': strToU8(' '.repeat(2 * 1024 * 1024)) }, { level: 9 });
    const limits = { entryBytes: 32 * 1024 * 1024, totalBytes: 1024 * 1024, entries: 10 };
    expect(codeOf(() => openZip(bytes, limits, nativeZipCodec).read('xl/big.xml'))).toBe('file/too-large');
  });

  it('refuses damaged data, as the pure-JS path does', () => {
    const bytes = zipSync({ 'a.xml': strToU8('<a>'.concat('dữ liệu '.repeat(500), '</a>')) }, { level: 6 });
    const damaged = bytes.slice();
    damaged[60] = (damaged[60] as number) ^ 0xff;
    expect([codeOf(() => openZip(damaged, undefined, nativeZipCodec).read('a.xml')), codeOf(() => openZip(damaged).read('a.xml'))]).toEqual(['file/corrupt', 'file/corrupt']);
  });

  it('reads a summary\'s facts the same with or without it', () => {
    const rows = stampRows({ ...month('2026-10'), data: [] });
    const bytes = buildXlsx({ sheets: [{ name: 'Tổng quan', rows: [['x']] }, { name: '_da06_tonghop', state: 'veryHidden', rows: rows.map(([k, v]) => [k, v]) }] });
    expect(readSummary(bytes, { codec: nativeZipCodec })).toEqual(readSummary(bytes));
    expect(readSummary(bytes, { codec: nativeZipCodec }).ok).toBe(true);
  });
});
