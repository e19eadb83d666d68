import { openSummaryWorkbook } from '../../../addin/src/office/new-workbook';
import { openWorkbook } from '../../../lib/read/workbook';
import type { SummaryModel } from '../../../lib/summary/model';
import { FakeExcel, uninstallFakeOffice } from '../fake-office/office';

const model: SummaryModel = {
  title: 'BÁO CÁO TỔNG HỢP',
  period: '2026-11',
  sheets: [{ id: 'overview', print: { use: 'paper', orientation: 'landscape' }, name: 'Tổng quan', title: 'BÁO CÁO TỔNG HỢP', columns: [{ header: 'Nội dung', width: 40, format: 'text' }, { header: 'Toàn tỉnh', width: 12, format: 'integer' }], rows: [['Đơn vị phải báo cáo', 187]], marks: [] }],
  charts: [],
  stamp: [['da06-tong-hop', 2], ['period', '2026-11']],
};

afterEach(() => uninstallFakeOffice());

describe('openSummaryWorkbook', () => {
  it('opens the summary .xlsx (the same file da06 consolidate writes) as a new workbook on ExcelApi 1.8', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Sheet1', cells: {} }] }, { apiVersion: '1.8' });
    fake.install();
    await openSummaryWorkbook(model, new Date(Date.UTC(2026, 11, 10)));
    const [base64] = fake.state.createdWorkbooks;
    const workbook = openWorkbook(new Uint8Array(Buffer.from(base64 as string, 'base64')));
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Tổng quan', '_da06_tonghop']);
  });

  it('is refused by Excel 2019 (ExcelApi 1.7), where the pane offers only the open workbook', async () => {
    new FakeExcel({ sheets: [{ name: 'Sheet1', cells: {} }] }, { apiVersion: '1.7' }).install();
    await expect(openSummaryWorkbook(model, new Date())).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
