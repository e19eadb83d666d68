import { INPUT_TYPES, inputTypeRules } from '../../lib/template/input-types';
import { currentDefinition } from '../../lib/template/registry';
import type { InputSpec } from '../../lib/template/schema';

const definition = currentDefinition();
const input = (type: InputSpec['type'], extra: Partial<InputSpec> = {}): InputSpec => ({ type, required: false, ...extra });

describe('INPUT_TYPES: one table of what each input type does', () => {
  it.each([
    ['percent', 'number', 85.5, 150, 'cell/out-of-range', 'decimal'],
    ['nonNegative', 'number', 27.5, -1, 'cell/out-of-range', 'decimal'],
    ['date', 'date', '2026-12-05', '05/12/2026', 'cell/invalid-date', 'date'],
    ['email', 'text', 'vanthu@syt.thanhhoa.gov.vn', 'vanthu@', 'cell/invalid-email', 'custom'],
    ['phone', 'text', '0237 3852 111', '12345', 'cell/invalid-phone', 'textLength'],
    ['text', 'text', 'Đã triển khai', 'x'.repeat(101), 'cell/too-long', 'textLength'],
  ] as const)('%s: read as %s, accepts %p, refuses %p as %s, validated in Excel as %s', (type, read, good, bad, code, excel) => {
    const spec = input(type, { maxLength: 100 });
    const rules = INPUT_TYPES[type];
    expect(rules.read).toBe(read);
    expect(rules.schema(spec, definition).safeParse(good).success).toBe(true);
    expect(rules.schema(spec, definition).safeParse(bad).success).toBe(false);
    expect(rules.problem({ label: 'Ô', input: spec }, String(bad), definition).code).toBe(code);
    expect(rules.validation(spec, definition, 'H5').type).toBe(excel);
  });

  it('takes a list entry from the definition and names every entry when refusing another', () => {
    const spec = input('list', { list: 'taskStatus' });
    const entries = definition.lists.taskStatus as string[];
    expect(INPUT_TYPES.list.schema(spec, definition).safeParse(entries[1]).success).toBe(true);
    expect(INPUT_TYPES.list.problem({ label: 'Trạng thái', input: spec }, 'Xong', definition)).toEqual({ code: 'cell/not-in-list', params: { field: 'Trạng thái', value: 'Xong', options: entries.join('; ') } });
    expect(INPUT_TYPES.list.validation(spec, definition, 'G5').formulae).toEqual(['DS_taskStatus']);
  });

  it('counts a length in the characters a user sees, and colours numbers out of range in the template', () => {
    const emoji = '👍🏽'.repeat(60); // 60 characters, 240 UTF-16 units
    expect(INPUT_TYPES.text.schema(input('text', { maxLength: 100 }), definition).safeParse(emoji).success).toBe(true);
    expect(INPUT_TYPES.percent.problemFormula?.('J5')).toBe('OR(AND(ISNUMBER(J5),OR(J5<0,J5>100)),AND(LEN(J5)>0,NOT(ISNUMBER(J5))))');
    expect(INPUT_TYPES.text.problemFormula).toBeUndefined();
    expect(inputTypeRules(input('indicatorResult'))).toBe(INPUT_TYPES.text);
  });
});
