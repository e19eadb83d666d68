import { z } from 'zod';

/** A calendar date without time or zone, `YYYY-MM-DD`. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PLAN_YEARS = ['2026', '2027', '2028', '2029', '2030'] as const;
export type PlanYear = (typeof PLAN_YEARS)[number];

/** One yearly target of a Phụ lục I indicator, typed, with the plan's own words kept. */
export const targetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number'), value: z.number(), text: z.string() }),
  z.object({ kind: z.literal('atLeast'), value: z.number(), text: z.string() }),
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('none'), text: z.string() }),
]);
export type Target = z.infer<typeof targetSchema>;

/**
 * Named groups of reporting units, used where the plan names a family of bodies instead of a body.
 * - departments: every provincial body in the roster; communes: every xã/phường;
 * - related: "các đơn vị có liên quan" and the like, which names nobody (kept as written, no rows);
 * - byField: "theo lĩnh vực được phân công": the units assigned per field in the sibling rows (no row of its own).
 */
export const unitGroupSchema = z.enum(['departments', 'communes', 'related', 'byField']);
export type UnitGroup = z.infer<typeof unitGroupSchema>;

/** What a cell naming bodies resolved to: roster codes, groups, and bodies outside the province. */
export const assignmentSchema = z.object({
  text: z.string(),
  units: z.array(z.string()),
  groups: z.array(unitGroupSchema),
  external: z.array(z.string()),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const deadlineSchema = z.discriminatedUnion('kind', [
  /** A date by which the task is due (`Tháng 12/2026` → 2026-12-31). */
  z.object({ kind: z.literal('due'), due: isoDateSchema, text: z.string() }),
  /** `Thực hiện thường xuyên`: no end; reported every month. */
  z.object({ kind: z.literal('recurring'), text: z.string() }),
  /** Due once, then kept up (`Hoàn thành trong tháng 6/2026 duy trì thường xuyên`). */
  z.object({ kind: z.literal('dueThenRecurring'), due: isoDateSchema, text: z.string() }),
  /** Assessed at milestones (`Đánh giá theo các mốc năm 2027, 2030`): each the end of that year. */
  z.object({ kind: z.literal('milestones'), milestones: z.array(isoDateSchema).min(1), text: z.string() }),
  /** Depends on something else (`Sau khi …`, `Theo hướng dẫn của …`); a date inside is kept as `due`. */
  z.object({ kind: z.literal('conditional'), condition: z.string(), due: isoDateSchema.optional(), text: z.string() }),
]);
export type Deadline = z.infer<typeof deadlineSchema>;

export const indicatorSchema = z.object({
  key: z.string().regex(/^PL1\.[IVX]+\.\d+$/),
  group: z.string(),
  number: z.number().int().positive(),
  text: z.string(),
  /** Unit of measure as the plan writes it (`%`, `lần GDP`, `CSDL`, `-` …); null where the cell is blank. */
  unit: z.string().nullable(),
  targets: z.record(z.enum(PLAN_YEARS), targetSchema),
  /** Monitoring units (ĐƠN VỊ THEO DÕI) in the plan's order; the first is the lead (đầu mối). */
  monitors: z.array(z.string()),
  monitorGroups: z.array(unitGroupSchema),
  monitorsText: z.string(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const taskSchema = z.object({
  key: z.string().regex(/^(PL2\.\d+|PL3\.[IVX]+\.\d+|KH\.V\.\d+\.\d+)$/),
  appendix: z.enum(['II', 'III', 'body']),
  group: z.string(),
  number: z.number().int().positive(),
  text: z.string(),
  lead: z.array(z.string()),
  leadGroups: z.array(unitGroupSchema),
  coordinators: z.array(z.string()),
  coordinatorGroups: z.array(unitGroupSchema),
  /** Bodies outside the province's roster (ministries, central agencies), as the plan names them. */
  external: z.array(z.string()),
  leadText: z.string(),
  coordinatorsText: z.string(),
  deadline: deadlineSchema,
  product: z.string(),
  /** Footnote the plan attaches to the task, if any. */
  note: z.string().optional(),
});
export type Task = z.infer<typeof taskSchema>;

export const groupSchema = z.object({
  appendix: z.enum(['I', 'II', 'III']),
  id: z.string(),
  title: z.string(),
});
export type Group = z.infer<typeof groupSchema>;

export const catalogSchema = z.object({
  source: z.object({ title: z.string(), file: z.string(), sha256: z.string() }),
  groups: z.array(groupSchema),
  indicators: z.array(indicatorSchema),
  tasks: z.array(taskSchema),
});
export type Catalog = z.infer<typeof catalogSchema>;
