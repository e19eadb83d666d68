import { z } from 'zod';

/** Input types a template cell can take; each maps to one native validation and one rule in lib/validate. */
export const inputTypeSchema = z.enum(['text', 'longText', 'phone', 'email', 'date', 'percent', 'nonNegative', 'list', 'indicatorResult']);
export type InputType = z.infer<typeof inputTypeSchema>;

const inputSchema = z.object({
  type: inputTypeSchema,
  required: z.boolean(),
  list: z.string().optional(),
  maxLength: z.number().int().positive().optional(),
});
export type InputSpec = z.infer<typeof inputSchema>;

const columnSchema = z.object({
  id: z.string().regex(/^[a-z][A-Za-z]*$/),
  header: z.string(),
  width: z.number().positive(),
  /** What a generated (locked) column shows; absent on input columns. */
  source: z
    .enum(['stt', 'key', 'text', 'unitOfMeasure', 'role', 'target', 'assessment', 'leadText', 'deadlineText', 'deadlineStatus', 'roleAndLead', 'deadlineAndStatus'])
    .optional(),
  input: inputSchema.optional(),
});
export type ColumnSpec = z.infer<typeof columnSchema>;

const fieldSchema = z.object({
  id: z.string().regex(/^[a-z][A-Za-z]*$/),
  label: z.string(),
  type: inputTypeSchema,
  required: z.boolean(),
  maxLength: z.number().int().positive().optional(),
});
export type FieldSpec = z.infer<typeof fieldSchema>;

/** How an indicator's result is typed: the first rule whose condition holds wins. */
const resultTypeRuleSchema = z.object({
  when: z.object({ unit: z.string().optional(), targetText: z.string().optional() }),
  type: z.enum(['percent', 'nonNegative', 'list']),
  list: z.string().optional(),
});
export type ResultTypeRule = z.infer<typeof resultTypeRuleSchema>;

/** A line of the cover's instructions; one that names a sheet is shown only when the workbook has that sheet. */
const instructionSchema = z.union([z.string(), z.object({ text: z.string(), onlyWith: z.enum(['indicators']) })]);
export type Instruction = z.infer<typeof instructionSchema>;

/** What each input-cell colour means, on the cover (`text`) and above each data sheet's table (`label`). */
const legendSchema = z.object({
  title: z.string(),
  label: z.string(),
  items: z.array(z.object({ kind: z.enum(['input', 'missing', 'invalid']), label: z.string(), text: z.string() })).min(1),
  requiredMark: z.string(),
});
export type Legend = z.infer<typeof legendSchema>;

/** What a task status entry means, whatever its words: the merger and the rules reason on these. */
export const taskStatusMeaningSchema = z.enum(['notStarted', 'inProgress', 'done', 'doneLate']);
export type TaskStatusMeaning = z.infer<typeof taskStatusMeaningSchema>;

export const formDefinitionSchema = z
  .object({
    id: z.string(),
    version: z.number().int().positive(),
    released: z.string(),
    title: z.string(),
    province: z.string(),
    recipient: z.string(),
    font: z.object({ name: z.string(), size: z.number() }),
    lists: z.record(z.string(), z.array(z.string()).min(1)),
    cover: z.object({ sheetName: z.string(), instructions: z.array(instructionSchema), fields: z.array(fieldSchema) }),
    /** From version 2. */
    legend: legendSchema.optional(),
    indicators: z.object({
      sheetName: z.string(),
      title: z.string(),
      /** Version 1: a unit that monitors no indicator gets a Biểu 01 that says so. */
      emptyNote: z.string().optional(),
      /** From version 2: such a unit gets no Biểu 01, and its cover says why. */
      omittedNote: z.string().optional(),
      columns: z.array(columnSchema),
      resultTypes: z.array(resultTypeRuleSchema).min(1),
    }),
    tasks: z.object({
      sheetName: z.string(),
      title: z.string(),
      sections: z.object({ II: z.string(), III: z.string(), body: z.string() }),
      columns: z.array(columnSchema),
      /** The meaning of each entry of the status column's list (from version 2; earlier versions borrow it, see the registry). */
      statusMeanings: z.record(z.string(), taskStatusMeaningSchema).optional(),
    }),
    identitySheetName: z.string(),
    listsSheetName: z.string(),
  })
  .superRefine((def, ctx) => {
    const lists = new Set(Object.keys(def.lists));
    const listRefs = [
      ...def.indicators.columns.map((c) => c.input?.list),
      ...def.tasks.columns.map((c) => c.input?.list),
      ...def.indicators.resultTypes.map((r) => r.list),
    ];
    for (const ref of listRefs) if (ref !== undefined && !lists.has(ref)) ctx.addIssue({ code: 'custom', message: `unknown list ${ref}` });
    const statusList = def.tasks.columns.find((c) => c.id === 'status')?.input?.list;
    if (def.tasks.statusMeanings && statusList) {
      const entries = def.lists[statusList] ?? [];
      const meant = Object.keys(def.tasks.statusMeanings);
      if (entries.length !== meant.length || entries.some((e) => !meant.includes(e))) ctx.addIssue({ code: 'custom', message: `statusMeanings must give a meaning to exactly the entries of list ${statusList}` });
    }
    if ((def.indicators.emptyNote === undefined) === (def.indicators.omittedNote === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'indicators needs exactly one of emptyNote, omittedNote' });
    }
    for (const sheet of [def.indicators, def.tasks]) {
      for (const c of sheet.columns) {
        if (Boolean(c.source) === Boolean(c.input)) ctx.addIssue({ code: 'custom', message: `column ${c.id} needs exactly one of source, input` });
      }
    }
  });
export type FormDefinition = z.infer<typeof formDefinitionSchema>;
