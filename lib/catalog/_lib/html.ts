import { cleanText } from '../../text/fold';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Footnote markers (`<sup>1</sup>`) in a cell, in order. */
export function footnoteMarks(cell: string): string[] {
  return [...cell.matchAll(/<sup>\s*(\d+)\s*<\/sup>/g)].map((m) => m[1] as string);
}

/**
 * Plain text of a table cell rendered from Word: tags dropped, footnote markers removed,
 * list items and paragraphs kept as lines.
 */
export function stripHtml(cell: string): string {
  const text = cell
    .replace(/<sup>[^<]*<\/sup>/g, '')
    .replace(/<\/?(li|p|br)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|[a-z]+);/gi, (whole, name: string) =>
      name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name.toLowerCase()] ?? whole),
    );
  return text
    .split('\n')
    .map((line) => cleanText(line))
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Markdown emphasis removed: `**Phụ lục I**` → `Phụ lục I`. */
export function stripMarkdown(line: string): string {
  return line.replace(/^#+\s*/, '').replace(/\*+/g, '').trim();
}
