// The ribbon's "Xóa đánh dấu": a function command in its own page; it must always call completed().
import { excelRun } from './_lib/excel';
import { FakeExcel, uninstallFakeOffice } from './fake-office/office';
import { HIGHLIGHT_FILLS, highlightIssues } from '../../addin/src/office/highlight';

const COMMANDS_URL = 'https://localhost:3000/commands.html';

beforeEach(() => {
  (globalThis as Record<string, unknown>).window = { location: { href: COMMANDS_URL, hash: '' } };
});

afterEach(() => {
  uninstallFakeOffice();
  delete (globalThis as Record<string, unknown>).clearHighlights;
  delete (globalThis as Record<string, unknown>).window;
});

/** The message the command put in its dialog's address (the dialog page shows it). */
function dialogMessage(fake: FakeExcel): { title: string; lines: string[] } {
  const url = fake.dialogs[0]?.url ?? '';
  expect(url.startsWith(`${COMMANDS_URL}#thong-bao=`)).toBe(true);
  return JSON.parse(decodeURIComponent(url.slice(url.indexOf('=') + 1))) as { title: string; lines: string[] };
}

function workbook(apiVersion: string): FakeExcel {
  const fake = new FakeExcel({ sheets: [{ name: 'Biểu', cells: { B2: { v: 150, fill: '#FFF2CC' }, C2: { v: 'x' } } }] }, { apiVersion });
  fake.install();
  return fake;
}

async function loadCommands(): Promise<(event: { completed: () => void }) => Promise<void>> {
  let exported: { clearHighlightsCommand: (event: { completed: () => void }) => Promise<void> } | undefined;
  jest.isolateModules(() => {
    exported = jest.requireActual<NonNullable<typeof exported>>('../../addin/src/commands');
  });
  await new Promise((resolve) => setTimeout(resolve, 0)); // Office.onReady
  return (exported as NonNullable<typeof exported>).clearHighlightsCommand;
}

describe('clearHighlights function command', () => {
  it('is found by name on the page and through Office.actions, restores fills and completes', async () => {
    const fake = workbook('1.17');
    await excelRun((context) => highlightIssues(context, [{ code: 'cell/out-of-range', severity: 'error', sheet: 'Biểu', cell: 'B2', params: {} }, { code: 'row/below-target', severity: 'warning', sheet: 'Biểu', cell: 'C2', params: {} }]));
    expect([fake.fillOf('Biểu', 'B2'), fake.fillOf('Biểu', 'C2')]).toEqual([HIGHLIGHT_FILLS.error, HIGHLIGHT_FILLS.warning]);
    const command = await loadCommands();
    expect((globalThis as Record<string, unknown>).clearHighlights).toBe(command);
    expect(fake.actions.get('clearHighlights')).toBe(command);
    const event = { completed: jest.fn() };
    await command(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect([fake.fillOf('Biểu', 'B2'), fake.fillOf('Biểu', 'C2')]).toEqual(['#FFF2CC', null]);
  });

  it('shows nothing when every colour came off', async () => {
    const fake = workbook('1.17');
    const command = await loadCommands();
    await command({ completed: jest.fn() });
    expect(fake.dialogs).toEqual([]);
  });

  it('says in a dialog why it could not clear when Excel refuses, and completes once the user closes it', async () => {
    const fake = workbook('1.4'); // custom XML parts need ExcelApi 1.5
    const command = await loadCommands();
    const event = { completed: jest.fn() };
    const running = command(event);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(dialogMessage(fake).title).toBe('Không xóa được đánh dấu');
    expect(dialogMessage(fake).lines[0]).toContain('phiên bản Excel này chưa hỗ trợ thao tác cần dùng [ApiNotFound]');
    expect(event.completed).not.toHaveBeenCalled();
    fake.userClosesDialog();
    await running;
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it('names the protected sheet whose colours had to stay; the dialog\'s own button closes it', async () => {
    const fake = workbook('1.17');
    await excelRun((context) => highlightIssues(context, [{ code: 'cell/out-of-range', severity: 'error', sheet: 'Biểu', cell: 'B2', params: {} }]));
    fake.sheet('Biểu').protection = { protected: true, options: { allowFormatCells: false } };
    const command = await loadCommands();
    const event = { completed: jest.fn() };
    const running = command(event);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(dialogMessage(fake)).toEqual({ title: 'Còn ô chưa bỏ tô màu', lines: [expect.stringContaining('Trang "Biểu" đang được bảo vệ'), expect.stringContaining('Đã trả lại màu nền của 0 ô')] });
    fake.messageFromDialog('dong');
    await running;
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(fake.dialogs[0]?.open).toBe(false);
  });
});
