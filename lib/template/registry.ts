import v1 from '../../templates/bao-cao-thang.v1.json';
import { formDefinitionSchema, type FormDefinition } from './schema';

/** Every released form definition, oldest first. A released version is never edited: add the next one. */
export const FORM_DEFINITIONS: readonly FormDefinition[] = [formDefinitionSchema.parse(v1)];

/** The version units fill this month. */
export function currentDefinition(): FormDefinition {
  return FORM_DEFINITIONS[FORM_DEFINITIONS.length - 1] as FormDefinition;
}

export function findDefinition(id: string, version: number): FormDefinition | undefined {
  return FORM_DEFINITIONS.find((d) => d.id === id && d.version === version);
}
