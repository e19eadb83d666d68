// The container layer alone: zips made by fflate (an independent writer) and bytes made by hand.
import { strToU8, zipSync } from 'fflate';
import { ContainerError, crc32, openZip } from '../../lib/read/zip';

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof ContainerError) return error.code;
    throw error;
  }
  return 'none';
};

describe('openZip', () => {
  const zip = zipSync({ 'a.xml': strToU8('<a>Số liệu</a>'), 'thư mục/b.txt': [strToU8('x'.repeat(5000)), { level: 9 }] });

  it('lists the entries and inflates them, stored or deflated, text decoded as UTF-8', () => {
    const archive = openZip(zip);
    expect([...archive.names].sort()).toEqual(['a.xml', 'thư mục/b.txt']);
    expect(archive.has('a.xml')).toBe(true);
    expect(archive.readText('a.xml')).toBe('<a>Số liệu</a>');
    expect(archive.read('thư mục/b.txt')).toHaveLength(5000);
    expect(archive.inflated).toBe(5000 + strToU8('<a>Số liệu</a>').length);
  });

  it('names what the bytes are when they are no zip: empty, an .xls or encrypted workbook, anything else', () => {
    const cfb = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    expect(codeOf(() => openZip(new Uint8Array(0)))).toBe('file/empty');
    expect(codeOf(() => openZip(new Uint8Array([...cfb, ...new Array(100).fill(0)])))).toBe('file/xls');
    expect(codeOf(() => openZip(new Uint8Array([...cfb, ...[...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0])])))).toBe('file/encrypted');
    expect(codeOf(() => openZip(strToU8('<html>')))).toBe('file/not-zip');
  });

  it('refuses a cut file, an entry past its limit, too many entries, and a changed byte (CRC)', () => {
    expect(codeOf(() => openZip(zip.subarray(0, zip.length - 10)))).toBe('file/corrupt');
    expect(codeOf(() => openZip(zip, { entryBytes: 1000, totalBytes: 1e9, entries: 100 }).read('thư mục/b.txt'))).toBe('file/too-large');
    expect(codeOf(() => openZip(zip, { entryBytes: 1e9, totalBytes: 1e9, entries: 1 }))).toBe('file/too-large');
    const stored = zipSync({ 'v.xml': [strToU8('<v>55</v>'), { level: 0 }] });
    const tampered = new Uint8Array(stored);
    tampered[Buffer.from(stored).indexOf('55')] = '9'.charCodeAt(0);
    expect(codeOf(() => openZip(tampered).read('v.xml'))).toBe('file/corrupt');
    expect(codeOf(() => openZip(zip).read('khong-co.xml'))).toBe('file/corrupt');
  });

  it('computes CRC-32 as the zip format defines it', () => {
    expect(crc32(strToU8('123456789')) >>> 0).toBe(0xcbf43926);
  });
});
