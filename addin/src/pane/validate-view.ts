/// <reference types="office-js" />
import { describePeriod, parsePeriod } from '../../../lib/period/period';
import { checkOpenWorkbook, highlightTargets, recheckEdits, type WorkbookCheck } from '../check/check-workbook';
import { bundledContext } from '../check/context';
import { countText, groupIssues, issueText, renderMessage, type Issue } from '../../../lib/issues/issue';
import { periodStanding } from '../../../lib/app/period';
import { EXCEL_API, type ApiSupport } from '../office/features';
import { describeError } from '../office/errors';
import { clearHighlights, highlightIssues, type SheetRefusal } from '../office/highlight';
import type { SheetEdit } from '../office/read';
import { isCellEditError, mayBeCellEdit, runExcel, runExcelRetrying } from '../office/run';
import { goToCell } from '../office/select';
import { watchEdits, type EditWatch } from '../office/watch';
import { byId, clear, h, notice, timeText } from './dom';

const SEVERITY_LABEL = { error: 'Lỗi', warning: 'Cảnh báo' } as const;
const NOT_TEMPLATE = new Set(['workbook/not-template', 'workbook/bad-identity', 'workbook/unknown-template']);
/** Changes made while the add-in writes (and this long after) may be its own on hosts before ExcelApi 1.14. */
const OWN_WRITE_MARGIN_MS = 500;
/** Re-checks put off because the user was typing in a cell, before the pane says it could not re-check. */
const MAX_RECHECK_DEFERRALS = 8;

export interface ValidateViewOptions {
  now: () => Date;
  apiSupport: ApiSupport;
  documentUrl: () => string;
}

function refusalNotice(refused: readonly SheetRefusal[]): HTMLElement | null {
  if (refused.length === 0) return null;
  const lines = refused.map((r) =>
    r.reason === 'protected'
      ? `Trang "${r.sheet}" đang được bảo vệ và không cho phép định dạng ô, nên không tô màu được. Người quản lý biểu mẫu có thể bật quyền "Định dạng ô" (Xem lại › Bảo vệ Trang tính).`
      : `Excel không cho đổi màu ô trên trang "${r.sheet}"${r.detail ? ` (${r.detail})` : ''}.`,
  );
  return notice('warning', 'Không tô màu được một số ô', ...lines, 'Danh sách lỗi bên dưới vẫn đầy đủ; bấm vào từng lỗi để đến ô cần sửa.');
}

/** Counts edited rows for the status line. */
function editedRows(edits: readonly SheetEdit[]): number {
  const rows = new Set<string>();
  for (const edit of edits) {
    const match = /^([A-Z]*)(\d+)(?::([A-Z]*)(\d+))?$/.exec(edit.address.replace(/\$/g, ''));
    if (!match) continue;
    const from = Number(match[2]);
    const to = Number(match[4] ?? match[2]);
    for (let r = from; r <= Math.min(to, from + 10_000); r += 1) rows.add(`${edit.sheet}:${r}`);
  }
  return rows.size;
}

/** The "Kiểm tra báo cáo" view: check, list, colour, follow edits. Excel calls run one after another. */
export class ValidateView {
  private check: WorkbookCheck | undefined;
  private watch: EditWatch | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private ownWriteUntil = 0;
  private recheckDeferrals = 0;
  /** The last re-check's colours did not reach the sheet (the user was typing in a cell). */
  private highlightStale = false;
  private readonly checkButton = byId<HTMLButtonElement>('check');
  private readonly clearButton = byId<HTMLButtonElement>('clear-marks');
  private readonly highlightOption = byId<HTMLInputElement>('opt-highlight');
  private readonly watchOption = byId<HTMLInputElement>('opt-watch');
  private readonly status = byId('check-status');
  private readonly notices = byId('check-notices');
  private readonly summary = byId('check-summary');
  private readonly list = byId('issue-list');

  constructor(private readonly options: ValidateViewOptions) {
    this.checkButton.addEventListener('click', () => void this.enqueue(() => this.runCheck()));
    this.clearButton.addEventListener('click', () => void this.enqueue(() => this.runClear()));
    this.watchOption.addEventListener('change', () => void this.enqueue(() => this.updateWatch()));
    // Turning colours off takes them off the sheet too; turning them on shows them at the next check.
    this.highlightOption.addEventListener('change', () => {
      if (!this.highlightOption.checked) void this.enqueue(() => this.runClear());
    });
    this.showUndoHint();
  }

  /** Where Excel may clear its Undo list on an add-in change, automatic re-checks cost Undo: say so beside the choice. */
  private showUndoHint(): void {
    if (this.options.apiSupport(EXCEL_API.undoGroup)) return;
    const label = this.watchOption.parentNode;
    const hint = h(
      'p',
      { class: 'hint', id: 'watch-undo-hint' },
      'Trên phiên bản Excel này, mỗi lần phần bổ trợ tô lại màu sau khi bạn sửa ô, Excel có thể xóa danh sách Hoàn tác (Ctrl+Z). Cần hoàn tác thì bỏ chọn mục này và bấm Kiểm tra khi sửa xong.',
    );
    label?.parentNode?.insertBefore(hint, label.nextSibling);
  }

