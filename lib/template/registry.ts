import v1 from '../../templates/bao-cao-thang.v1.json';
import v2 from '../../templates/bao-cao-thang.v2.json';
import { formDefinitionSchema, type FormDefinition } from './schema';

/**
 * A definition released before its list entries carried meanings borrows them from the first later
 * version whose status list has the very same entries (v1 from v2): no meaning lives in code.
 */
function withMeanings(definitions: FormDefinition[]): FormDefinition[] {
  const statusList = (d: FormDefinition) => d.lists[d.tasks.columns.find((c) => c.id === 'status')?.input?.list ?? ''] ?? [];
  return definitions.map((d, i) => {
    if (d.tasks.statusMeanings) return d;
    const donor = definitions.slice(i + 1).find((later) => later.tasks.statusMeanings && JSON.stringify(statusList(later)) === JSON.stringify(statusList(d)));
    if (!donor) throw new Error(`Form definition ${d.id} v${d.version} has no task status meanings and no later version to borrow them from`);
    return { ...d, tasks: { ...d.tasks, statusMeanings: donor.tasks.statusMeanings } };
  });
}

/** Every released form definition, oldest first. A released version is never edited: add the next one. */
export const FORM_DEFINITIONS: readonly FormDefinition[] = withMeanings([formDefinitionSchema.parse(v1), formDefinitionSchema.parse(v2)]);

/** The version units fill this month. */
export function currentDefinition(): FormDefinition {
  return FORM_DEFINITIONS[FORM_DEFINITIONS.length - 1] as FormDefinition;
}

export function findDefinition(id: string, version: number): FormDefinition | undefined {
  return FORM_DEFINITIONS.find((d) => d.id === id && d.version === version);
}
