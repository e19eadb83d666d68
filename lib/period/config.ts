import { z } from 'zod';

/**
 * How monthly reports are cut off and when they are due. One object, so a province can change the rule without code.
 * - cutoff `calendarMonth`: data from the 1st to the last day of the month (the plan says nothing more);
 * - cutoff `decree09`: Nghị định 09/2019/NĐ-CP Điều 12, from the 15th of the previous month to the 14th;
 * - dueDayOfNextMonth: the day of month M+1 the report for month M is due (1–28, so it exists in every month);
 * - dueIsExclusive: true reads "trước ngày 10" literally, a report received on the 10th is late.
 */
export const reportingRulesSchema = z.object({
  cutoff: z.enum(['calendarMonth', 'decree09']),
  dueDayOfNextMonth: z.number().int().min(1).max(28),
  dueIsExclusive: z.boolean(),
});
export type ReportingRules = z.infer<typeof reportingRulesSchema>;

/**
 * Kế hoạch 210 section V.4: report "trước ngày 10 hàng tháng", calendar-month data.
 * @example describePeriod(parsePeriod('2026-11')!, DEFAULT_REPORTING_RULES).dueDate === '2026-12-10'
 */
export const DEFAULT_REPORTING_RULES: Readonly<ReportingRules> = Object.freeze({
  cutoff: 'calendarMonth',
  dueDayOfNextMonth: 10,
  // Faithful to "trước ngày 10" (before the 10th); set false to accept reports received on the 10th.
  dueIsExclusive: true,
});
