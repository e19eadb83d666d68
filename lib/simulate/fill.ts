import { DEFAULT_REPORTING_RULES } from '../period/config';
import { describePeriod } from '../period/period';
import { rowsForUnit } from '../template/assign';
import { buildWorkbook, type GenerateWorkbookOptions } from '../template/generate';
import { applyMistakes, draftAnswers } from './_lib/answers';
import { openForm } from './_lib/form';
import type { Mistake } from './mistake';
import type { Random } from './random';

export interface FillReturnOptions extends GenerateWorkbookOptions {
  random: Random;
  /** The day the report is signed, `YYYY-MM-DD`; written as a real date cell. */
  reportDate: string;
  mistakes?: readonly Mistake[];
  /** When the unit last saved the file (its modified time); defaults to `generatedAt`. */
  savedAt?: Date;
}

/**
 * A unit's template filled in the way a diligent civil servant would, as `.xlsx` bytes. Without
 * mistakes the return validates with no error; each mistake yields the issue its MistakeSite names.
 * Deterministic: the same options and seed give the same bytes.
 * @example const bytes = await fillReturn({ definition, catalog, unit, period, generatedAt, random: createRandom(1), reportDate: '2026-12-05' });
 */
export async function fillReturn(options: FillReturnOptions): Promise<Uint8Array> {
  const rules = options.rules ?? DEFAULT_REPORTING_RULES;
  const rows = rowsForUnit(options.catalog, options.unit, options.period, options.definition, rules);
  const form = openForm(buildWorkbook(options), options.definition, rows);
  const answers = draftAnswers({ unit: options.unit, info: describePeriod(options.period, rules), rows, random: options.random, reportDate: options.reportDate });
  applyMistakes(answers, rows, options.mistakes ?? [], options.unit.code);
  form.write(answers);
  return form.save(options.savedAt ?? options.generatedAt, String(answers.cover.preparerName));
}
