/**
 * A row height (points) that shows wrapped text whole: not every program grows rows by itself
 * (LibreOffice keeps the stored height). Estimated from text length and column width.
 */
export function rowHeightFor(cells: ReadonlyArray<{ text: string; width: number }>, minimum: number, lineHeight = 16): number {
  let lines = 1;
  for (const { text, width } of cells) {
    const perLine = Math.max(4, Math.floor(width * 1.05));
    const needed = text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  }
  return Math.min(409, Math.max(minimum, lines * lineHeight + 4));
}
