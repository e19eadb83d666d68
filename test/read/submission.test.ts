// readSubmission on a workbook source held in memory (no zip, no XML): the layer that finds the
// identity, the sheets and every row by key, as the add-in's Office.js source feeds it too.
import type { CellModel, SheetModel, SheetState } from '../../lib/model/sheet';
import { readSubmission, type WorkbookSource } from '../../lib/read/submission';
import { SHEETS, templateFixture, type TemplateFixtureSpec } from '../_lib/template-fixture';
import type { FixtureCell, FixtureWorkbook } from '../_lib/xlsx-fixture';

/** A fixture's value as a cell model holds it. */
function valueOf(cell: FixtureCell): CellModel['value'] {
  if (cell === null || cell === undefined) return null;
  if (typeof cell !== 'object') return cell;
  if ('shared' in cell) return cell.shared;
  if ('formula' in cell) return cell.value ?? null;
  if ('date' in cell) return cell.date;
  if ('error' in cell) return { error: cell.error };
  return cell.value;
}

/** The fixture as a plain source: the sheets' cells straight into sheet models. */
function source(workbook: FixtureWorkbook, extra: Partial<WorkbookSource> = {}): WorkbookSource {
  const models = new Map<string, SheetModel>();
  for (const sheet of workbook.sheets) {
    const model: SheetModel = { name: sheet.name, state: (sheet.state ?? 'visible') as SheetState, rows: new Map() };
    sheet.rows.forEach((cells, r) => {
      const row = (sheet.startRow ?? 1) + r;
      cells.forEach((cell, c) => {
        const value = valueOf(cell);
        if (value === null) return;
        const address = `${String.fromCharCode(65 + c)}${row}`;
        model.rows.set(row, (model.rows.get(row) ?? new Map()).set(c + 1, { address, row, col: c + 1, value }));
      });
    });
    models.set(sheet.name, model);
  }
  return {
    sheets: workbook.sheets.map((s) => ({ name: s.name, state: (s.state ?? 'visible') as SheetState })),
    date1904: false,
    hasMacros: false,
    externalLinks: [],
    readSheet: (name) => models.get(name) as SheetModel,
    ...extra,
  };
}

const read = (spec: TemplateFixtureSpec, extra: Partial<WorkbookSource> = {}) => readSubmission(source(templateFixture(spec), extra));

describe('readSubmission', () => {
  it('finds every row by its key, whatever order the rows are in, and reads its cells', () => {
    const { submission, issues } = read({ indicators: [['PL1.II.5', { result: 80 }], ['PL1.I.3', { result: 55 }]], tasks: [['PL2.1', { status: 'Đang triển khai', progress: 30 }]] });
    expect(issues).toEqual([]);
    expect(submission?.identity).toEqual(expect.objectContaining({ unitCode: 'CAT', period: '2026-11' }));
    expect(submission?.indicators.map((r) => [r.key, r.fields.result?.cell?.value])).toEqual([['PL1.II.5', 80], ['PL1.I.3', 55]]);
    expect(submission?.tasks.map((r) => [r.key, r.fields.status?.cell?.value, r.fields.progress?.cell?.value])).toEqual([['PL2.1', 'Đang triển khai', 30]]);
    expect(submission?.sheetNames).toEqual({ cover: SHEETS.cover, indicators: SHEETS.indicators, tasks: SHEETS.tasks });
  });

  it('says a source without an identity is no template, and names a missing sheet', () => {
    expect(readSubmission(source({ sheets: [{ name: 'Sheet1', rows: [['Danh sách']] }] })).issues.map((i) => i.code)).toEqual(['workbook/not-template']);
    const fixture = templateFixture({ indicators: [['PL1.I.3', { result: 55 }]] });
    const withoutTasks = { ...fixture, sheets: fixture.sheets.filter((s) => s.name !== SHEETS.tasks) };
    expect(readSubmission(source(withoutTasks)).issues.map((i) => [i.code, i.params.expected])).toEqual([['sheet/missing', SHEETS.tasks]]);
  });

  it('gives any source the same macro and external-link issues, a file or the workbook open in Excel', () => {
    const { issues } = read({ indicators: [['PL1.I.3', { result: 55 }]] }, { hasMacros: true, externalLinks: ['[1]Sheet1!A1'] });
    expect(issues.map((i) => i.code)).toEqual(['file/macros-ignored', 'workbook/external-links']);
  });
});
