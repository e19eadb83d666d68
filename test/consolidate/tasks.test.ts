import { summariseTask, taskUnits } from '../../lib/consolidate/tasks';
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
  it('expands a group phrase into the roster units and never lists a lead again as coordinator', () => {
    // PL3.II.3: led by every provincial body, TTPVHCC coordinating, though it is one of those bodies.
    const { leads, coordinators } = taskUnits(task('PL3.II.3'), roster);
    expect([...leads].sort()).toEqual([...departments].sort());
    expect(coordinators).toEqual([]);
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
    expect(open.progress).toBeCloseTo((100 * (departments.length - 1) + 40) / departments.length, 1);
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
    expect(summary.overall).toBe('inProgress'); // one of the 21 leads is done
  });
});
