import type { FormDefinition, TaskStatusMeaning } from './schema';

/** Meanings of a finished task: on time or late, the work is done. */
export const DONE_MEANINGS: ReadonlySet<TaskStatusMeaning> = new Set(['done', 'doneLate']);

/** Meanings of a task that has started (done counts as started). */
export const STARTED_MEANINGS: ReadonlySet<TaskStatusMeaning> = new Set(['inProgress', 'done', 'doneLate']);

/**
 * What a task status entry means in this form definition (null for text that is no entry of its list).
 * The definition is the only source: a version that renames an entry needs no code change.
 * @example taskStatusMeaning(currentDefinition(), 'Hoàn thành quá hạn') === 'doneLate'
 */
export function taskStatusMeaning(definition: FormDefinition, status: string | null | undefined): TaskStatusMeaning | null {
  if (status === null || status === undefined) return null;
  return definition.tasks.statusMeanings?.[status] ?? null;
}

/** The entry of the status list that carries a meaning (the simulator and tests pick statuses by meaning). */
export function taskStatusText(definition: FormDefinition, meaning: TaskStatusMeaning): string {
  const entry = Object.entries(definition.tasks.statusMeanings ?? {}).find(([, m]) => m === meaning);
  if (!entry) throw new Error(`Form definition ${definition.id} v${definition.version} has no task status meaning ${meaning}`);
  return entry[0];
}
