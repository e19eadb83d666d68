import type { Catalog, Task, UnitGroup } from '../catalog/schema';
import type { ReportingRules } from '../period/config';
import type { Period } from '../period/period';
import { cachedDeadlineStatus } from '../period/status';
import type { Roster } from '../roster/roster';
import type { Unit } from '../roster/schema';
import { DONE_MEANINGS, STARTED_MEANINGS } from '../template/meanings';
import type { AssessedFile } from './assess';
import type { TaskOverall, TaskSummary, TaskUnitStatus } from './types';

function unitsOfGroups(roster: Roster, groups: readonly UnitGroup[]): Unit[] {
  return roster.units.filter((u) => (u.kind === 'department' && groups.includes('departments')) || (u.kind === 'commune' && groups.includes('communes')));
}

/** The roster units that lead and coordinate a task; a unit named as one is not taken as the other by a group phrase (as rowsForUnit). */
export function taskUnits(task: Task, roster: Roster): { leads: string[]; coordinators: string[] } {
  const leads = [...new Set([...task.lead, ...unitsOfGroups(roster, task.leadGroups).map((u) => u.code).filter((c) => !task.coordinators.includes(c))])];
  const coordinators = [...new Set([...task.coordinators, ...unitsOfGroups(roster, task.coordinatorGroups).map((u) => u.code)])].filter((c) => !leads.includes(c));
  return { leads, coordinators };
}

/** One unit's row of a task as it reported it, or null when its kept return has no such row. */
function unitStatus(task: Task, code: string, role: TaskUnitStatus['role'], file: AssessedFile | undefined): TaskUnitStatus | null {
  const row = file?.values?.tasks[task.key];
  if (!file || !row) return null;
  const text = (f: string) => (typeof row[f]?.value === 'string' ? (row[f]?.value as string) : null);
  const progress = row.progress?.value;
  const status = text('status');
  const where = row.status ?? Object.values(row)[0];
  return {
    unit: code,
    role,
    status,
    meaning: status === null ? null : (file.statusMeanings?.[status] ?? null),
    progress: typeof progress === 'number' && progress >= 0 && progress <= 100 ? progress : null,
    results: text('results'),
    product: text('product'),
    difficulties: text('difficulties'),
    proposals: text('proposals'),
    file: file.name,
    cell: where ? `${where.sheet}!${where.address}` : '',
  };
}

/**
 * Where a task stands across the units that carry it: its leads, or its coordinators when the lead
 * is a central ministry outside the roster. Done only when every carrier reports it done.
 */
export function summariseTask(task: Task, roster: Roster, kept: ReadonlyMap<string, AssessedFile>, period: Period, rules: ReportingRules): TaskSummary {
  const { leads, coordinators } = taskUnits(task, roster);
  const rosterCodes = new Set(roster.units.map((u) => u.code));
  const leadsCarry = leads.some((c) => rosterCodes.has(c));
  const carriers = (leadsCarry ? leads : coordinators).filter((c) => rosterCodes.has(c));
  const roles = [...leads.map((unit) => ({ unit, role: 'lead' as const })), ...coordinators.map((unit) => ({ unit, role: 'coordinator' as const }))].filter((r) => rosterCodes.has(r.unit));
  const statuses = roles.map((r) => ({ ...r, status: unitStatus(task, r.unit, r.role, kept.get(r.unit)) }));
  const units = statuses.flatMap((s) => (s.status ? [s.status] : []));
  const unreported = statuses.filter((s) => !s.status).map(({ unit, role }) => ({ unit, role }));
  const carrying = units.filter((u) => carriers.includes(u.unit) && u.status !== null);
  const means = (set: ReadonlySet<string>) => (u: TaskUnitStatus) => u.meaning !== null && set.has(u.meaning);
  let overall: TaskOverall;
  if (carrying.length === 0) overall = 'noReport';
  else if (carrying.length === carriers.length && carrying.every(means(DONE_MEANINGS))) overall = 'done';
  else if (carrying.some(means(STARTED_MEANINGS))) overall = 'inProgress';
  else overall = 'notStarted';
  const progresses = carrying.map((u) => u.progress).filter((p): p is number => p !== null);
  const deadline = cachedDeadlineStatus(task.deadline, period, rules);
  return {
    key: task.key,
    appendix: task.appendix,
    text: task.text,
    leadText: task.leadText || task.external.join(', '),
    deadline: task.deadline.text,
    due: deadline.due,
    deadlineStatus: deadline.status,
    overall,
    overdue: deadline.status === 'overdue' && overall !== 'done',
    progress: progresses.length ? Math.round((progresses.reduce((a, b) => a + b, 0) / progresses.length) * 10) / 10 : null,
    carriedBy: carriers.length === 0 ? 'none' : leadsCarry ? 'lead' : 'coordinator',
    units,
    unreported,
  };
}

export function summariseTasks(catalog: Catalog, roster: Roster, kept: ReadonlyMap<string, AssessedFile>, period: Period, rules: ReportingRules): TaskSummary[] {
  return catalog.tasks.map((task) => summariseTask(task, roster, kept, period, rules));
}
