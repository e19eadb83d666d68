import type { Catalog, Indicator, Task, UnitGroup } from '../catalog/schema';
import type { Period } from '../period/period';
import { DEFAULT_REPORTING_RULES, type ReportingRules } from '../period/config';
import { cachedDeadlineStatus, type DeadlineStatus } from '../period/status';
import { targetForYear, type TargetForYear } from '../period/target';
import type { Unit } from '../roster/schema';
import type { FormDefinition, ResultTypeRule } from './schema';

export type IndicatorRole = 'lead' | 'support';
export type TaskRole = 'lead' | 'coordinator';

export const INDICATOR_ROLE_LABELS: Readonly<Record<IndicatorRole, string>> = { lead: 'Đầu mối', support: 'Phối hợp' };
export const TASK_ROLE_LABELS: Readonly<Record<TaskRole, string>> = { lead: 'Chủ trì', coordinator: 'Phối hợp' };

/** How a result cell is typed and how Excel judges it against the target. */
export type ResultType =
  | { type: 'percent' | 'nonNegative' }
  | { type: 'list'; list: string; options: readonly string[] };

export interface IndicatorRow {
  indicator: Indicator;
  role: IndicatorRole;
  target: TargetForYear | null;
  result: ResultType;
}

export interface TaskRow {
  task: Task;
  role: TaskRole;
  deadline: DeadlineStatus;
}

export interface UnitRows {
  indicators: IndicatorRow[];
  tasks: TaskRow[];
}

/** The roster groups a unit belongs to, for plan phrases like "Các sở, ban, ngành" or "UBND cấp xã". */
export function groupsOfUnit(unit: Pick<Unit, 'kind'>): UnitGroup[] {
  return unit.kind === 'department' ? ['departments'] : ['communes'];
}

export function resultTypeFor(indicator: Indicator, definition: FormDefinition): ResultType {
  const targetTexts = new Set(Object.values(indicator.targets).map((t) => t.text));
  const matches = (rule: ResultTypeRule): boolean =>
    (rule.when.unit === undefined || rule.when.unit === indicator.unit) &&
    (rule.when.targetText === undefined || targetTexts.has(rule.when.targetText));
  const rule = definition.indicators.resultTypes.find(matches);
  if (!rule) throw new Error(`No result type rule for ${indicator.key}`);
  if (rule.type !== 'list') return { type: rule.type };
  const list = rule.list as string;
  return { type: 'list', list, options: definition.lists[list] as string[] };
}

/**
 * A unit's role on a task, reported once. Naming a body wins over a group phrase that covers it (Sở Tư pháp,
 * named to coordinate PL3.I.1, coordinates it though "các sở, ngành, địa phương" lead it); between two
 * namings, or two group phrases, lead wins.
 */
function taskRole(task: Task, unit: Unit, groups: UnitGroup[]): TaskRole | null {
  if (task.lead.includes(unit.code)) return 'lead';
  if (task.coordinators.includes(unit.code)) return 'coordinator';
  if (task.leadGroups.some((g) => groups.includes(g))) return 'lead';
  if (task.coordinatorGroups.some((g) => groups.includes(g))) return 'coordinator';
  return null;
}

/**
 * The rows a unit reports for a period, in plan order: the indicators it monitors and the tasks it
 * leads or coordinates, with this period's target and deadline status.
 * @example rowsForUnit(catalog, findUnit(roster, 'SYT')!, parsePeriod('2026-11')!, def).indicators.length // 5
 */
export function rowsForUnit(
  catalog: Catalog,
  unit: Unit,
  period: Period,
  definition: FormDefinition,
  rules: ReportingRules = DEFAULT_REPORTING_RULES,
): UnitRows {
  const groups = groupsOfUnit(unit);
  const indicators: IndicatorRow[] = catalog.indicators
    .filter((i) => i.monitors.includes(unit.code))
    .map((indicator) => ({
      indicator,
      role: indicator.monitors[0] === unit.code ? 'lead' : 'support',
      target: targetForYear(indicator.targets, period.year),
      result: resultTypeFor(indicator, definition),
    }));
  const tasks: TaskRow[] = [];
  for (const task of catalog.tasks) {
    const role = taskRole(task, unit, groups);
    if (role) tasks.push({ task, role, deadline: cachedDeadlineStatus(task.deadline, period, rules) });
  }
  return { indicators, tasks };
}