  /** Excel calls never overlap: a re-check waits for the click before it. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task, task).catch((error: unknown) => this.showFailure(error));
    this.queue = next;
    return next;
  }

  private setBusy(busy: boolean, text?: string): void {
    this.checkButton.disabled = busy;
    this.clearButton.disabled = busy;
    if (text !== undefined) this.status.textContent = text;
  }

  private showFailure(error: unknown): void {
    this.setBusy(false, '');
    clear(this.notices);
    if (isCellEditError(error)) {
      // Not a failure: Excel waits for the user to leave the cell they are typing in.
      this.notices.append(notice('info', 'Excel đang chờ bạn nhập xong ô', 'Bấm Enter hoặc Esc để ra khỏi ô đang nhập, rồi bấm lại.'));
      return;
    }
    this.notices.append(notice('error', 'Không thực hiện được', `Excel báo lỗi: ${describeError(error)}.`, 'Thử lại; nếu vẫn lỗi, đóng và mở lại ngăn Đề án 06.'));
  }

  private async runCheck(): Promise<void> {
    this.setBusy(true, 'Đang đọc sổ tính…');
    clear(this.notices);
    const check = await runExcelRetrying((context) => checkOpenWorkbook(context, bundledContext(), { documentUrl: this.options.documentUrl() }));
    this.check = check;
    this.render(check);
    if (check.submission && this.highlightOption.checked) {
      this.status.textContent = 'Đang tô màu ô có lỗi…';
      await this.applyHighlights(check, false, true);
    }
    await this.updateWatch();
    this.setBusy(false, `Đã kiểm tra lúc ${timeText(this.options.now())}.`);
  }

  private async applyHighlights(check: WorkbookCheck, onlyIfMarked: boolean, retry: boolean): Promise<void> {
    const batch = (context: Excel.RequestContext) => highlightIssues(context, highlightTargets(check), { onlyIfMarked });
    const result = await this.ownWrite(() => (retry ? runExcelRetrying(batch) : runExcel(batch)));
    const refused = refusalNotice(result.refused);
    if (refused) this.notices.append(refused);
  }

  private async runClear(): Promise<void> {
    this.setBusy(true, 'Đang bỏ tô màu…');
    clear(this.notices);
    const result = await this.ownWrite(() => runExcelRetrying((context) => clearHighlights(context)));
    const refused = refusalNotice(result.refused);
    if (refused) this.notices.append(refused);
    this.setBusy(false, result.restored > 0 ? `Đã bỏ tô màu ${result.restored} ô, trả lại màu nền vốn có của từng ô.` : 'Không có ô nào đang được da06 tô màu.');
  }

  /** Marks the add-in's own writes, with a margin for events that arrive after the request returns. */
  private async ownWrite<T>(write: () => Promise<T>): Promise<T> {
    this.ownWriteUntil = Number.POSITIVE_INFINITY;
    try {
      return await write();
    } finally {
      this.ownWriteUntil = Date.now() + OWN_WRITE_MARGIN_MS;
    }
  }

  /** Watches the checked sheets; a watch already on the same sheets is kept, so no edit made meanwhile is lost. */
  private async updateWatch(): Promise<void> {
    const sheets = this.check?.sheetOrder ?? [];
    const wanted = this.watchOption.checked && sheets.length > 0;
    if (wanted && this.watch && this.watch.sheets.join('\u0000') === sheets.join('\u0000')) return;
    if (this.watch) {
      const old = this.watch;
      this.watch = undefined;
      await old.stop().catch(() => undefined);
    }
    if (!wanted) return;
    this.watch = await runExcel((context) =>
      watchEdits(context, sheets, (edits) => void this.enqueue(() => this.runRecheck(edits)), {
        // Hosts before ExcelApi 1.14 do not say who made a change: what arrives while the add-in writes is held, then re-read.
        isOwnWrite: () => !this.options.apiSupport(EXCEL_API.triggerSource) && Date.now() < this.ownWriteUntil,
      }),
    );
  }

  private async runRecheck(edits: SheetEdit[]): Promise<void> {
    const previous = this.check;
    if (!previous?.submission) return;
    this.setBusy(true);
    try {
      const check = await runExcel((context) => recheckEdits(context, previous, edits, bundledContext()));
      this.check = check;
      const changed = check.changedCells !== 0;
      if (changed) {
        clear(this.notices);
        this.render(check);
      }
      if ((changed || this.highlightStale) && check.submission && this.highlightOption.checked) {
        this.highlightStale = true;
        await this.applyHighlights(check, true, false);
        this.highlightStale = false;
      }
      this.recheckDeferrals = 0;
      const rows = editedRows(edits);
      // Nothing changed in the re-read rows: the change was a fill (perhaps the add-in's own), the status stays.
      this.setBusy(false, changed ? `Đã kiểm tra lại${rows > 0 ? ` ${rows} dòng vừa sửa` : ''} lúc ${timeText(this.options.now())}.` : undefined);
    } catch (error) {
      // The user is typing in a cell on a build that does not hold the batch: try again later, silently.
      if (!mayBeCellEdit(error) || !this.watch || this.recheckDeferrals >= MAX_RECHECK_DEFERRALS) throw error;
      this.recheckDeferrals += 1;
      this.watch.retry(edits);
      this.setBusy(false, 'Sẽ kiểm tra lại khi bạn nhập xong ô đang sửa…');
    }
  }

