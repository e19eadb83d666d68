// Advance widths (1/1000 em) of Times New Roman, characters 32–126, regular and bold (the metrics of
// Liberation Serif, which is metric-compatible): wrapped text measured as Excel lays it out.
const TIMES_REGULAR = [250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541];
const TIMES_BOLD = [250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520];
/** Vietnamese letters with a horn (ơ, ư and their toned forms) are wider than their base letter; other accents add no width. */
const HORNED: Readonly<Record<string, [number, number]>> = { o: [529, 554], u: [542, 600], O: [722, 778], U: [776, 796] };

/** Typographic punctuation Vietnamese documents use, regular and bold. */
const TIMES_PUNCTUATION: Readonly<Record<string, [number, number]>> = { '“': [444, 500], '”': [444, 500], '‘': [333, 333], '’': [333, 333], '–': [500, 500], '—': [1000, 1000], '…': [1000, 1000], '•': [350, 350], '°': [400, 400] };

/** Advance of one character in 1/1000 em, regular and bold. */
function timesAdvance(char: string): [number, number] {
  const parts = char === 'đ' ? 'd' : char === 'Đ' ? 'D' : char.normalize('NFD');
  const base = parts[0] ?? char;
  const special = parts.includes('\u031B') ? HORNED[base] : TIMES_PUNCTUATION[char];
  if (special) return special;
  const code = base.charCodeAt(0);
  return code >= 32 && code <= 126 ? [TIMES_REGULAR[code - 32] as number, TIMES_BOLD[code - 32] as number] : [722, 722];
}

/** Advances by character: a form's texts use a few hundred distinct characters, looked up thousands of times. */
const ADVANCES = new Map<string, [number, number]>();

/** Width in points of a text set in Times New Roman; a character outside the tables counts as a wide letter. */
export function textWidthTimes(text: string, size: number, bold = false): number {
  let units = 0;
  for (const char of text.normalize('NFC')) {
    let advance = ADVANCES.get(char);
    if (!advance) ADVANCES.set(char, (advance = timesAdvance(char)));
    units += advance[bold ? 1 : 0];
  }
  return (units / 1000) * size;
}

/**
 * Points of text Excel fits in a column `width` characters wide: 7-pixel digits of the default font
 * (Calibri 11) at 96 dpi, less the cell's margins and grid line. LibreOffice draws columns wider.
 */
export function columnTextWidth(width: number): number {
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return Math.max(0, pixels - 5) * 0.75;
}

/** Line counts already worked out: every commune's form repeats the same rows, and the plan's texts repeat across units. */
const LINE_COUNTS = new Map<string, number>();

/** Lines a text takes wrapped at spaces in `widthPt` points; a word longer than a line breaks anywhere. */
export function wrappedLineCount(text: string, widthPt: number, size: number, bold = false): number {
  const key = `${size}|${bold ? 1 : 0}|${widthPt}|${text}`;
  const known = LINE_COUNTS.get(key);
  if (known !== undefined) return known;
  const space = textWidthTimes(' ', size, bold);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines += 1;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      let width = textWidthTimes(word, size, bold);
      const needed = used === 0 ? width : used + space + width;
      if (needed <= widthPt) {
        used = needed;
        continue;
      }
      if (used > 0) lines += 1;
      for (; width > widthPt; width -= widthPt) lines += 1;
      used = width;
    }
  }
  if (LINE_COUNTS.size > 20_000) LINE_COUNTS.clear(); // bounded, like foldKey's memory
  LINE_COUNTS.set(key, lines);
  return lines;
}

/** A cell of wrapped Times New Roman text: `width` is the column width (or the sum over a merged range). */
export interface WrappedCell {
  text: string;
  width: number;
  size: number;
  bold?: boolean;
}

/**
 * A row height (points) that shows every cell's wrapped text whole in Excel, whose columns are the
 * narrowest of the programs that open the forms: one line is 1.3125 × the font size (Times New Roman
 * 12 pt → 15.75 pt, Excel's own line), plus a little padding; at most Excel's 409 pt.
 * @example wrappedRowHeight([{ text: task.text, width: 30, size: 12 }], 36)
 */
export function wrappedRowHeight(cells: readonly WrappedCell[], minimum: number): number {
  let height = 0;
  for (const cell of cells) height = Math.max(height, wrappedLineCount(cell.text, columnTextWidth(cell.width), cell.size, cell.bold) * cell.size * 1.3125 + 3);
  return Math.min(409, Math.max(minimum, Math.ceil(height)));
}
