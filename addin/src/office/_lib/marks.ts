// The record of highlighted cells and their own fills, kept in the workbook (a custom XML part) so
// the ribbon's function command, which runs in another page, can restore them.

export const MARKS_NAMESPACE = 'urn:da06:highlights:v1';

export interface Mark {
  sheet: string;
  cell: string;
  /** The cell's fill before da06 coloured it, as Excel reported it (`#FFFFFF` also means no fill). */
  fill: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export function marksToXml(marks: readonly Mark[]): string {
  return `<marks xmlns="${MARKS_NAMESPACE}">${escapeXml(JSON.stringify(marks.map((m) => [m.sheet, m.cell, m.fill])))}</marks>`;
}

/** Reads the record back; anything unreadable counts as no record (never throws on workbook content). */
export function marksFromXml(xml: string): Mark[] {
  const body = /<(?:\w+:)?marks\b[^>]*>([\s\S]*?)<\/(?:\w+:)?marks>/.exec(xml)?.[1];
  if (body === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(unescapeXml(body));
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((m): m is [string, string, string] => Array.isArray(m) && m.length === 3 && m.every((x) => typeof x === 'string'))
      .map(([sheet, cell, fill]) => ({ sheet, cell, fill }));
  } catch {
    return [];
  }
}

export function markKey(sheet: string, cell: string): string {
  return `${sheet}\u0000${cell}`;
}