  private render(check: WorkbookCheck): void {
    clear(this.summary);
    clear(this.list);
    const identity = check.submission?.identity;
    if (!identity) {
      const reasons = check.issues.filter((i) => NOT_TEMPLATE.has(i.code));
      this.notices.append(
        notice(
          'error',
          'Sổ đang mở không phải biểu mẫu báo cáo Đề án 06',
          'Phần bổ trợ chỉ kiểm tra được biểu mẫu do da06 tạo: tệp Công an tỉnh gửi cho đơn vị, có trang định danh ẩn.',
          ...reasons.filter((i) => i.code !== 'workbook/not-template').map((i) => renderMessage(i)),
          'Mở đúng tệp biểu mẫu của đơn vị rồi bấm Kiểm tra.',
        ),
      );
      const others = check.issues.filter((i) => !NOT_TEMPLATE.has(i.code));
      if (others.length > 0) this.renderGroups(others, check.sheetOrder);
      return;
    }
    const standing = periodStanding(identity.period, this.options.now());
    const period = parsePeriod(identity.period);
    const label = period ? describePeriod(period).label : identity.period;
    if (standing?.kind === 'past' && period) {
      const current = describePeriod(standing.current);
      const due = (text: string) => text.replace(/^Hạn gửi:\s*/, '');
      this.notices.append(
        notice(
          'warning',
          `Đây là biểu mẫu kỳ ${label}, không phải kỳ đang báo cáo`,
          `Kỳ đang báo cáo là ${current.label} (hạn gửi ${due(current.dueText)}). Hạn gửi báo cáo ${label.toLowerCase()} (${due(describePeriod(period).dueText)}) đã qua.`,
          `Nếu đơn vị đang làm báo cáo ${current.label.toLowerCase()}, hãy mở biểu mẫu của kỳ đó: Công an tỉnh không tổng hợp biểu mẫu của kỳ khác.`,
        ),
      );
    }
    this.summary.append(
      h('p', { class: 'who' }, `${identity.unitName} (${identity.unitCode}) · ${label}`),
      check.issues.length === 0
        ? notice('success', 'Biểu mẫu hợp lệ', 'Không có lỗi, không có cảnh báo. Đơn vị có thể lưu tệp và gửi về Công an tỉnh.')
        : h('p', { class: `counts ${check.errors > 0 ? 'has-errors' : 'has-warnings'}` }, `Tìm thấy ${countText(check.errors, check.warnings)}.`),
    );
    this.renderGroups(check.issues, check.sheetOrder, check.submission?.sheetNames);
  }

  private renderGroups(issues: readonly Issue[], sheetOrder: readonly string[], sheetNames?: { indicators: string; tasks: string }): void {
    for (const group of groupIssues(issues, sheetOrder)) {
      const heading = h('h2', {}, group.sheet ?? 'Chung (cả tệp)', h('span', { class: 'count' }, countText(group.errors, group.warnings)));
      const items = group.issues.map((issue) => {
        const button = h(
          'button',
          { type: 'button', class: `issue issue-${issue.severity}`, title: issue.cell ? `Đến ô ${issue.cell}` : group.sheet ? `Đến trang ${group.sheet}` : undefined, disabled: !issue.sheet },
          h('span', { class: 'badge' }, SEVERITY_LABEL[issue.severity]),
          issue.cell ? h('span', { class: 'cell' }, issue.cell) : null,
          h('span', { class: 'message' }, issueText(issue, sheetNames)),
        );
        if (issue.sheet) button.addEventListener('click', () => void this.enqueue(() => this.goTo(issue)));
        return h('li', {}, button);
      });
      this.list.append(h('section', { class: 'group' }, heading, h('ol', { class: 'issues' }, ...items)));
    }
  }

  private async goTo(issue: Issue): Promise<void> {
    try {
      await runExcelRetrying((context) => goToCell(context, issue.sheet as string, issue.cell));
      this.status.textContent = issue.cell ? `Đã chọn ô ${issue.cell} trang "${issue.sheet}".` : `Đã mở trang "${issue.sheet}".`;
    } catch (error) {
      this.status.textContent = `Không chọn được ô ${issue.cell ?? ''} trang "${issue.sheet}" (${describeError(error)}).`;
    }
  }
}
