// A winmail.dat as Outlook writes one for a plain message with attachments ([MS-OXTNEF]): a short
// 8-bit title and the Unicode long file name in the attachment's MAPI properties. For the simulator;
// Debian's `tnef` program reads what this writes (test/mail/tnef.test.ts).
import { asciiFold } from '../../text/fold';

const encoder = new TextEncoder();

function attribute(level: number, id: number, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(9 + data.length + 2);
  const view = new DataView(out.buffer);
  out[0] = level;
  view.setUint32(1, id, true);
  view.setUint32(5, data.length, true);
  out.set(data, 9);
  let sum = 0;
  for (const byte of data) sum = (sum + byte) & 0xffff;
  view.setUint16(9 + data.length, sum, true);
  return out;
}

const u32 = (n: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
};

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** The MAPI property list of one attachment: PR_ATTACH_LONG_FILENAME as PT_UNICODE. */
function longName(name: string): Uint8Array {
  const utf16 = new Uint8Array((name.length + 1) * 2);
  for (let i = 0; i < name.length; i += 1) new DataView(utf16.buffer).setUint16(i * 2, name.charCodeAt(i), true);
  const padded = new Uint8Array((utf16.length + 3) & ~3);
  padded.set(utf16);
  const tag = new Uint8Array(4);
  new DataView(tag.buffer).setUint16(0, 0x001f, true);
  new DataView(tag.buffer).setUint16(2, 0x3707, true);
  return concat([u32(1), tag, u32(1), u32(utf16.length), padded]);
}

/**
 * TNEF bytes carrying the given files.
 * @example buildTnef([{ name: 'Báo cáo tháng 11.xlsx', data }]) // a winmail.dat
 */
export function buildTnef(files: ReadonlyArray<{ name: string; data: Uint8Array }>): Uint8Array {
  const header = new Uint8Array(6);
  new DataView(header.buffer).setUint32(0, 0x223e9f78, true);
  new DataView(header.buffer).setUint16(4, 0x0001, true);
  const parts = [
    header,
    attribute(0x01, 0x00089006, u32(0x00010000)), // attTnefVersion
    attribute(0x01, 0x00069007, concat([u32(1258), u32(0)])), // attOemCodepage: Vietnamese
    attribute(0x01, 0x00078008, encoder.encode('IPM.Microsoft Mail.Note\0')), // attMessageClass
  ];
  for (const file of files) {
    parts.push(
      attribute(0x02, 0x00069002, new Uint8Array([1, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0])), // attAttachRendData
      attribute(0x02, 0x00018010, encoder.encode(`${asciiFold(file.name)}\0`)), // attAttachTitle
      attribute(0x02, 0x0006800f, file.data), // attAttachData
      attribute(0x02, 0x00069005, longName(file.name)), // attAttachment (MAPI properties)
    );
  }
  return concat(parts);
}
