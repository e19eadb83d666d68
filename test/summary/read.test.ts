import { deflateSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { consolidate } from '../../lib/consolidate/merge';
import type { IntakeItem } from '../../lib/consolidate/types';
import { loadCatalog, loadRoster } from '../../lib/node/seeds';
import { parsePeriod } from '../../lib/period/period';
import { buildSummaryModel } from '../../lib/summary/build';
import { SUMMARY_FACTS_FORMAT, SUMMARY_MARKER, stampRows } from '../../lib/summary/facts';
import { readPreviousSummary } from '../../lib/summary/previous';
import { readSummary } from '../../lib/summary/read';
import { createRandom } from '../../lib/simulate/random';
import { writeSummaryXlsx } from '../../lib/summary/xlsx';
import { nativeZipCodec } from '../../lib/node/zip-codec';
import { plainStampRows } from '../_lib/plain-stamp';
import { buildXlsx } from '../_lib/xlsx-fixture';
import { templateXlsx } from '../_lib/template-fixture';

const now = new Date('2026-12-11T02:00:00Z');
const generatedAt = now;
// A proposal long enough to be split over several cells even deflated (letters drawn at random), with
// emoji (surrogate pairs) and line breaks.
const LETTERS = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ0123456789';
const random = createRandom(20261203);
const word = () => Array.from({ length: 6 }, () => random.pick([...LETTERS])).join('');
const longProposal = `Đề nghị 🙏 ${Array.from({ length: 60 }, () => Array.from({ length: 140 }, word).join(' ')).join('\n🙏 ')}\nHết.`;

function month() {
  const items: IntakeItem[] = [
    { name: 'cat.xlsx', bytes: templateXlsx({ unit: 'CAT', unitName: 'Công an tỉnh', indicators: [['PL1.I.3', { result: 55 }]], cover: { proposals: longProposal } }), receivedAt: '2026-12-05T08:00:00+07:00', receivedAtSource: 'receipts' },
    { name: 'hong.xlsx', bytes: new Uint8Array([1, 2, 3]), receivedAtSource: 'unknown' },
  ];
  return consolidate(items, { catalog: loadCatalog(), roster: loadRoster(), period: parsePeriod('2026-11')!, now });
}

describe('readSummary', () => {
  it('reads back exactly the month the summary recorded (all but the Dữ liệu records), long texts split over cells intact, line breaks as typed', async () => {
    const c = month();
    const bytes = await writeSummaryXlsx(buildSummaryModel(c), { generatedAt });
    const read = readSummary(bytes);
    if (!read.ok) throw new Error(read.reason);
    // Node's zlib and fflate inflate the same facts.
    expect(readSummary(bytes, { codec: nativeZipCodec })).toEqual(read);
    const { data: _data, ...expected } = c;
    expect(read.facts).toEqual(expected);
    expect(read.facts.concerns.find((x) => x.unit === 'CAT' && x.kind === 'proposal')?.text).toBe(longProposal);
    expect(stampRows(c).filter(([k]) => k.startsWith('facts.')).length).toBeGreaterThan(2);
  });

  it('keeps the facts in inline strings, so reading them back never needs the shared strings of the month\'s data', async () => {
    const bytes = await writeSummaryXlsx(buildSummaryModel(month()), { generatedAt });
    const files = unzipSync(bytes);
    // The hidden sheet is the one whose first cell holds the marker (found by content, not by its number).
    const sheets = Object.keys(files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).map((f) => strFromU8(files[f] as Uint8Array));
    const stamp = sheets.find((xml) => xml.includes(`<t>${SUMMARY_MARKER}</t>`)) as string;
    expect(stamp).toMatch(/<c r="B6"[^>]* t="inlineStr"><is><t/);
    expect(stamp).not.toContain('t="s"');
    // A shared-string table that cannot be read does not stop the facts (each part has its own checksum).
    files['xl/sharedStrings.xml'] = strToU8('<sst><si><t>hỏng');
    const read = readSummary(zipSync(files));
    expect(read.ok && read.facts.period).toBe('2026-11');
  });

  it('recognises a summary by its hidden sheet content, not by the sheet name', () => {
    const rows = stampRows(month());
    const bytes = buildXlsx({ sheets: [{ name: 'Tổng quan', rows: [['x']] }, { name: 'đổi tên', state: 'hidden', rows: rows.map(([k, v]) => [k, v]) }] });
    const read = readSummary(bytes);
    expect(read.ok && read.facts.period).toBe('2026-11');
  });

  it('keeps the facts deflated, in base64, shorter than the JSON, and still reads a summary written before, with the JSON itself', () => {
    const c = month();
    const { data: _data, ...facts } = c;
    const json = JSON.stringify(facts);
    const rows = stampRows(c);
    expect(rows[0]).toEqual([SUMMARY_MARKER, SUMMARY_FACTS_FORMAT]);
    const stored = rows.filter(([k]) => k.startsWith('facts.')).map(([, v]) => String(v));
    expect(stored.join('')).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(stored.join('').length).toBeLessThan(json.length);
    // A stamp of format 2: the JSON in cells of 30,000 characters.
    const bytes = buildXlsx({ sheets: [{ name: 'Tổng quan', rows: [['x']] }, { name: '_da06_tonghop', state: 'veryHidden', rows: plainStampRows(c).map(([k, v]) => [k, v as string | number]) }] });
    const read = readSummary(bytes);
    expect(read.ok && read.facts).toEqual(JSON.parse(json));
  });

  it('refuses deflated facts that swell past their stated length, or state more than 32 MiB (a bomb), with the damaged-facts reason, in both inflaters', () => {
    const bomb = Buffer.from(deflateSync(new Uint8Array(40 * 1024 * 1024).fill(32))).toString('base64');
    expect(bomb.length).toBeLessThan(60_000);
    const stamp = (bytes: number) =>
      buildXlsx({ sheets: [{ name: 'A', rows: [['x']] }, { name: '_da06_tonghop', state: 'veryHidden', rows: [[SUMMARY_MARKER, SUMMARY_FACTS_FORMAT], ['facts.bytes', bytes], ['facts.1', bomb.slice(0, 30_000)], ['facts.2', bomb.slice(30_000)]] }] });
    for (const bytes of [100, 40 * 1024 * 1024]) {
      for (const codec of [undefined, nativeZipCodec]) expect([bytes, readSummary(stamp(bytes), { codec })]).toEqual([bytes, { ok: false, reason: expect.stringContaining('bị thiếu hoặc bị sửa') }]);
    }
  });

  it('gives a Vietnamese reason for a file that is no summary, an older format, damaged facts, or no workbook at all', () => {
    const sheet = (rows: Array<Array<string | number>>) => buildXlsx({ sheets: [{ name: 'A', rows: [['x']] }, { name: '_da06_tonghop', state: 'veryHidden', rows }] });
    expect(readSummary(templateXlsx())).toEqual({ ok: false, reason: 'tệp không phải báo cáo tổng hợp do da06 tạo' });
    expect(readSummary(sheet([[SUMMARY_MARKER, 1], ['period', '2026-10']]))).toEqual({ ok: false, reason: expect.stringContaining('phiên bản da06 cũ') });
    expect(readSummary(sheet([[SUMMARY_MARKER, SUMMARY_FACTS_FORMAT], ['facts.1', '{"period":']]))).toEqual({ ok: false, reason: expect.stringContaining('bị thiếu hoặc bị sửa') });
    expect(readSummary(new Uint8Array([1, 2, 3]))).toEqual({ ok: false, reason: expect.stringMatching(/^không đọc được tệp/) });
  });
});

describe('readPreviousSummary', () => {
  it("gives last month's province value of every indicator", async () => {
    const read = readPreviousSummary(await writeSummaryXlsx(buildSummaryModel(month()), { generatedAt }));
    expect(read.ok && [read.period, read.values.get('PL1.I.3'), read.values.get('PL1.II.9'), read.values.size]).toEqual(['2026-11', 55, null, 56]);
  });
});
