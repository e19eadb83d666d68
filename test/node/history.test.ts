import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArchiveNotFoundError, readArchive } from '../../lib/node/history';
import { stampRows } from '../../lib/summary/facts';
import { buildXlsx } from '../_lib/xlsx-fixture';
import { templateXlsx } from '../_lib/template-fixture';
import { month } from '../history/_lib/facts';

/** A summary as a da06 file carries it: a visible sheet and the facts in a hidden sheet, written by the independent fixture writer. */
function summaryXlsx(period: string, sheetName = '_da06_tonghop'): Uint8Array {
  const rows = stampRows({ ...month(period), data: [] });
  return buildXlsx({ sheets: [{ name: 'Tổng quan', rows: [['Tổng hợp']] }, { name: sheetName, state: 'veryHidden', rows: rows.map(([k, v]) => [k, v]) }] });
}

describe('readArchive', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'da06-luu-tru-'));
    mkdirSync(join(dir, '2026', 'thang 10'), { recursive: true });
    writeFileSync(join(dir, 'tong-hop-2026-09.xlsx'), summaryXlsx('2026-09'));
    writeFileSync(join(dir, '2026', 'thang 10', 'bao cao thang 10 (ban cuoi).XLSX'), summaryXlsx('2026-10', 'an'));
    writeFileSync(join(dir, '2026', 'cat.xlsx'), templateXlsx());
    writeFileSync(join(dir, '2026', 'hong.xlsx'), new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]));
    writeFileSync(join(dir, '~$tong-hop-2026-09.xlsx'), new Uint8Array([1]));
    writeFileSync(join(dir, 'ghi-chu.txt'), 'không phải tệp Excel');
    writeFileSync(join(dir, 'tong-hop-2026-11.xlsx'), summaryXlsx('2026-11'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds every da06 summary under the folder by its content, whatever its name or sub-folder', () => {
    const archive = readArchive(dir, { exclude: [join(dir, 'tong-hop-2026-11.xlsx')] });
    expect(archive.summaries.map((s) => [s.file, s.facts.period])).toEqual([
      [join('2026', 'thang 10', 'bao cao thang 10 (ban cuoi).XLSX'), '2026-10'],
      ['tong-hop-2026-09.xlsx', '2026-09'],
    ]);
    expect(archive.facts).toEqual(archive.summaries.map((s) => s.facts));
    expect([...archive.sources.entries()].map(([facts, file]) => [facts.period, file])).toEqual(archive.summaries.map((s) => [s.facts.period, s.file]));
  });

  it('reports the other workbooks with their reason, and passes over files that are no workbook', () => {
    const { skipped } = readArchive(dir);
    expect(skipped).toEqual([
      { file: join('2026', 'cat.xlsx'), reason: 'tệp không phải báo cáo tổng hợp do da06 tạo' },
      { file: join('2026', 'hong.xlsx'), reason: expect.stringMatching(/^không đọc được tệp \(/) },
      { file: '~$tong-hop-2026-09.xlsx', reason: 'tệp khóa tạm của Excel (~$…), không phải báo cáo' },
    ]);
  });

  it('says when the folder does not exist', () => {
    expect(() => readArchive(join(dir, 'khong-co'))).toThrow(ArchiveNotFoundError);
  });
});
