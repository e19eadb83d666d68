// Text widths for the header's rules, which the decree sizes against the line of text above them.
import { asciiFold } from '../../text/fold';

/**
 * Advance widths (1/1000 em) of ASCII 32–126 in Liberation Serif Bold, which is metric-compatible with
 * Times New Roman Bold (read from the font's hmtx table); a Vietnamese letter is as wide as its base letter.
 */
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570,
  570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333,
  278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500,
  444, 394, 220, 394, 520,
];

const POINT_MM = 25.4 / 72;

/** Width in millimetres of one line of bold Times New Roman at `sizePt`. */
export function boldTextWidthMm(text: string, sizePt: number): number {
  let em = 0;
  for (const ch of asciiFold(text.normalize('NFC'))) {
    const code = ch.charCodeAt(0);
    em += (code >= 32 && code <= 126 ? (BOLD[code - 32] as number) : 500) / 1000;
  }
  return em * sizePt * POINT_MM;
}
