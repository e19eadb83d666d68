/// <reference types="office-js" />
import { ConsolidationCancelledError } from '../../../lib/app/consolidate';
import { consolidationHeadline } from '../../../lib/app/headline';
import { reportingPeriodOn } from '../../../lib/app/period';
import type { Consolidation } from '../../../lib/consolidate/types';
import { createPeriod, describePeriod, parsePeriod, type Period } from '../../../lib/period/period';
import type { Receipt } from '../../../lib/app/intake';
import type { FieldValue } from '../../../lib/validate/check';
import { consolidateFiles, readPickedPrevious, readPickedReceipts, type PickedFile } from '../consolidate-flow';
import { EXCEL_API, type ApiSupport } from '../office/features';
import { describeError } from '../office/errors';
import { openSummaryWorkbook } from '../office/new-workbook';
import { runExcel } from '../office/run';
import { WorkbookProtectedError, WriteCancelledError, WriteFailedError, writeSummaryModel } from '../office/write-summary';
import { byId, clear, h, notice } from './dom';
import { historyNoteLines, type HistoryPicker } from './history-picker';

export interface ConsolidateViewOptions {
  now: () => Date;
  apiSupport: ApiSupport;
  /** Earlier months' summaries picked for the Xu hướng sheet (as `--history`). */
  history: HistoryPicker;
  /** A run's consolidation once it is written (the report drafts from it); undefined when a run starts. */
  onConsolidated?: (consolidation: Consolidation | undefined) => void;
}

const SECRET_KEY = 'da06.integrityKey';

/** The key stays on this machine only (never in the workbook, which travels); storage may be refused. */
function readSecret(): string {
  try {
    return window.localStorage.getItem(SECRET_KEY) ?? '';
  } catch {
    return '';
  }
}

function storeSecret(value: string): void {
  try {
    if (value) window.localStorage.setItem(SECRET_KEY, value);
    else window.localStorage.removeItem(SECRET_KEY);
  } catch {
    // Private mode or a locked-down profile: the key is simply asked again next time.
  }
}

/** Empties a file input where the browser allows it (the view keeps its own record of what is picked). */
function forget(input: HTMLInputElement): void {
  try {
    input.value = '';
  } catch {
    // IE11 may refuse; the pick is forgotten all the same.
  }
}

/** `dòng 4: …` as a sentence of its own: `Dòng 4: ….` */
function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The "Tổng hợp" view: pick files, consolidate in the pane, write the summary with progress and cancel. */
export class ConsolidateView {
  private controller: AbortController | undefined;
  /** The optional files as picked, kept here: IE11 does not always let a file input be emptied. */
  private receiptsPicked: File | undefined;
  private previousPicked: File | undefined;
  private readonly month = byId<HTMLSelectElement>('period-month');
  private readonly year = byId<HTMLSelectElement>('period-year');
  private readonly periodHint = byId('period-hint');
  private readonly files = byId<HTMLInputElement>('files');
  private readonly fileSummary = byId('file-summary');
  private readonly runButton = byId<HTMLButtonElement>('consolidate');
  private readonly cancelButton = byId<HTMLButtonElement>('cancel');
  private readonly progressBox = byId('progress-box');
  private readonly progress = byId<HTMLProgressElement>('progress');
  private readonly progressLabel = byId('progress-label');
  private readonly result = byId('consolidate-result');
  private readonly newWorkbook = byId<HTMLInputElement>('target-new');
  private readonly receipts = byId<HTMLInputElement>('receipts');
  private readonly receiptsSummary = byId('receipts-summary');
  private readonly receiptsProblems = byId('receipts-problems');
  private readonly receiptsClear = byId<HTMLButtonElement>('receipts-clear');
  private readonly previous = byId<HTMLInputElement>('previous');
  private readonly previousSummary = byId('previous-summary');
  private readonly previousClear = byId<HTMLButtonElement>('previous-clear');
  private readonly secret = byId<HTMLInputElement>('secret');
  private readonly rememberSecret = byId<HTMLInputElement>('remember-secret');

