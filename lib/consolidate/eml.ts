import PostalMime from 'postal-mime';
import { sha256Hex } from '../catalog/hash';
import type { IntakeItem, IntakeNote } from './types';
import { toVietnamIso } from '../_lib/calendar';

const XLSX_NAME = /\.(xlsx|xlsm)$/i;
const XLSX_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel.sheet.macroenabled.12',
]);

/**
 * Takes the workbooks out of a saved e-mail (.eml): each `.xlsx` attachment becomes an intake item
 * whose receipt time is the message's Date header and whose sender is kept as evidence; every other
 * attachment is listed, never silently dropped. Parsed by postal-mime, not by hand.
 */
export async function extractEml(name: string, bytes: Uint8Array): Promise<{ items: IntakeItem[]; notes: IntakeNote[] }> {
  const notes: IntakeNote[] = [];
  let message: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    message = await PostalMime.parse(bytes);
  } catch (error) {
    notes.push({ name, sha256: sha256Hex(bytes), size: bytes.length, note: `Không đọc được thư điện tử: ${(error as Error).message}` });
    return { items: [], notes };
  }
  const dateMs = message.date ? Date.parse(message.date) : Number.NaN;
  const receivedAt = Number.isNaN(dateMs) ? undefined : toVietnamIso(dateMs);
  const from = message.from?.address ?? (message.from as { group?: Array<{ address?: string }> } | undefined)?.group?.[0]?.address;
  const items: IntakeItem[] = [];
  for (const attachment of message.attachments) {
    const content = typeof attachment.content === 'string' ? new TextEncoder().encode(attachment.content) : new Uint8Array(attachment.content);
    const filename = attachment.filename ?? '(không tên)';
    const label = `${name} › ${filename}`;
    if (XLSX_NAME.test(filename) || XLSX_TYPES.has((attachment.mimeType ?? '').toLowerCase())) {
      items.push({
        name: label,
        bytes: content,
        ...(receivedAt ? { receivedAt } : {}),
        receivedAtSource: receivedAt ? 'email' : 'unknown',
        ...(from ? { receivedFrom: from } : {}),
        container: name,
      });
    } else {
      notes.push({ name: label, sha256: sha256Hex(content), size: content.length, container: name, note: `Tệp đính kèm không phải .xlsx (${attachment.mimeType || 'không rõ loại'}), không tổng hợp.` });
    }
  }
  const subject = message.subject ? ` "${message.subject}"` : '';
  notes.push({
    name,
    sha256: sha256Hex(bytes),
    size: bytes.length,
    note: `Thư điện tử${subject}${from ? ` từ ${from}` : ''}${receivedAt ? ` lúc ${receivedAt}` : ''}: ${items.length} tệp .xlsx đính kèm.`,
  });
  return { items, notes };
}
