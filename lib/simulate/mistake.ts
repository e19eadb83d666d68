import type { IssueCode } from '../issues/catalog';
import type { UnitRows } from '../template/assign';

/** The slips the simulator can make on purpose, each with a known outcome (see MistakeSite). */
export const MISTAKES = ['percentOver100', 'doneAt40', 'missingRequired', 'percentAsText', 'textStartingWithEquals'] as const;
export type Mistake = (typeof MISTAKES)[number];

/** Text a user pastes into a cell that Excel would take for a formula if typed; written as a string it stays text. */
export const FORMULA_LIKE_TEXT = '=HYPERLINK("http://x","bấm vào đây")';

/** Where a mistake lands and what the validator says about it (`code` null: accepted without error). */
export interface MistakeSite {
  mistake: Mistake;
  sheet: 'indicators' | 'tasks';
  /** The row key: `PL1.II.5`, `PL3.III.3`. */
  key: string;
  /** The column id of the definition: `result`, `progress`, `status`, `difficulties`. */
  field: string;
  code: IssueCode | null;
}

/**
 * The row a mistake is made on, chosen from the unit's rows alone (so a test knows it in advance);
 * null when the unit has no such row (no percent indicator, no task).
 * @example findMistakeSite(rowsForUnit(catalog, unit, period, definition), 'doneAt40') // { key: 'PL2.1', field: 'progress', code: 'row/done-not-100', … }
 */
export function findMistakeSite(rows: UnitRows, mistake: Mistake): MistakeSite | null {
  const percent = rows.indicators.filter((i) => i.result.type === 'percent');
  const tasks = rows.tasks;
  const site = (sheet: MistakeSite['sheet'], key: string | undefined, field: string, code: IssueCode | null): MistakeSite | null =>
    key === undefined ? null : { mistake, sheet, key, field, code };
  switch (mistake) {
    case 'percentOver100':
      return site('indicators', percent[0]?.indicator.key, 'result', 'cell/out-of-range');
    case 'percentAsText':
      // The last percent indicator, so both percent mistakes on one unit land on different rows when they can.
      return site('indicators', percent[percent.length - 1]?.indicator.key, 'result', null);
    case 'doneAt40':
      return site('tasks', (tasks.find((t) => t.deadline.status !== 'overdue') ?? tasks[0])?.task.key, 'progress', 'row/done-not-100');
    case 'missingRequired':
      return site('tasks', tasks[tasks.length - 1]?.task.key, 'status', 'cell/required');
    case 'textStartingWithEquals':
      return site('tasks', (tasks.find((t) => t.deadline.status === 'overdue') ?? tasks[0])?.task.key, 'difficulties', null);
  }
}
