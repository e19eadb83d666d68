import type { Roster } from '../roster/roster';
import type { SourcedValue } from '../validate/check';
import type { AssessedFile } from './assess';
import type { ConcernRecord } from './types';

/** Every difficulty and proposal the kept returns state (cover and task rows), in roster order, as typed. */
export function collectConcerns(roster: Roster, kept: ReadonlyMap<string, AssessedFile>): ConcernRecord[] {
  const concerns: ConcernRecord[] = [];
  for (const unit of roster.units) {
    const file = kept.get(unit.code);
    if (!file?.values) continue;
    const push = (kind: ConcernRecord['kind'], task: string | null, v: SourcedValue | undefined) => {
      if (typeof v?.value === 'string' && v.value.trim()) concerns.push({ unit: unit.code, unitName: unit.name, kind, task, text: v.value, file: file.name, cell: `${v.sheet}!${v.address}` });
    };
    push('difficulty', null, file.values.cover.difficulties);
    push('proposal', null, file.values.cover.proposals);
    for (const [key, row] of Object.entries(file.values.tasks)) {
      push('difficulty', key, row.difficulties);
      push('proposal', key, row.proposals);
    }
  }
  return concerns;
}
