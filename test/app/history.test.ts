import { historyNotes } from '../../lib/app/history';
import { buildHistory } from '../../lib/history/build';
import { catalog, month } from '../history/_lib/facts';

describe('historyNotes', () => {
  it('tells the months used and missing, the summaries replaced or set aside, and the files that are no summary', () => {
    const first = month('2026-09', { generatedAt: '2026-10-11T02:00:00.000Z' });
    const again = month('2026-09', { generatedAt: '2026-11-20T03:00:00.000Z' });
    const later = month('2026-11', { generatedAt: '2026-12-20T03:00:00.000Z' });
    const other = month('2026-10', { catalogHash: 'khac' });
    const sources = new Map([
      [first, 'tong-hop-2026-09.xlsx'],
      [again, 'tong-hop-2026-09 (lai).xlsx'],
      [later, 'tong-hop-2026-11 (moi).xlsx'],
    ]);
    const history = buildHistory(month('2026-11', { generatedAt: '2026-12-11T02:00:00.000Z' }), [first, again, later, other], catalog, { sources });
    const skipped = Array.from({ length: 12 }, (_, i) => ({ file: `bao-cao-${i + 1}.xlsx`, reason: 'tệp không phải báo cáo tổng hợp do da06 tạo' }));
    expect(historyNotes(history, skipped, 'luu-tru')).toEqual([
      'Lịch sử các tháng (luu-tru): dùng báo cáo tổng hợp tháng 9/2026; chưa có tháng 7, 8, 10/2026 (để trống, không suy đoán).',
      '  tong-hop-2026-11 (moi).xlsx: không dùng (cùng kỳ đang tổng hợp: dùng bản đang tổng hợp; bản này lập sau bản đang dùng, hãy kiểm tra).',
      '  bản tổng hợp tháng 10/2026: không dùng (tổng hợp theo danh mục chỉ tiêu, nhiệm vụ khác: kế hoạch khác hoặc đã sửa đổi).',
      '  tong-hop-2026-09.xlsx: không dùng, đã có bản tổng hợp tháng 9/2026 lập sau (tong-hop-2026-09 (lai).xlsx).',
      ...skipped.slice(0, 10).map((s) => `  ${s.file}: bỏ qua, tệp không phải báo cáo tổng hợp do da06 tạo.`),
      '  … và 2 tệp .xlsx khác không phải báo cáo tổng hợp.',
    ]);
  });

  it('says when the archive holds no earlier month of the year', () => {
    expect(historyNotes(buildHistory(month('2026-07'), [], catalog), [], 'luu-tru')).toEqual(['Lịch sử các tháng (luu-tru): không có báo cáo tổng hợp nào của các tháng trước trong năm.']);
  });
});
