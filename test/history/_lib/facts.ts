// Months of a province in miniature, built from small inline tables (not by the merger): a plan of three
// indicators and four tasks, three units, and each month's standing as a summary's facts carry it.
import { catalogHash } from '../../../lib/catalog/hash';
import { catalogSchema, type Catalog, type Deadline, type Target } from '../../../lib/catalog/schema';
import { rates } from '../../../lib/consolidate/timeliness';
import type { IndicatorSummary, TaskOverall, TaskSummary, UnitSubmission } from '../../../lib/consolidate/types';
import type { Timeliness } from '../../../lib/history/types';
import { describePeriod, parsePeriod, type Period } from '../../../lib/period/period';
import { deadlineStatus } from '../../../lib/period/status';
import type { SummaryFacts } from '../../../lib/summary/facts';
import type { FieldValue } from '../../../lib/validate/check';

const none: Target = { kind: 'none', text: '-' };
const yearly = (t2026: Target, t2027: Target = none) => ({ '2026': t2026, '2027': t2027, '2028': none, '2029': none, '2030': none });

function indicator(key: string, unit: string, targets: ReturnType<typeof yearly>, text: string) {
  return { key, group: 'I', number: Number(key.split('.').pop()), text, unit, targets, monitors: ['SYT'], monitorGroups: [], monitorsText: 'Sở Y tế' };
}

function task(key: string, deadline: Deadline, lead: string[]) {
  return { key, appendix: 'III' as const, group: 'I', number: Number(key.split('.').pop()), text: `Nhiệm vụ ${key}`, lead, leadGroups: [], coordinators: [], coordinatorGroups: [], external: [], leadText: lead.length ? 'Sở Y tế' : '', coordinatorsText: '', deadline, product: 'Báo cáo' };
}

export const catalog: Catalog = catalogSchema.parse({
  source: { title: 'Kế hoạch thử', file: 'ke-hoach.md', sha256: '0'.repeat(64) },
  groups: [{ appendix: 'I', id: 'I', title: 'Nhóm I' }],
  indicators: [
    indicator('PL1.I.1', '%', yearly({ kind: 'number', value: 80, text: '80' }), 'Tỷ lệ hồ sơ số hóa'),
    indicator('PL1.I.2', 'CSDL', yearly({ kind: 'text', text: 'Hoàn thành' }), 'Cơ sở dữ liệu chuyên ngành y tế'),
    indicator('PL1.I.3', '%', yearly(none, { kind: 'number', value: 90, text: '90' }), 'Tỷ lệ đặt lịch khám trực tuyến'),
  ],
  tasks: [
    task('PL3.I.1', { kind: 'due', due: '2026-10-31', text: 'Tháng 10/2026' }, ['SYT']),
    task('PL3.I.2', { kind: 'recurring', text: 'Thực hiện thường xuyên' }, ['SYT']),
    task('PL3.I.3', { kind: 'due', due: '2026-12-31', text: 'Tháng 12/2026' }, ['SYT']),
    task('PL3.I.4', { kind: 'due', due: '2026-12-15', text: 'Trước ngày 16/12/2026' }, []),
  ],
});

export const UNITS: ReadonlyArray<[string, string, UnitSubmission['kind']]> = [
  ['SYT', 'Sở Y tế', 'department'],
  ['STP', 'Sở Tư pháp', 'department'],
  ['15127', 'Xã Hoằng Hóa', 'commune'],
];

export interface MonthSpec {
  generatedAt?: string;
  catalogHash?: string;
  /** Each unit's standing, in UNITS order. */
  units?: Timeliness[];
  /** Province value, and its assessment (flagged: the cell had an error). */
  indicators?: Record<string, [FieldValue, IndicatorSummary['status']]>;
  tasks?: Record<string, TaskOverall>;
}

function submission([unit, unitName, kind]: (typeof UNITS)[number], state: Timeliness): UnitSubmission {
  const base = { unit, unitName, kind, errors: 0, warnings: 0 };
  switch (state) {
    case 'missing':
      return { ...base, state: 'missing', received: false };
    case 'rejected':
      return { ...base, state: 'rejected', received: false, rejected: { file: 'hong.xlsx', code: 'file/corrupt', message: 'Tệp hỏng' } };
    case 'unknownTime':
      return { ...base, state: 'unknownTime', received: true, file: `${unit}.xlsx`, receivedAtSource: 'unknown' };
    default:
      return { ...base, state: state === 'late' ? 'late' : 'onTime', received: true, file: `${unit}.xlsx`, receivedAtSource: 'receipts', onTime: state === 'onTime', daysLate: state === 'late' ? 3 : 0 };
  }
}

/** A month's facts as a da06 summary would carry them. */
export function month(id: string, spec: MonthSpec = {}): SummaryFacts {
  const period = parsePeriod(id) as Period;
  const info = describePeriod(period);
  const submissions = UNITS.map((u, i) => submission(u, spec.units?.[i] ?? 'onTime'));
  const indicators: IndicatorSummary[] = catalog.indicators.map((ind) => {
    const [value, status] = spec.indicators?.[ind.key] ?? [null, 'noData'];
    return { key: ind.key, group: ind.group, text: ind.text, unitOfMeasure: ind.unit, target: ind.targets['2026'].text === '-' ? '90 (năm 2027)' : ind.targets['2026'].text, lead: 'SYT', value, status, flagged: status === 'flagged', others: [], disagree: false } as IndicatorSummary;
  });
  const tasks: TaskSummary[] = catalog.tasks.map((t) => {
    const overall = spec.tasks?.[t.key] ?? 'inProgress';
    const d = deadlineStatus(t.deadline, period);
    return { key: t.key, appendix: t.appendix, text: t.text, leadText: t.leadText, deadline: t.deadline.text, due: d.due, deadlineStatus: d.status, overall, overdue: d.status === 'overdue' && overall !== 'done', progress: null, carriedBy: 'lead', units: [], unreported: [] };
  });
  return {
    period: id,
    catalogHash: spec.catalogHash ?? catalogHash(catalog),
    periodLabel: info.label,
    cutoffStart: info.cutoffStart,
    cutoffEnd: info.cutoffEnd,
    dueDate: info.dueDate,
    generatedAt: spec.generatedAt ?? `${info.dueDate}T03:00:00.000Z`,
    totals: rates(submissions),
    byKind: { department: rates(submissions.filter((s) => s.kind === 'department')), commune: rates(submissions.filter((s) => s.kind === 'commune')) },
    late: submissions.filter((s) => s.received && s.onTime === false).length,
    missing: submissions.filter((s) => !s.received).map((s) => s.unit),
    submissions,
    indicators,
    tasks,
    concerns: [],
    concernGroups: [],
    intake: [],
    notes: [],
    duplicates: [],
  };
}
