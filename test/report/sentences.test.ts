import fc from 'fast-check';
import { composeReport } from '../../lib/report/compose';
import type { ReportInput, UnitRef } from '../../lib/report/model';
import { DEFAULT_REPORT_SETTINGS } from '../../lib/report/settings';
import {
  atRiskParagraphs,
  difficultySummary,
  dueNextParagraphs,
  formatPercent,
  formatRateChange,
  formatTarget,
  formatValue,
  indicatorParagraphs,
  joinList,
  joinUnits,
  monthPhrase,
  noteSentence,
  overdueParagraphs,
  reportingParagraphs,
  reportingProblemParagraphs,
  taskParagraphs,
  unitName,
} from '../../lib/report/sentences';
import { CAT, DINH_TAN, DUE_NEXT, HAM_RONG, handWrittenInput, HOANG_HOA, QUANG_PHU, rates, STP, SYT } from './_lib/input';

const empty = (input: ReportInput): ReportInput => ({
  ...input,
  historyMonths: [],
  reporting: { total: rates(7, 7, 7, 0), byKind: { department: rates(3, 3, 3, 0), commune: rates(4, 4, 4, 0) } },
  units: { missing: [], late: [], rejected: [], repeatOffenders: [] },
  indicators: { ...input.indicators, notable: [], disagreements: [], atRisk: [] },
  tasks: { ...input.tasks, completed: [], overdue: [], becameOverdue: [], dueNextMonth: [], recurring: [], counts: { done: 0, inProgress: 4, notStarted: 0, noReport: 0 } },
  difficulties: [],
  proposals: [],
  notes: [],
});

describe('phrases', () => {
  it('joins lists with commas and "và" before the last, and nothing for an empty list', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['Sở Y tế'])).toBe('Sở Y tế');
    expect(joinList(['Sở Y tế', 'Sở Tư pháp'])).toBe('Sở Y tế và Sở Tư pháp');
    expect(joinList(['Sở Y tế', 'Sở Tư pháp', 'UBND xã Quảng Phú'])).toBe('Sở Y tế, Sở Tư pháp và UBND xã Quảng Phú');
  });

  it('writes percentages with a decimal comma, one decimal, no trailing ",0"', () => {
    expect(formatPercent(175 / 187)).toBe('93,6%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(0.0049)).toBe('0,5%');
  });

  it('says a change of rate in percentage points, up, down or the same', () => {
    expect(formatRateChange(5 / 7, 4 / 7, 'tháng 10/2026')).toBe('tăng 14,3 điểm phần trăm so với tháng 10/2026');
    expect(formatRateChange(0.9, 0.925, 'tháng 10/2026')).toBe('giảm 2,5 điểm phần trăm so với tháng 10/2026');
    expect(formatRateChange(0.5, 0.5, 'tháng 10/2026')).toBe('bằng tháng 10/2026');
  });

  it('writes values with their unit, list entries in quotes, and says when there is none', () => {
    expect(formatValue(85.5, '%')).toBe('85,5%');
    expect(formatValue(1500, 'CSDL')).toBe('1.500 CSDL');
    expect(formatValue(3, '-')).toBe('3');
    expect(formatValue(' Hoàn thành ', 'Hoàn thành')).toBe('“Hoàn thành”');
    expect(formatValue(null, '%')).toBe('chưa có số liệu');
  });

  it('gives a bare target its unit, and leaves words and targets that carry it alone', () => {
    expect(formatTarget('50', '%')).toBe('50%');
    expect(formatTarget('≥ 80', '%')).toBe('≥ 80%');
    expect(formatTarget('100 (năm 2030)', '%')).toBe('100% (năm 2030)');
    expect(formatTarget('3', 'CSDL')).toBe('3 CSDL');
    expect(formatTarget('100%', '%')).toBe('100%');
    expect(formatTarget('Hoàn thành', '-')).toBe('Hoàn thành');
    expect(formatTarget('Hoàn thành', 'CSDL')).toBe('Hoàn thành');
  });

  it('names communes by their People\u2019s Committee, lower-casing xã and phường', () => {
    expect(unitName(QUANG_PHU)).toBe('UBND xã Quảng Phú');
    expect(unitName(HAM_RONG)).toBe('UBND phường Hàm Rồng');
    expect(unitName(SYT)).toBe('Sở Y tế');
  });

  it('lists few units plainly and groups communes of one type when several', () => {
    expect(joinUnits([SYT, STP, QUANG_PHU])).toBe('Sở Y tế, Sở Tư pháp và UBND xã Quảng Phú');
    expect(joinUnits([SYT, QUANG_PHU, DINH_TAN, HAM_RONG])).toBe('Sở Y tế; UBND các xã: Quảng Phú, Định Tân; UBND phường Hàm Rồng');
    expect(joinUnits([QUANG_PHU, DINH_TAN], (u) => (u === DINH_TAN ? 'muộn 2 ngày' : null))).toBe('UBND các xã: Quảng Phú, Định Tân (muộn 2 ngày)');
    expect(joinUnits([])).toBe('');
  });

  it('writes a month as "tháng M/YYYY" without padding', () => {
    expect(monthPhrase('2026-09')).toBe('tháng 9/2026');
    expect(monthPhrase('2027-01')).toBe('tháng 1/2027');
  });
});

