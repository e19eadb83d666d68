import { summariseTask, taskUnits } from '../../lib/consolidate/tasks';
import { rowsForUnit } from '../../lib/template/assign';
import { loadCatalog, loadRoster } from '../../lib/node/seeds';
import { DEFAULT_REPORTING_RULES } from '../../lib/period/config';
import { parsePeriod } from '../../lib/period/period';
import type { FormDefinition } from '../../lib/template/schema';
import { currentDefinition } from '../../lib/template/registry';
import { assessed, T } from './_lib/assessed';

const catalog = loadCatalog();
const roster = loadRoster();
const period = parsePeriod('2026-11')!;
const task = (key: string) => catalog.tasks.find((t) => t.key === key)!;
const departments = roster.units.filter((u) => u.kind === 'department').map((u) => u.code);

describe('taskUnits', () => {
  it('expands a group phrase into the roster units, leaving out a unit the plan names on the other side', () => {
    // PL3.II.3: led by every provincial body, TTPVHCC named to coordinate: it coordinates, the other 20 lead.
    const { leads, coordinators } = taskUnits(task('PL3.II.3'), roster);
    expect([...leads].sort()).toEqual(departments.filter((c) => c !== 'TTPVHCC').sort());
    expect(coordinators).toEqual(['TTPVHCC']);
  });

  it('never lists a named lead again as coordinator when a coordinator group covers it', () => {
    // PL3.V.1: Công an tỉnh leads; "các sở, ban, ngành, UBND cấp xã" coordinate.
    const { leads, coordinators } = taskUnits(task('PL3.V.1'), roster);
    expect(leads).toEqual(['CAT']);
    expect(coordinators).toHaveLength(roster.units.length - 1);
    expect(coordinators).not.toContain('CAT');
  });

  it('gives every unit the role its own template gives it, on every task', () => {
    const mismatches: string[] = [];
    const rows = new Map(roster.units.map((u) => [u.code, new Map(rowsForUnit(catalog, u, period, currentDefinition()).tasks.map((r) => [r.task.key, r.role]))]));
    for (const t of catalog.tasks) {
      const { leads, coordinators } = taskUnits(t, roster);
      for (const u of roster.units) {
        const role = leads.includes(u.code) ? 'lead' : coordinators.includes(u.code) ? 'coordinator' : undefined;
        if (role !== rows.get(u.code)?.get(t.key)) mismatches.push(`${t.key} ${u.code}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('summariseTask', () => {
  const row = (status: string, progress: number) => ({ 'PL3.II.3': { status: [status, 'I5'] as [string, string], progress: [progress, 'J5'] as [number, string] } });

  it('is done only when every lead reports a done meaning, and in progress when one has started', () => {
    const allDone = new Map(departments.map((code) => [code, assessed(`${code}.xlsx`, { unit: code, tasks: row(code === 'CAT' ? 'Hoàn thành quá hạn' : 'Đã hoàn thành', 100) })]));
    const done = summariseTask(task('PL3.II.3'), roster, allDone, period, DEFAULT_REPORTING_RULES);
    expect([done.overall, done.overdue, done.progress, done.deadlineStatus, done.due]).toEqual(['done', false, 100, 'overdue', '2026-06-30']);
    expect(done.units.find((u) => u.unit === 'CAT')).toEqual(expect.objectContaining({ role: 'lead', status: 'Hoàn thành quá hạn', meaning: 'doneLate', file: 'CAT.xlsx', cell: `${T}!I5` }));

    const oneLeft = new Map(allDone);
    oneLeft.set('SYT', assessed('SYT.xlsx', { unit: 'SYT', tasks: row('Đang triển khai', 40) }));
    const open = summariseTask(task('PL3.II.3'), roster, oneLeft, period, DEFAULT_REPORTING_RULES);
    expect([open.overall, open.overdue]).toEqual(['inProgress', true]);
    // TTPVHCC coordinates PL3.II.3 (named in its "Cơ quan phối hợp" cell): 20 leads carry it, not 21.
    const leads = departments.length - 1;
    expect(open.progress).toBeCloseTo((100 * (leads - 1) + 40) / leads, 1);
  });

  it('does not wait for the named coordinator of a group-led task (TTPVHCC on PL3.II.3)', () => {
    const files = new Map(departments.map((code) => [code, assessed(`${code}.xlsx`, { unit: code, tasks: row(code === 'TTPVHCC' ? 'Đang triển khai' : 'Đã hoàn thành', code === 'TTPVHCC' ? 40 : 100) })]));
    const summary = summariseTask(task('PL3.II.3'), roster, files, period, DEFAULT_REPORTING_RULES);
    expect([summary.overall, summary.progress]).toEqual(['done', 100]);
    expect(summary.units.find((u) => u.unit === 'TTPVHCC')).toEqual(expect.objectContaining({ role: 'coordinator', status: 'Đang triển khai' }));
  });

  it('is "no report" when no carrier reported it, and "not started" when every report says so', () => {
    const none = summariseTask(task('PL3.II.3'), roster, new Map(), period, DEFAULT_REPORTING_RULES);
    expect(none.overall).toBe('noReport');
    const waiting = new Map([['CAT', assessed('CAT.xlsx', { unit: 'CAT', tasks: row('Chưa triển khai', 0) })]]);
    expect(summariseTask(task('PL3.II.3'), roster, waiting, period, DEFAULT_REPORTING_RULES).overall).toBe('notStarted');
  });

  it('reasons on meanings from the form definition, so a renamed status works without code', () => {
    const renamed: FormDefinition = { ...currentDefinition(), tasks: { ...currentDefinition().tasks, statusMeanings: { 'Chưa làm': 'notStarted', 'Đang làm': 'inProgress', Xong: 'done', 'Xong muộn': 'doneLate' } } };
    const file = { ...assessed('CAT.xlsx', { unit: 'CAT', tasks: row('Xong', 100) }), statusMeanings: renamed.tasks.statusMeanings };
    const summary = summariseTask(task('PL3.II.3'), roster, new Map([['CAT', file]]), period, DEFAULT_REPORTING_RULES);
    expect(summary.units[0]).toEqual(expect.objectContaining({ status: 'Xong', meaning: 'done' }));
    expect(summary.overall).toBe('inProgress'); // one of the 20 leads is done
  });
});
