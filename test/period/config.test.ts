import { DEFAULT_REPORTING_RULES, reportingRulesSchema } from '../../lib/period/config';

describe('reporting rules', () => {
  test('default to calendar-month data due before the 10th of the next month', () => {
    expect(DEFAULT_REPORTING_RULES).toEqual({ cutoff: 'calendarMonth', dueDayOfNextMonth: 10, dueIsExclusive: true });
  });

  test('cannot be changed in place by a caller', () => {
    expect(Object.isFrozen(DEFAULT_REPORTING_RULES)).toBe(true);
  });

  test('accept the Nghị định 09 cut-off from a configuration file', () => {
    const rules = { cutoff: 'decree09', dueDayOfNextMonth: 5, dueIsExclusive: false };
    expect(reportingRulesSchema.safeParse(rules).success).toBe(true);
  });

  test.each([
    ['a due day missing from February', { cutoff: 'calendarMonth', dueDayOfNextMonth: 29, dueIsExclusive: true }],
    ['a fractional due day', { cutoff: 'calendarMonth', dueDayOfNextMonth: 9.5, dueIsExclusive: true }],
    ['an unknown cut-off', { cutoff: 'quarter', dueDayOfNextMonth: 10, dueIsExclusive: true }],
  ])('reject %s', (_name, rules) => {
    expect(reportingRulesSchema.safeParse(rules).success).toBe(false);
  });
});