describe('section sentences', () => {
  const input = handWrittenInput();

  it('states the month\u2019s reporting with counts, rates and the change from last month', () => {
    const { lead, items } = reportingParagraphs(input);
    expect(lead).toEqual([
      'Kỳ báo cáo tháng 11/2026 có 7 đơn vị phải báo cáo (3 sở, ban, ngành và 4 xã, phường); số liệu tính từ ngày 01/11/2026 đến ngày 30/11/2026, hạn gửi trước ngày 10/12/2026.',
      'Tính đến ngày 12/12/2026, đã nhận báo cáo của 5/7 đơn vị, đạt 71,4%, tăng 14,3 điểm phần trăm so với tháng 10/2026; trong đó 3 đơn vị gửi đúng hạn (tỷ lệ đúng hạn 42,9%, bằng tháng 10/2026) và 2 đơn vị gửi muộn. Còn 2 đơn vị chưa gửi báo cáo.',
    ]);
    expect(items).toEqual([
      '- Sở, ban, ngành: 3/3 đơn vị đã gửi báo cáo (100%, bằng tháng 10/2026), 2 đơn vị gửi đúng hạn (66,7%).',
      '- Xã, phường: 2/4 đơn vị đã gửi báo cáo (50%, tăng 25 điểm phần trăm so với tháng 10/2026), 1 đơn vị gửi đúng hạn (25%).',
    ]);
  });

  it('says plainly when everyone reported on time, and when nobody reported', () => {
    const all = reportingParagraphs(empty(input)).lead[1];
    expect(all).toBe('Tính đến ngày 12/12/2026, đã nhận báo cáo của 7/7 đơn vị, đạt 100%; trong đó tất cả đều gửi đúng hạn. Tất cả các đơn vị phải báo cáo đều đã gửi báo cáo.');
    const none = { ...empty(input), reporting: { total: rates(7, 0, 0, 0), byKind: { department: rates(3, 0, 0, 0), commune: rates(4, 0, 0, 0) } } };
    expect(reportingParagraphs(none).lead[1]).toBe('Tính đến ngày 12/12/2026, chưa nhận được báo cáo của đơn vị nào.');
    expect(reportingProblemParagraphs(empty(input))).toEqual(['Tất cả các đơn vị đã gửi báo cáo đúng thời hạn.']);
  });

  it('names missing, late, rejected and repeat units, with days late and reasons', () => {
    expect(reportingProblemParagraphs(input)).toEqual([
      'Còn 2 đơn vị chưa gửi báo cáo: UBND các xã: Định Tân, Hoằng Hóa.',
      'Có 2 đơn vị gửi báo cáo muộn: Sở Tư pháp (muộn 3 ngày) và UBND phường Hàm Rồng (muộn 1 ngày).',
      'Có 1 đơn vị gửi tệp báo cáo không hợp lệ, đã bị từ chối và chưa gửi lại: UBND xã Định Tân (lý do: Tệp là báo cáo của kỳ 10/2026, không phải kỳ 11/2026).',
      'Có 1 đơn vị chậm hoặc không gửi báo cáo từ 2 tháng liên tiếp trở lên: UBND xã Hoằng Hóa (3 tháng liên tiếp không gửi).',
    ]);
  });

  it('says there are no late units rather than leaving an empty list when only some are missing', () => {
    const onlyMissing = { ...input, units: { missing: [DINH_TAN], late: [], rejected: [], repeatOffenders: [] } };
    expect(reportingProblemParagraphs(onlyMissing)).toEqual([
      'Còn 1 đơn vị chưa gửi báo cáo: UBND xã Định Tân.',
      'Không có đơn vị nào gửi báo cáo muộn.',
      'Không có đơn vị nào chậm hoặc không gửi báo cáo 2 tháng liên tiếp.',
    ]);
  });

  it('counts indicators by status, leaving out statuses nobody has, and names the not met and flagged', () => {
    expect(indicatorParagraphs(input)).toEqual([
      'Trong tổng số 4 chỉ tiêu tại Phụ lục I của Kế hoạch, có 1 chỉ tiêu đạt chỉ tiêu năm 2026, 1 chỉ tiêu chưa đạt, 1 chỉ tiêu chưa có số liệu và 1 chỉ tiêu có số liệu lỗi cần đơn vị kiểm tra lại.',
      'Các chỉ tiêu chưa đạt:',
      '- Tỷ lệ hồ sơ được cắt giảm giấy tờ: 39,9% (chỉ tiêu năm 2026: 50%; đơn vị theo dõi: Trung tâm Phục vụ hành chính công tỉnh).',
      'Các chỉ tiêu có số liệu lỗi, chưa được đánh giá:',
      '- Tỷ lệ phổ cập địa chỉ số: 150% (chỉ tiêu năm 2026: 100% (năm 2030); đơn vị theo dõi: Sở Xây dựng).',
      'Có 1 chỉ tiêu các đơn vị cùng theo dõi báo cáo số liệu khác nhau, cần rà soát, thống nhất:',
      '- Tỷ lệ bệnh viện thanh toán không dùng tiền mặt: Sở Y tế báo cáo 68,5%; Công an tỉnh báo cáo 65,7%.',
    ]);
  });

  it('gives at-risk indicators their projection, and says why none can be named without a history', () => {
    expect(atRiskParagraphs(input)).toEqual([
      'Có 1 chỉ tiêu có nguy cơ không đạt chỉ tiêu năm 2026:',
      '- Tỷ lệ hồ sơ được cắt giảm giấy tờ: hiện đạt 39,9%; theo tốc độ bình quân các tháng đã báo cáo, đến hết năm 2026 dự kiến chỉ đạt 44,2% (chỉ tiêu năm 2026: 50%).',
    ]);
    expect(atRiskParagraphs(empty(input))).toEqual(['Chưa có số liệu các tháng trước nên chưa đánh giá được nguy cơ không đạt chỉ tiêu năm 2026. Hiện còn 1 chỉ tiêu chưa đạt chỉ tiêu năm 2026 (nêu tại mục I.2).']);
  });

  it('counts tasks, names those finished this month and those overdue with their leads', () => {
    expect(taskParagraphs(input)).toEqual([
      'Trong tổng số 4 nhiệm vụ tại Kế hoạch, đến nay đã hoàn thành 1 nhiệm vụ (trong tháng hoàn thành 1 nhiệm vụ); 2 nhiệm vụ đang triển khai và 1 nhiệm vụ chưa có báo cáo của đơn vị thực hiện.',
      'Các nhiệm vụ hoàn thành trong tháng:',
      '- Triển khai trí tuệ nhân tạo AI, Trợ lý ảo để hỗ trợ dịch vụ công (chủ trì: Trung tâm Phục vụ hành chính công tỉnh; tiến độ bình quân 100%).',
      'Có 1 nhiệm vụ đã quá thời hạn nhưng chưa hoàn thành:',
      '- Nghiên cứu giải pháp phân cấp, ủy quyền, cắt giảm thủ tục hành chính các cấp (chủ trì: Sở Tư pháp; thời hạn: Tháng 9/2026; tiến độ bình quân 62,5%).',
    ]);
    expect(taskParagraphs(empty(input))).toEqual([
      'Trong tổng số 4 nhiệm vụ tại Kế hoạch, đến nay chưa có nhiệm vụ nào hoàn thành; 4 nhiệm vụ đang triển khai.',
      'Không có nhiệm vụ nào quá thời hạn mà chưa hoàn thành.',
    ]);
  });

  it('lists overdue tasks by lead and those that became overdue this month', () => {
    expect(overdueParagraphs(input)).toEqual([
      'Còn 1 nhiệm vụ quá thời hạn chưa hoàn thành, theo cơ quan chủ trì:',
      '- Sở Tư pháp: 1 nhiệm vụ.',
      'Trong tháng, 1 nhiệm vụ mới chuyển sang quá hạn: Nghiên cứu giải pháp phân cấp, ủy quyền, cắt giảm thủ tục hành chính các cấp (Sở Tư pháp).',
      'Có 1 nhiệm vụ chưa có báo cáo của đơn vị thực hiện nên chưa đánh giá được tiến độ.',
    ]);
  });

  it('lists next month\u2019s tasks under their lead, one on the lead\u2019s line, several underneath', () => {
    const next = input.nextPeriod;
    expect(dueNextParagraphs([], next)).toEqual(['Không có nhiệm vụ nào đến hạn trong tháng 12/2026.']);
    expect(dueNextParagraphs(input.tasks.dueNextMonth, next)[1]).toBe('- Sở Nông nghiệp và Môi trường: Hoàn thành việc xây dựng Cơ sở dữ liệu đất đai trong phạm vi địa phương (thời hạn: 31/12/2026).');
    const two = dueNextParagraphs([{ lead: 'Bộ Công an', tasks: [DUE_NEXT, { ...DUE_NEXT, key: 'X', name: 'Kết nối; tích hợp.' }] }], next);
    expect(two).toEqual([
      'Có 2 nhiệm vụ đến hạn trong tháng 12/2026, các đơn vị chủ trì tập trung hoàn thành đúng thời hạn:',
      '- Bộ Công an (2 nhiệm vụ):',
      '+ Hoàn thành việc xây dựng Cơ sở dữ liệu đất đai trong phạm vi địa phương (thời hạn: 31/12/2026);',
      '+ Kết nối; tích hợp (thời hạn: 31/12/2026).',
    ]);
  });

  it('sums up difficulties by how many units raised each, merging the same words under different tasks', () => {
    const groups = [
      { task: null, items: [{ text: 'Thiếu kinh phí.', units: [SYT, QUANG_PHU] }] },
      { task: { key: 'PL2.1', name: 'x' }, items: [{ text: 'thiếu  kinh phí.', units: [QUANG_PHU, CAT] }, { text: 'Thiếu người.', units: [STP] }] },
    ];
    expect(difficultySummary(groups, 'Phụ lục 4', 5)).toEqual([
      { text: 'Có 4 đơn vị phản ánh khó khăn, vướng mắc (3 nội dung, chi tiết tại Phụ lục 4):' },
      { text: '- Thiếu kinh phí. ', attribution: '(Sở Y tế, UBND xã Quảng Phú và Công an tỉnh);' },
      { text: '- Thiếu người. ', attribution: '(Sở Tư pháp).' },
    ]);
    expect(difficultySummary([], 'Phụ lục 4', 5)).toEqual([{ text: 'Trong tháng, các đơn vị không phản ánh khó khăn, vướng mắc.' }]);
  });

  it('words every note of what the report could not know', () => {
    expect(noteSentence({ code: 'monthsMissing', periods: ['2026-09'] })).toBe('Chưa có số liệu tháng 9/2026 (không có tệp tổng hợp của tháng này); các so sánh theo tháng bỏ qua tháng đó.');
    expect(noteSentence({ code: 'monthsMissing', periods: ['2026-08', '2026-09'] })).toBe('Chưa có số liệu tháng 8/2026 và tháng 9/2026 (không có tệp tổng hợp của các tháng này); các so sánh theo tháng bỏ qua các tháng đó.');
    expect(noteSentence({ code: 'noHistory' })).toContain('chưa so sánh với tháng trước');
    expect(noteSentence({ code: 'historyCorrected', periods: ['2026-10'] })).toBe('Số liệu tháng 10/2026 đã được cập nhật theo báo cáo đơn vị gửi lại sau đó (dùng bản tiếp nhận sau cùng của từng đơn vị).');
    expect(noteSentence({ code: 'unattributedFiles', count: 2 })).toBe('Có 2 tệp không đọc được nên không xác định được đơn vị gửi; các tệp này không được tính vào báo cáo.');
    expect(noteSentence({ code: 'receiptTimeUnknown', units: [SYT] })).toBe('Chưa xác định được thời điểm gửi báo cáo của Sở Y tế nên chưa tính là đúng hạn hay muộn.');
    expect(noteSentence({ code: 'flaggedValues', count: 1 })).toBe('Số liệu của 1 chỉ tiêu có lỗi trong tệp của đơn vị nên chưa được đánh giá; đơn vị cần kiểm tra, gửi lại.');
    expect(noteSentence({ code: 'text', text: '  Số liệu tháng 8 do Văn phòng nhập tay.  ' })).toBe('Số liệu tháng 8 do Văn phòng nhập tay.');
  });
});

