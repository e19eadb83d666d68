import { clearHighlights, HIGHLIGHT_FILLS, highlightIssues } from '../../../addin/src/office/highlight';
import { checkOpenWorkbook, highlightTargets } from '../../../addin/src/check/check-workbook';
import { MARKS_NAMESPACE, marksFromXml } from '../../../addin/src/office/_lib/marks';
import type { Issue } from '../../../lib/issues/issue';
import { excelRun } from '../_lib/excel';
import { catalog, filledReturn, openInFakeExcel, roster, SHEETS, type ReturnOptions } from '../_lib/returns';
import { uninstallFakeOffice, type FakeExcel } from '../fake-office/office';

const ctx = { catalog, roster };

async function checked(mistakes: ReturnOptions['mistakes'] = ['percentOver100', 'doneAt40', 'missingRequired']): Promise<{ fake: FakeExcel; issues: Issue[] }> {
  const fake = await openInFakeExcel(await filledReturn('SYT', { seed: 2, mistakes }));
  const check = await excelRun((context) => checkOpenWorkbook(context, ctx));
  return { fake, issues: check.issues };
}

const located = (issues: Issue[]) => issues.filter((i) => i.sheet && i.cell) as Array<Issue & { sheet: string; cell: string }>;

afterEach(() => uninstallFakeOffice());

describe('highlightIssues', () => {
  it('colours each cell in error on the protected template (it allows formatting) and records its own fill', async () => {
    const { fake, issues } = await checked();
    const targets = located(issues);
    const before = new Map(targets.map((i) => [`${i.sheet}!${i.cell}`, fake.fillOf(i.sheet, i.cell)]));
    expect(fake.sheet(SHEETS.tasks).protection.protected).toBe(true);
    const result = await excelRun((context) => highlightIssues(context, issues));
    expect(result).toEqual({ highlighted: new Set(before.keys()).size, written: new Set(before.keys()).size, refused: [] });
    for (const issue of targets) expect(fake.fillOf(issue.sheet, issue.cell)).toBe(HIGHLIGHT_FILLS[issues.some((i) => i.cell === issue.cell && i.sheet === issue.sheet && i.severity === 'error') ? 'error' : 'warning']);
    const parts = fake.state.customXmlParts.filter((p) => p.namespaceUri === MARKS_NAMESPACE);
    expect(parts).toHaveLength(1);
    const recorded = marksFromXml(parts[0]?.xml ?? '');
    expect(new Map(recorded.map((m) => [`${m.sheet}!${m.cell}`, m.fill]))).toEqual(new Map([...before].map(([k, v]) => [k, v ?? '#FFFFFF'])));
  });

  it('keeps the first original fill when a cell is coloured again, and restores cells that are fixed', async () => {
    const { fake, issues } = await checked(['doneAt40']);
    const issue = located(issues).find((i) => i.code === 'row/done-not-100') as Issue & { sheet: string; cell: string };
    const own = fake.fillOf(issue.sheet, issue.cell);
    await excelRun((context) => highlightIssues(context, issues));
    await excelRun((context) => highlightIssues(context, issues));
    expect(marksFromXml(fake.state.customXmlParts[0]?.xml ?? '').find((m) => m.cell === issue.cell)?.fill).toBe(own);
    await excelRun((context) => highlightIssues(context, issues.filter((i) => i !== issue)));
    expect(fake.fillOf(issue.sheet, issue.cell)).toBe(own);
  });

  it('writes nothing when a re-check finds the same problems: no fill, no record, so no change event and Undo is kept', async () => {
    const { fake, issues } = await checked();
    await excelRun((context) => highlightIssues(context, issues));
    const part = fake.state.customXmlParts[0];
    const seen: string[] = [];
    await excelRun(async (context) => {
      for (const sheet of [SHEETS.indicators, SHEETS.tasks]) context.workbook.worksheets.getItem(sheet).onChanged.add(async (e) => void seen.push(e.address));
      await context.sync();
    });
    const requests = fake.requests.length;
    const again = await excelRun((context) => highlightIssues(context, issues));
    await fake.settle();
    expect(again.written).toBe(0);
    expect(seen).toEqual([]);
    expect(fake.state.customXmlParts).toEqual([part]);
    expect(fake.requests.length - requests).toBe(2); // the two reads, no write
  });

  it('after one fix, writes only that cell back and the record once', async () => {
    const { fake, issues } = await checked();
    await excelRun((context) => highlightIssues(context, issues));
    const fixed = located(issues).find((i) => i.code === 'row/done-not-100') as Issue & { sheet: string; cell: string };
    const seen: string[] = [];
    await excelRun(async (context) => {
      for (const sheet of [SHEETS.indicators, SHEETS.tasks]) context.workbook.worksheets.getItem(sheet).onChanged.add(async (e) => void seen.push(e.address));
      await context.sync();
    });
    const result = await excelRun((context) => highlightIssues(context, issues.filter((i) => i !== fixed)));
    await fake.settle();
    expect(result.written).toBe(1);
    expect(seen).toEqual([fixed.cell]);
    expect(marksFromXml(fake.state.customXmlParts[0]?.xml ?? '').map((m) => m.cell)).not.toContain(fixed.cell);
  });

  it('colours the status as well as the progress when the two contradict each other', async () => {
    const fake = await openInFakeExcel(await filledReturn('SYT', { seed: 2, mistakes: ['doneAt40'] }));
    const check = await excelRun((context) => checkOpenWorkbook(context, ctx));
    const issue = check.issues.find((i) => i.code === 'row/done-not-100') as Issue;
    const status = check.submission?.tasks.find((t) => t.key === issue.key)?.fields.status?.address as string;
    expect(status).not.toBe(issue.cell);
    await excelRun((context) => highlightIssues(context, highlightTargets(check)));
    expect([fake.fillOf(SHEETS.tasks, issue.cell as string), fake.fillOf(SHEETS.tasks, status)]).toEqual([HIGHLIGHT_FILLS.error, HIGHLIGHT_FILLS.error]);
  });

  it('leaves a sheet protected without "Format cells" alone and says which sheet', async () => {
    const { fake, issues } = await checked();
    fake.sheet(SHEETS.tasks).protection.options.allowFormatCells = false;
    const taskCells = located(issues).filter((i) => i.sheet === SHEETS.tasks);
    const before = taskCells.map((i) => fake.fillOf(i.sheet, i.cell));
    const result = await excelRun((context) => highlightIssues(context, issues));
    expect(result.refused).toEqual([{ sheet: SHEETS.tasks, reason: 'protected' }]);
    expect(taskCells.map((i) => fake.fillOf(i.sheet, i.cell))).toEqual(before);
    expect(located(issues).filter((i) => i.sheet === SHEETS.indicators).every((i) => fake.fillOf(i.sheet, i.cell) === HIGHLIGHT_FILLS.error)).toBe(true);
  });

  it('does not colour again after the colours were cleared, when asked to follow only (re-check after edits)', async () => {
    const { fake, issues } = await checked();
    await excelRun((context) => highlightIssues(context, issues));
    await excelRun((context) => clearHighlights(context));
    const result = await excelRun((context) => highlightIssues(context, issues, { onlyIfMarked: true }));
    expect(result.skipped).toBe(true);
    expect(located(issues).some((i) => fake.fillOf(i.sheet, i.cell) === HIGHLIGHT_FILLS.error)).toBe(false);
  });

  it('stays on while there is nothing to colour, so the next re-check colours new errors', async () => {
    const { fake } = await checked([]);
    await excelRun((context) => highlightIssues(context, []));
    const typo: Issue = { code: 'cell/required', severity: 'error', sheet: SHEETS.cover, cell: 'D17', params: { field: 'Họ và tên người lập báo cáo' } };
    const result = await excelRun((context) => highlightIssues(context, [typo], { onlyIfMarked: true }));
    expect(result.skipped).toBeUndefined();
    expect(fake.fillOf(SHEETS.cover, 'D17')).toBe(HIGHLIGHT_FILLS.error);
  });
});