  constructor(private readonly options: ConsolidateViewOptions) {
    const current = reportingPeriodOn(options.now());
    for (let m = 1; m <= 12; m += 1) this.month.append(h('option', { value: m, selected: m === current.month }, `Tháng ${m}`));
    for (let y = current.year - 1; y <= current.year + 1; y += 1) this.year.append(h('option', { value: y, selected: y === current.year }, String(y)));
    this.month.addEventListener('change', () => this.showPeriod());
    this.year.addEventListener('change', () => this.showPeriod());
    this.files.addEventListener('change', () => this.showFiles());
    this.receipts.addEventListener('change', () => {
      this.receiptsPicked = this.receipts.files?.[0];
      void this.showReceipts();
    });
    this.previous.addEventListener('change', () => {
      this.previousPicked = this.previous.files?.[0];
      void this.showPrevious();
    });
    this.receiptsClear.addEventListener('click', () => {
      this.receiptsPicked = undefined;
      forget(this.receipts);
      void this.showReceipts();
    });
    this.previousClear.addEventListener('click', () => {
      this.previousPicked = undefined;
      forget(this.previous);
      void this.showPrevious();
    });
    this.runButton.addEventListener('click', () => void this.run());
    this.cancelButton.addEventListener('click', () => {
      this.controller?.abort();
      this.progressLabel.textContent = 'Đang hủy…';
    });
    if (!options.apiSupport(EXCEL_API.createWorkbook)) {
      this.newWorkbook.disabled = true;
      byId('target-new-hint').textContent = 'Phiên bản Excel này chưa hỗ trợ mở sổ mới từ phần bổ trợ (cần Excel 2021, Microsoft 365 hoặc Excel trên web).';
    }
    const remembered = readSecret();
    if (remembered) {
      this.secret.value = remembered;
      this.rememberSecret.checked = true;
    }
    this.rememberSecret.addEventListener('change', () => storeSecret(this.rememberSecret.checked ? this.secret.value : ''));
    this.secret.addEventListener('change', () => {
      if (this.rememberSecret.checked) storeSecret(this.secret.value);
    });
    this.showPeriod();
    this.showFiles();
    void this.showReceipts();
    void this.showPrevious();
  }

  private period(): Period {
    return createPeriod(Number(this.year.value), Number(this.month.value));
  }

  private showPeriod(): void {
    const info = describePeriod(this.period());
    this.periodHint.textContent = `${info.cutoffText}. ${info.dueText}.`;
    // Whether last month's summary fits depends on the month chosen.
    if (this.previousPicked) void this.showPrevious();
  }

  private receiptsFile(): File | undefined {
    return this.receiptsPicked;
  }

  private previousFile(): File | undefined {
    return this.previousPicked;
  }

  /** The picked receipts log, read as `--receipts` is; undefined when none is picked. */
  private async readReceipts(): Promise<{ receipts: Map<string, Receipt>; problems: string[] } | { refused: string } | undefined> {
    const file = this.receiptsFile();
    if (!file) return undefined;
    const read = await readPickedReceipts(file);
    return read.ok ? { receipts: read.receipts, problems: read.problems } : { refused: `Không dùng được sổ tiếp nhận "${file.name}": ${read.reason}.` };
  }

  /** The picked summary of last month, read and checked against the period chosen, as `--previous` is. */
  private async readPrevious(): Promise<{ values: Map<string, FieldValue>; label: string } | { refused: string } | undefined> {
    const file = this.previousFile();
    if (!file) return undefined;
    const read = await readPickedPrevious(file, this.period());
    if (!read.ok) return { refused: `Không dùng được báo cáo kỳ trước "${file.name}": ${read.reason}.` };
    const period = parsePeriod(read.period);
    return { values: read.values, label: period ? describePeriod(period).label.toLowerCase() : read.period };
  }

