import type { ChartSpec, SummaryModel } from '../../../lib/summary/model';

/** The three charts of a month's summary, with realistic figures, written by hand (not by build.ts). */
export const CHARTS: ChartSpec[] = [
  {
    id: 'reporting-rate',
    title: 'Tỷ lệ báo cáo và đúng hạn theo loại đơn vị (%)',
    type: 'column',
    valueMax: 100,
    categories: ['Sở, ban, ngành', 'Xã, phường', 'Toàn tỉnh'],
    series: [
      { name: 'Tỷ lệ báo cáo', values: [100, 92.8, 93.6] },
      { name: 'Tỷ lệ đúng hạn', values: [95.2, 83.7, 85.6] },
    ],
  },
  {
    id: 'task-status',
    title: 'Nhiệm vụ theo tình trạng',
    type: 'bar',
    categories: ['Đã hoàn thành', 'Đang triển khai', 'Chưa triển khai', 'Chưa có báo cáo'],
    series: [{ name: 'Số nhiệm vụ', values: [5, 60, 12, 3] }],
  },
  {
    id: 'indicator-status',
    title: 'Chỉ tiêu theo kết quả đánh giá',
    type: 'pie',
    categories: ['Đạt', 'Chưa đạt', 'Chưa đến mốc', 'Không đặt chỉ tiêu', 'Chưa có số liệu', 'Số liệu có lỗi'],
    series: [{ name: 'Số chỉ tiêu', values: [38, 8, 6, 2, 1, 1] }],
  },
];

/** The trend of the province's rates over the months, as a line (the Xu hướng charts). */
export const LINE_CHART: ChartSpec = {
  id: 'trend-rates',
  title: 'Tỷ lệ báo cáo và đúng hạn của tỉnh qua các tháng (%)',
  type: 'line',
  valueMax: 100,
  categories: ['T9/2026', 'T10/2026', 'T11/2026'],
  series: [
    { name: 'Tỷ lệ báo cáo', values: [91.4, 93.6, 95.2] },
    { name: 'Tỷ lệ đúng hạn', values: [80.2, 85.6, 84.5] },
  ],
};

/** A summary in miniature: Tổng quan, one more sheet, the charts. */
export function chartModel(charts: ChartSpec[] = CHARTS): SummaryModel {
  return {
    title: 'BÁO CÁO TỔNG HỢP THÁNG 11 NĂM 2026',
    period: '2026-11',
    stamp: [['da06-tong-hop', 2], ['period', '2026-11']],
    sheets: [
      {
        id: 'overview', print: { use: 'paper', orientation: 'landscape' },
        name: 'Tổng quan',
        title: 'TỔNG QUAN',
        columns: [{ header: 'Nội dung', width: 40 }, { header: 'Toàn tỉnh', width: 12, format: 'integer' }],
        rows: [['Đơn vị phải báo cáo', 187], ['Đã gửi báo cáo', 175]],
        marks: [],
      },
      {
        id: 'concerns', print: { use: 'paper', orientation: 'landscape' },
        name: 'Khó khăn, kiến nghị',
        title: 'KHÓ KHĂN',
        columns: [{ header: 'Đơn vị', width: 12 }, { header: 'Nội dung', width: 40 }],
        rows: [['CAT', 'Thiếu máy chủ'], ['SYT', '=HYPERLINK("http://x","bấm")']],
        marks: [],
      },
    ],
    charts,
  };
}

/** Texts a writer must escape and keep as text: markup, quotes, a formula, Excel's own escape sequence. */
export const HOSTILE_CHART: ChartSpec = {
  id: 'hostile "<&>"',
  title: 'Tiêu đề <b>&amp;</b> "trích" \'đơn\'',
  type: 'column',
  categories: ['=SUM(A1:A9)', '_x0041_ giữ nguyên', 'A & B <c>'],
  series: [{ name: '=1+1', values: [1, 2, 3] }],
};