describe('the whole report\u2019s words, for any mix of empty and full lists', () => {
  const base = handWrittenInput();
  const pool: UnitRef[] = [SYT, STP, CAT, QUANG_PHU, DINH_TAN, HOANG_HOA, HAM_RONG];
  const someOf = <T>(items: readonly T[]) => fc.subarray([...items]);
  const counts = fc.record({ expected: fc.integer({ min: 1, max: 200 }), receivedShare: fc.double({ min: 0, max: 1, noNaN: true }), onTimeShare: fc.double({ min: 0, max: 1, noNaN: true }) });
  const ratesFrom = (c: { expected: number; receivedShare: number; onTimeShare: number }) => {
    const received = Math.round(c.expected * c.receivedShare);
    const onTime = Math.round(received * c.onTimeShare);
    return rates(c.expected, received, onTime, received - onTime);
  };
  const arbitraryInput = fc
    .record({
      total: counts,
      department: counts,
      commune: counts,
      missing: someOf(pool),
      late: someOf(pool),
      history: fc.boolean(),
      notable: someOf(base.indicators.notable),
      atRisk: someOf(base.indicators.atRisk),
      overdue: someOf([base.tasks.overdue[0]!]),
      completed: someOf([base.tasks.completed[0]!]),
      proposals: someOf(base.proposals),
      difficulties: someOf(base.difficulties),
      notes: someOf(base.notes),
      done: fc.nat(5),
      noReport: fc.nat(5),
    })
    .map((r): ReportInput => ({
      ...base,
      historyMonths: r.history ? ['2026-10'] : [],
      reporting: { total: ratesFrom(r.total), byKind: { department: ratesFrom(r.department), commune: ratesFrom(r.commune) }, ...(r.history ? { previous: base.reporting.previous! } : {}) },
      units: { missing: r.missing, late: r.late.map((u, i) => ({ ...u, daysLate: i ? i : null })), rejected: [], repeatOffenders: [] },
      indicators: { ...base.indicators, notable: r.notable, atRisk: r.atRisk },
      tasks: { ...base.tasks, overdue: r.overdue, becameOverdue: [], completed: r.completed, counts: { done: r.done, inProgress: 1, notStarted: 0, noReport: r.noReport } },
      proposals: r.proposals,
      difficulties: r.difficulties,
      notes: r.notes,
    }));

  it('never writes "(s)", an empty list, doubled punctuation or a missing value', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const doc = composeReport(input, DEFAULT_REPORT_SETTINGS);
        const texts = doc.body.map((b) => (b.kind === 'heading' ? b.text : b.runs.map((r) => r.text).join('')));
        for (const text of texts) {
          expect(text.trim()).not.toBe('');
          expect(text).not.toMatch(/\(s\)|undefined|NaN|null|\[object|\(\)|: *[.;,]|,,|\.\.(?!\/)|;;| [,.;:](?!\/)/);
          expect(text).not.toMatch(/ {2}/);
          // "0 đơn vị" is said in words ("không có đơn vị nào").
          expect(text).not.toMatch(/(^|[^\d,./])0 (đơn vị|nhiệm vụ|chỉ tiêu|tệp|ngày|tháng)/);
          expect(text.normalize('NFC')).toBe(text);
        }
      }),
      { numRuns: 300 },
    );
  });
});