  private async showReceipts(): Promise<void> {
    const read = await this.readReceipts();
    this.receiptsClear.hidden = !read;
    clear(this.receiptsProblems);
    this.receiptsProblems.hidden = true;
    this.receiptsSummary.classList.toggle('refused', Boolean(read && 'refused' in read));
    if (!read) {
      this.receiptsSummary.textContent =
        'Không bắt buộc. Sổ CSV UTF-8, mỗi dòng "tên tệp, thời điểm nhận". Thời điểm nhận của một tệp: theo sổ khi sổ ghi tên tệp (tên một thư .eml dùng cho mọi tệp đính kèm), nếu không thì theo tiêu đề Date của thư .eml, rồi theo ngày báo cáo ghi trong biểu.';
    } else if ('refused' in read) {
      this.receiptsSummary.textContent = read.refused;
    } else {
      const skipped = read.problems.length > 0 ? ` Bỏ qua ${read.problems.length} dòng không đọc được:` : '';
      this.receiptsSummary.textContent = `Sổ tiếp nhận "${this.receiptsFile()?.name ?? ''}": thời điểm nhận của ${read.receipts.size} tệp.${skipped}`;
      for (const problem of read.problems) this.receiptsProblems.append(h('li', {}, sentence(problem)));
      this.receiptsProblems.hidden = read.problems.length === 0;
    }
  }

  private async showPrevious(): Promise<void> {
    const read = await this.readPrevious();
    this.previousClear.hidden = !read;
    this.previousSummary.classList.toggle('refused', Boolean(read && 'refused' in read));
    if (!read) this.previousSummary.textContent = 'Không bắt buộc. Tệp tổng hợp của tháng trước do da06 tạo: điền cột "Kỳ trước" và "Thay đổi so với kỳ trước" ở trang Chỉ tiêu.';
    else if ('refused' in read) this.previousSummary.textContent = read.refused;
    else this.previousSummary.textContent = `Kỳ trước: báo cáo tổng hợp ${read.label} ("${this.previousFile()?.name ?? ''}").`;
  }

  private picked(): File[] {
    return Array.from(this.files.files ?? []);
  }

  private showFiles(): void {
    const files = this.picked();
    const eml = files.filter((f) => /\.eml$/i.test(f.name)).length;
    const kinds = [files.length - eml > 0 ? `${files.length - eml} tệp Excel` : '', eml > 0 ? `${eml} thư điện tử .eml` : ''].filter(Boolean).join(', ');
    this.fileSummary.textContent = files.length === 0 ? 'Chưa chọn tệp nào. Có thể chọn nhiều tệp cùng lúc (giữ Ctrl hoặc Shift).' : `Đã chọn ${files.length} tệp: ${kinds}.`;
    this.runButton.disabled = files.length === 0;
  }

  private setProgress(done: number, total: number, label: string, from: number, to: number): void {
    this.progress.value = Math.round(from + ((to - from) * done) / Math.max(1, total));
    this.progressLabel.textContent = label;
  }

  private async run(): Promise<void> {
    const files: PickedFile[] = this.picked();
    if (files.length === 0) return;
    const controller = new AbortController();
    this.controller = controller;
    const now = this.options.now();
    const period = this.period();
    clear(this.result);
    this.runButton.disabled = true;
    this.options.onConsolidated?.(undefined);
    try {
      // An unusable receipts log or summary of last month stops the run before it starts, as the CLI does.
      const [receipts, previous, archive] = await Promise.all([this.readReceipts(), this.readPrevious(), this.options.history.archive()]);
      const refused = [receipts, previous].flatMap((read) => (read && 'refused' in read ? [read.refused] : []));
      if (refused.length > 0) {
        this.result.append(notice('error', 'Chưa tổng hợp', ...refused, 'Chọn lại tệp, hoặc bấm "Bỏ chọn" để tổng hợp không dùng tệp đó.'));
        return;
      }
      this.cancelButton.hidden = false;
      this.progressBox.hidden = false;
      const { consolidation, model, history } = await consolidateFiles(files, {
        period,
        now,
        ...(this.secret.value ? { integrityKey: this.secret.value } : {}),
        ...(receipts && 'receipts' in receipts ? { receipts: receipts.receipts } : {}),
        ...(previous && 'values' in previous ? { previous: previous.values } : {}),
        ...(archive ? { history: { facts: archive.facts, sources: archive.sources } } : {}),
        signal: controller.signal,
        onProgress: (done, total, label) => this.setProgress(done, total, label, 0, 50),
      });
      const notes = history && archive ? historyNoteLines(history, archive.skipped) : [];
      const receiptProblems = receipts && 'problems' in receipts ? receipts.problems : [];
      if (this.newWorkbook.checked) {
        this.setProgress(0, 1, 'Đang mở sổ tổng hợp mới…', 50, 100);
        await openSummaryWorkbook(model, now);
        this.options.onConsolidated?.(consolidation);
        this.showResult(consolidation, 'Đã mở báo cáo tổng hợp trong một sổ mới (có thanh dữ liệu thay cho biểu đồ).', receiptProblems, notes);
      } else {
        const written = await runExcel((context) =>
          writeSummaryModel(context, model, {
            signal: controller.signal,
            apiSupport: this.options.apiSupport,
            onProgress: (done, total, label) => this.setProgress(done, total, label, 50, 100),
          }),
        );
        this.options.onConsolidated?.(consolidation);
        const replaced = written.replaced.length > 0 ? ` Các trang cùng tên của lần tổng hợp trước đã được thay.` : '';
        this.showResult(consolidation, `Đã ghi ${written.sheets.length} trang và ${written.charts} biểu đồ vào sổ đang mở: ${written.sheets.join(', ')}.${replaced}`, receiptProblems, notes);
      }
    } catch (error) {
      this.showFailure(error);
    } finally {
      this.controller = undefined;
      this.cancelButton.hidden = true;
      this.progressBox.hidden = true;
      this.runButton.disabled = this.picked().length === 0;
    }
  }

