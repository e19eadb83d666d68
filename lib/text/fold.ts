// Vietnamese-aware text keys: the same name typed in Word, Excel, LibreOffice or an old font must match.

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g; // grave, acute, tilde, hook above, dot below
const TONE_ORDER = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/** NFC, trimmed, inner whitespace (incl. non-breaking) collapsed to one space. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

// CR LF, CR, Word's manual break (VT), form feed and the Unicode line/paragraph separators all end a line.
const LINE_BREAK = /\r\n|[\r\n\v\f\u2028\u2029]/;

/**
 * Text as a unit typed it in a cell, line breaks kept (Alt+Enter in Excel, Ctrl+Enter in LibreOffice):
 * every break becomes LF, and each line is cleaned as by cleanText; blank lines at either end go.
 * @example cleanMultilineText('1. Thiếu kinh phí \r\n2.  Thiếu người ') // '1. Thiếu kinh phí\n2. Thiếu người'
 */
export function cleanMultilineText(value: string): string {
  if (!LINE_BREAK.test(value)) return cleanText(value);
  const lines = value.split(LINE_BREAK).map(cleanText);
  let first = 0;
  let last = lines.length;
  while (first < last && lines[first] === '') first += 1;
  while (last > first && lines[last - 1] === '') last -= 1;
  return lines.slice(first, last).join('\n');
}

/**
 * A matching key for Vietnamese text: case, spacing, Unicode form and tone placement folded.
 * `Hóa`/`Hoá` and `Thủy`/`Thuỷ` give the same key; vowel quality (â, ă, ê, ô, ơ, ư, đ) is kept.
 * @example foldKey('Sở  Văn hoá') === foldKey('sở văn hóa')
 */
export function foldKey(value: string): string {
  let key = folded.get(value);
  if (key === undefined) {
    // Headers and list entries repeat in every file: remember them, within a bound.
    if (folded.size > 20_000) folded.clear();
    key = fold(value);
    folded.set(value, key);
  }
  return key;
}

const folded = new Map<string, string>();

function fold(value: string): string {
  const words = value.normalize('NFD').toLowerCase().replace(/[\s\u00a0\u200b]+/g, ' ').trim().split(' ');
  return words
    .map((word) => {
      const tones = word.match(TONE_MARKS) ?? [];
      const bare = word.replace(TONE_MARKS, '');
      // A syllable carries at most one tone: moving it to the end makes its placement irrelevant.
      const tone = [...new Set(tones)].sort((a, b) => TONE_ORDER.indexOf(a) - TONE_ORDER.indexOf(b)).join('');
      const lastLetter = lastLetterIndex(bare);
      if (lastLetter < 0) return bare.normalize('NFC');
      return (bare.slice(0, lastLetter + 1) + tone + bare.slice(lastLetter + 1)).normalize('NFC');
    })
    .join(' ');
}

/** Index of the last cased letter (Vietnamese letters all have case; marks and digits do not), or -1. */
function lastLetterIndex(text: string): number {
  // A loop, not /\p{L}/u: Office 2019's EdgeHTML cannot parse Unicode property escapes.
  for (let i = text.length - 1; i >= 0; i -= 1) {
    const ch = text[i] as string;
    if (ch.toLowerCase() !== ch.toUpperCase()) return i;
  }
  return -1;
}

/** Lowercase ASCII with diacritics removed and đ → d: for file names and loose search. */
export function asciiFold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** `Sở Y tế` → `so-y-te`: ASCII-safe, for file names. */
export function slugify(value: string, maxLength = 40): string {
  const slug = asciiFold(value)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/g, '');
}