describe('clearHighlights', () => {
  it("puts every cell's own fill back (no fill stays no fill) and removes the record", async () => {
    const { fake, issues: found } = await checked();
    const row = (located(found).find((i) => i.sheet === SHEETS.indicators)?.cell ?? '').replace(/^[A-Z]+/, '');
    // The assessment cell is locked and has no fill of its own: it must get none back.
    const overwritten: Issue = { code: 'cell/formula-overwritten', severity: 'warning', sheet: SHEETS.indicators, cell: `I${row}`, params: {} };
    const issues = [...found, overwritten];
    const targets = located(issues);
    const before = targets.map((i) => fake.fillOf(i.sheet, i.cell));
    expect(before).toContain(null);
    await excelRun((context) => highlightIssues(context, issues));
    const result = await excelRun((context) => clearHighlights(context));
    expect(result.restored).toBe(new Set(targets.map((i) => `${i.sheet}!${i.cell}`)).size);
    expect(targets.map((i) => fake.fillOf(i.sheet, i.cell))).toEqual(before);
    expect(fake.state.customXmlParts).toEqual([]);
  });

  it('keeps the record of a sheet that no longer allows formatting, and says so', async () => {
    const { fake, issues } = await checked();
    await excelRun((context) => highlightIssues(context, issues));
    fake.sheet(SHEETS.indicators).protection.options.allowFormatCells = false;
    const result = await excelRun((context) => clearHighlights(context));
    expect(result.refused).toEqual([{ sheet: SHEETS.indicators, reason: 'protected' }]);
    expect(marksFromXml(fake.state.customXmlParts[0]?.xml ?? '').every((m) => m.sheet === SHEETS.indicators)).toBe(true);
  });
});
