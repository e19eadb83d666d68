import { ISSUE_CATALOG, ISSUE_CODES } from './catalog';

const NAMESPACE_TITLES: Record<string, string> = {
  file: 'Tệp (không đọc được nội dung)',
  workbook: 'Sổ tính (nhận dạng biểu mẫu)',
  sheet: 'Trang tính',
  row: 'Dòng',
  cell: 'Ô',
  contact: 'Danh bạ đơn vị (da06 contacts import)',
  mail: 'Thư điện tử (da06 send, collect, remind)',
};

/** The reference of every issue code, generated from the catalogue (lib/issues/ma-loi.md). */
export function renderIssueReference(): string {
  const lines = [
    '# Mã lỗi và cảnh báo của da06',
    '',
    'Tệp này được sinh tự động từ `lib/issues/catalog.ts` (`npm run docs:issues`); không sửa tay.',
    'Lỗi *chặn tổng hợp*: tệp bị từ chối, số liệu không được đưa vào báo cáo tổng hợp (vẫn ghi trong nhật ký tiếp nhận).',
    'Các lỗi khác được đánh dấu trong báo cáo tổng hợp nhưng số liệu vẫn được tính.',
    '',
  ];
  for (const [namespace, title] of Object.entries(NAMESPACE_TITLES)) {
    lines.push(`## ${title}`, '', '| Mã | Mức | Tên | Nội dung thông báo |', '| --- | --- | --- | --- |');
    for (const code of ISSUE_CODES.filter((c) => c.startsWith(`${namespace}/`))) {
      const spec = ISSUE_CATALOG[code];
      const level = spec.severity === 'error' ? ('blocks' in spec && spec.blocks ? 'Lỗi, chặn tổng hợp' : 'Lỗi') : 'Cảnh báo';
      lines.push(`| \`${code}\` | ${level} | ${spec.title} | ${spec.message.replace(/\|/g, '\\|')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
