// Assessed files written as plain data, without any workbook: each merge step is tested on exactly
// the facts it reasons on.
import type { AssessedFile } from '../../../lib/consolidate/assess';
import type { IssueRecord } from '../../../lib/consolidate/types';
import { currentDefinition } from '../../../lib/template/registry';
import type { FieldValue, ReportValues, SourcedValue } from '../../../lib/validate/check';

export const I = 'Biểu 01 - Chỉ tiêu';
export const T = 'Biểu 02 - Nhiệm vụ';
export const C = 'Thông tin chung';

export interface AssessedSpec {
  unit?: string;
  receivedAt?: string;
  blocked?: boolean;
  errors?: IssueRecord[];
  cover?: Record<string, FieldValue>;
  /** Key → field → [value, cell]. */
  indicators?: Record<string, Record<string, [FieldValue, string]>>;
  tasks?: Record<string, Record<string, [FieldValue, string]>>;
}

const at = (sheet: string, [value, address]: [FieldValue, string]): SourcedValue => ({ value, address, sheet });

export function assessed(name: string, spec: AssessedSpec = {}): AssessedFile {
  const values: ReportValues = {
    cover: Object.fromEntries(Object.entries(spec.cover ?? {}).map(([id, value], i) => [id, { value, address: `D${17 + i}`, sheet: C }])),
    indicators: Object.fromEntries(Object.entries(spec.indicators ?? {}).map(([key, fields]) => [key, { assessment: { value: '', address: '', sheet: I }, ...Object.fromEntries(Object.entries(fields).map(([f, v]) => [f, at(I, v)])) }])),
    tasks: Object.fromEntries(Object.entries(spec.tasks ?? {}).map(([key, fields]) => [key, Object.fromEntries(Object.entries(fields).map(([f, v]) => [f, at(T, v)]))])),
    extraRows: [],
  };
  const errors = spec.errors ?? [];
  return {
    name,
    size: 1000,
    sha256: `sha-${name}`,
    ...(spec.receivedAt ? { receivedAt: spec.receivedAt } : {}),
    receivedAtSource: spec.receivedAt ? 'receipts' : 'unknown',
    readable: true,
    blocked: spec.blocked ?? false,
    ...(spec.unit ? { unit: spec.unit, unitName: spec.unit, period: '2026-11', templateVersion: currentDefinition().version } : {}),
    issues: errors,
    errors: errors.filter((e) => e.severity === 'error').length,
    warnings: errors.filter((e) => e.severity === 'warning').length,
    ...(spec.unit ? { values, statusMeanings: currentDefinition().tasks.statusMeanings } : {}),
  };
}
