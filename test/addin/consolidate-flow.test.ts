import { consolidateFiles, ConsolidationCancelledError, intakeFiles, type PickedFile } from '../../addin/src/consolidate-flow';
import { renderMessage } from '../../lib/node/mime';
import { filledReturn, period } from './_lib/returns';

const picked = (name: string, bytes: Uint8Array, lastModified = Date.UTC(2026, 11, 5, 2)): PickedFile => ({
  name,
  lastModified,
  arrayBuffer: async () => bytes.slice().buffer,
});
const now = new Date(Date.UTC(2026, 11, 11));

describe('intakeFiles', () => {
  it('takes workbooks with their file time, attachments of saved e-mails with the e-mail time, and notes lock files', async () => {
    const xlsx = await filledReturn('CAT');
    const eml = await renderMessage({ from: { address: 'vanthu@syt.thanhhoa.gov.vn' }, to: [{ address: 'da06@congan.thanhhoa.gov.vn' }], subject: 'Báo cáo', date: '2026-12-08T09:15:00+07:00', messageId: '<bc.syt@syt.thanhhoa.gov.vn>', text: 'Gửi kèm.', attachments: [{ filename: 'syt.xlsx', content: xlsx }] });
    const { items, notes } = await intakeFiles([picked('cat.xlsx', xlsx), picked('thu.eml', eml), picked('~$cat.xlsx', new Uint8Array([1, 2]))]);
    expect(items.map((i) => [i.name, i.receivedAt, i.receivedAtSource])).toEqual([
      ['cat.xlsx', '2026-12-05T09:00:00+07:00', 'fileTime'],
      ['thu.eml › syt.xlsx', '2026-12-08T09:15:00+07:00', 'email'],
    ]);
    expect(notes.map((n) => n.name)).toEqual(['thu.eml', '~$cat.xlsx']);
  });
});

describe('consolidateFiles', () => {
  it("checks the templates' integrity with the secretariat's key: without it, every return is rejected", async () => {
    const files = [picked('cat.xlsx', await filledReturn('CAT', { integrityKey: 'khóa riêng của Văn phòng' }))];
    const keyed = await consolidateFiles(files, { period, now, integrityKey: 'khóa riêng của Văn phòng' });
    expect(keyed.consolidation.intake.map((r) => r.status)).toEqual([expect.stringMatching(/^accepted/)]); // below-target warnings are realistic
    const unkeyed = await consolidateFiles(files, { period, now });
    expect(unkeyed.consolidation.intake.map((r) => [r.status, r.reason?.code])).toEqual([['rejected', 'workbook/integrity']]);
  });

  it('reports progress file by file and stops between files when cancelled', async () => {
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
    expect(seen).toEqual(['Đọc và kiểm tra 1.xlsx', 'Đọc và kiểm tra 2.xlsx']);
  });
});
