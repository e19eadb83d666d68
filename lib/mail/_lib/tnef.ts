// Outlook's winmail.dat (TNEF, [MS-OXTNEF]): only what collect needs, the attached files and their
// names, bounded and checksum-checked. No npm package for it is kept up; the format is small and
// fixed, and test/mail/tnef.test.ts checks this reader against Debian's `tnef` program.

export class TnefError extends Error {}

export interface TnefAttachment {
  name: string;
  data: Uint8Array;
}

const SIGNATURE = 0x223e9f78;
const LEVEL_ATTACHMENT = 0x02;
// Attribute tags (low 16 bits of the attribute id).
const ATT_ATTACH_REND_DATA = 0x9002;
const ATT_ATTACH_TITLE = 0x8010;
const ATT_ATTACH_DATA = 0x800f;
const ATT_ATTACHMENT = 0x9005;
const ATT_OEM_CODEPAGE = 0x9007;
// MAPI property of an attachment's long file name.
const PR_ATTACH_LONG_FILENAME = 0x3707;

const PT_STRING8 = 0x001e;
const PT_UNICODE = 0x001f;
const PT_BINARY = 0x0102;
const PT_OBJECT = 0x000d;
const FIXED_SIZES: Readonly<Record<number, number>> = { 0x0001: 4, 0x0002: 4, 0x0003: 4, 0x0004: 4, 0x0005: 8, 0x0006: 8, 0x0007: 8, 0x000a: 4, 0x000b: 4, 0x0014: 8, 0x0040: 8, 0x0048: 16 };

function decode8bit(bytes: Uint8Array, codepage: number): string {
  const end = bytes.indexOf(0);
  const text = end >= 0 ? bytes.subarray(0, end) : bytes;
  for (const label of [codepage === 65001 ? 'utf-8' : `windows-${codepage}`, 'windows-1252']) {
    try {
      return new TextDecoder(label, { fatal: false }).decode(text);
    } catch {
      // an unknown code page: try the next
    }
  }
  return String.fromCharCode(...text);
}

function decodeUtf16(bytes: Uint8Array): string {
  return new TextDecoder('utf-16le').decode(bytes).replace(/\0+$/, '');
}

/** The long file name in an attachment's MAPI property list, if it has one. */
function longFileName(data: Uint8Array, codepage: number): string | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 0;
  const need = (n: number) => {
    if (at + n > data.length) throw new TnefError('danh sách thuộc tính MAPI bị cắt');
  };
  const u16 = () => (need(2), (at += 2), view.getUint16(at - 2, true));
  const u32 = () => (need(4), (at += 4), view.getUint32(at - 4, true));
  const pad4 = (n: number) => (n + 3) & ~3;
  const count = u32();
  for (let p = 0; p < count; p += 1) {
    const type = u16();
    const id = u16();
    if (id >= 0x8000) {
      need(16);
      at += 16;
      const kind = u32();
      if (kind === 0) u32();
      else {
        const length = u32();
        need(pad4(length));
        at += pad4(length);
      }
    }
    const multi = (type & 0x1000) !== 0;
    const base = type & 0x0fff;
    if (base === PT_STRING8 || base === PT_UNICODE || base === PT_BINARY || base === PT_OBJECT) {
      const values = u32();
      for (let v = 0; v < values; v += 1) {
        const length = u32();
        need(length);
        const value = data.subarray(at, at + length);
        at += pad4(length);
        if (id === PR_ATTACH_LONG_FILENAME && !multi) return base === PT_UNICODE ? decodeUtf16(value) : decode8bit(value, codepage);
      }
    } else {
      const size = FIXED_SIZES[base];
      if (size === undefined) throw new TnefError(`kiểu thuộc tính MAPI không rõ 0x${base.toString(16)}`);
      const values = multi ? u32() : 1;
      need(size * values);
      at += size * values;
    }
  }
  return undefined;
}

/**
 * The files inside a winmail.dat, with their long names when Outlook gave them (Unicode), else the short title.
 * Throws TnefError on anything that is not well-formed TNEF.
 * @example readTnef(bytes).map((a) => a.name) // ['Báo cáo tháng 11.xlsx']
 */
export function readTnef(bytes: Uint8Array, limits: { maxBytes: number } = { maxBytes: 64 * 1024 * 1024 }): TnefAttachment[] {
  if (bytes.length < 6) throw new TnefError('tệp quá ngắn');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== SIGNATURE) throw new TnefError('không có chữ ký TNEF');
  let at = 6;
  let codepage = 1252;
  const attachments: Array<{ title?: string; long?: string; data?: Uint8Array }> = [];
  while (at < bytes.length) {
    if (at + 9 > bytes.length) throw new TnefError('thuộc tính bị cắt');
    const level = bytes[at] as number;
    const tag = view.getUint32(at + 1, true) & 0xffff;
    const length = view.getUint32(at + 5, true);
    const start = at + 9;
    if (length > limits.maxBytes || start + length + 2 > bytes.length) throw new TnefError('độ dài thuộc tính vượt quá tệp');
    const data = bytes.subarray(start, start + length);
    let sum = 0;
    for (let i = 0; i < data.length; i += 1) sum = (sum + (data[i] as number)) & 0xffff;
    if (sum !== view.getUint16(start + length, true)) throw new TnefError('sai mã kiểm tra');
    at = start + length + 2;
    if (tag === ATT_OEM_CODEPAGE && length >= 4) codepage = view.getUint32(start, true);
    if (level !== LEVEL_ATTACHMENT) continue;
    if (tag === ATT_ATTACH_REND_DATA) attachments.push({});
    const current = attachments[attachments.length - 1];
    if (!current) continue;
    if (tag === ATT_ATTACH_TITLE) current.title = decode8bit(data, codepage);
    else if (tag === ATT_ATTACH_DATA) current.data = data;
    else if (tag === ATT_ATTACHMENT) current.long = longFileName(data, codepage);
  }
  return attachments
    .filter((a): a is { title?: string; long?: string; data: Uint8Array } => a.data !== undefined)
    .map((a, i) => ({ name: (a.long || a.title || `tep-${i + 1}`).normalize('NFC'), data: a.data }));
}
