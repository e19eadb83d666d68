// What each input type of a form does, in one table: how its cell is read, the rule its value follows,
// the issue a broken rule becomes, Excel's own validation in the template, and the conditional format
// that shows a problem without the add-in. The checker (lib/validate/check.ts) and the generator
// (lib/template/generate.ts) both look a type up here; neither switches on types of its own.
import { z } from 'zod';
import type { IssueCode } from '../issues/catalog';
import type { IssueParams } from '../issues/issue';
import { countGraphemes, EXCEL_CELL_UNITS, graphemesWithin } from '../text/graphemes';
import { listName } from './layout';
import type { FormDefinition, InputSpec, InputType } from './schema';

/** A type a cell can finally have; an indicator's result takes one of them from its unit and target. */
export type CellInputType = Exclude<InputType, 'indicatorResult'>;

/** Excel's data validation of an input cell, in the shape exceljs writes. */
export interface CellValidation {
  type: 'decimal' | 'list' | 'date' | 'custom' | 'textLength';
  operator?: 'between' | 'greaterThanOrEqual' | 'lessThanOrEqual';
  formulae: Array<number | string | Date>;
  prompt: string;
  error: string;
}

export interface InputTypeRules {
  /** How the cell is read leniently: a number (decimal comma, percent), a date, or text (a list entry matched). */
  read: 'number' | 'date' | 'text';
  /** The rule a value read this way must follow (empty cells are not checked here). */
  schema(input: InputSpec, definition: FormDefinition): z.ZodType;
  /** The issue a value that breaks the rule is reported as, and its parameters. */
  problem(field: { label: string; input: InputSpec }, shown: string, definition: FormDefinition): { code: IssueCode; params: IssueParams };
  /** Excel's validation of the input cell at `address` in the template. */
  validation(input: InputSpec, definition: FormDefinition, address: string): CellValidation;
  /** A formula, true when the cell at `address` holds a value Excel can tell is wrong (the template colours it). */
  problemFormula?(address: string): string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** 9–11 digits once spaces, dots, dashes and brackets are dropped; +84 counts as the leading 0. */
const PHONE = /^(\+?84|0)?\d{8,10}$/;
const DEFAULT_MAX_LENGTH = 4000;

/** Within the field's limit in characters the user counts, and within what one Excel cell can hold. */
function fitsLength(text: string, limit: number): boolean {
  if (text.length <= Math.min(limit, EXCEL_CELL_UNITS)) return true; // no more units than the limit: no more characters
  return text.length <= EXCEL_CELL_UNITS && countGraphemes(text) <= limit;
}

const TEXT: InputTypeRules = {
  read: 'text',
  schema: (input) => z.string().refine((s) => fitsLength(s, input.maxLength ?? DEFAULT_MAX_LENGTH)),
  problem: (field, text) => {
    const limit = field.input.maxLength ?? DEFAULT_MAX_LENGTH;
    const length = countGraphemes(text);
    if (length > limit) return { code: 'cell/too-long', params: { field: field.label, length, limit, excel: '' } };
    return { code: 'cell/too-long', params: { field: field.label, length, limit: graphemesWithin(text, EXCEL_CELL_UNITS), excel: ' (một ô Excel chỉ chứa được 32.767 đơn vị; mỗi biểu tượng cảm xúc tính từ 2 đến 11 đơn vị)' } };
  },
  validation: (input) => {
    const limit = input.maxLength ?? DEFAULT_MAX_LENGTH;
    return { type: 'textLength', operator: 'lessThanOrEqual', formulae: [limit], prompt: 'Nhập nội dung (chữ).', error: `Nội dung quá dài: tối đa ${limit} ký tự.` };
  },
};

/** Number typed, or text that is no number, in a numeric cell: the template colours both. */
const numberProblem = (outOfRange: (x: string) => string) => (x: string) => `OR(AND(ISNUMBER(${x}),${outOfRange(x)}),AND(LEN(${x})>0,NOT(ISNUMBER(${x}))))`;

export const INPUT_TYPES: Readonly<Record<CellInputType, InputTypeRules>> = {
  percent: {
    read: 'number',
    schema: () => z.number().min(0).max(100),
    problem: (field, shown) => ({ code: 'cell/out-of-range', params: { field: field.label, value: shown, rule: 'phải từ 0 đến 100', fix: 'Nhập tỷ lệ từ 0 đến 100, ví dụ 85,5.' } }),
    validation: () => ({ type: 'decimal', operator: 'between', formulae: [0, 100], prompt: 'Nhập số từ 0 đến 100 (không gõ dấu %), ví dụ 85,5.', error: 'Tỷ lệ phải là số từ 0 đến 100. Ví dụ: 85,5.' }),
    problemFormula: numberProblem((x) => `OR(${x}<0,${x}>100)`),
  },
  nonNegative: {
    read: 'number',
    schema: () => z.number().min(0),
    problem: (field, shown) => ({ code: 'cell/out-of-range', params: { field: field.label, value: shown, rule: 'không được âm', fix: 'Nhập số lớn hơn hoặc bằng 0.' } }),
    validation: () => ({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], prompt: 'Nhập số không âm, ví dụ 27,5.', error: 'Giá trị phải là số lớn hơn hoặc bằng 0.' }),
    problemFormula: numberProblem((x) => `${x}<0`),
  },
  list: {
    read: 'text',
    schema: (input, definition) => z.enum(definition.lists[input.list as string] as [string, ...string[]]),
    problem: (field, shown, definition) => ({ code: 'cell/not-in-list', params: { field: field.label, value: shown, options: (definition.lists[field.input.list as string] ?? []).join('; ') } }),
    validation: (input, definition) => {
      const options = definition.lists[input.list as string] as string[];
      return { type: 'list', formulae: [listName(input.list as string)], prompt: `Chọn một giá trị trong danh sách: ${options.join('; ')}.`.slice(0, 255), error: 'Chỉ chọn giá trị có trong danh sách thả xuống.' };
    },
  },
  date: {
    read: 'date',
    schema: () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    problem: (field, shown) => ({ code: 'cell/invalid-date', params: { field: field.label, value: shown } }),
    validation: () => ({ type: 'date', operator: 'between', formulae: [new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2035, 11, 31))], prompt: 'Nhập ngày dạng ngày/tháng/năm, ví dụ 05/12/2026.', error: 'Ngày không hợp lệ. Nhập dạng ngày/tháng/năm, ví dụ 05/12/2026.' }),
  },
  email: {
    read: 'text',
    schema: () => z.string().regex(EMAIL),
    problem: (_field, shown) => ({ code: 'cell/invalid-email', params: { value: shown } }),
    validation: (_input, _definition, x) => ({ type: 'custom', formulae: [`AND(ISNUMBER(FIND("@",${x})),ISNUMBER(FIND(".",${x})),ISERROR(FIND(" ",${x})))`], prompt: 'Nhập địa chỉ thư điện tử, ví dụ vanthu@thanhhoa.gov.vn.', error: 'Địa chỉ thư điện tử không hợp lệ (cần có @ và tên miền, không có dấu cách).' }),
  },
  phone: {
    read: 'text',
    schema: () => z.string().refine((s) => PHONE.test(s.replace(/[\s.\-()]/g, ''))),
    problem: (_field, shown) => ({ code: 'cell/invalid-phone', params: { value: shown } }),
    validation: () => ({ type: 'textLength', operator: 'between', formulae: [9, 20], prompt: 'Nhập số điện thoại, ví dụ 0237 3852 000 hoặc 0912 345 678.', error: 'Số điện thoại cần từ 9 đến 20 ký tự.' }),
  },
  text: TEXT,
  longText: TEXT,
};

/** The rules of an input's type; an unresolved indicator result is read and limited as text. */
export function inputTypeRules(input: InputSpec): InputTypeRules {
  return input.type === 'indicatorResult' ? TEXT : INPUT_TYPES[input.type];
}
