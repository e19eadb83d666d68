import { consolidateFiles, type PickedFile } from '../../addin/src/consolidate-flow';
import { ConsolidationCancelledError } from '../../lib/app/consolidate';
import { filledReturn, period } from './_lib/returns';

const picked = (name: string, bytes: Uint8Array, lastModified = Date.UTC(2026, 11, 5, 2)): PickedFile => ({
  name,
  lastModified,
  arrayBuffer: async () => bytes.slice().buffer,
});
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
});
