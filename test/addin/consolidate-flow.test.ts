import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consolidateFiles, readPickedHistory, readPickedPrevious, readPickedReceipts, type PickedFile } from '../../addin/src/consolidate-flow';
import { ConsolidationCancelledError } from '../../lib/app/consolidate';
import { consolidationHeadline } from '../../lib/app/headline';
import { createPeriod, parsePeriod, type Period } from '../../lib/period/period';
import { readArchive } from '../../lib/node/history';
import { renderMessage } from '../../lib/node/mime';
import type { SummaryFacts } from '../../lib/summary/facts';
import { writeSummaryXlsx } from '../../lib/summary/xlsx';
import { filledReturn, period } from './_lib/returns';

/** A file as the browser hands it over; its lastModified (a download time) is there, and must not count. */
const picked = (name: string, bytes: Uint8Array, lastModified = Date.UTC(2026, 11, 30)): PickedFile & { lastModified: number } => ({
  name,
  lastModified,
  arrayBuffer: async () => bytes.slice().buffer,
});
const text = (value: string) => new TextEncoder().encode(value);
const now = new Date(Date.UTC(2026, 11, 11));

describe('consolidateFiles', () => {
  it("checks the templates' integrity with the secretariat's key: without it, every return is rejected", async () => {
    const files = [picked('cat.xlsx', await filledReturn('CAT', { integrityKey: 'khóa riêng của Văn phòng' }))];
    const keyed = await consolidateFiles(files, { period, now, integrityKey: 'khóa riêng của Văn phòng' });
    expect(keyed.consolidation.intake.map((r) => r.status)).toEqual([expect.stringMatching(/^accepted/)]); // below-target warnings are realistic
    const unkeyed = await consolidateFiles(files, { period, now });
    expect(unkeyed.consolidation.intake.map((r) => [r.status, r.reason?.code])).toEqual([['rejected', 'workbook/integrity']]);
  });

  it('reports progress file by file, with how far it is (1/4), and stops between files when cancelled', async () => {
    const bytes = await filledReturn('SYT');
    const controller = new AbortController();
    const seen: string[] = [];
    const run = consolidateFiles([1, 2, 3, 4].map((i) => picked(`${i}.xlsx`, bytes)), {
      period,
      now,
      signal: controller.signal,
      onProgress: (_done, _total, label) => {
        seen.push(label);
        if (seen.length === 2) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ConsolidationCancelledError);
    expect(seen).toEqual(['Đã đọc và kiểm tra tệp 1/4: 1.xlsx', 'Đã đọc và kiểm tra tệp 2/4: 2.xlsx']);
  });

  it("takes each unit's receipt time from the receipts log, else the e-mail's Date, else the report date in the form, never from the download time, and says which", async () => {
    const eml = await renderMessage({
      from: { name: 'Văn thư Sở Tài chính', address: 'vanthu@stc.thanhhoa.gov.vn' },
      to: [{ address: 'da06@congan.thanhhoa.gov.vn' }],
      subject: 'Báo cáo tháng 11/2026',
      date: '2026-12-08T09:15:00+07:00',
      messageId: '<bc.stc@stc.thanhhoa.gov.vn>',
      text: 'Gửi kèm báo cáo.',
      attachments: [{ filename: 'stc.xlsx', content: await filledReturn('STC', { seed: 4 }) }],
    });
    const receipts = await readPickedReceipts(picked('so.csv', text('tệp,thời điểm nhận\nsyt.xlsx,11/12/2026 16:00\n')));
    if (!receipts.ok) throw new Error(receipts.reason);
    const files = [picked('syt.xlsx', await filledReturn('SYT', { seed: 2 })), picked('thu-stc.eml', eml), picked('cat.xlsx', await filledReturn('CAT', { reportDate: '2026-12-04' }))];
    const { consolidation } = await consolidateFiles(files, { period, now, receipts: receipts.receipts });
    const times = consolidation.submissions.filter((s) => s.received).map((s) => [s.unit, s.receivedAtSource, s.receivedAt, s.onTime]);
    expect(times).toEqual(
      expect.arrayContaining([
        ['SYT', 'receipts', '2026-12-11T16:00:00+07:00', false],
        ['STC', 'email', '2026-12-08T09:15:00+07:00', true],
        ['CAT', 'reportDate', '2026-12-04T00:00:00+07:00', true],
      ]),
    );
    expect(times).toHaveLength(3);
    expect(consolidationHeadline(consolidation).lines).toContain('Thời điểm nhận: 1 đơn vị theo thư điện tử, 1 theo sổ tiếp nhận, 1 theo ngày ghi trong biểu.');
  });

  it('takes picked files in name order, as da06 consolidate lists a folder: of two returns tied on time, the same one is kept however they were picked', async () => {
    const first = await filledReturn('SYT', { seed: 2 });
    const second = await filledReturn('SYT', { seed: 3 });
    const kept = async (files: PickedFile[]) => (await consolidateFiles(files, { period, now })).consolidation.duplicates.map((d) => [d.kept, d.superseded]);
    expect(await kept([picked('a-syt.xlsx', first), picked('b-syt.xlsx', second)])).toEqual([['b-syt.xlsx', ['a-syt.xlsx']]]);
    expect(await kept([picked('b-syt.xlsx', second), picked('a-syt.xlsx', first)])).toEqual([['b-syt.xlsx', ['a-syt.xlsx']]]);
  });
});

describe('the optional files of Tổng hợp', () => {
  it('reads a picked receipts log as --receipts is read, and refuses one that gives nothing', async () => {
    expect(await readPickedReceipts(picked('so.csv', text('syt.xlsx;08/12/2026 14:20\nxa.xlsx;32/12/2026\n')))).toEqual({
      ok: true,
      receipts: new Map([['syt.xlsx', { at: '2026-12-08T14:20:00+07:00', source: 'receipts' }]]),
      problems: ['dòng 2: thời điểm "32/12/2026" không hợp lệ'],
    });
    expect(await readPickedReceipts(picked('bao-cao.xlsx', await filledReturn('CAT')))).toEqual(expect.objectContaining({ ok: false, reason: expect.stringContaining('không phải văn bản UTF-8') }));
  });

  it("takes last month's summary, and refuses another month's or a file that is no summary, with the reason", async () => {
    const october = parsePeriod('2026-10') as Period;
    const returned = await filledReturn('SYT', { period: october, reportDate: '2026-11-05' });
    const { model } = await consolidateFiles([picked('syt.xlsx', returned)], { period: october, now });
    const summary = picked('tong-hop-2026-10.xlsx', await writeSummaryXlsx(model, { generatedAt: now }));
    const read = await readPickedPrevious(summary, period);
    expect(read.ok && [read.period, read.values.size]).toEqual(['2026-10', 56]);
    expect(await readPickedPrevious(summary, parsePeriod('2026-12') as Period)).toEqual({ ok: false, reason: 'đây là báo cáo tổng hợp kỳ tháng 10 năm 2026, không phải kỳ trước (tháng 11 năm 2026) của kỳ tháng 12 năm 2026' });
    expect(await readPickedPrevious(picked('syt.xlsx', returned), period)).toEqual({ ok: false, reason: 'tệp không phải báo cáo tổng hợp do da06 tạo' });
  });

  it('reads summaries of earlier months picked together as --history reads a folder: the same facts and file names in name order, the other files skipped with their reason', async () => {
    const summaries = await Promise.all(
      [9, 10].map(async (month) => {
        const p = createPeriod(2026, month);
        const { model } = await consolidateFiles([picked('cat.xlsx', await filledReturn('CAT', { period: p, reportDate: `2026-${month + 1}-05` }))], { period: p, now });
        return { name: `tong-hop-${p.id}.xlsx`, bytes: await writeSummaryXlsx(model, { generatedAt: now }) };
      }),
    );
    const files = [summaries[1], { name: 'ghi-chu.xlsx', bytes: await filledReturn('SYT') }, { name: '~$tong-hop-2026-10.xlsx', bytes: new Uint8Array(165) }, summaries[0]] as Array<{ name: string; bytes: Uint8Array }>;
    const dir = mkdtempSync(join(tmpdir(), 'da06-luu-tru-'));
    let archive: ReturnType<typeof readArchive>;
    try {
      for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
      archive = readArchive(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const read = await readPickedHistory(files.map((f) => picked(f.name, f.bytes)));
    const named = (r: { facts: SummaryFacts[]; sources: ReadonlyMap<SummaryFacts, string> }) => r.facts.map((f) => [f.period, r.sources.get(f)]);
    expect(named(read)).toEqual([
      ['2026-09', 'tong-hop-2026-09.xlsx'],
      ['2026-10', 'tong-hop-2026-10.xlsx'],
    ]);
    expect(named(read)).toEqual(named(archive));
    expect(read.facts).toEqual(archive.facts);
    expect(read.skipped).toEqual(archive.skipped);
    expect(read.skipped).toEqual([
      { file: 'ghi-chu.xlsx', reason: 'tệp không phải báo cáo tổng hợp do da06 tạo' },
      { file: '~$tong-hop-2026-10.xlsx', reason: 'tệp khóa tạm của Excel (~$…), không phải báo cáo' },
    ]);
    // A file the browser can no longer read (moved, or locked by another program) is skipped, not a failure.
    const gone = { name: 'tong-hop-2026-08.xlsx', arrayBuffer: () => Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError')) };
    expect((await readPickedHistory([gone])).skipped).toEqual([{ file: 'tong-hop-2026-08.xlsx', reason: 'không mở được tệp (không có quyền đọc hoặc tệp đang bị khóa)' }]);
  });
});
