import { clusterLengths, countGraphemes, EXCEL_CELL_UNITS, graphemesWithin, useNativeSegmenter } from '../../lib/text/graphemes';

const FAMILY = '👨\u200d👩\u200d👧\u200d👦'; // 4 people joined by 3 ZWJ: 11 UTF-16 units
const THUMB = '👍🏽'; // with a skin tone: 4 units
const FLAG = '🇻🇳'; // two regional indicators: 4 units
const KEYCAP = '1\ufe0f\u20e3';
const NFD = 'Ha\u0300 No\u0323\u0302i'; // "Hà Nội" with separate marks

const SAMPLES: Array<[string, number]> = [
  ['Hà Nội', 6],
  [NFD, 6],
  ['Thanh Hóa', 9],
  [FAMILY, 1],
  [THUMB, 1],
  [FLAG, 1],
  [`${FLAG}🇺🇸${FLAG}`, 3],
  [KEYCAP, 1],
  ['❤️', 1],
  ['a\r\nb', 3],
  ['a\nb', 3],
  [`Báo cáo ${FAMILY} xong ${THUMB}${FLAG}.`, 18],
  ['', 0],
];

afterEach(() => useNativeSegmenter(true));

describe.each([
  ['Intl.Segmenter', true],
  ['the fallback for old webviews (EdgeHTML 18)', false],
])('countGraphemes with %s', (_name, native) => {
  beforeEach(() => useNativeSegmenter(native));

  it.each(SAMPLES)('counts %p as %p characters', (text, count) => {
    expect(countGraphemes(text)).toBe(count);
  });

  it('cuts no character in two when asked what fits in a number of units', () => {
    expect(FAMILY.length).toBe(11);
    expect(graphemesWithin(FAMILY.repeat(3), 21)).toBe(1);
    expect(graphemesWithin(FAMILY.repeat(3), 22)).toBe(2);
    expect(graphemesWithin(`ab${FAMILY}`, 12)).toBe(2);
    expect(graphemesWithin(FAMILY.repeat(3000), EXCEL_CELL_UNITS)).toBe(Math.floor(EXCEL_CELL_UNITS / 11));
  });
});

it('agrees with Intl.Segmenter on mixed Vietnamese text, cluster by cluster', () => {
  const text = [...SAMPLES.map(([t]) => t), 'Sở Y tế: 85,5% ✔ — “đạt” • 1/2'].join(' | ');
  useNativeSegmenter(true);
  const native = clusterLengths(text);
  useNativeSegmenter(false);
  expect(clusterLengths(text)).toEqual(native);
});
