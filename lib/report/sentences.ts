// The report's Vietnamese, generated from the data: numbers with a decimal comma, dates dd/mm/yyyy,
// lists of names as an officer writes them, and no sentence about an empty list unless it says so plainly.
import { formatDayMonthYear, formatNumber, formatPercent } from '../period/format';
import type { UnitKind } from '../roster/schema';
import { concernKey } from '../consolidate/concern-groups';
import { INDICATOR_STATUS_LABELS, UNIT_KIND_LABELS } from './labels';
import type {
  AtRiskIndicator,
  ConcernGroup,
  ConcernItem,
  IndicatorDisagreement,
  IndicatorLine,
  IndicatorStatus,
  LateUnit,
  RejectedUnit,
  RepeatOffender,
  ReportInput,
  ReportNote,
  ReportPeriod,
  ReportRates,
  ReportValue,
  TaskLine,
  TasksByLead,
  UnitRef,
} from './model';

/**
 * Names joined as Vietnamese writes a list: commas, and "và" before the last.
 * @example joinList(['Sở Y tế', 'Sở Tư pháp', 'UBND xã Quảng Phú']) === 'Sở Y tế, Sở Tư pháp và UBND xã Quảng Phú'
 */
export function joinList(items: readonly string[], conjunction = 'và'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] as string}`;
}

/** A fraction 0–1 as a percentage with one decimal, the one formatter of lib/period/format.ts. */
export { formatPercent };

/**
 * The change between two rates, in percentage points, against a named month.
 * @example formatRateChange(0.95, 0.93, 'tháng 10/2026') === 'tăng 2 điểm phần trăm so với tháng 10/2026'
 */
export function formatRateChange(now: number, before: number, against: string): string {
  const points = Math.round((now - before) * 1000) / 10;
  if (points === 0) return `bằng ${against}`;
  return `${points > 0 ? 'tăng' : 'giảm'} ${formatNumber(Math.abs(points))} điểm phần trăm so với ${against}`;
}

/**
 * `tháng 11/2026` for a period id, the form used inside sentences and in the subject line.
 * @example monthPhrase('2026-11') === 'tháng 11/2026'
 */
export function monthPhrase(periodId: string): string {
  const [year, month] = periodId.split('-');
  return `tháng ${Number(month)}/${year}`;
}

/** The plan's words for a month, ending in a period or colon, fit inside a sentence once that is dropped. */
function bare(text: string): string {
  return text.trim().replace(/[.;:,\s]+$/, '');
}

/** Unit-written text: trimmed, line breaks kept, nothing else touched. */
function unitText(text: string): string {
  return text.trim();
}

const COMMUNE_PREFIX = /^(Xã|Phường|Thị trấn)\s+(.+)$/;

/**
 * A unit as the body of a report names it: communes by their People's Committee.
 * @example unitName({ code: '14758', name: 'Phường Hàm Rồng', kind: 'commune' }) === 'UBND phường Hàm Rồng'
 */
export function unitName(unit: UnitRef): string {
  if (unit.kind !== 'commune') return unit.name;
  const match = COMMUNE_PREFIX.exec(unit.name);
  return match ? `UBND ${(match[1] as string).toLowerCase()} ${match[2] as string}` : `UBND ${unit.name}`;
}

/**
 * Units as one phrase. Few units read as a plain list; communes of one type are grouped
 * (`UBND các xã: A, B, C`) and the groups separated by semicolons. `detail` adds words after a name.
 * @example joinUnits([syt, stp, xaQuangPhu]) === 'Sở Y tế, Sở Tư pháp và UBND xã Quảng Phú'
 */
export function joinUnits<U extends UnitRef>(units: readonly U[], detail?: (unit: U) => string | null): string {
  const withDetail = (text: string, unit: U) => {
    const extra = detail?.(unit);
    return extra ? `${text} (${extra})` : text;
  };
  const departments: string[] = [];
  const communes = new Map<string, string[]>();
  for (const unit of units) {
    const match = unit.kind === 'commune' ? COMMUNE_PREFIX.exec(unit.name) : null;
    if (!match) {
      departments.push(withDetail(unitName(unit), unit));
      continue;
    }
    const type = (match[1] as string).toLowerCase();
    communes.set(type, [...(communes.get(type) ?? []), withDetail(match[2] as string, unit)]);
  }
  if ([...communes.values()].every((names) => names.length === 1)) {
    return joinList(units.map((u) => withDetail(unitName(u), u)));
  }
  const parts = departments.length ? [departments.join(', ')] : [];
  for (const [type, names] of communes) parts.push(names.length === 1 ? `UBND ${type} ${names[0] as string}` : `UBND các ${type}: ${names.join(', ')}`);
  return parts.join('; ');
}

/**
 * A reported value with its unit of measure; list entries in quotes.
 * @example formatValue(85.5, '%') === '85,5%'; formatValue(12, 'CSDL') === '12 CSDL'; formatValue('Hoàn thành', '-') === '“Hoàn thành”'
 */
export function formatValue(value: ReportValue, unitOfMeasure: string | null): string {
  if (value === null || value === '') return 'chưa có số liệu';
  if (typeof value === 'string') return `“${value.trim()}”`;
  const number = formatNumber(value);
  const uom = unitOfMeasure?.trim() ?? '';
  if (uom === '%') return `${number}%`;
  // `-` means no unit; `Hoàn thành` is the plan's word for a target, not a unit a number can carry.
  if (uom === '' || uom === '-' || uom.toLowerCase() === 'hoàn thành') return number;
  return `${number} ${uom}`;
}

const LEADING_NUMBER = /^((?:≥|>=|≤|<=|>|<)?\s*)(\d+(?:[.,]\d+)?)/;

/**
 * A target in the plan's words with its unit where the plan left it off (the unit has its own column there).
 * @example formatTarget('≥ 80', '%') === '≥ 80%'; formatTarget('3', 'CSDL') === '3 CSDL'; formatTarget('Hoàn thành', '-') === 'Hoàn thành'
 */
export function formatTarget(target: string, unitOfMeasure: string | null): string {
  const text = target.trim();
  const uom = unitOfMeasure?.trim() ?? '';
  if (uom === '' || uom === '-' || uom.toLowerCase() === 'hoàn thành' || text.includes(uom)) return text;
  return text.replace(LEADING_NUMBER, (_, sign: string, number: string) => `${sign}${number}${uom === '%' ? '%' : ` ${uom}`}`);
}

/** `ngày` count words: Vietnamese has no plural, so "1 ngày" and "3 ngày" are both right. */
function days(n: number): string {
  return `${formatNumber(n)} ngày`;
}

// ——— I. Kết quả thực hiện ———

function kindPhrase(kind: UnitKind, n: number): string {
  return kind === 'department' ? `${formatNumber(n)} sở, ban, ngành` : `${formatNumber(n)} xã, phường`;
}

/** Công tác báo cáo: the figures of the month, by kind, with last month's when known. */
export function reportingParagraphs(input: ReportInput): { lead: string[]; items: string[] } {
  const { total, byKind, previous } = input.reporting;
  const period = input.period;
  const before = previous ? monthPhrase(previous.periodId) : null;
  const kinds = (['department', 'commune'] as const).filter((k) => byKind[k].expected > 0);
  const lead: string[] = [];
  const composition = kinds.length > 1 ? ` (${joinList(kinds.map((k) => kindPhrase(k, byKind[k].expected)))})` : '';
  lead.push(
    `Kỳ báo cáo ${monthPhrase(period.id)} có ${formatNumber(total.expected)} đơn vị phải báo cáo${composition}; số liệu tính từ ngày ${formatDayMonthYear(period.cutoffStart)} đến ngày ${formatDayMonthYear(period.cutoffEnd)}, hạn gửi ${dueWords(period)}.`,
  );
  lead.push(receivedSentence(total, input.asOf, before ? previous?.total : undefined, before));
  const items = kinds.map((kind) => {
    const r = byKind[kind];
    const was = previous?.byKind[kind];
    const label = UNIT_KIND_LABELS[kind];
    const rate = `${formatNumber(r.received)}/${formatNumber(r.expected)} đơn vị đã gửi báo cáo (${formatPercent(r.reportingRate)}${was && before ? `, ${formatRateChange(r.reportingRate, was.reportingRate, before)}` : ''})`;
    const onTime = r.received === 0 ? '' : r.onTime === r.received ? ', tất cả đúng hạn' : r.onTime === 0 ? ', không có đơn vị nào gửi đúng hạn' : `, ${formatNumber(r.onTime)} đơn vị gửi đúng hạn (${formatPercent(r.onTimeRate)})`;
    return r.received === 0 ? `- ${label}: chưa có đơn vị nào trong ${formatNumber(r.expected)} đơn vị gửi báo cáo.` : `- ${label}: ${rate}${onTime}.`;
  });
  return { lead, items };
}

function dueWords(period: ReportPeriod): string {
  return `${period.dueIsExclusive ? 'trước ngày' : 'chậm nhất ngày'} ${formatDayMonthYear(period.dueDate)}`;
}

function receivedSentence(t: ReportRates, asOf: string, was: ReportRates | undefined, before: string | null): string {
  const at = `Tính đến ngày ${formatDayMonthYear(asOf)}`;
  if (t.received === 0) return `${at}, chưa nhận được báo cáo của đơn vị nào.`;
  const change = (now: number, then: number | undefined) => (then !== undefined && before ? `, ${formatRateChange(now, then, before)}` : '');
  const head = `${at}, đã nhận báo cáo của ${formatNumber(t.received)}/${formatNumber(t.expected)} đơn vị, đạt ${formatPercent(t.reportingRate)}${change(t.reportingRate, was?.reportingRate)}`;
  const parts: string[] = [];
  if (t.onTime === t.received) parts.push('tất cả đều gửi đúng hạn');
  else {
    parts.push(t.onTime === 0 ? 'không có đơn vị nào gửi đúng hạn' : `${formatNumber(t.onTime)} đơn vị gửi đúng hạn (tỷ lệ đúng hạn ${formatPercent(t.onTimeRate)}${change(t.onTimeRate, was?.onTimeRate)})`);
    if (t.late > 0) parts.push(`${formatNumber(t.late)} đơn vị gửi muộn`);
    if (t.timeUnknown > 0) parts.push(`${formatNumber(t.timeUnknown)} đơn vị chưa xác định được thời điểm gửi`);
  }
  const missing = t.missing > 0 ? ` Còn ${formatNumber(t.missing)} đơn vị chưa gửi báo cáo.` : ' Tất cả các đơn vị phải báo cáo đều đã gửi báo cáo.';
  return `${head}; trong đó ${joinList(parts)}.${missing}`;
}

const STATUS_PHRASES: ReadonlyArray<[IndicatorStatus, (year: number) => string]> = [
  ['met', (y) => `đạt chỉ tiêu năm ${y}`],
  ['notMet', () => 'chưa đạt'],
  ['notYet', () => 'chưa đến mốc đánh giá'],
  ['noData', () => 'chưa có số liệu'],
  ['noTarget', (y) => `không đặt chỉ tiêu năm ${y}`],
  ['flagged', () => 'có số liệu lỗi cần đơn vị kiểm tra lại'],
];

function indicatorItem(line: IndicatorLine, year: number, assessed = false): string {
  const facts = [
    line.status === 'noTarget' ? null : `chỉ tiêu năm ${year}: ${formatTarget(line.target, line.unitOfMeasure)}`,
    line.monitor ? `đơn vị theo dõi: ${line.monitor}` : null,
    assessed ? INDICATOR_STATUS_LABELS[line.status].toLowerCase() : null,
  ].filter((f): f is string => f !== null);
  return `- ${bare(line.name)}: ${formatValue(line.value, line.unitOfMeasure)}${facts.length ? ` (${facts.join('; ')})` : ''}.`;
}

/** Kết quả các chỉ tiêu: counts by status, the notable ones named, monitors that disagree. */
export function indicatorParagraphs(input: ReportInput): string[] {
  const { total, counts, notable, disagreements } = input.indicators;
  const year = input.period.year;
  if (total === 0) return ['Kế hoạch không có chỉ tiêu cần theo dõi trong kỳ.'];
  const parts = STATUS_PHRASES.filter(([status]) => counts[status] > 0).map(([status, phrase]) => `${formatNumber(counts[status])} chỉ tiêu ${phrase(year)}`);
  const out = [`Trong tổng số ${formatNumber(total)} chỉ tiêu tại Phụ lục I của Kế hoạch, có ${joinList(parts)}.`];
  for (const status of ['notMet', 'flagged'] as const) {
    const lines = notable.filter((l) => l.status === status);
    if (!lines.length) continue;
    out.push(status === 'notMet' ? 'Các chỉ tiêu chưa đạt:' : 'Các chỉ tiêu có số liệu lỗi, chưa được đánh giá:');
    out.push(...lines.map((l) => indicatorItem(l, year)));
  }
  const others = notable.filter((l) => l.status !== 'notMet' && l.status !== 'flagged');
  if (others.length) {
    out.push('Một số chỉ tiêu khác:');
    out.push(...others.map((l) => indicatorItem(l, year, true)));
  }
  if (disagreements.length) {
    out.push(`Có ${formatNumber(disagreements.length)} chỉ tiêu các đơn vị cùng theo dõi báo cáo số liệu khác nhau, cần rà soát, thống nhất:`);
    out.push(...disagreements.map((d) => disagreementItem(d)));
  }
  return out;
}

function disagreementItem(d: IndicatorDisagreement): string {
  return `- ${bare(d.name)}: ${d.values.map((v) => `${v.unit} báo cáo ${formatValue(v.value, d.unitOfMeasure)}`).join('; ')}.`;
}

function taskItem(task: TaskLine, withDeadline: boolean): string {
  const progress = task.progress !== null ? `; tiến độ bình quân ${formatNumber(task.progress)}%` : '';
  return `- ${bare(task.name)} (chủ trì: ${task.lead}${withDeadline ? `; thời hạn: ${bare(task.deadline)}` : ''}${progress}).`;
}

/** Kết quả các nhiệm vụ: counts by overall status, completed and overdue named with their leads. */
export function taskParagraphs(input: ReportInput): string[] {
  const { total, counts, completed, completedScope, overdue } = input.tasks;
  if (total === 0) return ['Kế hoạch không có nhiệm vụ cần theo dõi trong kỳ.'];
  const thisMonth = completedScope === 'thisMonth';
  const inMonth = !thisMonth ? '' : completed.length ? ` (trong tháng hoàn thành ${formatNumber(completed.length)} nhiệm vụ)` : ' (trong tháng không có nhiệm vụ mới hoàn thành)';
  const doneWords = counts.done === 0 ? 'chưa có nhiệm vụ nào hoàn thành' : `đã hoàn thành ${formatNumber(counts.done)} nhiệm vụ${inMonth}`;
  const rest = [
    counts.inProgress > 0 ? `${formatNumber(counts.inProgress)} nhiệm vụ đang triển khai` : null,
    counts.notStarted > 0 ? `${formatNumber(counts.notStarted)} nhiệm vụ chưa triển khai` : null,
    counts.noReport > 0 ? `${formatNumber(counts.noReport)} nhiệm vụ chưa có báo cáo của đơn vị thực hiện` : null,
  ].filter((p): p is string => p !== null);
  const out = [`Trong tổng số ${formatNumber(total)} nhiệm vụ tại Kế hoạch, đến nay ${doneWords}${rest.length ? `; ${joinList(rest)}` : ''}.`];
  if (completed.length) {
    out.push(thisMonth ? 'Các nhiệm vụ hoàn thành trong tháng:' : 'Các nhiệm vụ đã hoàn thành:');
    out.push(...completed.map((t) => taskItem(t, false)));
  }
  if (overdue.length) {
    out.push(`Có ${formatNumber(overdue.length)} nhiệm vụ đã quá thời hạn nhưng chưa hoàn thành:`);
    out.push(...overdue.map((t) => taskItem(t, true)));
  } else out.push('Không có nhiệm vụ nào quá thời hạn mà chưa hoàn thành.');
  return out;
}

// ——— II. Tồn tại, hạn chế ———

/** Units that did not report, were late, were refused, or keep failing. */
export function reportingProblemParagraphs(input: ReportInput): string[] {
  const { missing, late, rejected, repeatOffenders } = input.units;
  const out: string[] = [];
  if (missing.length === 0 && late.length === 0) out.push('Tất cả các đơn vị đã gửi báo cáo đúng thời hạn.');
  else {
    out.push(missing.length ? `Còn ${formatNumber(missing.length)} đơn vị chưa gửi báo cáo: ${joinUnits(missing)}.` : 'Không có đơn vị nào chưa gửi báo cáo.');
    out.push(late.length ? `Có ${formatNumber(late.length)} đơn vị gửi báo cáo muộn: ${joinUnits<LateUnit>(late, (u) => (u.daysLate ? `muộn ${days(u.daysLate)}` : null))}.` : 'Không có đơn vị nào gửi báo cáo muộn.');
  }
  if (rejected.length) out.push(`${rejectedLead(rejected)}: ${joinUnits<RejectedUnit>(rejected, (u) => `lý do: ${bare(u.reason)}`)}.`);
  if (repeatOffenders.length) {
    out.push(`Có ${formatNumber(repeatOffenders.length)} đơn vị chậm hoặc không gửi báo cáo từ 2 tháng liên tiếp trở lên: ${joinUnits<RepeatOffender>(repeatOffenders, offenceWords)}.`);
  } else if (input.historyMonths.length) out.push('Không có đơn vị nào chậm hoặc không gửi báo cáo 2 tháng liên tiếp.');
  return out;
}

function rejectedLead(rejected: readonly RejectedUnit[]): string {
  return `Có ${formatNumber(rejected.length)} đơn vị gửi tệp báo cáo không hợp lệ, đã bị từ chối và chưa gửi lại`;
}

function offenceWords(unit: RepeatOffender): string {
  const months = `${formatNumber(unit.months)} tháng liên tiếp`;
  return unit.pattern === 'late' ? `${months} gửi muộn` : unit.pattern === 'missing' ? `${months} không gửi` : `${months} gửi muộn hoặc không gửi`;
}

function atRiskItem(a: AtRiskIndicator, year: number): string {
  const now = formatValue(a.value, a.unitOfMeasure);
  const target = `chỉ tiêu năm ${year}: ${formatTarget(a.target, a.unitOfMeasure)}`;
  const name = bare(a.name);
  const months = a.months ? `${formatNumber(a.months)} tháng` : 'các tháng';
  // The history's sentence, the same as the Xu hướng sheet's, says the pace, the month it reaches and the target's year.
  if (a.explanation) {
    // After the colon the sentence runs on in lower case, with the report's typographic quotes.
    const text = a.explanation.replace(/"([^"]*)"/g, '“$1”');
    return `- ${name}: ${text.charAt(0).toLocaleLowerCase('vi')}${text.slice(1)}`;
  }
  switch (a.reason) {
    case 'paceBelowTarget':
      return `- ${name}: hiện đạt ${now}; theo tốc độ bình quân các tháng đã báo cáo, đến hết năm ${year} dự kiến chỉ đạt ${formatValue(a.projection, a.unitOfMeasure)} (${target}).`;
    case 'declining':
      return a.projection !== null
        ? `- ${name}: giảm dần qua ${months} có số liệu, hiện còn ${now}; theo tốc độ này, đến hết năm ${year} dự kiến còn ${formatValue(a.projection, a.unitOfMeasure)} (${target}).`
        : `- ${name}: giảm qua ${months} có số liệu, hiện còn ${now} (${target}).`;
    case 'stalled':
      return `- ${name}: không thay đổi trong ${months} gần đây, hiện đạt ${now} (${target}).`;
    case 'noRecentData':
      return `- ${name}: chưa có số liệu trong ${months} gần đây (${target}).`;
    case 'milestoneNotReached':
      return `- ${name}: chưa đạt mốc ${formatTarget(a.target, a.unitOfMeasure)}, hiện ở mức ${now}.`;
  }
}

/** Indicators at risk of missing the year's target (from the history), or why that cannot be said yet. */
export function atRiskParagraphs(input: ReportInput): string[] {
  const { atRisk, counts } = input.indicators;
  const year = input.period.year;
  if (atRisk.length) return [`Có ${formatNumber(atRisk.length)} chỉ tiêu có nguy cơ không đạt chỉ tiêu năm ${year}:`, ...atRisk.map((a) => atRiskItem(a, year))];
  const notMet = counts.notMet > 0 ? ` Hiện còn ${formatNumber(counts.notMet)} chỉ tiêu chưa đạt chỉ tiêu năm ${year} (nêu tại mục I.2).` : '';
  if (!input.historyMonths.length) return [`Chưa có số liệu các tháng trước nên chưa đánh giá được nguy cơ không đạt chỉ tiêu năm ${year}.${notMet}`];
  return [`Chưa phát hiện chỉ tiêu có nguy cơ không đạt chỉ tiêu năm ${year} theo tốc độ thực hiện các tháng đã báo cáo.${notMet}`];
}

/** Overdue tasks by lead, those overdue since this month, and tasks nobody reported on. */
export function overdueParagraphs(input: ReportInput): string[] {
  const { overdue, becameOverdue, counts } = input.tasks;
  const out: string[] = [];
  if (overdue.length) {
    const byLead = new Map<string, number>();
    for (const t of overdue) byLead.set(t.lead, (byLead.get(t.lead) ?? 0) + 1);
    out.push(`Còn ${formatNumber(overdue.length)} nhiệm vụ quá thời hạn chưa hoàn thành, theo cơ quan chủ trì:`);
    out.push(...[...byLead].map(([lead, n]) => `- ${lead}: ${formatNumber(n)} nhiệm vụ.`));
  } else out.push('Không có nhiệm vụ quá thời hạn chưa hoàn thành.');
  if (becameOverdue.length) out.push(`Trong tháng, ${formatNumber(becameOverdue.length)} nhiệm vụ mới chuyển sang quá hạn: ${becameOverdue.map((t) => `${bare(t.name)} (${t.lead})`).join('; ')}.`);
  if (counts.noReport > 0) out.push(`Có ${formatNumber(counts.noReport)} nhiệm vụ chưa có báo cáo của đơn vị thực hiện nên chưa đánh giá được tiến độ.`);
  return out;
}

/**
 * Concerns as list items, each text as the unit wrote it (trimmed) with the units that wrote it.
 * @example concernItem({ text: 'Thiếu kinh phí.', units: [syt] }, 'đơn vị phản ánh') === '+ Thiếu kinh phí. (đơn vị phản ánh: Sở Y tế)'
 */
export function concernItem(item: ConcernItem, attribution: string): { text: string; attribution: string } {
  return { text: unitText(item.text), attribution: `(${attribution}: ${joinUnits(item.units)})` };
}

/** Past this many units a summary line gives the count; the appendix names them all. */
const MAX_NAMED = 10;

/**
 * How many units raised difficulties and the ones raised most, each as written; the full list is on the summary's sheet.
 * @example difficultySummary(groups, 'Phụ lục 4', 5)[0].text === 'Có 120 đơn vị phản ánh khó khăn, vướng mắc (227 nội dung, chi tiết tại Phụ lục 4); các nội dung được nhiều đơn vị nêu nhất:'
 */
export function difficultySummary(groups: readonly ConcernGroup[], appendix: string, top: number): Array<{ text: string; attribution?: string }> {
  const items = groups.flatMap((g) => g.items);
  if (!items.length) return [{ text: 'Trong tháng, các đơn vị không phản ánh khó khăn, vướng mắc.' }];
  const units = new Set(items.flatMap((i) => i.units.map((u) => u.code)));
  // The same words under several tasks are one difficulty here, raised by every unit that wrote them.
  const merged = new Map<string, ConcernItem>();
  for (const item of items) {
    const key = concernKey(item.text);
    const seen = merged.get(key);
    if (!seen) merged.set(key, { text: item.text, units: [...item.units] });
    else for (const u of item.units) if (!seen.units.some((s) => s.code === u.code)) seen.units.push(u);
  }
  const most = [...merged.values()].sort((a, b) => b.units.length - a.units.length).slice(0, top);
  const lead = `Có ${formatNumber(units.size)} đơn vị phản ánh khó khăn, vướng mắc (${formatNumber(items.length)} nội dung, chi tiết tại ${appendix})`;
  if (merged.size <= top) return [{ text: `${lead}:` }, ...most.map((i, n) => ({ text: `- ${unitText(i.text)} `, attribution: `(${joinUnits(i.units)})${n === most.length - 1 ? '.' : ';'}` }))];
  return [
    { text: `${lead}; các nội dung được nhiều đơn vị nêu nhất:` },
    ...most.map((i, n) => ({ text: `- ${unitText(i.text)} `, attribution: `(${i.units.length > MAX_NAMED ? `${formatNumber(i.units.length)} đơn vị` : `${i.units.length > 1 ? `${formatNumber(i.units.length)} đơn vị: ` : ''}${joinUnits(i.units)}`})${n === most.length - 1 ? '.' : ';'}` })),
  ];
}

// ——— III. Nhiệm vụ tháng tới ———

/** Tasks due next month, by lead. */
export function dueNextParagraphs(groups: readonly TasksByLead[], next: ReportPeriod): string[] {
  if (!groups.length) return [`Không có nhiệm vụ nào đến hạn trong ${monthPhrase(next.id)}.`];
  const n = groups.reduce((sum, g) => sum + g.tasks.length, 0);
  return [
    `Có ${formatNumber(n)} nhiệm vụ đến hạn trong ${monthPhrase(next.id)}, các đơn vị chủ trì tập trung hoàn thành đúng thời hạn:`,
    ...groups.flatMap((g) => {
      const item = (t: TaskLine) => `${bare(t.name)} (thời hạn: ${t.due ? formatDayMonthYear(t.due) : bare(t.deadline)})`;
      // One task reads on the lead's line; several go underneath, as the plan's texts carry their own semicolons.
      if (g.tasks.length === 1) return [`- ${g.lead}: ${item(g.tasks[0] as TaskLine)}.`];
      return [`- ${g.lead} (${formatNumber(g.tasks.length)} nhiệm vụ):`, ...g.tasks.map((t, i) => `+ ${item(t)}${i === g.tasks.length - 1 ? '.' : ';'}`)];
    }),
  ];
}

/** Recurring obligations, by lead: counts and keys, the plan holds the words. */
export function recurringParagraphs(groups: readonly TasksByLead[]): string[] {
  if (!groups.length) return [];
  const n = groups.reduce((sum, g) => sum + g.tasks.length, 0);
  return [
    `Tiếp tục thực hiện ${formatNumber(n)} nhiệm vụ thường xuyên theo Kế hoạch:`,
    ...groups.map((g) => `- ${g.lead}: ${formatNumber(g.tasks.length)} nhiệm vụ (${g.tasks.map((t) => t.key).join(', ')}).`),
  ];
}

/** What the secretariat expects of the units for next month's report. */
export function nextReportParagraph(input: ReportInput): string {
  const next = input.nextPeriod;
  const behind = input.units.missing.length ? `; các đơn vị chưa gửi báo cáo ${monthPhrase(input.period.id)} khẩn trương gửi bổ sung` : '';
  return `Các sở, ban, ngành và UBND các xã, phường gửi báo cáo ${monthPhrase(next.id)} ${dueWords(next)} theo biểu mẫu do Văn phòng Tổ công tác gửi${behind}.`;
}

// ——— What the report could not know ———

/**
 * One sentence per note.
 * @example noteSentence({ code: 'monthsMissing', periods: ['2026-09'] }) === 'Chưa có số liệu tháng 9/2026 (không có tệp tổng hợp của tháng này); các so sánh theo tháng bỏ qua tháng đó.'
 */
export function noteSentence(note: ReportNote): string {
  switch (note.code) {
    case 'noHistory':
      return 'Chưa có số liệu tổng hợp các tháng trước nên báo cáo chưa so sánh với tháng trước và chưa đánh giá xu hướng.';
    case 'monthsMissing': {
      const months = joinList(note.periods.map(monthPhrase));
      const one = note.periods.length === 1;
      return `Chưa có số liệu ${months} (không có tệp tổng hợp của ${one ? 'tháng này' : 'các tháng này'}); các so sánh theo tháng bỏ qua ${one ? 'tháng đó' : 'các tháng đó'}.`;
    }
    case 'historyCorrected':
      return `Số liệu ${joinList(note.periods.map(monthPhrase))} đã được cập nhật theo báo cáo đơn vị gửi lại sau đó (dùng bản tiếp nhận sau cùng của từng đơn vị).`;
    case 'unattributedFiles':
      return `Có ${formatNumber(note.count)} tệp không đọc được nên không xác định được đơn vị gửi; các tệp này không được tính vào báo cáo.`;
    case 'receiptTimeUnknown':
      return `Chưa xác định được thời điểm gửi báo cáo của ${joinUnits(note.units)} nên chưa tính là đúng hạn hay muộn.`;
    case 'flaggedValues':
      return `Số liệu của ${formatNumber(note.count)} chỉ tiêu có lỗi trong tệp của đơn vị nên chưa được đánh giá; đơn vị cần kiểm tra, gửi lại.`;
    case 'text':
      return note.text.trim();
  }
}