  private showFailure(error: unknown): void {
    const leftovers = error instanceof WriteCancelledError || error instanceof WriteFailedError ? error.leftovers : [];
    const cleanUp = leftovers.length > 0 ? [`Excel không cho xóa các trang đã ghi dở: ${leftovers.map((n) => `"${n}"`).join(', ')}. Xóa các trang đó bằng tay (chuột phải vào tên trang › Xóa).`] : [];
    if (error instanceof ConsolidationCancelledError || error instanceof WriteCancelledError) {
      this.result.append(notice('info', 'Đã hủy tổng hợp', ...(cleanUp.length > 0 ? cleanUp : ['Sổ đang mở được giữ như trước khi bấm Tổng hợp.'])));
    } else if (error instanceof WorkbookProtectedError) {
      const alternative = this.newWorkbook.disabled ? 'tổng hợp trong một sổ trống (Ctrl+N)' : 'chọn "Một sổ mới" ở mục Ghi kết quả vào';
      this.result.append(notice('error', 'Sổ đang mở được bảo vệ cấu trúc', 'Sổ bật "Bảo vệ sổ làm việc" (Xem lại › Bảo vệ Sổ làm việc) nên phần bổ trợ không thêm được các trang tổng hợp; sổ được giữ nguyên.', `Tắt bảo vệ sổ rồi bấm Tổng hợp lại, hoặc ${alternative}.`));
    } else {
      const cause = error instanceof WriteFailedError ? error.cause : error;
      this.result.append(notice('error', 'Không tổng hợp được', `Lý do: ${describeError(cause)}.`, ...cleanUp, 'Nên tổng hợp trong một sổ trống (Ctrl+N). Nếu vẫn lỗi, tổng hợp các tệp bằng lệnh da06 consolidate trên máy của Văn phòng Tổ công tác.'));
    }
  }

  private showResult(c: Consolidation, written: string, receiptProblems: readonly string[], historyNotes: readonly string[]): void {
    const headline = consolidationHeadline(c);
    this.result.append(notice('success', headline.title, written), h('ul', { class: 'headline' }, ...headline.lines.map((line) => h('li', {}, line))));
    if (historyNotes.length > 0) this.result.append(notice('info', 'Xu hướng các tháng', ...historyNotes));
    if (receiptProblems.length > 0) {
      this.result.append(notice('warning', `Sổ tiếp nhận: bỏ qua ${receiptProblems.length} dòng không đọc được`, ...receiptProblems.map(sentence)));
    }
    if (headline.rejected.length > 0) {
      this.result.append(h('div', { class: 'rejected' }, h('h2', {}, `Tệp bị từ chối (${headline.rejected.length})`), h('ul', {}, ...headline.rejected.map((r) => h('li', {}, `${r.file}: ${r.message}`)))));
    }
  }
}
