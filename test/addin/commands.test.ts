// The ribbon's "Xóa đánh dấu": a function command in its own page; it must always call completed().
import { excelRun } from './_lib/excel';
import { FakeExcel, uninstallFakeOffice } from './fake-office/office';
import { HIGHLIGHT_FILLS, highlightIssues } from '../../addin/src/office/highlight';

afterEach(() => {
  uninstallFakeOffice();
  delete (globalThis as Record<string, unknown>).clearHighlights;
});

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

  it('completes even when Excel refuses (custom XML parts need ExcelApi 1.5)', async () => {
    workbook('1.4');
    const command = await loadCommands();
    const event = { completed: jest.fn() };
    await command(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});
