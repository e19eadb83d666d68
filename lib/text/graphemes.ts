// Lengths as a user counts them: one per character seen on screen (a grapheme cluster), so an emoji,
// a flag or a letter with a separate tone mark is one character, not two to eleven UTF-16 units.

/** What Excel stores in one cell at most: 32,767 UTF-16 code units, whatever they look like. */
export const EXCEL_CELL_UNITS = 32_767;

interface GraphemeSegmenter {
  segment(text: string): Iterable<{ segment: string }>;
}

let segmenter: GraphemeSegmenter | null | undefined;

/** Intl.Segmenter where the runtime has it (Node 16+, Chromium, Safari 14.1+); null in old webviews (EdgeHTML 18). */
function nativeSegmenter(): GraphemeSegmenter | null {
  if (segmenter === undefined) {
    const Segmenter = (Intl as { Segmenter?: new (locale: string, options: { granularity: 'grapheme' }) => GraphemeSegmenter }).Segmenter;
    segmenter = typeof Segmenter === 'function' ? new Segmenter('vi', { granularity: 'grapheme' }) : null;
  }
  return segmenter;
}

/** For tests: run the fallback as an old webview would. */
export function useNativeSegmenter(enabled: boolean): void {
  segmenter = enabled ? undefined : null;
}

function isRegionalIndicator(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/** Code points that never start a cluster: combining marks, variation selectors, joiners, skin tones, tags. */
function extendsCluster(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x0483 && cp <= 0x0489) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    cp === 0x200c ||
    cp === 0x200d ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0020 && cp <= 0xe007f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/**
 * UTF-16 lengths of the clusters of `text`, in order. The fallback (no Intl.Segmenter) follows the
 * rules that matter in Vietnamese reports: combining marks, emoji modifiers and ZWJ sequences, flags
 * (pairs of regional indicators), keycaps and CR LF; a character loop, since EdgeHTML has no `\p{…}`.
 */
export function clusterLengths(text: string): number[] {
  const native = nativeSegmenter();
  if (native) {
    const out: number[] = [];
    for (const { segment } of native.segment(text)) out.push(segment.length);
    return out;
  }
  const out: number[] = [];
  let previous = -1;
  let afterJoiner = false;
  let pairedFlag = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const size = cp > 0xffff ? 2 : 1;
    const joins =
      out.length > 0 &&
      (extendsCluster(cp) || afterJoiner || (previous === 0x0d && cp === 0x0a) || (isRegionalIndicator(previous) && isRegionalIndicator(cp) && !pairedFlag));
    if (joins) {
      out[out.length - 1] = (out[out.length - 1] as number) + size;
      pairedFlag = isRegionalIndicator(cp) && isRegionalIndicator(previous) && !pairedFlag;
    } else {
      out.push(size);
      pairedFlag = false;
    }
    afterJoiner = cp === 0x200d;
    previous = cp;
    i += size;
  }
  return out;
}

// Anything outside these (CR included: CR LF is one character) goes through the segmenter.
// eslint-disable-next-line no-control-regex -- the ranges start at U+0000 on purpose
const NEEDS_SEGMENTING = /[^\u0000-\u000c\u000e-\u02ff\u1e00-\u1eff\u2010-\u2027\u2030-\u205e]/;

/**
 * The number of characters a user sees in `text`.
 * @example countGraphemes('Hà Nội 👨‍👩‍👧') // 8
 */
export function countGraphemes(text: string): number {
  // Latin letters, precomposed Vietnamese ones and punctuation are one character each: nothing to segment.
  if (!NEEDS_SEGMENTING.test(text)) return text.length;
  return clusterLengths(text).length;
}

/**
 * How many of the first characters of `text` fit in `units` UTF-16 code units (an Excel cell holds
 * 32,767): for a message that states a limit in characters the user can count.
 */
export function graphemesWithin(text: string, units: number): number {
  let used = 0;
  let count = 0;
  for (const length of clusterLengths(text)) {
    if (used + length > units) break;
    used += length;
    count += 1;
  }
  return count;
}
